// Background Sync in real Chromium: a change saved offline is sent by the service worker's `sync`
// event after the app's tab is gone, or while the app is locked (the event is dispatched through
// the DevTools protocol, as Chromium would when the connection returns). The service worker holds
// no key and no token: it can only deliver the changes sealed for the server at save time
// (POST /api/sync/deliver); it never pulls or refreshes. Synthetic people only.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ID } from '../../sync-server/src/cli/seed-demo';
import { launchChromium, PHONE } from './support/browser';
import { startServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Browser;
let context: BrowserContext;

/** Every client record the server has for the demo provider, by id. */
async function serverClients(): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (let after = 0; ;) {
    const page = await server.storage.pullChanges(DEMO_PROVIDER_ID, after, 1000);
    for (const { state } of page.records) {
      if (state.type === 'client') out.set(state.id, state.fields as Record<string, unknown>);
    }
    if (page.records.length < 1000) return out;
    after = page.lastSeq;
  }
}

/** Fires the service worker's `sync` event as Chromium does when the connection returns. */
async function dispatchSync(page: Page): Promise<CDPSession> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
      const found = event.registrations.find((r) => r.scopeURL === `${server.baseUrl}/`);
      if (found) resolve(found.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.dispatchSyncEvent', {
    origin: server.baseUrl,
    registrationId: await registrationId,
    tag: 'fieldnote-sync',
    lastChance: false,
  });
  return cdp;
}

/** Signs in as the demo case manager and waits until the page has synced under the worker. */
async function signedIn(page: Page): Promise<void> {
  await page.goto(server.baseUrl, { waitUntil: 'load' });
  await page.getByLabel('Username').fill('demo.casemanager');
  await page.getByLabel(/^Password/).fill('fieldnote-demo-cm');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
  await page.getByRole('link', { name: /^Sync: Synced/ }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Offline, a change to the first client's email; answers the client's id. */
async function changeEmailOffline(page: Page, email: string): Promise<string> {
  await context.setOffline(true);
  await page.locator('a[href^="/enrollments/"]').first().click();
  await page.getByRole('link', { name: 'Client profile' }).click();
  await page.waitForURL(/\/clients\/[0-9a-f]{32}$/);
  const clientId = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('link', { name: /^Sync: Offline · 1 pending/ }).waitFor();
  return clientId;
}

describe('Background Sync', () => {
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

  it('the service worker sends a change saved offline after the tab is closed', async () => {
    const page = await context.newPage();
    await page.goto(server.baseUrl, { waitUntil: 'load' });
    await page.getByLabel('Username').fill('demo.casemanager');
    await page.getByLabel(/^Password/).fill('fieldnote-demo-cm');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await page.getByRole('link', { name: /^Sync: Synced/ }).waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Offline: the page cannot sync, so the change waits in the outbox; the save registers a
    // Background Sync.
    await context.setOffline(true);
    const firstRow = page.locator('a[href^="/enrollments/"]').first();
    await firstRow.click();
    await page.getByRole('link', { name: 'Client profile' }).click();
    await page.waitForURL(/\/clients\/[0-9a-f]{32}$/);
    const clientId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByLabel(/^Email/).fill('background.sync@example.org');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('link', { name: /^Sync: Offline · 1 pending/ }).waitFor();
    const tags = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const sync = (registration as unknown as { sync?: { getTags(): Promise<string[]> } }).sync;
      return sync ? sync.getTags() : null;
    });
    expect(tags).toContain('fieldnote-sync');
    expect((await serverClients()).get(clientId)?.email).not.toBe('background.sync@example.org');

    // The tab goes away; the connection comes back; the browser fires the sync event.
    const blank = await context.newPage();
    await page.close();
    await context.setOffline(false);
    const cdp = await dispatchSync(blank);
    await expect
      .poll(async () => (await serverClients()).get(clientId)?.email, { timeout: 30_000 })
      .toBe('background.sync@example.org');
    await cdp.detach();
  });

  it('while the app is locked, the worker delivers the sealed change and reads nothing', async () => {
    const page = await context.newPage();
    await signedIn(page);
    const clientId = await changeEmailOffline(page, 'locked.delivery@example.org');

    // Lock — switch person: the key is gone from the page; the sign-in screen shows.
    await page.getByRole('link', { name: /Entering data as/ }).click();
    await page.getByRole('button', { name: 'Lock — switch person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Fieldnote' }).waitFor();

    const seen: string[] = [];
    const record = (url: string) => {
      const { pathname } = new URL(url);
      if (pathname.startsWith('/api/')) seen.push(pathname);
    };
    context.on('request', (request) => record(request.url()));
    await context.setOffline(false);
    const cdp = await dispatchSync(page);
    await expect
      .poll(async () => (await serverClients()).get(clientId)?.email, { timeout: 30_000 })
      .toBe('locked.delivery@example.org');
    await cdp.detach();
    // What the locked device sent: sealed deliveries only; no pull, push or refresh.
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['/api/sync/deliver']));
    await page.close();
  });
});
