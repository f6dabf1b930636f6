// The first unlock after the upgrade to encryption at rest (schema version 3): every row still
// stored in plaintext is sealed, table by table, in place and with its key, so a queued change
// keeps its place in the outbox and nothing is lost. Runs at every unlock and costs one read of
// each table when there is nothing left to seal.
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
