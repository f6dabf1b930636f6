import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../sync-server/src/app';
import { FIXTURE_INDEX, tempDir, testConfig, writeBuiltFixture } from './helpers';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('serving the built PWA', () => {
  const data = tempDir('data');
  const dist = tempDir('dist');
  let app: FastifyInstance;

  beforeAll(async () => {
    writeBuiltFixture(dist.dir);
    app = buildApp(testConfig({ dataDir: data.dir, staticDir: dist.dir }));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    data.cleanup();
    dist.cleanup();
  });

  it('serves index.html at / with no-cache', async () => {
    const res = await app.inject({ url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(FIXTURE_INDEX);
  });

  it.each([
    ['/index.html', 'text/html'],
    ['/sw.js', 'javascript'],
    ['/workbox-1a2b3c4d.js', 'javascript'],
    ['/registerSW.js', 'javascript'],
    ['/manifest.webmanifest', 'application/manifest+json'],
  ])('revalidates %s on every load (no-cache)', async (url, type) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(type);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it.each(['/assets/index-AbC123xy.js', '/assets/index-Zz9Yy8Xx.css'])(
    'caches hashed %s for a year as immutable',
    async (url) => {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body).toBe(readFileSync(path.join(dist.dir, url)).toString('utf8'));
    },
  );

  it('answers HEAD requests with the same headers', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/assets/index-AbC123xy.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body).toBe('');
  });

  it.each(['/clients', '/clients/7f3e/enrollments?tab=income', '/some/deep/route/'])(
    'falls back to index.html for the app route %s',
    async (url) => {
      const res = await app.inject({ url, headers: { accept: HTML } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(FIXTURE_INDEX);
    },
  );

  it('does not fall back for requests that do not accept HTML (a missing script is a 404)', async () => {
    const res = await app.inject({ url: '/assets/index-missing.js', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it.each(['/api', '/api/sync/pull', '/api/unknown?x=1'])(
    'never falls back for API path %s, even when HTML is accepted',
    async (url) => {
      const res = await app.inject({ url, headers: { accept: HTML } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ statusCode: 404, error: 'Not Found' });
    },
  );

  it('does not fall back for non-GET methods', async () => {
    const res = await app.inject({ method: 'POST', url: '/clients', headers: { accept: HTML } });
    expect(res.statusCode).toBe(404);
  });

  it('does not serve files outside STATIC_DIR', async () => {
    const res = await app.inject({ url: '/../../etc/passwd', headers: { accept: '*/*' } });
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain('root:');
  });
});

describe('when the PWA has not been built', () => {
  const data = tempDir('data');
  const empty = tempDir('empty');
  let app: FastifyInstance;

  beforeAll(async () => {
    app = buildApp(testConfig({ dataDir: data.dir, staticDir: path.join(empty.dir, 'dist') }));
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    data.cleanup();
    empty.cleanup();
  });

  it('answers pages with 503 and tells the operator to run npm run build', async () => {
    const res = await app.inject({ url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('npm run build');
    expect(res.body).toContain(path.join(empty.dir, 'dist', 'index.html'));
  });

  it('answers other GETs with a 503 JSON error', async () => {
    const res = await app.inject({ url: '/sw.js' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      statusCode: 503,
      message: expect.stringContaining('npm run build'),
    });
  });

  it('still answers /health and 404s the API', async () => {
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/sync/pull' })).statusCode).toBe(404);
  });

  it('picks up a build made after start', async () => {
    writeBuiltFixture(path.join(empty.dir, 'dist'));
    const res = await app.inject({ url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(FIXTURE_INDEX);
  });
});
