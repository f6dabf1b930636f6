// Eva's checks on the device's own data, for the report offline: the device's records (views
// parsed with the record schemas; one that does not parse is counted, not guessed at) go through
// the same HMIS CSV exporter and the same checker the server runs, over an in-memory source.
// The device knows its providers only by name, project type and CoC codes, not their project
// descriptors (funders, geocodes, participation periods), so only Eva's client data-quality
// checks are kept: descriptor and file-structure findings, and the participation and operating
// period checks (111–120) that read descriptors, would describe what the device lacks, not the
// data. The server's check (POST /api/hmis/exports/check) is exact.
import { EVA_CHECKS } from '../../hmis-csv/quality/eva-checks';
import { createHmisExportChecker } from '../../hmis-csv/quality/checker';
import type { HmisCheckReport, HmisFinding } from '../../hmis-csv/quality/types';
import { hmisExportFiles } from '../../hmis-csv/export';
import { memoryExportSource, type MemoryExportRecords } from '../../hmis-csv/export/memory-source';
import type { ExportRecord, ExportUser } from '../../hmis-csv/export/source';
import {
  RECORD_SCHEMAS,
  providerSchema,
  type Provider,
  type RecordMeta,
  type RecordOfType,
  type RecordType,
} from '../../records';
import { evaRows } from './eva';
import type { DqView } from './types';

/** Checks that read project descriptors, which the device does not hold. */
const DESCRIPTOR_CHECKS: ReadonlySet<string> = new Set([
  '111',
  '112',
  '113',
  '114',
  '115',
  '116',
  '117',
  '118',
  '119',
  '120',
]);

export function isDeviceCheckable(checkId: string): boolean {
  return EVA_CHECKS.get(checkId)?.source === 'dq' && !DESCRIPTOR_CHECKS.has(checkId);
}

export interface DeviceExportRecord {
  readonly view: DqView;
  readonly meta: RecordMeta;
}

/** A provider as the device's account knows it. */
export interface DeviceProvider {
  readonly id: string;
  readonly name: string;
  readonly projectType: number;
  readonly funders: readonly number[];
  readonly cocCodes?: readonly string[];
}

export interface DeviceCheckInput {
  readonly records: { readonly [T in RecordType]?: readonly DeviceExportRecord[] };
  readonly providers: readonly DeviceProvider[];
  readonly users: readonly ExportUser[];
  readonly period: { readonly startDate: string; readonly endDate: string };
  /** ISO instant: Export.csv ExportDate. */
  readonly exportedAt: string;
  readonly timeZone: string;
  readonly softwareVersion: string;
}

export interface DeviceCheckResult {
  readonly report: HmisCheckReport;
  /** Records on the device that are not complete records yet (left out of the check). */
  readonly unreadable: number;
}

function toProvider(p: DeviceProvider): Provider {
  return providerSchema.parse({
    id: p.id,
    name: p.name,
    organizationName: null,
    projectType: p.projectType,
    funders: p.funders,
    cocCode: p.cocCodes?.[0] ?? null,
    active: true,
  });
}

function parsed<T extends RecordType>(
  type: T,
  list: readonly DeviceExportRecord[],
): { ok: ExportRecord<T>[]; bad: number } {
  const ok: ExportRecord<T>[] = [];
  let bad = 0;
  for (const r of list) {
    if (r.view.deleted === true) continue;
    const { deleted: _d, pending: _p, ...fields } = r.view;
    const result = RECORD_SCHEMAS[type].safeParse(fields);
    if (result.success) {
      ok.push({ record: result.data as RecordOfType[T], meta: r.meta, deleted: false });
    } else bad += 1;
  }
  return { ok, bad };
}

export async function deviceEvaCheck(input: DeviceCheckInput): Promise<DeviceCheckResult> {
  const records: { [T in RecordType]?: ExportRecord<T>[] } = {};
  let unreadable = 0;
  for (const type of Object.keys(input.records) as RecordType[]) {
    const { ok, bad } = parsed(type, input.records[type] ?? []);
    (records as Record<RecordType, unknown>)[type] = ok;
    unreadable += bad;
  }
  const source = memoryExportSource(records as MemoryExportRecords, input.users);
  const checker = createHmisExportChecker({ maxFindings: Number.MAX_SAFE_INTEGER });
  const files = hmisExportFiles(source, {
    exportId: `device-${input.exportedAt.replace(/\D/g, '').slice(0, 14)}`,
    providers: input.providers.map(toProvider),
    startDate: input.period.startDate,
    endDate: input.period.endDate,
    exportedAt: input.exportedAt,
    hash: false,
    timeZone: input.timeZone,
    softwareName: 'Fieldnote',
    softwareVersion: input.softwareVersion,
    implementationId: 'fieldnote-device',
  });
  for await (const file of files) {
    let header = true;
    for await (const row of file.rows) {
      if (header) checker.file(file.name, row);
      else checker.row(file.name, row);
      header = false;
    }
  }
  const findings: HmisFinding[] = checker
    .finish()
    .findings.filter((f) => isDeviceCheckable(f.checkId));
  const counts = { error: 0, high: 0, warning: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return { report: { findings, counts, byCheck: evaRows(findings), truncated: false }, unreadable };
}
