// Settling pushes and storing pulls in bulk: the same views as record-by-record, nothing lost,
// pages stored in order; and the save path's device id, clock and sequence.
import { describe, expect, it } from 'vitest';
import {
  DeviceDatabase,
  PullOrderError,
  computeView,
  pendingCount,
  pendingMutationsOf,
  pendingOutbox,
  pullCursor,
  settlePushResults,
  storePulledPage,
} from '../../../src/db';
import { type RecordState } from '../../../src/domain/merge';
import { newId } from '../../../src/domain/records';
import { T0, clientFields, enrollmentFields } from '../../domain/merge/fixtures';
import { PROVIDER, open, result, save, serverClient, track } from './fixtures';

describe('storePulledPage', () => {
  it('applies pending mutations over pulled states, keeps the last state of a repeated record', async () => {
    const db = await open();
    const [a, b, c] = [newId(), newId(), newId()];
    await save(db, { type: 'client', id: b, op: 'create', fields: clientFields() });
    await save(db, { type: 'client', id: b, op: 'patch', fields: { phone: '6125550100' } });
    const enrollment = newId();
    await save(db, {
      type: 'enrollment',
      id: enrollment,
      op: 'create',
      fields: enrollmentFields({ clientId: a, providerId: PROVIDER }),
    });
    const page = [
      serverClient(a),
      serverClient(b),
      serverClient(c, { email: 'old@example.org' }),
      serverClient(c, { email: 'new@example.org' }),
    ];
    await storePulledPage(db, PROVIDER, page, 'c1.1');
    expect(await pullCursor(db, PROVIDER)).toBe('c1.1');
    expect((await db.clients.get(a))?.view).toMatchObject({ firstName: 'Robin', pending: false });
    const rowB = await db.clients.get(b);
    expect(rowB?.server).toEqual(page[1]);
    expect(rowB?.view).toEqual(
      computeView(page[1]!, await pendingMutationsOf(db, 'client', b)).view,
    );
    expect(rowB?.view).toMatchObject({ phone: '6125550100', pending: true });
    expect((await db.clients.get(c))?.view).toMatchObject({ email: 'new@example.org' });
    // A record of another table with pending changes is left as it was.
    expect((await db.enrollments.get(enrollment))?.view).toMatchObject({ pending: true });
    expect(await pendingCount(db)).toBe(3);
  });

  it('stores a page only after the page it follows', async () => {
    const db = await open();
    const [a, b] = [newId(), newId()];
    await storePulledPage(db, PROVIDER, [serverClient(a)], 'c1.1', { after: null });
    await expect(
      storePulledPage(db, PROVIDER, [serverClient(b)], 'c1.3', { after: 'c1.2' }),
    ).rejects.toBeInstanceOf(PullOrderError);
    expect(await db.clients.get(b)).toBeUndefined();
    expect(await pullCursor(db, PROVIDER)).toBe('c1.1');
    await storePulledPage(db, PROVIDER, [serverClient(b)], 'c1.2', { after: 'c1.1' });
    expect(await pullCursor(db, PROVIDER)).toBe('c1.2');
  });

  it('does not skip a page whose store failed when the next one was already handed over', async () => {
    const db = await open();
    const [a, b] = [newId(), newId()];
    const broken = { ...serverClient(a), type: 'nonsense' } as unknown as RecordState;
    const first = storePulledPage(db, PROVIDER, [broken], 'c1.1', { after: null });
    const second = storePulledPage(db, PROVIDER, [serverClient(b)], 'c1.2', { after: 'c1.1' });
    await expect(first).rejects.toThrow();
    await expect(second).rejects.toBeInstanceOf(PullOrderError);
    expect(await pullCursor(db, PROVIDER)).toBeNull();
    expect(await db.clients.count()).toBe(0);
  });
});

