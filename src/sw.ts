/// <reference lib="webworker" />
// The service worker: precaches the whole app (every screen opens offline from the first visit
// on), serves index.html for every navigation, and syncs queued changes on Background Sync's
// `sync` event where the browser has it (Chromium). iOS has none; the page's triggers cover it.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { AccountsDatabase, DeviceDatabase, databaseName, pendingCount } from './db';
import {
  BACKGROUND_SYNC_TAG,
  SyncEngine,
  accountAuth,
  backgroundSync,
  type HttpFetch,
} from './sync';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    // The API and the health check always go to the network.
    denylist: [/^\/api(\/|$)/, /^\/health$/],
  }),
);
// The first install controls the open page at once, so it works offline without a reload.
// Updates wait (no automatic skipWaiting) until the app asks, never while a form is open.
clientsClaim();

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

const swFetch: HttpFetch = async (url, init) => {
  const response = await fetch(url, { ...init, cache: 'no-store' });
  return { status: response.status, text: () => response.text() };
};

/**
 * Syncs every account on this device that has queued changes (on a shared tablet, a person who
 * locked the app still has theirs sent). The sync lock keeps this apart from open tabs.
 */
async function syncAllAccounts(): Promise<void> {
  const accounts = new AccountsDatabase();
  const rows = await accounts.accounts.toArray();
  const failures: unknown[] = [];
  for (const account of rows) {
    if (!account.providerId || !account.refreshToken) continue;
    // Never create a database for a person who has none on this device.
    const names = await DeviceDatabase.getDatabaseNames().catch(() => [
      databaseName(account.userId),
    ]);
    if (!names.includes(databaseName(account.userId))) continue;
    const db = new DeviceDatabase(account.userId);
    try {
      await db.open();
      if ((await pendingCount(db)) === 0) continue;
      const providerId = account.providerId;
      const engine = new SyncEngine({
        db,
        transport: (url, init) => swFetch(url, init),
        auth: accountAuth({ accounts, fetch: swFetch }, account.userId),
        providerId: () => providerId,
        // One attempt per event: the browser schedules the retries of a failed sync event.
        timers: { setTimeout: () => null, clearTimeout: () => {} },
      });
      await backgroundSync(engine);
    } catch (error) {
      failures.push(error);
    } finally {
      db.close();
    }
  }
  accounts.close();
  // Rejecting tells the browser to try the sync event again later.
  if (failures.length) throw failures[0];
}

self.addEventListener('sync', (event) => {
  const syncEvent = event as ExtendableEvent & { tag: string };
  if (syncEvent.tag === BACKGROUND_SYNC_TAG) syncEvent.waitUntil(syncAllAccounts());
});
