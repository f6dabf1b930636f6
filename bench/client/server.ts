// The bench's server: the real sync server (buildApp) on a throwaway SQLite database, serving the
// built bench page as its STATIC_DIR, so the page's fetch('/api/...') reaches the sync API on the
// same origin. Listens on 127.0.0.1 only, on a port the OS picks. Synthetic accounts only.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HybridLogicalClock } from '../../src/domain/clock/hlc';
import {
  MAX_PUSH_BATCH,
  PROTOCOL_VERSION,
  type Mutation,
  type PushResponse,
} from '../../src/domain/protocol';
import { newId } from '../../src/domain/records';
import { buildApp } from '../../sync-server/src/app';
import { createProvider, createUser } from '../../sync-server/src/auth/accounts';
import type { Config } from '../../sync-server/src/config';
import { createStorage } from '../../sync-server/src/storage/index';
import { householdChanges, newHousehold } from './caseload';

export const BENCH_PASSWORD = 'synthetic-bench-password-123';

export interface BenchAccount {
  username: string;
  password: string;
  userId: string;
  providerId: string;
}

export interface BenchServer {
  url: string;
  app: FastifyInstance;
  /** Queues and syncs changes (bench 2). */
  syncUser: BenchAccount;
  /** Pulls the seeded caseload (bench 3); a provider of its own, so the pull holds only the seed. */
  pullUser: BenchAccount;
  /** Pushes `records` record creations into the pull user's provider (untimed setup). */
  seedCaseload(records: number): Promise<number>;
  close(): Promise<void>;
}

function benchConfig(dataDir: string, staticDir: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    staticDir,
    logLevel: 'silent',
    databaseUrl: null,
    tokenSecret: randomBytes(36).toString('base64url'),
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlDays: 1,
    seedDemo: false,
    // The engine pushes 500 mutations per request; the seed too.
    bodyLimitBytes: 16 * 1024 * 1024,
    shutdownGraceMs: 1000,
    production: false,
  };
}

async function seedAccount(
  storage: ReturnType<typeof createStorage>,
  name: string,
  username: string,
): Promise<BenchAccount> {
  const now = Date.now();
  const provider = await createProvider(storage, { name, projectType: 6, funders: [1] }, now);
  const user = await createUser(
    storage,
    {
      username,
      displayName: `${name} case manager`,
      role: 'case_manager',
      password: BENCH_PASSWORD,
      providerIds: [provider.id],
    },
    now,
  );
  return { username, password: BENCH_PASSWORD, userId: user.id, providerId: provider.id };
}

export async function startBenchServer(staticDir: string): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldnote-bench-client-'));
  const storage = createStorage({ dataDir });
  const app = buildApp(benchConfig(dataDir, staticDir), { storage, closeStorage: true });
  await app.ready(); // migrates
  const syncUser = await seedAccount(storage, 'Bench Street Outreach', 'bench.syncer');
  const pullUser = await seedAccount(storage, 'Bench Family Services', 'bench.puller');
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  async function token(account: BenchAccount): Promise<string> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: account.password },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { accessToken: string }).accessToken;
  }

  return {
    url,
    app,
    syncUser,
    pullUser,
    async seedCaseload(records) {
      const authorization = `Bearer ${await token(pullUser)}`;
      const deviceId = 'bench-seed-device';
      const clock = new HybridLogicalClock(deviceId, Date.now);
      let seq = 0;
      let household = 0;
      const pending: Mutation[] = [];
      let stored = 0;
      const flush = async () => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: { authorization },
          payload: {
            protocolVersion: PROTOCOL_VERSION,
            providerId: pullUser.providerId,
            deviceId,
            mutations: pending.splice(0),
          },
        });
        if (res.statusCode !== 200) throw new Error(`seed push: ${res.statusCode} ${res.body}`);
        const bad = (res.json() as PushResponse).results.filter(
          (r) => r.status === 'rejected' || r.status === 'held',
        );
        if (bad.length) throw new Error(`seed push: ${bad.length} not stored: ${bad[0]!.message}`);
      };
      while (stored < records) {
        const changes = householdChanges(household, newHousehold(), pullUser.providerId);
        household += 1;
        for (const c of changes.slice(0, records - stored)) {
          seq += 1;
          pending.push({
            mutationId: newId(),
            deviceId,
            seq,
            hlc: clock.tick(),
            recordType: c.type,
            recordId: c.id,
            op: 'create',
            fields: c.fields,
            seen: {},
          });
          stored += 1;
          if (pending.length === MAX_PUSH_BATCH) await flush();
        }
      }
      if (pending.length) await flush();
      return stored;
    },
    async close() {
      // Chromium keeps preconnected sockets open; a graceful close would wait for them.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
