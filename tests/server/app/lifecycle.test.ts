// /ready, storage ownership, graceful close and error logging.
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../sync-server/src/app';
import type { Storage } from '../../../sync-server/src/storage/types';
import { openTestApp, tempDir, testConfig, type TestApp } from '../helpers';
import { createTestDatabase, STORAGE_KINDS } from '../storage/test-storage';

describe.each(STORAGE_KINDS)('GET /ready on %s', (kind) => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('answers 200 when the database is reachable and migrated', async () => {
    t = await openTestApp(kind);
    const res = await t.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 when the database is closed (and /health still answers)', async () => {
    const database = createTestDatabase(kind, { sqlite: 'file' });
    const data = tempDir('data');
    const storage = database.open();
    const app = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }), { storage });
    try {
      await app.ready();
      expect((await app.inject({ url: '/ready' })).statusCode).toBe(200);
      await storage.close();
      const res = await app.inject({ url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toMatchObject({ status: 'not_ready' });
      expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.cleanup().catch(() => undefined); // closes the storage again
      data.cleanup();
    }
  });
});

describe('storage ownership and graceful close', () => {
  it('creates SQLite under DATA_DIR, migrates it on ready, and closes it with the app', async () => {
    const data = tempDir('data');
    try {
      const app = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }));
      expect((await app.inject({ url: '/ready' })).json()).toEqual({ status: 'ready' });
      await app.close();
      // Reopening works: the file was closed and holds the migrated schema.
      const again = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }));
      expect((await again.inject({ url: '/ready' })).statusCode).toBe(200);
      await again.close();
    } finally {
      data.cleanup();
    }
  });

  it('lets a request in flight finish before it closes the storage', async () => {
    const database = createTestDatabase('sqlite', { sqlite: 'memory' });
    const real = database.open();
    const events: string[] = [];
    // Records when the app closes it; the real close happens in cleanup.
    const storage = new Proxy(real, {
      get(target, property, receiver) {
        if (property === 'close') {
          return async () => {
            events.push('storage closed');
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Storage;
    const data = tempDir('data');
    const app = buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }), {
      storage,
      closeStorage: true,
    });
    // The request is in flight when close starts: it arrives, then waits until close was called.
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    app.get('/api/test/slow', async () => {
      arrived();
      await released;
      const ready = await storage.isReady(); // still usable at the end of the request
      events.push(`request finished (ready=${ready})`);
      return { ok: true };
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = fetch(`http://127.0.0.1:${port}/api/test/slow`).then(async (r) => ({
        status: r.status,
        connection: r.headers.get('connection'),
        body: (await r.json()) as unknown,
      }));
      await arrival;
      const closing = app.close();
      setImmediate(release);
      await closing;
      events.push('app closed');
      // The answer tells the client to drop the keep-alive socket, so close does not wait for it.
      expect(await response).toEqual({ status: 200, connection: 'close', body: { ok: true } });
      expect(events).toEqual(['request finished (ready=true)', 'storage closed', 'app closed']);
    } finally {
      await database.cleanup();
      data.cleanup();
    }
  });

  it('logs a 500 with the error id it answers', async () => {
    const lines: string[] = [];
    const database = createTestDatabase('sqlite', { sqlite: 'memory' });
    const data = tempDir('data');
    const app = buildApp(
      testConfig({ dataDir: data.dir, staticDir: data.dir, logLevel: 'error' }),
      {
        storage: database.open(),
        logStream: { write: (line) => void lines.push(line) },
      },
    );
    app.get('/api/test/boom', async () => {
      throw new Error('synthetic failure for the log');
    });
    try {
      const res = await app.inject({ url: '/api/test/boom' });
      const { errorId } = res.json() as { errorId: string };
      const entry = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.errorId === errorId);
      expect(entry).toMatchObject({
        level: 50,
        msg: 'Unhandled error',
        err: { message: 'synthetic failure for the log' },
      });
    } finally {
      await app.close();
      await database.cleanup();
      data.cleanup();
    }
  });
});
