// Migration 007_fold_client_name_keys: client rows whose name keys were written by the old
// normaliser (lowercase a-z only, so "José" was "jos") get them rebuilt with the shared one, on
// each storage. Synthetic people only.
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../sync-server/src/storage/migrations';
import type { Database } from '../../../sync-server/src/storage/schema';
import type { StoredRecord } from '../../../sync-server/src/storage';
import { clientKeys } from '../../../sync-server/src/sync/client-keys';
import { metaFromVersions } from '../../../src/domain/merge';
import { clientState, record, type ClientPerson } from './fixtures';
import { STORAGE_KINDS, createTestDatabase, type TestDatabase } from './test-storage';

const MIGRATION = '007_fold_client_name_keys';

/** The normaliser before issue 9: accented letters were dropped, not folded. */
const oldNormalize = (v: unknown) =>
  typeof v === 'string' ? v.toLowerCase().replace(/[^a-z]/g, '') : '';

/** A records row as the server wrote it before 007 (columns of 001; client_id is null). */
function oldRow(r: StoredRecord) {
  const f = r.state.fields;
  const client = r.state.type === 'client';
  const first = oldNormalize(f.firstName);
  const last = oldNormalize(f.lastName);
  const dob = typeof f.dob === 'string' ? f.dob : null;
  return {
    type: r.state.type,
    id: r.state.id,
    state: JSON.stringify(r.state),
    deleted: r.state.deleted ? 1 : 0,
    change_seq: r.changeSeq,
    name_dob_key: client && first && last && dob ? `${first}|${last}|${dob}` : null,
    ssn_key: client ? (r.clientKeys?.ssn ?? null) : null,
    first_name: client ? first : null,
    last_name: client ? last : null,
    dob: client ? dob : null,
    ssn_last4: client ? (r.clientKeys?.ssnLast4 ?? null) : null,
  };
}

function clientRecord(n: number, person: ClientPerson, deleted = false): StoredRecord {
  const state = clientState(n, person, deleted);
  return { state, changeSeq: n, clientKeys: clientKeys(state), meta: metaFromVersions(state) };
}

const JOSE: ClientPerson = { first: 'José', last: 'García', dob: '1979-03-04', ssn: null };
const ZOE: ClientPerson = { first: 'Zoë', last: 'Brontë-Nuñez', dob: null, ssn: '512345678' };
const ROBIN: ClientPerson = { first: 'Robin', last: 'Testperson', dob: '1990-05-17', ssn: null };

describe.each(STORAGE_KINDS)(`${MIGRATION} on %s`, (kind) => {
  let database: TestDatabase;
  beforeEach(() => {
    database = createTestDatabase(kind, { sqlite: 'file' });
  });
  afterEach(async () => database.cleanup());

  /** The migration just before 007 (006_device_owner when it is there). */
  function previousMigration(): string {
    const names = Object.keys(migrations(kind)).sort();
    expect(names).toContain(MIGRATION);
    return names[names.indexOf(MIGRATION) - 1]!;
  }

  async function writeOldRows(rows: StoredRecord[]): Promise<void> {
    await database.withRaw(async (db, migrator) => {
      const { error } = await migrator.migrateTo(previousMigration());
      expect(error).toBeUndefined();
      const typed = db as Kysely<Database>;
      for (let i = 0; i < rows.length; i += 200) {
        await typed
          .insertInto('records')
          .values(rows.slice(i, i + 200).map(oldRow))
          .execute();
      }
    });
  }

  async function keyColumns(): Promise<Map<string, [string | null, string | null, string | null]>> {
    return database.withRaw(async (db) => {
      const rows = await (db as Kysely<Database>)
        .selectFrom('records')
        .select(['id', 'first_name', 'last_name', 'name_dob_key'])
        .execute();
      return new Map(rows.map((r) => [r.id, [r.first_name, r.last_name, r.name_dob_key]]));
    });
  }

  it('rebuilds the name keys of every client row written by the old normaliser', async () => {
    const jose = clientRecord(1, JOSE);
    const zoe = clientRecord(2, ZOE, true);
    const robin = clientRecord(3, ROBIN);
    const contact = record('contact', 4);
    // Enough accented clients to span several batches.
    const many = Array.from({ length: 1234 }, (_, i) =>
      clientRecord(100 + i, { first: `Inés`, last: `Muñoz`, dob: '2001-02-03', ssn: null }),
    );
    await writeOldRows([jose, zoe, robin, contact, ...many]);
    expect((await keyColumns()).get(jose.state.id)).toEqual([
      'jos',
      'garca',
      'jos|garca|1979-03-04',
    ]);

    const storage = database.open();
    await storage.migrate();

    const keys = await keyColumns();
    expect(keys.get(jose.state.id)).toEqual(['jose', 'garcia', 'jose|garcia|1979-03-04']);
    expect(keys.get(zoe.state.id)).toEqual(['zoe', 'brontenunez', null]);
    expect(keys.get(robin.state.id)).toEqual([
      'robin',
      'testperson',
      'robin|testperson|1990-05-17',
    ]);
    expect(keys.get(contact.state.id)).toEqual([null, null, null]);
    for (const r of many) {
      expect(keys.get(r.state.id)).toEqual(['ines', 'munoz', 'ines|munoz|2001-02-03']);
    }

    // The rebuilt keys are the ones the server writes today, and the rows are otherwise unchanged.
    const stored = await storage.getRecords(
      [jose, zoe, robin, contact].map((r) => ({ type: r.state.type, id: r.state.id })),
    );
    expect([...stored.values()]).toEqual(expect.arrayContaining([jose, zoe, robin, contact]));
    expect(stored.size).toBe(4);
    expect(
      await storage.findClients({ nameDobKeys: ['jose|garcia|1979-03-04'], ssns: [] }),
    ).toEqual([jose]);
    expect(await storage.searchClients({ firstName: 'jose', limit: 10 })).toEqual([jose]);
    expect(await storage.searchClients({ lastName: 'brontenu', limit: 10 })).toEqual([zoe]);
    expect(
      (await storage.searchClients({ firstName: 'ines', lastName: 'munoz', limit: 5000 })).length,
    ).toBe(many.length);
    // Nothing a pull reads changed: the change numbers are the ones written.
    expect(
      (await storage.getRecords([{ type: 'client', id: many[0]!.state.id }])).values().next().value
        ?.changeSeq,
    ).toBe(many[0]!.changeSeq);
  });

  it('runs on an empty database and is recorded as run', async () => {
    await writeOldRows([]);
    const storage = database.open();
    await storage.migrate();
    expect(await storage.isReady()).toBe(true);
    const ran = await database.withRaw(async (db) => {
      const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
      return rows.map((r) => r.name);
    });
    expect(ran).toContain(MIGRATION);
  });
});
