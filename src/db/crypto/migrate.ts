// The first unlock after the upgrade to encryption at rest (schema version 3): every row still
// stored in plaintext is sealed, table by table, in place and with its key, so a queued change
// keeps its place in the outbox and nothing is lost. The session runs it at every unlock through
// sealPlaintextRowsOnce, which remembers (in syncState, a table without PII) that it has finished,
// so later unlocks do not read and decrypt every table again. Two tabs unlocking at once may both
// run it: it is idempotent (each table is read and rewritten in one transaction).
import type { Table } from 'dexie';
import type { DeviceDatabase } from '../schema';
import { CLEAR_FIELDS, isPlaintextRow } from './encrypted-tables';

export async function sealPlaintextRows(db: DeviceDatabase): Promise<number> {
  if (!db.encrypted) throw new Error('The database was opened without the data key.');
  let sealed = 0;
  for (const name of Object.keys(CLEAR_FIELDS)) {
    const table = db.table(name) as Table<object, unknown>;
    sealed += await db.transaction('rw', table, async () => {
      const plain = (await table.toArray()).filter(isPlaintextRow);
      if (plain.length > 0) await table.bulkPut(plain);
      return plain.length;
    });
  }
  return sealed;
}

/** The syncState key set once every row of the database has been sealed. */
export const SEALED_AT_REST_KEY = 'sealedAtRest';

/** Seals what is left in plaintext, unless a previous unlock already finished doing so. */
export async function sealPlaintextRowsOnce(db: DeviceDatabase): Promise<number> {
  if ((await db.syncState.get(SEALED_AT_REST_KEY))?.value === true) return 0;
  const sealed = await sealPlaintextRows(db);
  await db.syncState.put({ key: SEALED_AT_REST_KEY, value: true });
  return sealed;
}
