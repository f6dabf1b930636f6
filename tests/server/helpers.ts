import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/domain/records';
import { buildApp } from '../../sync-server/src/app';
import { createProvider, createUser } from '../../sync-server/src/auth/accounts';
import type { Config } from '../../sync-server/src/config';
import type { Storage, StorageKind } from '../../sync-server/src/storage/types';
import { openTestStorage } from './storage/test-storage';

/** A temporary directory removed by the returned cleanup function. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `fieldnote-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fixed signing key for tests (synthetic; never used outside tests). */
export const TEST_TOKEN_SECRET = 'test-token-secret-0123456789abcdefghijklmnop';

/** A server configuration for in-process tests: SQLite in `dataDir`, listening on 127.0.0.1 only. */
export function testConfig(
  overrides: Partial<Config> & Pick<Config, 'dataDir' | 'staticDir'>,
): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    databaseUrl: null,
    tokenSecret: TEST_TOKEN_SECRET,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlDays: 30,
    seedDemo: false,
    bodyLimitBytes: 5 * 1024 * 1024,
    shutdownGraceMs: 1000,
    production: false,
    ...overrides,
  };
}

export const FIXTURE_INDEX = '<!doctype html><html><body><div id="root"></div>shell</body></html>';

/** Writes a small stand-in for vite's dist/ output into `dir`. */
export function writeBuiltFixture(dir: string): void {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), FIXTURE_INDEX);
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(path.join(dir, 'workbox-1a2b3c4d.js'), '// workbox runtime');
  writeFileSync(path.join(dir, 'registerSW.js'), '// register');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Fieldnote' }));
  writeFileSync(path.join(dir, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(dir, 'assets', 'index-AbC123xy.js'), 'console.log("app");');
  writeFileSync(path.join(dir, 'assets', 'index-Zz9Yy8Xx.css'), 'body{}');
}

/** An app on a migrated test storage (SQLite in memory or a fresh PostgreSQL schema). */
export interface TestApp {
  app: FastifyInstance;
  storage: Storage;
  /** The app's clock (ms); tests move it with `clock.now += ...`. */
  clock: { now: number };
  close(): Promise<void>;
}

/** 2026-03-02T15:00:00Z: the tests' "now". */
export const TEST_NOW = Date.UTC(2026, 2, 2, 15, 0, 0);

export async function openTestApp(
  kind: StorageKind,
  overrides: Partial<Config> = {},
  setup?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const { storage, cleanup } = await openTestStorage(kind);
  const data = tempDir('data');
  const clock = { now: TEST_NOW };
  const app = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir, ...overrides }), {
    storage,
    now: () => clock.now,
  });
  setup?.(app);
  await app.ready();
  return {
    app,
    storage,
    clock,
    close: async () => {
      await app.close();
      await cleanup();
      data.cleanup();
    },
  };
}

export const TEST_PROVIDER_NAME = 'Test Family Services';

/** Creates a provider and a user who is a member of it. Synthetic people only. */
export async function seedTestUser(
  storage: Storage,
  options: {
    username?: string;
    password?: string;
    role?: Role;
    providerName?: string;
    displayName?: string;
  } = {},
): Promise<{ userId: string; providerId: string; username: string; password: string }> {
  const username = options.username ?? 'robin.tester';
  const password = options.password ?? 'correct horse battery';
  const providers = await storage.listProviders();
  const name = options.providerName ?? TEST_PROVIDER_NAME;
  const provider =
    providers.find((p) => p.name === name) ??
    (await createProvider(storage, { name, projectType: 6, funders: [1] }, TEST_NOW));
  const user = await createUser(
    storage,
    {
      username,
      displayName: options.displayName ?? 'Robin Tester',
      role: options.role ?? 'case_manager',
      password,
      providerIds: [provider.id],
    },
    TEST_NOW,
  );
  return { userId: user.id, providerId: provider.id, username, password };
}
