// The PWA shell in real Chromium: it installs a service worker, is installable, and opens
// offline (on / and on a deep route) once loaded. Run with `npm run test:e2e`, which builds first.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../sync-server/src/app';
import { loadConfig } from '../../sync-server/src/config';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Manifest = {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = bytes.subarray(0, 8).toString('hex');
  if (signature !== '89504e470d0a1a0a') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('PWA shell in Chromium', () => {
  let app: FastifyInstance;
  let dataDir: string;
  let profileDir: string;
  let baseUrl: string;
  let context: BrowserContext;
  let page: Page;

  /**
   * Closes the server now. Chromium keeps preconnected sockets that have not sent a request,
   * and a graceful close would wait for them (up to minutes), so every socket is destroyed.
   */
  async function closeServer(): Promise<void> {
    const closing = app.close();
    app.server.closeAllConnections();
    await closing;
  }

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) {
      throw new Error(
        'dist/ is missing: run `npm run test:e2e` (it builds first) or `npm run build`.',
      );
    }
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium not found at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`,
      );
    }
    dataDir = mkdtempSync(path.join(tmpdir(), 'fieldnote-e2e-'));
    app = buildApp(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        STATIC_DIR: DIST,
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
      }),
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

    // A persistent profile, not an incognito context: Chromium reports incognito pages as
    // not installable ("in-incognito").
    profileDir = mkdtempSync(path.join(tmpdir(), 'fieldnote-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 412, height: 860 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close();
    // The server may already be closed by the offline test; closing again is harmless.
    if (app) await closeServer();
    for (const dir of [dataDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loads the shell and the service worker takes control', async () => {
    const response = await page.goto(baseUrl, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // A new device opens on the sign-in screen.
    await expect
      .poll(() => page.locator('h1').textContent(), { timeout: 10_000 })
      .toBe('Sign in to Fieldnote');

    // clientsClaim: the first install controls the page without a reload, and the precache is
    // complete by then (activation follows a successful install).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    const scriptUrl = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(scriptUrl).toBe(`${baseUrl}/sw.js`);
  });

  it('links a manifest whose icons load as PNGs of the declared size', async () => {
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe('/manifest.webmanifest');
    const res = await context.request.get(`${baseUrl}${href}`);
    expect(res.status()).toBe(200);
    const manifest = (await res.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Fieldnote',
      short_name: 'Fieldnote',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    });
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of manifest.icons) {
      const iconRes = await context.request.get(new URL(icon.src, baseUrl).href);
      expect(iconRes.status(), icon.src).toBe(200);
      expect(iconRes.headers()['content-type']).toBe('image/png');
      const { width, height } = pngSize(await iconRes.body());
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    // The browser decodes them too (served by the service worker's precache).
    const decoded = await page.evaluate(
      (srcs) =>
        Promise.all(
          srcs.map(
            (src) =>
              new Promise<number>((resolve, reject) => {
                const img = new Image();
                img.onload = () => resolve(img.naturalWidth);
                img.onerror = () => reject(new Error(`cannot decode ${src}`));
                img.src = src;
              }),
          ),
        ),
      manifest.icons.map((i) => i.src),
    );
    expect(decoded).toEqual(manifest.icons.map((i) => Number(i.sizes.split('x')[0])));
    const touch = await context.request.get(`${baseUrl}/apple-touch-icon.png`);
    expect(pngSize(await touch.body())).toEqual({ width: 180, height: 180 });
  });

  it('has no installability errors and a manifest Chromium parses cleanly', async () => {
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.url).toBe(`${baseUrl}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    await cdp.detach();
  });

  it('opens offline, on / and on a deep route, with the server gone', async () => {
    // Playwright's offline mode does not cover the service worker's own fetches, so stop the
    // server as well: anything not in the precache would now fail.
    await context.setOffline(true);
    await closeServer();

    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to Fieldnote');
    await page.getByLabel('Username').waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: path.join(RESULTS, 'pwa-shell-offline.png'), fullPage: true });

    await page.goto(`${baseUrl}/clients/synthetic-0001/enrollments`, { waitUntil: 'load' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in to Fieldnote');

    // The API is never served from a cache.
    const api = await page.evaluate(() =>
      fetch('/api/sync/pull').then(
        (r) => `status ${r.status}`,
        () => 'network error',
      ),
    );
    expect(api).toBe('network error');
  });
});