describe('settlePushResults', () => {
  it('settles applied, conflict, rejected and held results across records and tables', async () => {
    const db = await open();
    const [x, y, z] = [newId(), newId(), newId()];
    const enrollment = newId();
    await storePulledPage(db, PROVIDER, [serverClient(x)], 'c1.1');
    const mx1 = await save(db, {
      type: 'client',
      id: x,
      op: 'patch',
      fields: { phone: '6125550101' },
    });
    const my = await save(db, { type: 'client', id: y, op: 'create', fields: clientFields() });
    const me = await save(db, {
      type: 'enrollment',
      id: enrollment,
      op: 'create',
      fields: enrollmentFields({ clientId: y, providerId: PROVIDER }),
    });
    const mx2 = await save(db, {
      type: 'client',
      id: x,
      op: 'patch',
      fields: { email: 'x@example.org' },
    });
    const mz = await save(db, { type: 'client', id: z, op: 'create', fields: clientFields() });
    const entries = await pendingOutbox(db);
    const counts = await settlePushResults(db, entries, [
      result(mx1.mutationId, 'applied'),
      result(my.mutationId, 'conflict', 'Kept for review'),
      result(me.mutationId, 'rejected', 'No such client'),
      result(mx2.mutationId, 'held'),
      // mz: no result at all (held too)
    ]);
    expect(counts).toEqual({ accepted: 2, rejected: 1, held: 2, conflicts: 1 });
    expect((await pendingOutbox(db)).map((e) => e.mutation.mutationId)).toEqual([
      mx2.mutationId,
      mz.mutationId,
    ]);
    // x: the applied change is folded into the known server state, the held one still pending.
    const rowX = await db.clients.get(x);
    expect(rowX?.server?.fields.phone).toBe('6125550101');
    expect(rowX?.server?.fields.email).toBeNull();
    expect(rowX?.view).toMatchObject({
      phone: '6125550101',
      email: 'x@example.org',
      pending: true,
    });
    // y: accepted (conflict) with nothing pending.
    expect((await db.clients.get(y))?.view).toMatchObject({ firstName: 'Robin', pending: false });
    expect(await db.conflicts.get(my.mutationId)).toMatchObject({
      recordId: y,
      message: 'Kept for review',
    });
    // The rejected enrollment: view recomputed without it, the change kept for attention.
    expect((await db.enrollments.get(enrollment))?.view ?? null).toBeNull();
    const rejected = await db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      mutation: me,
      providerId: PROVIDER,
      message: 'No such client',
    });
    // z: untouched.
    expect((await db.clients.get(z))?.view).toMatchObject({ pending: true });
  });

  it('keeps the order of rejected changes', async () => {
    const db = await open();
    const saved = [];
    for (let i = 0; i < 3; i++)
      saved.push(
        await save(db, { type: 'client', id: newId(), op: 'create', fields: clientFields() }),
      );
    const entries = await pendingOutbox(db);
    await settlePushResults(
      db,
      entries,
      saved.map((m) => result(m.mutationId, 'rejected', `no ${m.seq}`)),
    );
    expect((await db.rejected.toArray()).map((r) => r.message)).toEqual(['no 1', 'no 2', 'no 3']);
    expect(await pendingCount(db)).toBe(0);
  });
});

describe('saveChange stamps', () => {
  it('gives a database without a device id one, and numbers its changes from 1', async () => {
    const userId = newId();
    const db = new DeviceDatabase(userId, { now: () => T0 });
    track(db);
    await db.open();
    const first = await save(db, {
      type: 'client',
      id: newId(),
      op: 'create',
      fields: clientFields(),
    });
    const second = await save(db, {
      type: 'client',
      id: newId(),
      op: 'create',
      fields: clientFields(),
    });
    const stored = (await db.syncState.get('deviceId'))?.value;
    expect(typeof stored).toBe('string');
    expect([first.deviceId, second.deviceId]).toEqual([stored, stored]);
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(second.hlc > first.hlc).toBe(true);
    expect(first.hlc.endsWith(`-${String(stored)}`)).toBe(true);
  });

  it('continues the clock and sequence a database already has (key/value rows)', async () => {
    const db = new DeviceDatabase(newId(), { now: () => T0 });
    track(db);
    await db.open();
    // As a database written before this change stores them.
    await db.syncState.bulkPut([
      { key: 'deviceId', value: 'dexisting' },
      { key: 'hlc', value: `${String(T0 + 5_000).padStart(15, '0')}-00003-dexisting` },
      { key: 'nextSeq', value: 42 },
    ]);
    const m = await save(db, { type: 'client', id: newId(), op: 'create', fields: clientFields() });
    expect(m).toMatchObject({ deviceId: 'dexisting', seq: 42 });
    expect(m.hlc).toBe(`${String(T0 + 5_000).padStart(15, '0')}-00004-dexisting`);
    expect((await db.syncState.get('nextSeq'))?.value).toBe(43);
    expect((await db.syncState.get('hlc'))?.value).toBe(m.hlc);
  });
});
