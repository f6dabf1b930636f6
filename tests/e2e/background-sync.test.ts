// Background Sync in real Chromium: a change saved offline is sent by the service worker's `sync`
// event after the app's tab is gone (the event is dispatched through the DevTools protocol, as
// Chromium would when the connection returns). Synthetic people only.
import type { Browser, BrowserContext, CDPSession } from 'playwright-core';
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
    const cdp: CDPSession = await context.newCDPSession(blank);
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
    await expect
      .poll(async () => (await serverClients()).get(clientId)?.email, { timeout: 30_000 })
      .toBe('background.sync@example.org');
    await cdp.detach();
  });
});
