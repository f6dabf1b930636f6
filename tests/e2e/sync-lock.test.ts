// Web Locks in real Chromium: two tabs of the app (and the service worker) never sync at the same
// time. Every sync request is slowed down so that overlapping syncs would show as two requests
// in flight at once; both tabs are told to sync over and over. Synthetic people only.
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, PHONE } from './support/browser';
import { startServer, type TestServer } from './support/server';
import { openAs } from './support/steps';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

describe('one sync at a time across tabs', () => {
  beforeAll(async () => {
    server = await startServer({ seed: true });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('two tabs asked to sync together never have two syncs in flight', async () => {
    const first = await context.newPage();
    await first.goto(server.baseUrl, { waitUntil: 'load' });
    await first.getByLabel('Username').fill('demo.casemanager');
    await first.getByLabel(/^Password/).fill('fieldnote-demo-cm');
    await first.getByRole('button', { name: 'Sign in', exact: true }).click();
    await first.getByRole('link', { name: /^Sync: Synced/ }).waitFor({ timeout: 30_000 });
    const second = await context.newPage();
    // Each tab holds its own unlocked key: the second tab asks for the password too.
    await openAs(second, server.baseUrl, {
      username: 'demo.casemanager',
      password: 'fieldnote-demo-cm',
    });
    await second.getByRole('link', { name: /^Sync: Synced/ }).waitFor({ timeout: 30_000 });

    let inFlight = 0;
    let maxInFlight = 0;
    let requests = 0;
    await context.route('**/api/sync/**', async (route: Route) => {
      inFlight += 1;
      requests += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      try {
        await route.continue();
      } finally {
        inFlight -= 1;
      }
    });

    // Each tab's triggers sync on `online`; fire it in both tabs, several times, at once.
    const kick = () =>
      Promise.all(
        [first, second].map((p) => p.evaluate(() => window.dispatchEvent(new Event('online')))),
      );
    for (let i = 0; i < 5; i++) {
      await kick();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect.poll(() => inFlight, { timeout: 30_000 }).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect.poll(() => inFlight, { timeout: 30_000 }).toBe(0);

    expect(requests).toBeGreaterThan(1);
    expect(maxInFlight).toBe(1);
  });
});
