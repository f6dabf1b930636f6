// The engine's failure handling and the sync triggers, with a scripted transport.
import { BUSY_RETRY_MS } from '../../../src/sync';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDeviceDatabase, pendingCount, saveChange, type DeviceDatabase } from '../../../src/db';
import { newId } from '../../../src/domain/records';
import {
  SyncEngine,
  backgroundSync,
  inProcessLock,
  installSyncTriggers,
  type ResponseLike,
  type Transport,
} from '../../../src/sync';
import { T0, clientFields } from '../../domain/merge/fixtures';

const PROVIDER = newId();
const dbs: DeviceDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function setup(respond: (url: string) => ResponseLike | Promise<ResponseLike>) {
  const db = await openDeviceDatabase(newId(), { now: () => T0 });
  dbs.push(db);
  await saveChange(
    db,
    { type: 'client', id: newId(), op: 'create', fields: clientFields() },
    { providerId: PROVIDER },
  );
  const delays: number[] = [];
  const transport = vi.fn<Transport>(async (url) => respond(url));
  const engine = new SyncEngine({
    db,
    transport,
    auth: { getAccessToken: () => 'token', refresh: async () => false },
    providerId: () => PROVIDER,
    now: () => T0,
    random: () => 0.5,
    lock: inProcessLock,
    timers: { setTimeout: (_fn, ms) => delays.push(ms), clearTimeout: () => {} },
    retry: { baseMs: 1000, maxMs: 8000 },
  });
  return { db, engine, transport, delays };
}

const status = (code: number, body = '') => ({ status: code, text: async () => body });

describe('SyncEngine failures', () => {
  it('403: needs attention (no longer a member of the provider), queue kept, no retry loop', async () => {
    const { db, engine, delays } = await setup(() =>
      status(
        403,
        JSON.stringify({ error: 'forbidden', message: 'You are not a member of this provider' }),
      ),
    );
    expect(await engine.sync()).toBe('needs_attention');
    expect(engine.status.getState()).toMatchObject({
      phase: 'needs_attention',
      lastError: 'You are not a member of this provider',
      pendingCount: 1,
    });
    expect(await pendingCount(db)).toBe(1);
    expect(delays).toEqual([]);
  });

  it('426: update required, queue kept, no retry loop', async () => {
    const { db, engine, delays } = await setup(() =>
      status(426, JSON.stringify({ error: 'update_required', message: 'Update the app.' })),
    );
    expect(await engine.sync()).toBe('update_required');
    expect(engine.status.getState()).toMatchObject({
      phase: 'update_required',
      lastError: 'Update the app.',
      pendingCount: 1,
    });
    expect(await pendingCount(db)).toBe(1);
    expect(delays).toEqual([]);
  });

  it('5xx and network errors back off exponentially with jitter, up to a cap', async () => {
    let calls = 0;
    const { db, engine, delays } = await setup(() => {
      calls += 1;
      if (calls % 2) throw new TypeError('Failed to fetch');
      return status(503);
    });
    for (let i = 0; i < 6; i++) await engine.sync();
    // Half the ceiling plus a random share of the other half (random = 0.5 here).
    expect(delays).toEqual([750, 1500, 3000, 6000, 6000, 6000]);
    expect(engine.status.getState().phase).toBe('error');
    expect(engine.status.getState().nextRetryAt).toBe(T0 + 6000);
    expect(await pendingCount(db)).toBe(1);
  });

  it('does not sync while another context holds the lock, and looks again shortly', async () => {
    const { engine, transport, delays } = await setup(() => status(503));
    const outcome = await inProcessLock('fieldnote-sync', () => engine.sync());
    expect(outcome).toEqual({ acquired: true, value: 'busy' });
    expect(transport).not.toHaveBeenCalled();
    // The service worker (say) is sending the queue; this tab catches up once it is done.
    expect(delays).toEqual([BUSY_RETRY_MS]);
  });

  it('the service worker handler rejects when the sync did not complete', async () => {
    const { engine } = await setup(() => {
      throw new TypeError('offline');
    });
    await expect(backgroundSync(engine)).rejects.toThrow(/retry/);
  });
});

describe('sync triggers', () => {
  it('syncs on start, after a save, when online, when visible and periodically', async () => {
    const { db, engine } = await setup(() => status(503));
    const sync = vi.spyOn(engine, 'sync').mockResolvedValue('ok');
    const target = new EventTarget();
    const visibility = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    let tick: () => void = () => {};
    const triggers = installSyncTriggers(engine, {
      target,
      visibility,
      isOnline: () => true,
      setInterval: (fn, ms) => {
        expect(ms).toBe(5 * 60_000);
        tick = fn;
        return 1;
      },
      clearInterval: () => {},
    });
    expect(sync).toHaveBeenCalledTimes(1); // start
    await triggers.save(
      db,
      { type: 'client', id: newId(), op: 'create', fields: clientFields() },
      { providerId: PROVIDER },
    );
    await vi.waitFor(() => expect(sync).toHaveBeenCalledTimes(2));
    expect(engine.status.getState().pendingCount).toBe(2);
    target.dispatchEvent(new Event('online'));
    expect(sync).toHaveBeenCalledTimes(3);
    visibility.dispatchEvent(new Event('visibilitychange')); // still hidden
    expect(sync).toHaveBeenCalledTimes(3);
    visibility.visibilityState = 'visible';
    visibility.dispatchEvent(new Event('visibilitychange'));
    expect(sync).toHaveBeenCalledTimes(4);
    tick();
    expect(sync).toHaveBeenCalledTimes(5);
    target.dispatchEvent(new Event('offline'));
    expect(engine.status.getState().online).toBe(false);
    triggers.dispose();
    target.dispatchEvent(new Event('online'));
    expect(sync).toHaveBeenCalledTimes(5);
  });
});
