// @vitest-environment node
// (The server under test needs Node's URL and fs; IndexedDB comes from fake-indexeddb in setup.ts.)
// The sync engine against the real sync server, in-process.
import { SyncEngine } from '../../../src/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pendingCount, pullCursor, saveChange } from '../../../src/db';
import { unflattenFields, type FieldValues } from '../../../src/domain/merge';
import type { Mutation } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import type { ConflictRow } from '../../../sync-server/src/storage/types';
import { latest } from '../../server/sync/harness';
import { clientFields, enrollmentFields } from '../../domain/merge/fixtures';
import { openDevice, openSyncServer, views, type SyncServer, type TestDevice } from './harness';

let server: SyncServer;
const devices: TestDevice[] = [];

beforeEach(async () => {
  server = await openSyncServer('sqlite');
});
afterEach(async () => {
  for (const d of devices.splice(0)) d.close();
  await server.close();
});

async function device(
  ...args: Parameters<typeof openDevice> extends [unknown, ...infer R] ? R : never
) {
  const d = await openDevice(server, ...args);
  devices.push(d);
  return d;
}

function save(
  d: TestDevice,
  type: 'client' | 'enrollment',
  id: string,
  op: 'create' | 'patch',
  fields: FieldValues,
) {
  return saveChange(d.db, { type, id, op, fields }, { providerId: d.providerId });
}

async function serverViews(): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const [key, s] of latest(await server.pullAll('supervisor'))) {
    out.set(key, { ...unflattenFields(s.id, s.fields), id: s.id, deleted: s.deleted });
  }
  return out;
}

