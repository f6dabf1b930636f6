export { CaseManagersPage } from './CaseManagersPage';
