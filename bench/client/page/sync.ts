// Benches 2 and 3: the real SyncEngine in the page, talking to the real sync server on the same
// origin through fetch. The transport is wrapped only to add up the time spent waiting for the
// network and server, so the rest of a sync (validation, IndexedDB, view recomputation) can be
// told apart from it. `encrypted` opens the device database with a data key, as the app does.
import { pendingCount, saveChange, type DeviceDatabase } from '../../../src/db';
import { SyncEngine, defaultLock, type Transport } from '../../../src/sync';
import { householdChanges, newHousehold } from '../caseload';
import type { PageAccount, SyncFigures } from './api';
import { freshName, openBenchDatabase } from './keys';

interface Session {
  accessToken: string;
  refreshToken: string;
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function signIn(account: PageAccount): Promise<Session> {
  const res = await post('/api/auth/sign-in', {
    username: account.username,
    password: account.password,
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

interface Meter {
  requests: number;
  transportMs: number;
  pushTransportMs: number;
  responseChars: number;
}

function meteredFetch(meter: Meter): Transport {
  return async (url, init) => {
    const t = performance.now();
    const res = await fetch(url, init);
    const text = await res.text();
    meter.requests += 1;
    const ms = performance.now() - t;
    meter.transportMs += ms;
    if (url.endsWith('/push')) meter.pushTransportMs += ms;
    meter.responseChars += text.length;
    return { status: res.status, text: async () => text };
  };
}

function engineFor(db: DeviceDatabase, account: PageAccount, session: Session, meter: Meter) {
  return new SyncEngine({
    db,
    transport: meteredFetch(meter),
    providerId: () => account.providerId,
    lock: defaultLock(),
    auth: {
      getAccessToken: () => session.accessToken,
      refresh: async () => {
        const res = await post('/api/auth/refresh', { refreshToken: session.refreshToken });
        if (res.status !== 200) return false;
        Object.assign(session, (await res.json()) as Session);
        return true;
      },
    },
  });
}

async function recordRows(db: DeviceDatabase): Promise<number> {
  let total = 0;
  for (const table of db.recordTables) total += await table.count();
  return total;
}

/** Times one engine.sync(), noting when the push phase ended and how many pages were pulled. */
async function timedSync(
  db: DeviceDatabase,
  engine: SyncEngine,
  meter: Meter,
  count: number,
  queueMs: number,
): Promise<SyncFigures> {
  let pushedAt = 0;
  let pulledPages = 0;
  const start = performance.now();
  const unsubscribe = engine.status.subscribe((state) => {
    const p = state.progress;
    if (!p) return;
    if (!pushedAt && p.toPush > 0 && p.pushed === p.toPush) pushedAt = performance.now();
    pulledPages = Math.max(pulledPages, p.pulledPages);
  });
  const outcome = await engine.sync();
  const syncMs = performance.now() - start;
  unsubscribe();
  return {
    outcome,
    count,
    queueMs,
    syncMs,
    pushMs: pushedAt ? pushedAt - start : 0,
    pendingAfter: await pendingCount(db),
    recordsAfter: await recordRows(db),
    requests: meter.requests,
    pulledPages,
    transportMs: meter.transportMs,
    pushTransportMs: meter.pushTransportMs,
    responseChars: meter.responseChars,
  };
}

/** Bench 2: `count` changes saved while offline (no engine yet), then one sync. */
export async function benchQueuedSync(
  account: PageAccount,
  count: number,
  encrypted: boolean,
): Promise<SyncFigures> {
  const session = await signIn(account);
  const db = await openBenchDatabase(freshName('sync'), encrypted);
  const ctx = { providerId: account.providerId };
  const t = performance.now();
  let queued = 0;
  for (let n = 0; queued < count; n++) {
    for (const c of householdChanges(n, newHousehold(), account.providerId)) {
      if (queued === count) break;
      await saveChange(db, { type: c.type, id: c.id, op: 'create', fields: c.fields }, ctx);
      queued += 1;
    }
  }
  const queueMs = performance.now() - t;
  const meter: Meter = { requests: 0, transportMs: 0, pushTransportMs: 0, responseChars: 0 };
  const engine = engineFor(db, account, session, meter);
  try {
    return await timedSync(db, engine, meter, count, queueMs);
  } finally {
    engine.stop();
    db.close();
  }
}

/** Bench 3: a new device's first sync, pulling the provider's whole caseload. */
export async function benchPull(
  account: PageAccount,
  expected: number,
  encrypted: boolean,
): Promise<SyncFigures> {
  const session = await signIn(account);
  const db = await openBenchDatabase(freshName('pull'), encrypted);
  const meter: Meter = { requests: 0, transportMs: 0, pushTransportMs: 0, responseChars: 0 };
  const engine = engineFor(db, account, session, meter);
  try {
    return await timedSync(db, engine, meter, expected, 0);
  } finally {
    engine.stop();
    db.close();
  }
}