/** A small deterministic random number generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sync engine against the real server', () => {
  it('a save reaches the server and a second device sees it after sync', async () => {
    const a = await device('cmA');
    const b = await device('cmB');
    const clientId = newId();
    await save(a, 'client', clientId, 'create', clientFields());
    await save(
      a,
      'enrollment',
      newId(),
      'create',
      enrollmentFields({ clientId, providerId: a.providerId }),
    );
    expect(await a.engine.sync()).toBe('ok');
    expect(await pendingCount(a.db)).toBe(0);
    expect(a.engine.status.getState()).toMatchObject({
      phase: 'idle',
      pendingCount: 0,
      lastError: null,
    });
    expect(a.engine.status.getState().lastSuccessAt).toBe(server.clock.now);
    // Kept with the device's data: a reloaded app still says when it last synced.
    const reloaded = new SyncEngine({
      db: a.db,
      transport: () => Promise.reject(new Error('not used')),
      auth: { getAccessToken: () => null, refresh: async () => false },
      providerId: () => a.providerId,
    });
    await reloaded.refreshCounts();
    expect(reloaded.status.getState().lastSuccessAt).toBe(server.clock.now);
    expect(latest(await server.pullAll('cmB')).get(`client:${clientId}`)?.fields.firstName).toBe(
      'Robin',
    );

    expect(await b.engine.sync()).toBe('ok');
    const row = await b.db.clients.get(clientId);
    expect(row?.view).toMatchObject({ firstName: 'Robin', pending: false });
    expect(await b.db.enrollments.where('clientId').equals(clientId).count()).toBe(1);
    expect(await views(b.db)).toEqual(await views(a.db));
    expect(await views(a.db)).toEqual(await serverViews());
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'three devices editing the same records offline converge in any sync order (seed %i)',
    async (seed) => {
      const random = rng(seed);
      const a = await device('cmA');
      const b = await device('cmB');
      const c = await device('supervisor');
      const all = [a, b, c];
      const clientIds = [newId(), newId()];
      for (const id of clientIds)
        await save(a, 'client', id, 'create', clientFields({ firstName: `P${id.slice(0, 4)}` }));
      for (const d of all) expect(await d.engine.sync()).toBe('ok');

      // Offline: each device edits the same fields of the same records.
      const edits: Record<string, () => FieldValues> = {
        phone: () => ({ phone: String(6120000000 + Math.floor(random() * 9999999)) }),
        email: () => ({ email: `p${Math.floor(random() * 1e6)}@example.org` }),
        veteranStatus: () => ({ veteranStatus: random() < 0.5 ? 1 : 8 }),
      };
      const lastTyped = new Map<
        string,
        { device: TestDevice; recordId: string; field: string; value: unknown }
      >();
      const saved: Mutation[] = [];
      for (let i = 0; i < 12; i++) {
        const d = all[Math.floor(random() * 3)]!;
        const recordId = clientIds[Math.floor(random() * 2)]!;
        const field = Object.keys(edits)[Math.floor(random() * 3)]!;
        const fields = edits[field]!();
        server.clock.now += Math.floor(random() * 5000);
        saved.push(await save(d, 'client', recordId, 'patch', fields));
        lastTyped.set(`${d.user}:${recordId}:${field}`, {
          device: d,
          recordId,
          field,
          value: fields[field],
        });
      }
      // Sync in a random order, twice, so that everyone has everything.
      for (let round = 0; round < 2; round++) {
        const order = [...all].sort(() => random() - 0.5);
        for (const d of order) expect(await d.engine.sync()).toBe('ok');
      }
      const expected = await serverViews();
      for (const d of all) {
        expect(await pendingCount(d.db)).toBe(0);
        expect(await views(d.db)).toEqual(expected);
      }
      // Nothing typed is lost: each device's last value of each field is current, kept for review,
      // or was replaced by someone who saw it.
      const res = await server.request(
        'supervisor',
        'GET',
        `/api/conflicts?providerId=${a.providerId}&status=open`,
      );
      expect(res.statusCode).toBe(200);
      const conflicts = (res.json() as { conflicts: ConflictRow[] }).conflicts;
      for (const t of lastTyped.values()) {
        const current = (expected.get(`client:${t.recordId}`) as Record<string, unknown>)[t.field];
        const kept = conflicts.some(
          (row) =>
            row.conflict.recordId === t.recordId &&
            [row.conflict.winner.values[t.field], row.conflict.loser.values[t.field]].includes(
              t.value as never,
            ),
        );
        // ...or knowingly replaced (history) by a change whose device saw it.
        const replacedKnowingly = saved.some(
          (m) => m.recordId === t.recordId && m.seen[t.field] === t.value,
        );
        expect(
          current === t.value || kept || replacedKnowingly,
          `${t.device.user} ${t.field}=${String(t.value)}`,
        ).toBe(true);
      }
    },
  );

  it('retries a push whose response was lost without duplicating it', async () => {
    const a = await device('cmA');
    const clientId = newId();
    await save(a, 'client', clientId, 'create', clientFields());
    await save(a, 'client', clientId, 'patch', { phone: '6125550100' });
    let lost = false;
    a.fault = async (url, forward) => {
      if (!url.endsWith('/push') || lost) return null;
      lost = true;
      await forward(); // the server processes it...
      throw new TypeError('Failed to fetch'); // ...but the answer never arrives
    };
    expect(await a.engine.sync()).toBe('offline');
    expect(await pendingCount(a.db)).toBe(2);
    expect(a.engine.status.getState()).toMatchObject({ phase: 'offline', pendingCount: 2 });
    expect(a.retries).toHaveLength(1);

    expect(await a.engine.sync()).toBe('ok');
    expect(await pendingCount(a.db)).toBe(0);
    expect(await a.db.rejected.count()).toBe(0);
    expect(await a.db.conflicts.count()).toBe(0);
    const states = latest(await server.pullAll('cmA'));
    expect([...states.keys()]).toEqual([`client:${clientId}`]);
    expect(states.get(`client:${clientId}`)?.fields.phone).toBe('6125550100');
    expect((await a.db.clients.get(clientId))?.view).toMatchObject({
      phone: '6125550100',
      pending: false,
    });
  });

  it('refreshes an access token that expires mid-queue and drains the queue', async () => {
    const a = await device('cmA', { pushBatchSize: 5 });
    const ids = Array.from({ length: 12 }, () => newId());
    for (const id of ids) await save(a, 'client', id, 'create', clientFields());
    let pushes = 0;
    a.fault = async (url, forward) => {
      if (!url.endsWith('/push')) return null;
      const res = await forward();
      if (++pushes === 1) server.clock.now += 16 * 60_000; // the 15-minute access token expires
      return res;
    };
    expect(await a.engine.sync()).toBe('ok');
    expect(a.refreshes).toBe(1);
    expect(await pendingCount(a.db)).toBe(0);
    const states = latest(await server.pullAll('cmA'));
    expect(ids.every((id) => states.has(`client:${id}`))).toBe(true);
    expect(a.calls.filter((u) => u.endsWith('/push'))).toHaveLength(4); // 3 batches + 1 retry after 401
  });

  it('signs out and keeps the queue when the session cannot be refreshed', async () => {
    const a = await device('cmA');
    await save(a, 'client', newId(), 'create', clientFields());
    a.tokens = { accessToken: 'expired', refreshToken: 'revoked' };
    expect(await a.engine.sync()).toBe('signed_out');
    expect(a.refreshes).toBe(1);
    expect(a.engine.status.getState().phase).toBe('signed_out');
    expect(await pendingCount(a.db)).toBe(1);
    expect(a.retries).toHaveLength(0);
  });

  it('treats a captive portal answering 200 with HTML as a failure and keeps the queue', async () => {
    const a = await device('cmA');
    const clientId = newId();
    await save(a, 'client', clientId, 'create', clientFields());
    a.fault = async () => ({
      status: 200,
      text: async () => '<!doctype html><html><body>Sign in to Shelter Wi-Fi</body></html>',
    });
    expect(await a.engine.sync()).toBe('error');
    expect(await pendingCount(a.db)).toBe(1);
    expect(a.engine.status.getState().lastError).toMatch(/Wi-Fi/);
    expect(a.retries).toHaveLength(1);
    // 200 with JSON that is not a protocol response is a failure too.
    a.fault = async () => ({ status: 200, text: async () => '{"ok":true}' });
    expect(await a.engine.sync()).toBe('error');
    expect(await pendingCount(a.db)).toBe(1);
    expect(latest(await server.pullAll('cmA')).size).toBe(0);

    a.fault = null;
    expect(await a.engine.sync()).toBe('ok');
    expect(await pendingCount(a.db)).toBe(0);
  });

  it('a rejected mutation does not block the ones behind it and needs attention', async () => {
    const a = await device('cmA');
    const enrollmentId = newId();
    const clientId = newId();
    // The client of this enrollment was never created: the server rejects it.
    await save(
      a,
      'enrollment',
      enrollmentId,
      'create',
      enrollmentFields({ clientId: newId(), providerId: a.providerId }),
    );
    await save(a, 'client', clientId, 'create', clientFields());
    await save(a, 'client', clientId, 'patch', { phone: '6125550100' });
    expect(await a.engine.sync()).toBe('ok');
    expect(await pendingCount(a.db)).toBe(0);
    const rejected = await a.db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.mutation.recordId).toBe(enrollmentId);
    expect(rejected[0]?.message).toMatch(/client/i);
    expect(a.engine.status.getState().rejectedCount).toBe(1);
    expect((await a.db.enrollments.get(enrollmentId))?.view ?? null).toBeNull();
    const states = latest(await server.pullAll('cmA'));
    expect(states.get(`client:${clientId}`)?.fields.phone).toBe('6125550100');
    expect(states.has(`enrollment:${enrollmentId}`)).toBe(false);
  });

  it('pulls page after page (pipelined) and resumes after the last stored page', async () => {
    const a = await device('cmA');
    const ids = Array.from({ length: 7 }, () => newId());
    for (const id of ids) await save(a, 'client', id, 'create', clientFields());
    expect(await a.engine.sync()).toBe('ok');

    const b = await device('cmB', { pullLimit: 2 });
    let pulls = 0;
    b.fault = async (url) => {
      if (url.endsWith('/pull') && ++pulls === 3) throw new TypeError('Failed to fetch');
      return null;
    };
    expect(await b.engine.sync()).toBe('offline');
    // The two pages that arrived are stored, with the cursor of the second.
    expect(await b.db.clients.count()).toBe(4);
    const cursor = await pullCursor(b.db, b.providerId);
    expect(cursor).not.toBeNull();

    b.fault = null;
    expect(await b.engine.sync()).toBe('ok');
    expect(await b.db.clients.count()).toBe(7);
    expect(await views(b.db)).toEqual(await views(a.db));
    expect(await views(b.db)).toEqual(await serverViews());
    expect(b.calls.filter((u) => u.endsWith('/pull')).length).toBeGreaterThanOrEqual(3 + 2);
  });
});
