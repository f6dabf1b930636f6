// The real pure parts of an export: the FY2026 mapping and the port of Eva's checks, which run
// with the CSV encoding on the export worker (export-offload.ts) when it is free, and on this
// thread otherwise. Kept apart from export.ts so that its tests can give small stand-ins.
import { hmisExportFiles } from '../../../src/domain/hmis-csv/export';
import { createHmisExportChecker } from '../../../src/domain/hmis-csv/quality';
import type { HmisExportDeps } from './export';
import { workerSink } from './export-offload';

export const HMIS_EXPORT_DEPS: HmisExportDeps = {
  exportFiles: hmisExportFiles,
  createChecker: createHmisExportChecker,
  workerSink,
};
