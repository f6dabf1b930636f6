// Several sync-server app instances on one database, as a county deployment runs them: on
// PostgreSQL each instance has a pool of its own (separate processes would behave the same: they
// share nothing but the database). On SQLite the instances share one storage, since SQLite serves
// one process per file (a second connection in the same process would wait on the first one's
// write lock while blocking the event loop that lock's holder needs); that is still two apps, two
// route stacks and two token checks on one database.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../../sync-server/src/app';
import type { Storage, StorageKind } from '../../../sync-server/src/storage/types';
import { PROTOCOL_VERSION, type Mutation, type PushResponse } from '../../../src/domain/protocol';
import type { RecordState } from '../../../src/domain/merge';
import { createTestDatabase, type TestDatabase } from '../storage/test-storage';
import { seedTestUser, tempDir, testConfig } from '../helpers';
import { T0 } from '../../domain/merge/fixtures';

const PASSWORD = 'synthetic-password-123';

export const CLUSTER_USERS = {
  cmA: { username: 'avery.casemanager', role: 'case_manager', provider: 'p1' },
  cmB: { username: 'blake.casemanager', role: 'case_manager', provider: 'p1' },
  supervisor: { username: 'casey.supervisor', role: 'supervisor', provider: 'p1' },
  outsider: { username: 'drew.otherprovider', role: 'case_manager', provider: 'p2' },
} as const;
export type ClusterUser = keyof typeof CLUSTER_USERS;

const PROVIDER_NAMES = { p1: 'Test Family Case Management', p2: 'Test Downtown Outreach' };

export interface Cluster {
  kind: StorageKind;
  instances: FastifyInstance[];
  /** One storage per instance (the same object for every instance on SQLite). */
  storages: Storage[];
  clock: { now: number };
  providers: { p1: string; p2: string };
  userIds: Record<ClusterUser, string>;
  /** A push through instance `instance`; answers the raw response (no status check). */
  pushRaw(
    instance: number,
    user: ClusterUser,
    mutations: Mutation[],
    options?: { deviceId?: string; providerId?: string },
  ): Promise<LightMyRequestResponse>;
  /** A push that must answer 200. */
  push(
    instance: number,
    user: ClusterUser,
    mutations: Mutation[],
    options?: { deviceId?: string },
  ): Promise<PushResponse>;
  pullAll(instance: number, user: ClusterUser): Promise<Map<string, RecordState>>;
  /** The user's bearer token (one sign-in per user, shared by every instance). */
  token(user: ClusterUser): Promise<string>;
  close(): Promise<void>;
}

export async function openCluster(kind: StorageKind, count: number): Promise<Cluster> {
  const database: TestDatabase = createTestDatabase(kind, { sqlite: 'file' });
  const data = tempDir('cluster');
  const clock = { now: T0 + 120_000 };
  const first = database.open();
  await first.migrate();
  const storages: Storage[] = [first];
  for (let i = 1; i < count; i++) {
    const next = kind === 'postgres' ? database.open() : first;
    if (next !== first) await next.migrate();
    storages.push(next);
  }
  const instances: FastifyInstance[] = [];
  for (const storage of storages) {
    const app = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }), {
      storage,
      now: () => clock.now,
    });
    await app.ready();
    instances.push(app);
  }

  const providers = { p1: '', p2: '' };
  const userIds = {} as Record<ClusterUser, string>;
  for (const [key, u] of Object.entries(CLUSTER_USERS) as [
    ClusterUser,
    (typeof CLUSTER_USERS)[ClusterUser],
  ][]) {
    const seeded = await seedTestUser(first, {
      username: u.username,
      displayName: u.username,
      password: PASSWORD,
      role: u.role,
      providerName: PROVIDER_NAMES[u.provider],
    });
    providers[u.provider] = seeded.providerId;
    userIds[key] = seeded.userId;
  }

  // Tokens are signed with the shared secret, so one sign-in serves every instance. The promise is
  // kept, so pushes started together sign in once (many sign-ins at once would be throttled).
  const tokens = new Map<ClusterUser, Promise<string>>();
  function token(user: ClusterUser): Promise<string> {
    let known = tokens.get(user);
    if (!known) {
      known = signIn(user);
      tokens.set(user, known);
    }
    return known;
  }
  async function signIn(user: ClusterUser): Promise<string> {
    const res = await instances[0]!.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: CLUSTER_USERS[user].username, password: PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode}`);
    return (res.json() as { accessToken: string }).accessToken;
  }

  const cluster: Cluster = {
    kind,
    instances,
    storages,
    clock,
    providers,
    userIds,
    token,
    async pushRaw(instance, user, mutations, options = {}) {
      return instances[instance % instances.length]!.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${await token(user)}` },
        payload: {
          protocolVersion: PROTOCOL_VERSION,
          providerId: options.providerId ?? providers[CLUSTER_USERS[user].provider],
          deviceId: options.deviceId ?? mutations[0]!.deviceId,
          mutations,
        },
      });
    },
    async push(instance, user, mutations, options) {
      const res = await cluster.pushRaw(instance, user, mutations, options);
      if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
      return res.json() as PushResponse;
    },
    async pullAll(instance, user) {
      const out = new Map<string, RecordState>();
      let cursor: string | null = null;
      for (;;) {
        const res: LightMyRequestResponse = await instances[instance % instances.length]!.inject({
          method: 'POST',
          url: '/api/sync/pull',
          headers: { authorization: `Bearer ${await token(user)}` },
          payload: {
            protocolVersion: PROTOCOL_VERSION,
            providerId: providers[CLUSTER_USERS[user].provider],
            deviceId: `pull-${user.toLowerCase()}`,
            cursor,
            limit: 1000,
          },
        });
        if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
        const page = res.json() as {
          changes: RecordState[];
          cursor: string;
          hasMore: boolean;
        };
        for (const s of page.changes) out.set(`${s.type}:${s.id}`, s);
        cursor = page.cursor;
        if (!page.hasMore) return out;
      }
    },
    async close() {
      await Promise.all(instances.map((app) => app.close()));
      await database.cleanup();
      data.cleanup();
    },
  };
  return cluster;
}
