// `admin import-hmis` on SQLite and PostgreSQL: a Fieldnote export of a synthetic household is
// imported into a provider through the merge; a second import changes nothing (M7: no new change
// numbers, no conflicts); a Fieldnote edit made after a row's DateUpdated survives a re-import
// (M2), and a later HMIS change wins; metadata and users follow the rows; bad input of every kind
// is refused with a message and imports nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/clock/hlc';
import { singletonAssessmentId } from '../../../src/domain/records';
import { planHmisImport } from '../../../src/domain/hmis-csv/import';
import { main } from '../../../sync-server/src/cli/admin';
import { applyHmisImport } from '../../../sync-server/src/hmis/import/apply';
import { pushMutations } from '../../../sync-server/src/sync/push';
import type { Storage } from '../../../sync-server/src/storage/types';
import { copy, fx, lineOf, setCell } from '../../domain/hmis-csv/import/fixture';
import { TEST_NOW, seedTestUser, tempDir } from '../helpers';
import { STORAGE_KINDS, openTestStorage } from '../storage/test-storage';
import { exportedFiles, importCli, serverMark, writeBytes, writeZip } from './import-fixture';

describe.each(STORAGE_KINDS)('import-hmis on %s', (kind) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let dir: { dir: string; cleanup: () => void };
  let providerId: string;
  let userId: string;

  beforeEach(async () => {
    ({ storage, cleanup } = await openTestStorage(kind));
    dir = tempDir('hmis-import');
    ({ providerId, userId } = await seedTestUser(storage));
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });

  const record = async (type: 'client' | 'enrollment' | 'assessment', id: string) =>
    (await storage.getRecords([{ type, id }])).get(`${type}:${id}`);

  it('imports clients, enrollments with exits, assessments and CLS as ordinary changes, pulled by the provider', async () => {
    const zip = await writeZip(await exportedFiles(), dir.dir);
    const run = await importCli(storage, [zip, '--provider', providerId]);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toMatch(/Client\.csv: 3 read, 3 imported, 0 skipped/);

    const hoh = await record('client', fx.HOH.id);
    expect(hoh?.state.fields).toMatchObject({ firstName: 'Alex', ssn: '501234567', race: [3] });
    const enrollment = await record('enrollment', fx.HOH_ENROLLMENT.id);
    expect(enrollment?.state.fields).toMatchObject({
      providerId,
      exitDate: '2026-03-20',
      destination: 17,
      otherDestination: 'Staying with a cousin',
      enrollmentCoc: 'MN-500',
    });
    const entry = await record('assessment', singletonAssessmentId(fx.HOH_ENROLLMENT.id, 1));
    expect(entry?.state.fields).toMatchObject({
      'answers.livingSituation': 116,
      'answers.earnedAmount': 1200,
      'answers.physicalDisability': 1,
    });
    // Merged like any device's change: versions, and in the provider's pull.
    expect(Object.keys(hoh!.state.versions).length).toBeGreaterThan(0);
    const pulled = await storage.pullChanges(providerId, 0, 1000);
    expect(pulled.records.map((r) => r.state.id)).toContain(fx.HOH_ENROLLMENT.id);
  });

  it('metadata follows the rows (DateCreated, DateUpdated, UserID); unknown User.csv users become inactive users', async () => {
    const files = await exportedFiles();
    const zip = await writeZip(files, dir.dir);
    await importCli(storage, [zip, '--provider', providerId]);
    const [header, ...rows] = files.get('Client.csv')!;
    const row = rows.find((r) => r[0] === fx.HOH.id)!;
    const col = (c: string) => row[header!.indexOf(c)]!;
    const hoh = await record('client', fx.HOH.id);
    // Client.csv datetimes are America/Chicago wall clock; winter is UTC−6.
    const utc = (t: string) => new Date(`${t.replace(' ', 'T')}-06:00`).toISOString();
    expect(hoh?.meta).toMatchObject({
      dateCreated: utc(col('DateCreated')),
      dateUpdated: utc(col('DateUpdated')),
      userId: col('UserID'),
    });
    const robin = await storage.getUserById(fx.USERS[0]!.id);
    expect(robin).toMatchObject({ displayName: 'Robin Q. Example', active: false });
  });

  it('M7: importing the same file twice changes nothing: no new change numbers, no conflicts', async () => {
    const zip = await writeZip(await exportedFiles(), dir.dir);
    await importCli(storage, [zip, '--provider', providerId]);
    const before = await serverMark(storage, providerId);
    const again = await importCli(storage, [zip, '--provider', providerId]);
    expect(again.code).toBe(0);
    expect(again.out.join('\n')).toMatch(/0 created, 0 updated/);
    expect(await serverMark(storage, providerId)).toEqual(before);
    expect(before.conflicts).toBe(0);
  });

  it('M2: a Fieldnote edit after the row’s DateUpdated stands through a re-import; a later HMIS change wins', async () => {
    const files = await exportedFiles();
    await importCli(storage, [await writeZip(files, dir.dir), '--provider', providerId]);
    // A case manager corrects the first name on a device, after the HMIS row was last updated.
    const deviceId = 'device-a';
    const name = {
      firstName: 'Alexis',
      middleName: null,
      lastName: 'hoh',
      nameSuffix: null,
      nameDataQuality: 1,
    };
    const [result] = await pushMutations(storage, {
      user: {
        id: userId,
        username: 'robin.tester',
        role: 'case_manager',
        providerIds: [providerId],
      },
      providerId,
      deviceId,
      now: TEST_NOW,
      mutations: [
        {
          mutationId: 'e'.repeat(32),
          deviceId,
          seq: 1,
          hlc: formatHlc({ millis: TEST_NOW, counter: 0, node: deviceId }),
          recordType: 'client',
          recordId: fx.HOH.id,
          op: 'patch',
          fields: name,
          seen: { ...name, firstName: 'Alex' },
        },
      ],
    });
    expect(result?.status).toBe('applied');

    // HMIS still says "Alex", with the same (older) DateUpdated but another spelling elsewhere.
    const older = copy(files);
    const line = lineOf(older, 'Client.csv', 'PersonalID', fx.HOH.id);
    setCell(older, 'Client.csv', line, 'FirstName', 'Alexandra');
    await importCli(storage, [
      await writeZip(older, dir.dir, 'older.zip'),
      '--provider',
      providerId,
    ]);
    expect((await record('client', fx.HOH.id))?.state.fields.firstName).toBe('Alexis');

    // A change made in HMIS after the edit (12:00 Chicago = 18:00Z, after 15:00Z) is newer news.
    const newer = copy(older);
    setCell(newer, 'Client.csv', line, 'DateUpdated', '2026-03-02 12:00:00');
    await importCli(
      storage,
      [await writeZip(newer, dir.dir, 'newer.zip'), '--provider', providerId],
      {
        now: TEST_NOW + 86_400_000,
      },
    );
    expect((await record('client', fx.HOH.id))?.state.fields.firstName).toBe('Alexandra');
  });

  it('an import stopped part-way is run again: it finishes, and the result is that of one import', async () => {
    const files = await exportedFiles();
    const result = planHmisImport(files, { providerId });
    if (!result.ok) throw new Error('the fixture does not plan');
    const provider = (await storage.getProvider(providerId))!;
    // A crash after the clients and half the rest: only those writes were applied.
    const half = {
      ...result.plan,
      writes: result.plan.writes.slice(0, Math.ceil(result.plan.writes.length / 2)),
    };
    await applyHmisImport(storage, half, provider, () => TEST_NOW);
    const run = await importCli(storage, [
      await writeZip(files, dir.dir),
      '--provider',
      providerId,
    ]);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toMatch(
      new RegExp(
        `${result.plan.writes.length - half.writes.length} created, 0 updated, ${half.writes.length} unchanged`,
      ),
    );
    const entry = await record('assessment', singletonAssessmentId(fx.HOH_ENROLLMENT.id, 3));
    expect(entry?.state.fields['answers.medicaid']).toBe(1);
    const mark = await serverMark(storage, providerId);
    await importCli(storage, [
      await writeZip(files, dir.dir, 'again.zip'),
      '--provider',
      providerId,
    ]);
    expect(await serverMark(storage, providerId)).toEqual(mark);
    expect(mark.conflicts).toBe(0);
  });

  it('the batch size changes nothing: batches of 2 store what the default batch stores', async () => {
    const files = await exportedFiles();
    const result = planHmisImport(files, { providerId });
    if (!result.ok) throw new Error('the fixture does not plan');
    const provider = (await storage.getProvider(providerId))!;
    const other = await openTestStorage(kind);
    try {
      await other.storage.putProvider(provider);
      const small = await applyHmisImport(storage, result.plan, provider, () => TEST_NOW, 2);
      const large = await applyHmisImport(other.storage, result.plan, provider, () => TEST_NOW);
      expect(small).toEqual(large);
      expect(small.created).toBe(result.plan.writes.length);
      const stored = async (s: Storage) =>
        (await s.pullChanges(providerId, 0, 100_000)).records
          .map((r) => ({ state: r.state, meta: r.meta }))
          .sort((a, b) => (a.state.id < b.state.id ? -1 : 1));
      expect(await stored(storage)).toEqual(await stored(other.storage));
      // And a re-run in another batch size replays what is stored.
      const again = await applyHmisImport(storage, result.plan, provider, () => TEST_NOW, 5);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: result.plan.writes.length });
    } finally {
      await other.cleanup();
    }
  });

  it('HMIS ids that are not Fieldnote ids are imported under derived ids, the same on a second import', async () => {
    const files = copy(await exportedFiles());
    for (const rows of files.values()) {
      const at = rows[0]!.indexOf('PersonalID');
      if (at < 0) continue;
      for (const row of rows.slice(1)) if (row[at] === fx.CHILD.id) row[at] = 'HMIS-1234';
    }
    const zip = await writeZip(files, dir.dir);
    await importCli(storage, [zip, '--provider', providerId]);
    const enrollment = await record('enrollment', fx.CHILD_ENROLLMENT.id);
    const clientId = enrollment?.state.fields.clientId as string;
    expect(clientId).toMatch(/^[0-9a-f]{32}$/);
    expect((await record('client', clientId))?.state.fields.firstName).toBe('Casey');
    // The HMIS id is kept as an external id of the record.
    const [mapping] = await storage.getExternalIds(
      'fieldnote-test-installation|MN-500',
      'Client.csv',
      ['HMIS-1234'],
    );
    expect(mapping).toMatchObject({ recordType: 'client', recordId: clientId });
    const before = await serverMark(storage, providerId);
    await importCli(storage, [zip, '--provider', providerId]);
    expect(await serverMark(storage, providerId)).toEqual(before);
  });

  describe('bad input: a clear message, a non-zero exit, nothing imported', () => {
    const expectNothing = async (run: { code: number; err: string[] }, pattern: RegExp) => {
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toMatch(pattern);
      expect((await serverMark(storage, providerId)).records).toBe(0);
    };

    it('an unknown provider', async () => {
      const zip = await writeZip(await exportedFiles(), dir.dir);
      await expectNothing(
        await importCli(storage, [zip, '--provider', 'No Such Provider']),
        /No provider with id or name "No Such Provider"/,
      );
    });

    it('Eva 127: a file that is not a zip, and a damaged zip', async () => {
      await expectNothing(
        await importCli(storage, [
          writeBytes(dir.dir, 'a.zip', new TextEncoder().encode('PersonalID,FirstName\n')),
          '--provider',
          providerId,
        ]),
        /not a \.zip file/,
      );
      const damaged = new Uint8Array(200).fill(7);
      damaged.set([0x50, 0x4b, 3, 4]);
      await expectNothing(
        await importCli(storage, [writeBytes(dir.dir, 'b.zip', damaged), '--provider', providerId]),
        /damaged/,
      );
    });

    it('wrong columns, with file, line and column', async () => {
      const files = copy(await exportedFiles());
      for (const row of files.get('Exit.csv')!) row.pop();
      await expectNothing(
        await importCli(storage, [await writeZip(files, dir.dir), '--provider', providerId]),
        /Exit\.csv, line 1, ExportID: Exit\.csv lacks the column ExportID/,
      );
    });

    it('a bad code, with file, line and column', async () => {
      const files = copy(await exportedFiles());
      setCell(files, 'Enrollment.csv', 2, 'RelationshipToHoH', '7');
      await expectNothing(
        await importCli(storage, [await writeZip(files, dir.dir), '--provider', providerId]),
        /Enrollment\.csv, line 2, RelationshipToHoH/,
      );
    });

    it('an FY2024 export', async () => {
      const files = copy(await exportedFiles());
      setCell(files, 'Export.csv', 2, 'CSVVersion', '2024 v1.3');
      await expectNothing(
        await importCli(storage, [await writeZip(files, dir.dir), '--provider', providerId]),
        /not an HMIS CSV FY2026 export/,
      );
    });

    it('a zip over the size bound, and more rows than the bound', async () => {
      const zip = await writeZip(await exportedFiles(), dir.dir);
      await expectNothing(
        await importCli(storage, [zip, '--provider', providerId], { maxZipBytes: 100 }),
        /an import takes at most/,
      );
      await expectNothing(
        await importCli(storage, [zip, '--provider', providerId], { maxRows: 3 }),
        /an import takes at most 3/,
      );
    });
  });

  it('is reached through the admin CLI: usage errors exit 2', async () => {
    const err: string[] = [];
    const code = await main(['import-hmis', '--provider', providerId], {
      out: () => {},
      err: (l) => err.push(l),
      storage,
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/needs one FILE\.zip/);
  });
});
