// runHmisExport on SQLite and PostgreSQL: the demo caseload mapped from storage, every row tapped
// into the checker as it streams to the zip, rows counted per file, the period refused in words,
// and the audit entry (who, providers, period, counts; no name, DOB or SSN). The checker here is
// a recording stand-in so these tests say what the plumbing does; export-cli and export-route
// run the real port of Eva's checks.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hmisExportFiles,
  type ExportRecord,
  type HmisExportSource,
} from '../../../src/domain/hmis-csv/export';
import { hmisHeader } from '../../../src/domain/hmis-csv';
import { DEMO_PROVIDER_ID, seedDemo } from '../../../sync-server/src/cli/seed-demo';
import { readHmisZip } from '../../../sync-server/src/hmis/csv-zip';
import {
  HmisExportError,
  hmisExportSettings,
  runHmisExport,
  type HmisCheckReport,
  type HmisExportChecker,
  type HmisExportDeps,
  type HmisExportRun,
} from '../../../sync-server/src/hmis/export';
import { storageExportSource } from '../../../sync-server/src/hmis/export-source';
import { openTestStorage, STORAGE_KINDS } from '../storage/test-storage';
import type { Storage } from '../../../sync-server/src/storage/types';
import { TEST_NOW } from '../helpers';

/** Records what it is fed, in order; reports one warning per file so the audit has counts. */
function recordingChecker(): HmisExportChecker & { seen: string[]; rows: Map<string, number> } {
  const seen: string[] = [];
  const rows = new Map<string, number>();
  return {
    seen,
    rows,
    file(name, header) {
      seen.push(`file:${name}:${header[0]}`);
      rows.set(name, 0);
    },
    row(name) {
      rows.set(name, (rows.get(name) ?? 0) + 1);
    },
    finish(): HmisCheckReport {
      return {
        findings: [],
        counts: { error: 0, high: 0, warning: rows.size },
        byCheck: [],
        truncated: false,
      };
    },
  };
}

