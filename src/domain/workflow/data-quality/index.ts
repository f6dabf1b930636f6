// The supervisor's data-quality report (issue 10 §4) as a pure view-model: `dataQualityReport`
// takes the records of the device (or any source) with what is known of when each was written
// and synced, and Eva's findings, and answers, for everyone and per case manager (Case Managers
// tab assignments):
//  - completeness per HUD element: answered, 8, 9, 99, missing (./elements.ts, ./completeness.ts);
//  - timeliness: days from contact or information date to first entry, and sync (./timeliness.ts);
//  - Eva's findings grouped by check (./eva.ts), from `deviceEvaCheck` offline (the exporter and
//    checker over the device's records, ./device-check.ts) or the server's exact check online;
//  - the annual assessments due and late (W-ANNUAL-2, ./annual.ts).
// Every finding carries a link target (a screen and an id); the screen turns it into a path.
// Findings hold ids, dates and codes only: names are looked up by the screen, never put in a link.
export * from './types';
export { dataQualityReport } from './report';
export { COMPLETENESS_ELEMENTS, classifyCode } from './elements';
export { timelinessBucket } from './timeliness';
export { evaLink } from './eva';
export {
  deviceEvaCheck,
  isDeviceCheckable,
  type DeviceCheckInput,
  type DeviceCheckResult,
  type DeviceExportRecord,
  type DeviceProvider,
} from './device-check';
