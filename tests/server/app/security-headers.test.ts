// Security headers on every answer (issue 11 §4): the app shell, the service worker, hashed assets,
// an API answer, an API 404, API errors (400, 401, 405, 500) and the not-built 503 carry the CSP
// and the rest; /api answers are never cached; HSTS appears only over TLS (a trusted proxy's
// X-Forwarded-Proto here; a TLS socket sets request.protocol the same way). Synthetic people only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../sync-server/src/config';
import { HSTS_VALUE } from '../../../sync-server/src/plugins/security';
import { openTestApp, seedTestUser, tempDir, writeBuiltFixture, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';

const CSP =
  "default-src 'self';script-src 'self' 'wasm-unsafe-eval';object-src 'none';" +
  "frame-ancestors 'none';base-uri 'none';form-action 'self'";
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function expectSecurityHeaders(res: LightMyRequestResponse): void {
  expect(res.headers['content-security-policy']).toBe(CSP);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(res.headers['strict-transport-security']).toBeUndefined();
}

describe.each(STORAGE_KINDS)('security headers on %s', (kind) => {
  const dist = tempDir('dist');
  let server: TestApp;
  let auth: { authorization: string };
  let providerId: string;

  beforeAll(async () => {
    writeBuiltFixture(dist.dir);
    server = await openTestApp(kind, { staticDir: dist.dir }, (app) => {
      app.get('/api/test/boom', async () => {
        throw new Error('synthetic failure');
      });
    });
    const user = await seedTestUser(server.storage);
    providerId = user.providerId;
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: user.username, password: user.password },
    });
    auth = { authorization: `Bearer ${(signIn.json() as { accessToken: string }).accessToken}` };
  });
  afterAll(async () => {
    await server.close();
    dist.cleanup();
  });

  it('on the app shell, revalidated on every load so it is never stale', async () => {
    const res = await server.app.inject({ url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('on an app route served by the SPA fallback', async () => {
    const res = await server.app.inject({ url: '/clients/find', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('on sw.js, which stays servable as JavaScript and revalidated', async () => {
    const res = await server.app.inject({ url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('javascript');
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('on a hashed asset, still cached as immutable', async () => {
    const res = await server.app.inject({ url: '/assets/index-AbC123xy.js' });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('on an API answer, with no-store', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/clients/search',
      headers: auth,
      payload: { providerId, lastName: 'Nobody' },
    });
    expect(res.statusCode).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on an API 404, with no-store and without echoing the query', async () => {
    const res = await server.app.inject({
      url: '/api/no-such-route?lastName=Echomarker',
      headers: { accept: HTML },
    });
    expect(res.statusCode).toBe(404);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain('Echomarker');
  });

  it.each([
    ['401', { method: 'POST' as const, url: '/api/sync/pull', payload: {} }, 401],
    [
      '400',
      { method: 'POST' as const, url: '/api/clients/search', payload: { lastName: 'x' } },
      400,
    ],
    ['500', { method: 'GET' as const, url: '/api/test/boom' }, 500],
  ])('on an API error (%s), with no-store', async (_label, request, status) => {
    const res = await server.app.inject({
      ...request,
      headers: status === 401 ? {} : auth,
    });
    expect(res.statusCode).toBe(status);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on a URL Fastify cannot decode, answered before any hook, without echoing it', async () => {
    const res = await server.app.inject({
      url: '/api/clients/%E0/enrollments?lastName=Echomarker',
      headers: auth,
    });
    expect(res.statusCode).toBe(400);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain('Echomarker');
  });

  it('answers the old GET search with 405, a clear message, Allow: POST and no-store', async () => {
    const res = await server.app.inject({
      url: `/api/clients/search?providerId=${providerId}&lastName=Echomarker`,
      headers: auth,
    });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json()).toMatchObject({
      error: 'method_not_allowed',
      message: expect.stringContaining('POST /api/clients/search'),
    });
    expect(res.body).not.toContain('Echomarker');
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses unknown or oversized search criteria with 400', async () => {
    for (const payload of [
      { providerId, lastName: 'x'.repeat(51) },
      { providerId, ssnLast4: '12345' },
      { providerId, lastName: 'Ok', ssn: '123456789' },
      { providerId, lastName: 'Ok', limit: 51 },
    ]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/clients/search',
        headers: auth,
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('sends no HSTS over plain HTTP, even when a peer that is not trusted claims https', async () => {
    const res = await server.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe.each(STORAGE_KINDS)('HSTS behind a trusted TLS proxy on %s', (kind) => {
  let server: TestApp;
  beforeAll(async () => {
    server = await openTestApp(kind, { trustProxy: ['loopback'] });
  });
  afterAll(async () => server.close());

  it.each(['/', '/api/no-such-route', '/sw.js'])(
    'sends HSTS on %s when the proxy says the request came over https',
    async (url) => {
      const res = await server.app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['strict-transport-security']).toBe(HSTS_VALUE);
      expect(res.headers['content-security-policy']).toBe(CSP);
    },
  );

  it('covers the 503 of a server whose app is not built', async () => {
    const res = await server.app.inject({ url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(503);
    expectSecurityHeaders(res);
  });

  it('sends none for plain HTTP through the proxy, or from a peer outside TRUST_PROXY', async () => {
    const plain = await server.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const direct = await server.app.inject({ url: '/' });
    expect(direct.headers['strict-transport-security']).toBeUndefined();
    const outsider = await server.app.inject({
      url: '/',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(outsider.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('TRUST_PROXY', () => {
  const cwd = path.resolve('/srv/fieldnote');
  it('is off unless set', () => {
    expect(loadConfig({}, cwd).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: 'false' }, cwd).trustProxy).toBeUndefined();
  });

  it('takes true, or a list of addresses, CIDRs and proxy-addr names', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }, cwd).trustProxy).toBe(true);
    expect(
      loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.5, fd00::/8' }, cwd).trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', '192.168.1.5', 'fd00::/8']);
  });

  it.each(['nginx', '10.0.0.0/33', '10.0.0.1/8/2', '300.1.1.1'])('refuses %s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value }, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value }, cwd)).toThrow(/TRUST_PROXY/);
  });
});

describe('the built app needs no inline script or style', () => {
  it('index.html loads its script from a file and has no inline style or handler', () => {
    const html = readFileSync(path.resolve('index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('vite-plugin-pwa injects no registration script', () => {
    const config = readFileSync(path.resolve('vite.config.ts'), 'utf8');
    expect(config).toMatch(/injectRegister:\s*false/);
  });
});
