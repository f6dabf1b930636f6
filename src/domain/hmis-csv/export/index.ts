// The HMIS CSV FY2026 export: every one of the 24 files, in HMIS_FILES order (Export.csv first),
// each a header row then data rows of strings formatted with formatHmisValue. Rows are produced
// as the consumer reads them, page by page from the source (see scope.ts for what a reporting-
// period full refresh contains and why, and the other modules of this folder for each file's
// mapping). Files Fieldnote has no data for are written with their header only: Inventory (case
// management is Services Only), Affiliation (no residential project ids are recorded), Services
// (contacts are CLS in FY2026), Assessment*, Event (no Coordinated Entry), EmploymentEducation
// and YouthEducationStatus (not collected). Local Hennepin answers (household income, documents,
// legal involvement, client choice) and case-manager assignments have no HUD column and are not
// exported.
import type { Provider } from '../../records';
import { HMIS_FILES, type HmisFileName } from '../columns';
import {
  assessmentGroups,
  disabilitiesRows,
  healthAndDvRows,
  incomeBenefitsRows,
} from './assessment-files';
import { clientRow } from './client-file';
import {
  SYSTEM_USER_ID,
  ceParticipationRows,
  exportRow,
  funderRows,
  hmisParticipationRows,
  organizationRows,
  projectCocRows,
  projectRow,
  userRows,
} from './descriptor-files';
import { currentLivingSituationRows, enrollmentRows, exitRows } from './enrollment-files';
import { checkHmisExportParams } from './params';
import { fileOf, type RowFormat, type RowPage } from './rows';
import { buildExportScope, type ExportScope } from './scope';
import type { HmisExportFile, HmisExportParams, HmisExportSource } from './source';

export * from './source';
export { memoryExportSource, type MemoryExportRecords } from './memory-source';
export { hmisExportParamsSchema, checkHmisExportParams } from './params';
export { HmisExportError } from './rows';
export {
  CSV_VERSION,
  SOURCE_TYPE_STANDALONE,
  SYSTEM_USER_ID,
  splitDisplayName,
} from './descriptor-files';
export { assessmentGroups };

/** Client.csv columns that carry hashes in a hashed export (longer than their S50/S9). */
const HASHED_COLUMNS: ReadonlySet<string> = new Set([
  'FirstName',
  'MiddleName',
  'LastName',
  'NameSuffix',
  'SSN',
]);

/** Memoised: the first caller runs it, later callers share the result. */
function once<T>(run: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= run());
}

/**
 * The files of an HMIS CSV FY2026 export of `params.providers` for the period. Throws at once for
 * bad params; errors while reading the source surface while the files' rows are read.
 */
export function hmisExportFiles(
  source: HmisExportSource,
  params: HmisExportParams,
): AsyncIterable<HmisExportFile> {
  checkHmisExportParams(params);
  const format: RowFormat = { exportId: params.exportId, timeZone: params.timeZone };
  const clientFormat: RowFormat = params.hash
    ? { ...format, unboundedColumns: HASHED_COLUMNS }
    : format;
  const providers = new Map<string, Provider>(params.providers.map((p) => [p.id, p]));
  const scope = once(() => buildExportScope(source, params));
  const descriptorUser = once(async () => {
    const id = params.descriptorUserId;
    if (id === undefined || id === null) return SYSTEM_USER_ID;
    const found = await source.users([id]);
    return found.some((u) => u.id === id) ? id : SYSTEM_USER_ID;
  });
  const withScope = (
    run: (scope: ExportScope) => AsyncIterable<RowPage>,
  ): (() => AsyncIterable<RowPage>) =>
    async function* () {
      yield* run(await scope());
    };
  const perProvider = (
    rows: (p: Provider, params: HmisExportParams, user: string, f: RowFormat) => string[][],
  ) =>
    async function* () {
      const user = await descriptorUser();
      for (const p of params.providers) yield rows(p, params, user, format);
    };
  const headerOnly = async function* (): AsyncIterable<RowPage> {};
  const ctx = (s: ExportScope) => ({
    source,
    scope: s,
    endDate: params.endDate,
    providers,
    format,
  });

  const producers: Record<HmisFileName, () => AsyncIterable<RowPage>> = {
    Export: async function* () {
      yield [exportRow(params, format)];
    },
    Organization: async function* () {
      yield organizationRows(params, await descriptorUser(), format);
    },
    User: withScope(async function* (s) {
      const ids = [...new Set([...s.userIds, await descriptorUser()])].sort();
      yield userRows(ids, await source.users(ids), params, format);
    }),
    Project: perProvider((p, prm, user, f) => [projectRow(p, prm, user, f)]),
    Funder: perProvider(funderRows),
    ProjectCoC: perProvider(projectCocRows),
    Inventory: headerOnly,
    Affiliation: headerOnly,
    HMISParticipation: perProvider(hmisParticipationRows),
    CEParticipation: perProvider(ceParticipationRows),
    Client: withScope(async function* (s) {
      for await (const page of source.records('client')) {
        const rows: string[][] = [];
        for (const c of page) {
          if (!c.deleted && s.clientIds.has(c.record.id))
            rows.push(clientRow(c, params.hash, clientFormat));
        }
        yield rows;
      }
    }),
    Enrollment: withScope((s) => enrollmentRows(ctx(s))),
    Exit: withScope((s) => exitRows(ctx(s))),
    IncomeBenefits: withScope((s) => incomeBenefitsRows(ctx(s))),
    HealthAndDV: withScope((s) => healthAndDvRows(ctx(s))),
    EmploymentEducation: headerOnly,
    Disabilities: withScope((s) => disabilitiesRows(ctx(s))),
    Services: headerOnly,
    CurrentLivingSituation: withScope((s) => currentLivingSituationRows(ctx(s))),
    Assessment: headerOnly,
    AssessmentQuestions: headerOnly,
    AssessmentResults: headerOnly,
    Event: headerOnly,
    YouthEducationStatus: headerOnly,
  };

  return {
    async *[Symbol.asyncIterator]() {
      for (const spec of HMIS_FILES) yield fileOf(spec.name, producers[spec.name]);
    },
  };
}
