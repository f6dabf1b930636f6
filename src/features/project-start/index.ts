export { ProjectStartPage } from './ProjectStartPage';
