// Encryption at rest (issue 11): a person's device database opened with their data key holds
// no PII in clear — records, outbox changes, drafts (title and path too), conflicts and
// rejections are sealed; only ids, foreign keys, timestamps and sync metadata stay readable —
// while every read and write through the app works as before. Synthetic people only.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DeviceDatabase,
  openDeviceDatabase,
  pendingOutbox,
  saveChanges,
  saveDraft,
  listDrafts,
  searchLocalClients,
  localDuplicateCandidates,
} from '../../../src/db';
import { DecryptError, newKey } from '../../../src/db/crypto/cipher';
import { LockedError } from '../../../src/db/crypto/encrypted-tables';
import { sealPlaintextRows, sealPlaintextRowsOnce } from '../../../src/db/crypto/migrate';
import { newId } from '../../../src/domain/records';
import { T0, clientFields } from '../../domain/merge/fixtures';
import { PROVIDER } from './fixtures';

const MARKERS = [
  'Zephyrinamarker',
  'Quillonmarker',
  '1987-03-14',
  '4417',
  'a note about the river camp',
];
const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function encrypted(userId: string, key: Uint8Array | null = newKey()) {
  let current = key;
  const db = await openDeviceDatabase(userId, { now: () => T0, dataKey: () => current });
  opened.push(db);
  return { db, key, lock: () => (current = null), setKey: (k: Uint8Array) => (current = k) };
}

/** Everything IndexedDB holds for the database, as a script of the origin would read it raw. */
async function rawDump(name: string): Promise<string> {
  const raw = new Dexie(name);
  opened.push(raw);
  await raw.open();
  const parts: string[] = [];
  for (const table of raw.tables) {
    for (const row of await table.toArray()) {
      parts.push(
        JSON.stringify(row, (_k, v: unknown) =>
          v instanceof Uint8Array ? `<${v.length} bytes>` : v,
        ),
      );
    }
  }
  return parts.join('\n');
}

function markerHits(dump: string): string[] {
  return MARKERS.filter((m) => dump.includes(m));
}

async function seed(db: DeviceDatabase) {
  const clientId = newId();
  const enrollmentId = newId();
  const contactId = newId();
  await saveChanges(
    db,
    [
      {
        type: 'client',
        id: clientId,
        op: 'create',
        fields: clientFields({
          firstName: 'Zephyrinamarker',
          lastName: 'Quillonmarker',
          dob: '1987-03-14',
          ssn: '123454417',
          ssnDataQuality: 1,
        }),
      },
    ],
    { providerId: PROVIDER },
  );
  await saveDraft(db, {
    key: `contact:${enrollmentId}`,
    value: { notes: 'a note about the river camp' },
    path: `/enrollments/${enrollmentId}/contact?client=Quillonmarker`,
    title: 'Contact with Zephyrinamarker Quillonmarker',
  });
  await db.conflicts.put({
    id: newId(),
    recordType: 'client',
    recordId: clientId,
    message: 'Zephyrinamarker: first name changed on two devices',
    conflictIds: [],
    at: T0,
  });
  await db.rejected.add({
    mutation: (await pendingOutbox(db))[0]!.mutation,
    providerId: PROVIDER,
    message: 'Quillonmarker was refused',
    at: T0,
  });
  return { clientId, enrollmentId, contactId };
}