function collector(): { stream: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

describe.each(STORAGE_KINDS)('runHmisExport on %s', (kind) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let checker: ReturnType<typeof recordingChecker>;
  let deps: HmisExportDeps;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTestStorage(kind));
    await seedDemo(storage, { now: TEST_NOW });
    checker = recordingChecker();
    deps = { exportFiles: hmisExportFiles, createChecker: () => checker };
  });
  afterEach(async () => {
    await cleanup();
  });

  const runOf = async (overrides: Partial<HmisExportRun> = {}): Promise<HmisExportRun> => ({
    providers: [(await storage.getProvider(DEMO_PROVIDER_ID))!],
    startDate: '2025-03-01',
    endDate: '2026-03-01',
    hash: false,
    userId: null,
    via: 'cli',
    now: TEST_NOW,
    settings: hmisExportSettings({}),
    ...overrides,
  });

  it('streams every file, Export.csv first, each row through the checker, and counts them', async () => {
    const out = collector();
    const result = await runHmisExport(
      storage,
      { ...(await runOf()), destination: out.stream },
      deps,
    );
    const zip = await readHmisZip(out.bytes());
    expect([...zip.keys()][0]).toBe('Export.csv');
    expect(result.files[0]).toEqual({ file: 'Export.csv', rows: 1 });
    expect(zip.get('Client.csv')![0]).toEqual(hmisHeader('Client'));
    for (const { file, rows } of result.files) {
      expect(zip.get(file)!.length - 1, file).toBe(rows);
      expect(checker.rows.get(file), file).toBe(rows);
    }
    expect(checker.seen[0]).toBe('file:Export.csv:ExportID');
    const clients = result.files.find((f) => f.file === 'Client.csv')!.rows;
    expect(clients).toBeGreaterThanOrEqual(24);
    expect(result.files.find((f) => f.file === 'Enrollment.csv')!.rows).toBeGreaterThanOrEqual(
      clients,
    );
    // Export.csv: ExportID is the run's, software Fieldnote, FY2026 CSV.
    const exportRow = Object.fromEntries(
      zip.get('Export.csv')![0]!.map((c, i) => [c, zip.get('Export.csv')![1]![i]]),
    );
    expect(exportRow).toMatchObject({
      ExportID: result.exportId,
      SoftwareName: 'Fieldnote',
      ExportStartDate: '2025-03-01',
      ExportEndDate: '2026-03-01',
      HashStatus: '1',
    });
    expect(result.exportId).toMatch(/^[0-9a-f]{32}$/);
  }, 60_000);

  it('audits the export once per provider: who, period, counts, hash; no person', async () => {
    const out = collector();
    const userId = 'a'.repeat(32);
    const result = await runHmisExport(
      storage,
      { ...(await runOf({ userId, via: 'api', hash: true })), destination: out.stream },
      deps,
    );
    const entries = (await storage.listAudit({ providerId: DEMO_PROVIDER_ID, limit: 50 })).filter(
      (e) => e.action === 'hmis_export',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      userId,
      providerId: DEMO_PROVIDER_ID,
      details: {
        exportId: result.exportId,
        via: 'api',
        kind: 'download',
        providerIds: [DEMO_PROVIDER_ID],
        startDate: '2025-03-01',
        endDate: '2026-03-01',
        hashed: true,
        completed: true,
        findings: { error: 0, high: 0, warning: result.files.length },
      },
    });
    const details = entries[0]!.details as { rows: Record<string, number> };
    expect(details.rows['Client.csv']).toBe(
      result.files.find((f) => f.file === 'Client.csv')!.rows,
    );
    // No client's name reaches the audit log.
    const text = JSON.stringify(entries);
    const clientZip = await readHmisZip(out.bytes());
    const someName = (await storage.listScopedRecords([DEMO_PROVIDER_ID], 'client', null, 1))[0]!
      .state.fields.lastName as string;
    expect(text).not.toContain(someName);
    expect(clientZip.get('Client.csv')!.length).toBeGreaterThan(1);
  }, 60_000);

  it('without a destination only checks, and audits that as a check', async () => {
    const result = await runHmisExport(storage, await runOf(), deps);
    expect(result.files.length).toBeGreaterThan(20);
    const entries = await storage.listAudit({ providerId: DEMO_PROVIDER_ID, limit: 50 });
    expect(entries.filter((e) => e.action === 'hmis_export_check')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'hmis_export')).toHaveLength(0);
  }, 60_000);

  it.each([
    ['2026-13-01', '2026-02-01', /start date "2026-13-01" is not valid/],
    ['2026-02-10', '2026-02-01', /start date \(2026-02-10\) is after the end date/],
    ['2026-02-01', '2026-03-09', /in the future: the period can end today \(2026-03-02\)/],
  ])('refuses the period %s to %s with a clear message', async (startDate, endDate, message) => {
    await expect(runHmisExport(storage, await runOf({ startDate, endDate }), deps)).rejects.toThrow(
      HmisExportError,
    );
    await expect(runHmisExport(storage, await runOf({ startDate, endDate }), deps)).rejects.toThrow(
      message,
    );
    expect(await storage.listAudit({ providerId: DEMO_PROVIDER_ID, limit: 50 })).not.toContainEqual(
      expect.objectContaining({ action: 'hmis_export' }),
    );
  });

  it('the storage source pages by id and reads each record once, deleted ones included', async () => {
    const source: HmisExportSource = storageExportSource(storage, [DEMO_PROVIDER_ID], {
      pageSize: 5,
    });
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of source.records('client')) {
      pages.push(page.length);
      ids.push(...page.map((r) => r.record.id));
    }
    expect(pages.every((n) => n <= 5)).toBe(true);
    expect(pages.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    const got = await source.get('client', [ids[0]!, 'f'.repeat(32)]);
    expect([...got.keys()]).toEqual([ids[0]]);
    expect(got.get(ids[0]!)!.meta.dateCreated).toMatch(/^\d{4}-/);
    const assessments = source.records('assessment')[Symbol.asyncIterator]();
    const first = await assessments.next();
    expect(first.done).toBe(false);
    const page = first.value as readonly ExportRecord<'assessment'>[];
    expect(typeof page[0]!.record.answers).toBe('object');
  });
});
