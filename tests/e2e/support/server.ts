// The real sync server for browser tests: SQLite in a temporary directory, the demo provider,
// users and synthetic caseload seeded, serving the built PWA from dist/, on 127.0.0.1 only.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../sync-server/src/app';
import { loadConfig } from '../../../sync-server/src/config';
import { seedDemo } from '../../../sync-server/src/cli/seed-demo';
import { createStorage } from '../../../sync-server/src/storage/index';
import type { Storage } from '../../../sync-server/src/storage/types';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const RESULTS = path.join(ROOT, 'test-results');

export interface TestServer {
  baseUrl: string;
  app: FastifyInstance;
  storage: Storage;
  close(): Promise<void>;
}

export async function startServer(options: { seed?: boolean } = {}): Promise<TestServer> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(
      'dist/ is missing: run `npm run test:e2e` (it builds first) or `npm run build`.',
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldnote-e2e-'));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: DIST,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  });
  const storage = createStorage({ databaseUrl: null, dataDir });
  const app = buildApp(config, { storage, closeStorage: true });
  await app.ready();
  if (options.seed ?? true) await seedDemo(storage, { now: Date.now() });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    app,
    storage,
    async close() {
      // Chromium keeps idle preconnected sockets; a graceful close would wait for them.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