describe('encrypted device database', () => {
  it('stores no PII in clear, and the app reads everything back', async () => {
    const userId = newId();
    const { db } = await encrypted(userId);
    const { clientId, enrollmentId } = await seed(db);
    expect(markerHits(await rawDump(db.name))).toEqual([]);
    // Routing data stays readable: the outbox's record key, the draft's key.
    expect(await rawDump(db.name)).toContain(`client:${clientId}`);

    const row = await db.clients.get(clientId);
    expect(row?.view).toMatchObject({ firstName: 'Zephyrinamarker', lastName: 'Quillonmarker' });
    const [draft] = await listDrafts(db);
    expect(draft).toMatchObject({
      key: `contact:${enrollmentId}`,
      title: expect.stringContaining('Quillonmarker'),
    });
    expect((await pendingOutbox(db))[0]!.mutation.fields.firstName).toBe('Zephyrinamarker');
    expect((await db.rejected.toArray())[0]!.message).toBe('Quillonmarker was refused');
    expect((await db.conflicts.where('recordId').equals(clientId).toArray())[0]!.message).toContain(
      'Zephyrinamarker',
    );
  });

  it('search keeps working without a name or DOB index: by name, DOB, SSN last 4, duplicates', async () => {
    const { db } = await encrypted(newId());
    const { clientId } = await seed(db);
    const ids = async (q: Parameters<typeof searchLocalClients>[1]) =>
      (await searchLocalClients(db, q, PROVIDER)).map((h) => h.client.id);
    expect(await ids({ lastName: 'quillonmarker' })).toEqual([clientId]);
    expect(await ids({ dob: '1987-03-14' })).toEqual([clientId]);
    expect(await ids({ ssnLast4: '4417' })).toEqual([clientId]);
    expect(await ids({ lastName: 'Nobody' })).toEqual([]);
    const dupes = await localDuplicateCandidates(
      db,
      { firstName: 'Zephyrina', lastName: 'Quillonmarker', dob: '1987-03-14' },
      PROVIDER,
    );
    expect(dupes.map((h) => h.client.id)).toEqual([clientId]);
    expect(db.clients.schema.indexes.map((i) => i.name)).toEqual([]);
  });

  it('a locked database refuses reads and writes; a wrong key cannot open its rows', async () => {
    const userId = newId();
    const { db, lock } = await encrypted(userId);
    const { clientId } = await seed(db);
    lock();
    await expect(db.clients.get(clientId)).rejects.toBeInstanceOf(LockedError);
    await expect(
      saveChanges(db, [{ type: 'client', id: newId(), op: 'create', fields: clientFields() }], {
        providerId: PROVIDER,
      }),
    ).rejects.toBeInstanceOf(LockedError);
    db.close();
    const other = await encrypted(userId, newKey());
    await expect(other.db.clients.get(clientId)).rejects.toBeInstanceOf(DecryptError);
  });

  it('a ciphertext moved to another row does not open', async () => {
    const userId = newId();
    const { db } = await encrypted(userId);
    const { clientId } = await seed(db);
    const raw = new Dexie(db.name);
    opened.push(raw);
    await raw.open();
    const stored = await raw.table('clients').get(clientId);
    const elsewhere = newId();
    await raw.table('clients').put({ ...stored, id: elsewhere });
    await expect(db.clients.get(elsewhere)).rejects.toBeInstanceOf(DecryptError);
  });
});

describe('migration of a plaintext database (schema 2) at the first unlock', () => {
  it('seals every row in place and loses no queued change', async () => {
    const userId = newId();
    const old = new DeviceDatabase(userId, { now: () => T0, schemaVersion: 2 });
    opened.push(old);
    await old.open();
    const clientIds = [newId(), newId(), newId()];
    for (const [i, id] of clientIds.entries()) {
      await saveChanges(
        old,
        [
          {
            type: 'client',
            id,
            op: 'create',
            fields: clientFields({ firstName: `Zephyrinamarker${i}`, lastName: 'Quillonmarker' }),
          },
        ],
        { providerId: PROVIDER },
      );
    }
    await saveChanges(
      old,
      [{ type: 'client', id: clientIds[0]!, op: 'patch', fields: { phone: '6125550100' } }],
      { providerId: PROVIDER },
    );
    await saveDraft(old, {
      key: 'new-client',
      value: { firstName: 'Quillonmarker' },
      path: '/clients/new',
      title: 'New client Quillonmarker',
    });
    const queued = await pendingOutbox(old);
    expect(queued).toHaveLength(4);
    old.close();
    expect(markerHits(await rawDump(old.name))).not.toEqual([]);

    const { db } = await encrypted(userId);
    expect(await sealPlaintextRowsOnce(db)).toBe(3 + 4 + 1);
    expect(await sealPlaintextRows(db)).toBe(0);
    expect(markerHits(await rawDump(db.name))).toEqual([]);
    const after = await pendingOutbox(db);
    expect(after.map((e) => [e.localSeq, e.mutation])).toEqual(
      queued.map((e) => [e.localSeq, e.mutation]),
    );
    expect((await db.clients.get(clientIds[0]!))?.view).toMatchObject({
      phone: '6125550100',
      pending: true,
    });
    expect((await listDrafts(db))[0]!.title).toBe('New client Quillonmarker');
    expect(db.clients.schema.indexes).toEqual([]);
  });

  it('runs once: a later unlock reads no table again', async () => {
    const userId = newId();
    const { db } = await encrypted(userId);
    await saveChanges(
      db,
      [{ type: 'client', id: newId(), op: 'create', fields: clientFields({}) }],
      { providerId: PROVIDER },
    );
    expect(await sealPlaintextRowsOnce(db)).toBe(0);
    const toArray = vi.spyOn(db.clients, 'toArray');
    expect(await sealPlaintextRowsOnce(db)).toBe(0);
    expect(toArray).not.toHaveBeenCalled();
  });
});
