// HMIS CSV FY2026 import (issue 10 §3), the pure half: validate an export's files and map its
// rows to Fieldnote records, as the inverse of the export (../export). The server applies the
// plan through the merge (sync-server/src/hmis/import/).
export * from './types';
export * from './ids';
export { validateHmisExport, DEFAULT_MAX_IMPORT_ROWS } from './validate';
export { planHmisImport } from './plan';
