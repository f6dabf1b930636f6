// Round trip on SQLite and PostgreSQL (issue 10 §3): the demo caseload exported as HMIS CSV
// FY2026, imported into an empty server, and exported again gives the same rows in every file,
// apart from ExportID (both exports run at one instant, so the export's own dates, which the
// exporter also writes into the descriptor files and User.csv, compare equal). A second import of
// the first export into the second server then changes nothing.
import { Writable } from 'node:stream';
import { formatHlc } from '../../../src/domain/clock/hlc';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hmisFile, isHmisFileName } from '../../../src/domain/hmis-csv';
import { DEMO_PROVIDER_ID, seedDemo } from '../../../sync-server/src/cli/seed-demo';
import { readHmisZip } from '../../../sync-server/src/hmis/csv-zip';
import { runHmisExport, type HmisExportSettings } from '../../../sync-server/src/hmis/export';
import { HMIS_EXPORT_DEPS } from '../../../sync-server/src/hmis/export-deps';
import type { Storage } from '../../../sync-server/src/storage/types';
import { pushMutations } from '../../../sync-server/src/sync/push';
import { TEST_NOW, tempDir } from '../helpers';
import { STORAGE_KINDS, openTestStorage } from '../storage/test-storage';
import { importCli, serverMark, writeBytes } from './import-fixture';

const SETTINGS: HmisExportSettings = {
  timeZone: 'America/Chicago',
  implementationId: 'fieldnote-round-trip',
  sourceName: null,
  sourceContactEmail: null,
};

async function exportZip(storage: Storage, now: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const provider = (await storage.getProvider(DEMO_PROVIDER_ID))!;
  await runHmisExport(
    storage,
    {
      providers: [provider],
      startDate: '2025-01-01',
      endDate: '2026-03-02',
      hash: false,
      userId: null,
      via: 'cli',
      destination,
      now,
      settings: SETTINGS,
    },
    HMIS_EXPORT_DEPS,
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Columns that are the export's own: its id. (Both exports run at one instant, so the dates the
 * exporter writes as the export's time — ExportDate, the descriptor files' and User.csv's
 * DateCreated and DateUpdated — compare equal.)
 */
function exportOwn(_file: string, column: string): boolean {
  return column === 'ExportID';
}

/** Each file's rows as sorted lines, the export's own columns blanked. */
function comparable(files: Map<string, string[][]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, [header = [], ...rows]] of files) {
    const base = name.replace(/\.csv$/, '');
    if (!isHmisFileName(base)) continue;
    expect(header).toEqual(hmisFile(base).columns.map((c) => c.name));
    out[name] = rows
      .map((r) => r.map((v, i) => (exportOwn(name, header[i]!) ? '' : v)).join('|'))
      .sort();
  }
  return out;
}

/** A case manager exits one demo enrollment to Destination 17 with its 3.12.B text, on a device. */
async function exitOne(storage: Storage): Promise<void> {
  const [enrollment] = await storage.listScopedRecords([DEMO_PROVIDER_ID], 'enrollment', null, 1);
  const user = (await storage.listProviderUsers(DEMO_PROVIDER_ID))[0]!;
  const deviceId = 'round-trip-device';
  const exit = {
    exitDate: '2026-03-01',
    exitReason: 'housed',
    destination: 17,
    destinationSubsidyType: null,
    otherDestination: 'With a friend',
  };
  const [result] = await pushMutations(storage, {
    user: {
      id: user.id,
      username: user.username,
      role: user.role,
      providerIds: [DEMO_PROVIDER_ID],
    },
    providerId: DEMO_PROVIDER_ID,
    deviceId,
    now: TEST_NOW + 1000,
    mutations: [
      {
        mutationId: 'a'.repeat(32),
        deviceId,
        seq: 1,
        hlc: formatHlc({ millis: TEST_NOW + 1000, counter: 0, node: deviceId }),
        recordType: 'enrollment',
        recordId: enrollment!.state.id,
        op: 'patch',
        fields: exit,
        seen: {},
      },
    ],
  });
  expect(result?.status).toBe('applied');
}

describe.each(STORAGE_KINDS)('HMIS CSV round trip on %s', (kind) => {
  let first: { storage: Storage; cleanup: () => Promise<void> };
  let second: { storage: Storage; cleanup: () => Promise<void> };
  let dir: { dir: string; cleanup: () => void };
  beforeEach(async () => {
    first = await openTestStorage(kind);
    second = await openTestStorage(kind);
    dir = tempDir('round-trip');
  });
  afterEach(async () => {
    await first.cleanup();
    await second.cleanup();
    dir.cleanup();
  });

  it('export → import into an empty server → export gives the same rows (apart from ExportID and export dates)', async () => {
    await seedDemo(first.storage, { now: TEST_NOW });
    await exitOne(first.storage);
    const original = await exportZip(first.storage, TEST_NOW);
    const originalFiles = await readHmisZip(original);
    // The demo has what the import maps: clients, enrollments, an exit, assessments, disabilities
    // and CLS (tests/domain/hmis-csv/import/round-trip.test.ts adds Updates and Exit assessments).
    for (const name of [
      'Client',
      'Enrollment',
      'Exit',
      'IncomeBenefits',
      'HealthAndDV',
      'Disabilities',
      'CurrentLivingSituation',
    ]) {
      expect(originalFiles.get(`${name}.csv`)!.length, name).toBeGreaterThan(1);
    }

    // The empty server knows the provider (its project descriptors are set by an admin) only.
    await second.storage.putProvider((await first.storage.getProvider(DEMO_PROVIDER_ID))!);
    const zip = writeBytes(dir.dir, 'original.zip', original);
    const run = await importCli(second.storage, [zip, '--provider', DEMO_PROVIDER_ID], {
      now: TEST_NOW,
    });
    expect(run.err).toEqual([]);
    expect(run.out.join('\n')).toMatch(/0 refused/);

    const again = await readHmisZip(await exportZip(second.storage, TEST_NOW));
    const a = comparable(originalFiles);
    const b = comparable(again);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(b[name], name).toEqual(a[name]);

    // And importing the original once more changes nothing.
    const mark = await serverMark(second.storage, DEMO_PROVIDER_ID);
    await importCli(second.storage, [zip, '--provider', DEMO_PROVIDER_ID], { now: TEST_NOW });
    expect(await serverMark(second.storage, DEMO_PROVIDER_ID)).toEqual(mark);
  });
});
