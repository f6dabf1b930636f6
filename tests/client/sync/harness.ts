// Devices for sync tests: a real device database and sync engine each, talking to the real sync
// server in-process through app.inject (no socket). Synthetic users only.
import { openDeviceDatabase, type DeviceDatabase } from '../../../src/db';
import { SyncEngine, inProcessLock, type ResponseLike, type Transport } from '../../../src/sync';
import { newId } from '../../../src/domain/records';
import { USERS, type SyncServer, type UserKey } from '../../server/sync/harness';

export { openSyncServer, USERS, type SyncServer, type UserKey } from '../../server/sync/harness';

const PASSWORD = 'synthetic-password-123';

interface Tokens {
  accessToken: string;
  refreshToken: string;
}

export async function signIn(server: SyncServer, user: UserKey): Promise<Tokens> {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: USERS[user].username, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return res.json() as Tokens;
}

/** A transport that hands requests to the in-process server. */
export function injectTransport(server: SyncServer): Transport {
  return async (url, init): Promise<ResponseLike> => {
    const res = await server.app.inject({
      method: init.method,
      url,
      headers: init.headers,
      payload: init.body,
    });
    return { status: res.statusCode, text: async () => res.body };
  };
}

/** Lets a test intercept requests: return a response, throw, or null to pass it through. */
export type Fault = (
  url: string,
  forward: () => Promise<ResponseLike>,
) => Promise<ResponseLike | null>;

export interface TestDevice {
  user: UserKey;
  db: DeviceDatabase;
  engine: SyncEngine;
  tokens: Tokens;
  refreshes: number;
  /** Requests the device made, by path. */
  calls: string[];
  fault: Fault | null;
  /** Scheduled retries (the engine's timers), not run automatically. */
  retries: number[];
  providerId: string;
  close(): void;
}

export async function openDevice(
  server: SyncServer,
  user: UserKey,
  options: { pushBatchSize?: number; pullLimit?: number; offsetMs?: number } = {},
): Promise<TestDevice> {
  const db = await openDeviceDatabase(`${user.toLowerCase()}-${newId().slice(0, 8)}`, {
    now: () => server.clock.now + (options.offsetMs ?? 0),
  });
  const forward = injectTransport(server);
  const providerId = server.providers[USERS[user].provider];
  const device: TestDevice = {
    user,
    db,
    engine: undefined as unknown as SyncEngine,
    tokens: await signIn(server, user),
    refreshes: 0,
    calls: [],
    fault: null,
    retries: [],
    providerId,
    close: () => db.close(),
  };
  device.engine = new SyncEngine({
    db,
    providerId: () => providerId,
    now: () => server.clock.now,
    random: () => 0.5,
    lock: inProcessLock,
    pushBatchSize: options.pushBatchSize,
    pullLimit: options.pullLimit,
    timers: {
      setTimeout: (_fn, ms) => device.retries.push(ms),
      clearTimeout: () => {},
    },
    transport: async (url, init) => {
      device.calls.push(url);
      const go = () => forward(url, init);
      return (device.fault ? await device.fault(url, go) : null) ?? go();
    },
    auth: {
      getAccessToken: () => device.tokens.accessToken,
      refresh: async () => {
        device.refreshes += 1;
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/auth/refresh',
          payload: { refreshToken: device.tokens.refreshToken },
        });
        if (res.statusCode !== 200) return false;
        device.tokens = res.json() as Tokens;
        return true;
      },
    },
  });
  return device;
}

/** Every record view on a device, without the device-only `pending` flag. */
export async function views(db: DeviceDatabase): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const table of db.recordTables) {
    for (const row of await table.toArray()) {
      if (!row.view) continue;
      const { pending: _p, ...view } = row.view;
      out.set(`${row.type}:${row.id}`, view);
    }
  }
  return out;
}
