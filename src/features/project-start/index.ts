export { ProjectStartPage } from './ProjectStartPage';
export { householdPickers } from './pickers';
