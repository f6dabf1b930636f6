// Export.csv lists: 1.1 ExportPeriodType, 1.2 ExportDirective, 1.5 HashStatus, 1.9 SourceType.
import { defineList } from './types';

export const EXPORT_PERIOD_TYPE_LIST = defineList('1.1', 'Export Period Type', [
  { code: 1, label: 'Updated' },
  { code: 3, label: 'Reporting period' },
  { code: 4, label: 'Other' },
]);

export const EXPORT_DIRECTIVE_LIST = defineList('1.2', 'Export Directive', [
  { code: 1, label: 'Delta refresh' },
  { code: 2, label: 'Full refresh' },
  { code: 3, label: 'Other' },
]);

export const HASH_STATUS_LIST = defineList('1.5', 'Hash Status', [
  { code: 1, label: 'Unhashed' },
  { code: 2, label: 'SHA-1 RHY' },
  { code: 3, label: 'Hashed – other' },
  { code: 4, label: 'SHA-256 (RHY)' },
]);

export const SOURCE_TYPE_LIST = defineList('1.9', 'Source Type', [
  { code: 1, label: 'CoC HMIS' },
  { code: 2, label: 'Standalone/agency-specific application' },
  { code: 3, label: 'Data warehouse' },
  { code: 4, label: 'Other' },
]);
