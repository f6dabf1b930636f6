// The HMIS CSV export screen (supervisors and administrators).
export { HmisExportPage } from './HmisExportPage';
