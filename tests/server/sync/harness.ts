// A sync server for API tests: a real app on a reopenable test database (so restarts can be
// tested), synthetic users in two providers, signed in through the real sign-in route.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../sync-server/src/app';
import type { Storage, StorageKind } from '../../../sync-server/src/storage/types';
import {
  PROTOCOL_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../../src/domain/protocol';
import type { RecordState } from '../../../src/domain/merge';
import { createTestDatabase, type TestDatabase } from '../storage/test-storage';
import { seedTestUser, tempDir, testConfig } from '../helpers';
import { T0 } from '../../domain/merge/fixtures';

export const USERS = {
  cmA: {
    username: 'avery.casemanager',
    displayName: 'Avery Casemanager',
    role: 'case_manager',
    provider: 'p1',
  },
  cmB: {
    username: 'blake.casemanager',
    displayName: 'Blake Casemanager',
    role: 'case_manager',
    provider: 'p1',
  },
  supervisor: {
    username: 'casey.supervisor',
    displayName: 'Casey Supervisor',
    role: 'supervisor',
    provider: 'p1',
  },
  outsider: {
    username: 'drew.otherprovider',
    displayName: 'Drew Otherprovider',
    role: 'case_manager',
    provider: 'p2',
  },
} as const;
export type UserKey = keyof typeof USERS;

const PROVIDER_NAMES = { p1: 'Test Family Case Management', p2: 'Test Downtown Outreach' } as const;
const PASSWORD = 'synthetic-password-123';

export interface SyncServer {
  app: FastifyInstance;
  storage: Storage;
  clock: { now: number };
  providers: { p1: string; p2: string };
  userIds: Record<UserKey, string>;
  push(
    user: UserKey,
    mutations: Mutation[],
    options?: { providerId?: string; deviceId?: string },
  ): Promise<PushResponse>;
  pushRaw(user: UserKey | null, body: unknown): Promise<LightMyRequestResponse>;
  pullAll(user: UserKey, options?: { providerId?: string; limit?: number }): Promise<RecordState[]>;
  /** The Authorization header of a signed-in user. */
  authHeader(user: UserKey): Promise<{ authorization: string }>;
  request(
    user: UserKey | null,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
  /** Closes the app and opens a new one on the same database (a server restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function openSyncServer(kind: StorageKind): Promise<SyncServer> {
  const database: TestDatabase = createTestDatabase(kind, { sqlite: 'file' });
  const data = tempDir('sync');
  const clock = { now: T0 + 120_000 };
  const tokens = new Map<UserKey, string>();

  async function start(): Promise<{ app: FastifyInstance; storage: Storage }> {
    const storage = database.open();
    const app = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }), {
      storage,
      now: () => clock.now,
    });
    await app.ready();
    return { app, storage };
  }

  let { app, storage } = await start();
  const providers = { p1: '', p2: '' };
  const userIds = {} as Record<UserKey, string>;
  for (const [key, u] of Object.entries(USERS) as [UserKey, (typeof USERS)[UserKey]][]) {
    const seeded = await seedTestUser(storage, {
      username: u.username,
      displayName: u.displayName,
      password: PASSWORD,
      role: u.role,
      providerName: PROVIDER_NAMES[u.provider],
    });
    providers[u.provider] = seeded.providerId;
    userIds[key] = seeded.userId;
  }

  async function token(user: UserKey): Promise<string> {
    const cached = tokens.get(user);
    if (cached) return cached;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: USERS[user].username, password: PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const accessToken = (res.json() as { accessToken: string }).accessToken;
    tokens.set(user, accessToken);
    return accessToken;
  }

  const server: SyncServer = {
    get app() {
      return app;
    },
    get storage() {
      return storage;
    },
    clock,
    providers,
    userIds,
    async authHeader(user) {
      return { authorization: `Bearer ${await token(user)}` };
    },
    async request(user, method, url, body) {
      const headers = user ? { authorization: `Bearer ${await token(user)}` } : undefined;
      return app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    async pushRaw(user, body) {
      return server.request(user, 'POST', '/api/sync/push', body);
    },
    async push(user, mutations, options = {}) {
      const res = await server.pushRaw(user, {
        protocolVersion: PROTOCOL_VERSION,
        providerId: options.providerId ?? providers[USERS[user].provider],
        deviceId: options.deviceId ?? mutations[0]!.deviceId,
        mutations,
      });
      if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
      return res.json() as PushResponse;
    },
    async pullAll(user, options = {}) {
      const out: RecordState[] = [];
      let cursor: string | null = null;
      for (;;) {
        const res = await server.request(user, 'POST', '/api/sync/pull', {
          protocolVersion: PROTOCOL_VERSION,
          providerId: options.providerId ?? providers[USERS[user].provider],
          deviceId: `pull-${user.toLowerCase()}`,
          cursor,
          limit: options.limit ?? 500,
        });
        if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
        const page = res.json() as PullResponse;
        out.push(...page.changes);
        cursor = page.cursor;
        if (!page.hasMore) return out;
      }
    },
    async restart() {
      await app.close();
      await storage.close();
      ({ app, storage } = await start());
    },
    async close() {
      await app.close();
      await database.cleanup();
      data.cleanup();
    },
  };
  return server;
}

/** The latest state of each record in a pull (later pages carry newer versions). */
export function latest(states: RecordState[]): Map<string, RecordState> {
  const map = new Map<string, RecordState>();
  for (const s of states) map.set(`${s.type}:${s.id}`, s);
  return map;
}
