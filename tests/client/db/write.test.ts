// The device database: one write path, views over server state, durability across reopen.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  InvalidChangeError,
  UnsyncedChangesError,
  clearDeviceData,
  openDeviceDatabase,
  pendingCount,
  saveChange,
  settlePushResults,
  storePulledPage,
  SCHEMA_VERSION,
} from '../../../src/db';
import { mutationSchema } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import { clientFields } from '../../domain/merge/fixtures';
import { PROVIDER, open, serverClient, track } from './fixtures';

describe('saveChange', () => {
  it('queues a valid mutation and the record view in one transaction', async () => {
    const db = await open();
    const id = newId();
    const m = await saveChange(
      db,
      { type: 'client', id, op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    expect(mutationSchema.safeParse(m).success).toBe(true);
    expect(m.seq).toBe(1);
    const row = await db.clients.get(id);
    expect(row?.view).toMatchObject({ firstName: 'Robin', pending: true, deleted: false });
    // No PII is lifted to the row (nothing an index could hold in clear).
    expect(row).not.toHaveProperty('lastName');
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ providerId: PROVIDER, status: 'pending', mutation: m });
    const second = await saveChange(
      db,
      { type: 'client', id, op: 'patch', fields: { phone: '6125550100' } },
      { providerId: PROVIDER },
    );
    expect(second.seq).toBe(2);
    expect(second.hlc > m.hlc).toBe(true);
    expect(second.seen).toEqual({ phone: null });
  });

  it('writes neither the record nor the outbox entry when the transaction fails', async () => {
    const db = await open();
    const id = newId();
    await expect(
      db.transaction('rw', [db.clients, db.outbox, db.syncState], async () => {
        await saveChange(
          db,
          { type: 'client', id, op: 'create', fields: clientFields() },
          { providerId: PROVIDER },
        );
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await db.clients.get(id)).toBeUndefined();
    expect(await pendingCount(db)).toBe(0);

    // A change the merge rejects is not queued either.
    await expect(
      saveChange(
        db,
        { type: 'client', id, op: 'create', fields: clientFields({ ssn: 'abc' }) },
        { providerId: PROVIDER },
      ),
    ).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await db.clients.get(id)).toBeUndefined();
    expect(await pendingCount(db)).toBe(0);
  });

  it('shows local pending edits over the server state, with what the device saw', async () => {
    const db = await open();
    const id = newId();
    await storePulledPage(db, PROVIDER, [serverClient(id)], 'c1.1');
    expect((await db.clients.get(id))?.view).toMatchObject({ firstName: 'Robin', pending: false });
    const m = await saveChange(
      db,
      {
        type: 'client',
        id,
        op: 'patch',
        fields: {
          firstName: 'Rowan',
          middleName: null,
          lastName: 'Testperson',
          nameSuffix: null,
          nameDataQuality: 1,
        },
      },
      { providerId: PROVIDER },
    );
    expect(m.seen.firstName).toBe('Robin');
    expect(m.seen.middleName).toBeNull();
    const row = await db.clients.get(id);
    expect(row?.view).toMatchObject({ firstName: 'Rowan', pending: true });
    expect(row?.server?.fields.firstName).toBe('Robin');
  });

  it('a pulled server state does not hide a pending edit', async () => {
    const db = await open();
    const id = newId();
    await storePulledPage(db, PROVIDER, [serverClient(id)], 'c1.1');
    await saveChange(
      db,
      { type: 'client', id, op: 'patch', fields: { phone: '6125550199' } },
      { providerId: PROVIDER },
    );
    // Another device changed the email meanwhile; the pull brings it.
    await storePulledPage(db, PROVIDER, [serverClient(id, { email: 'robin@example.org' })], 'c1.2');
    const row = await db.clients.get(id);
    expect(row?.view).toMatchObject({
      phone: '6125550199',
      email: 'robin@example.org',
      pending: true,
    });
    expect(row?.server?.fields.phone).toBeNull();
  });
});

describe('settling a push', () => {
  it('keeps showing an accepted change before the pull brings it, even after another save', async () => {
    const db = await open();
    const id = newId();
    await storePulledPage(db, PROVIDER, [serverClient(id)], 'c1.1');
    await saveChange(
      db,
      { type: 'client', id, op: 'patch', fields: { phone: '6125550100' } },
      { providerId: PROVIDER },
    );
    const entries = await db.outbox.toArray();
    await settlePushResults(
      db,
      entries,
      entries.map((e) => ({
        mutationId: e.mutation.mutationId,
        status: 'applied',
        message: null,
        notices: [],
        conflictIds: [],
      })),
    );
    expect(await pendingCount(db)).toBe(0);
    expect((await db.clients.get(id))?.view).toMatchObject({ phone: '6125550100', pending: false });
    await saveChange(
      db,
      { type: 'client', id, op: 'patch', fields: { email: 'robin@example.org' } },
      { providerId: PROVIDER },
    );
    expect((await db.clients.get(id))?.view).toMatchObject({
      phone: '6125550100',
      email: 'robin@example.org',
      pending: true,
    });
  });
});

describe('device databases', () => {
  it('keeps each user’s data in a database of its own', async () => {
    const a = await open('aaaa' + newId().slice(4));
    const b = await open('bbbb' + newId().slice(4));
    const id = newId();
    await saveChange(
      a,
      { type: 'client', id, op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    expect(a.name).not.toBe(b.name);
    expect(await b.clients.get(id)).toBeUndefined();
    expect(await pendingCount(b)).toBe(0);
    expect(await pendingCount(a)).toBe(1);
  });

  it('loses nothing when the app dies after a save, before a push', async () => {
    const userId = newId();
    const db = await open(userId);
    const id = newId();
    await saveChange(
      db,
      { type: 'client', id, op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    const deviceId = (await db.syncState.get('deviceId'))?.value;
    db.close();
    const again = await open(userId);
    expect(await pendingCount(again)).toBe(1);
    expect((await again.clients.get(id))?.view?.firstName).toBe('Robin');
    expect((await again.syncState.get('deviceId'))?.value).toBe(deviceId);
    const next = await saveChange(
      again,
      { type: 'client', id, op: 'patch', fields: { phone: '6125550100' } },
      { providerId: PROVIDER },
    );
    expect(next.seq).toBe(2);
  });

  it('upgrades a version 1 database to the current version without losing its outbox', async () => {
    const userId = newId();
    // The database as the previous app version (schema 1, no drafts table) left it.
    const db = track(await openDeviceDatabase(userId, { schemaVersion: 1 }));
    expect(db.verno).toBe(1);
    const id = newId();
    await saveChange(
      db,
      { type: 'client', id, op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    db.close();
    const upgraded = track(await openDeviceDatabase(userId));
    expect(upgraded.verno).toBe(SCHEMA_VERSION);
    expect(await pendingCount(upgraded)).toBe(1);
    // Version 3 dropped the name and DOB indexes: no PII is indexed.
    expect(upgraded.clients.schema.indexes).toEqual([]);
    expect((await upgraded.clients.get(id))?.view?.lastName).toBe('Testperson');
    await upgraded.drafts.put({
      key: 'contact:x',
      value: { note: 'typed' },
      path: '/',
      title: 'Contact',
      updatedAt: 1,
    });
    expect((await upgraded.drafts.get('contact:x'))?.value).toEqual({ note: 'typed' });
    const next = await saveChange(
      upgraded,
      { type: 'client', id, op: 'patch', fields: { phone: '6125550100' } },
      { providerId: PROVIDER },
    );
    expect(next.seq).toBe(2);
  });

  it('keeps declaring later versions possible (a future upgrade keeps the queue)', async () => {
    const userId = newId();
    const db = await open(userId);
    await saveChange(
      db,
      { type: 'client', id: newId(), op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    db.close();
    const upgraded = track(
      await openDeviceDatabase(userId, {
        upgrades: (d) => {
          d.version(SCHEMA_VERSION + 1).stores({
            clients: 'id, type',
          });
        },
      }),
    );
    expect(upgraded.verno).toBe(SCHEMA_VERSION + 1);
    expect(await pendingCount(upgraded)).toBe(1);
    expect(await upgraded.clients.where('type').equals('client').count()).toBe(1);
  });

  it('refuses to clear a device with unsynced changes unless told to', async () => {
    const userId = newId();
    const db = await open(userId);
    await saveChange(
      db,
      { type: 'client', id: newId(), op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    db.close();
    const error = await clearDeviceData(userId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsyncedChangesError);
    expect((error as UnsyncedChangesError).count).toBe(1);
    expect(await Dexie.exists(`fieldnote-${userId}`)).toBe(true);
    await clearDeviceData(userId, { confirmLosingPending: true });
    expect(await Dexie.exists(`fieldnote-${userId}`)).toBe(false);
    // A synced device clears without confirmation.
    const other = newId();
    (await open(other)).close();
    await clearDeviceData(other);
    expect(await Dexie.exists(`fieldnote-${other}`)).toBe(false);
  });
});
