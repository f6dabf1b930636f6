// The annual assessment feature: recording stage 5 for every member of a household.
export { AnnualAssessmentPage } from './AnnualAssessmentPage';
