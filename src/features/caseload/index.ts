// The caseload feature: the signed-in person's households.
export { CaseloadPage } from './CaseloadPage';
