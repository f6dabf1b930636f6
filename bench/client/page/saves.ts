// Bench 1, the save of a contact. Chromium commits IndexedDB transactions with "relaxed"
// durability by default (the OS may hold the write in its cache); the device database asks for
// "strict" (flushed to disk before the commit resolves), because an outbox entry must survive a
// power cut. So every baseline here is strict too: the comparison is saveChange's work (Dexie,
// clock, sequence, view recomputation, two stores) against the unavoidable cost of one durable
// commit, not against a cheaper commit mode.
//
// The saves go into two device databases in turn: one opened with a data key (encrypted at rest,
// src/db/crypto/encrypted-tables.ts, what ships) and one without (plaintext, for comparison).
import { DeviceDatabase, saveChange } from '../../../src/db';
import { isBytes } from '../../../src/db/crypto/cipher';
import { ENCRYPTED_FIELD } from '../../../src/db/crypto/encrypted-tables';
import { newId } from '../../../src/domain/records';
import { contactOf, newHousehold } from '../caseload';
import type { SaveFigures } from './api';
import { openBenchDatabase } from './keys';

const STRICT: IDBTransactionOptions = { durability: 'strict' };

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('plain', { keyPath: 'id' });
      db.createObjectStore('rows', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'localSeq', autoIncrement: true }).createIndex(
        'recordKey',
        'recordKey',
      );
      db.createObjectStore('state', { keyPath: 'key' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('aborted'));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The baseline: one put, one store, one strict transaction. */
function rawPut(db: IDBDatabase, value: unknown): Promise<void> {
  const tx = db.transaction('plain', 'readwrite', STRICT);
  tx.objectStore('plain').put(value);
  return done(tx);
}

/**
 * saveChange's IndexedDB requests in the same order, without Dexie, zod or the merge: read the
 * row; read device id, clock; write clock; read device id, sequence; write sequence; add the
 * outbox entry; read the record's outbox entries; write the row. The floor for that design.
 */
async function rawSameWork(
  db: IDBDatabase,
  row: { id: string; recordKey?: string },
  entry: Record<string, unknown>,
): Promise<void> {
  const tx = db.transaction(['rows', 'outbox', 'state'], 'readwrite', STRICT);
  const committed = done(tx);
  const rows = tx.objectStore('rows');
  const outbox = tx.objectStore('outbox');
  const state = tx.objectStore('state');
  await request(rows.get(row.id));
  await request(state.get('deviceId'));
  await request(state.get('hlc'));
  await request(state.put({ key: 'hlc', value: String(performance.now()) }));
  await request(state.get('deviceId'));
  const seq = ((await request(state.get('nextSeq'))) as { value?: number } | undefined)?.value;
  await request(state.put({ key: 'nextSeq', value: (seq ?? 1) + 1 }));
  await request(outbox.add({ ...entry, recordKey: `contact:${row.id}` }));
  await request(outbox.index('recordKey').getAll(`contact:${row.id}`));
  rows.put(row);
  return committed;
}

const now = () => performance.now();

/** Bytes of a stored row's sealed part, read without the key (as IndexedDB holds it). */
async function sealedBytes(
  userId: string,
  rowId: string,
): Promise<{ row: number; outbox: number }> {
  const raw = new DeviceDatabase(userId);
  await raw.open();
  try {
    const enc = (value: unknown) => {
      const sealed = (value as Record<string, unknown> | undefined)?.[ENCRYPTED_FIELD];
      if (!isBytes(sealed)) throw new Error('the encrypted database stored a row in clear');
      return sealed.length;
    };
    return {
      row: enc(await raw.contacts.get(rowId)),
      outbox: enc(await raw.outbox.orderBy('localSeq').last()),
    };
  } finally {
    raw.close();
  }
}

export async function benchSaves(count: number, warmup: number): Promise<SaveFigures> {
  const suffix = newId().slice(0, 8);
  const db = await openBenchDatabase(`bench-save-${suffix}`, false);
  const enc = await openBenchDatabase(`bench-save-enc-${suffix}`, true);
  const raw = await openRaw(`fieldnote-bench-raw-${suffix}`);
  const ids = newHousehold();
  const ctx = { providerId: newId() };
  const saveInto = (target: DeviceDatabase, n: number) =>
    saveChange(
      target,
      { type: 'contact', id: newId(), op: 'create', fields: contactOf(n, ids) },
      ctx,
    );

  // Warm-up (JIT, Dexie's first transactions, the files' first growth), then take what one save
  // wrote as the template for the baselines' objects.
  let last = await saveInto(db, 0);
  let lastEnc = await saveInto(enc, 0);
  for (let i = 1; i < warmup; i++) {
    last = await saveInto(db, i);
    lastEnc = await saveInto(enc, i);
  }
  const row = await db.contacts.get(last.recordId);
  const entry = await db.outbox.orderBy('localSeq').last();
  const encRow = await enc.contacts.get(lastEnc.recordId);
  if (!row || !entry || !encRow) throw new Error('the warm-up save wrote nothing');
  const sealed = await sealedBytes(enc.userId, lastEnc.recordId);
  const template = { ...row, outbox: entry };
  const { localSeq: _seq, ...entryFields } = entry;
  for (let i = 0; i < warmup; i++) {
    await rawPut(raw, { ...template, id: newId() });
    await rawSameWork(raw, { ...row, id: newId() }, entryFields);
  }

  const figures: SaveFigures = {
    save: [],
    saveEncrypted: [],
    rawPut: [],
    dexiePut: [],
    dexiePutEncrypted: [],
    rawSameWork: [],
    recordRowChars: JSON.stringify(row).length,
    outboxEntryChars: JSON.stringify(entry).length,
    rawObjectChars: JSON.stringify(template).length,
    sealedRowBytes: sealed.row,
    sealedOutboxBytes: sealed.outbox,
  };
  const timed = async (samples: number[], fn: () => Promise<unknown>) => {
    const t = now();
    await fn();
    samples.push(now() - t);
  };
  // Interleaved, so that disk and browser state drift affects every kind alike; plaintext and
  // encrypted take turns going first.
  for (let i = 0; i < count; i++) {
    const fields = contactOf(warmup + i, ids);
    const savePlain = () =>
      timed(figures.save, () =>
        saveChange(db, { type: 'contact', id: newId(), op: 'create', fields }, ctx),
      );
    const saveEnc = () =>
      timed(figures.saveEncrypted, () =>
        saveChange(enc, { type: 'contact', id: newId(), op: 'create', fields }, ctx),
      );
    if (i % 2 === 0) {
      await savePlain();
      await saveEnc();
    } else {
      await saveEnc();
      await savePlain();
    }

    const plain = { ...template, id: newId() };
    await timed(figures.rawPut, () => rawPut(raw, plain));

    const dexieRow = { ...row, id: newId() };
    await timed(figures.dexiePut, () =>
      db.transaction('rw', db.contacts, () => db.contacts.put(dexieRow)),
    );
    const encDexieRow = { ...row, id: newId() };
    await timed(figures.dexiePutEncrypted, () =>
      enc.transaction('rw', enc.contacts, () => enc.contacts.put(encDexieRow)),
    );

    const sameRow = { ...row, id: newId() };
    await timed(figures.rawSameWork, () => rawSameWork(raw, sameRow, entryFields));
  }
  db.close();
  enc.close();
  raw.close();
  return figures;
}
