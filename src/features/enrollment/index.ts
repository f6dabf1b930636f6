// The enrollment feature: the hub of one client's enrollment, and filling in what is missing from
// project start.
export { EnrollmentPage } from './EnrollmentPage';
export { BackfillPage } from './BackfillPage';
export { CorrectRecordPage } from './CorrectRecordPage';
