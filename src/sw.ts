/// <reference lib="webworker" />
// The service worker: precaches the whole app (every screen opens offline from the first visit
// on), serves index.html for every navigation, and syncs queued changes on Background Sync's
// `sync` event where the browser has it (Chromium): it delivers the changes sealed for the
// server, which is all a service worker without any person's key can do. iOS has no Background
// Sync; the page's triggers cover it.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { AccountsDatabase, DeviceDatabase, clearDeviceData, databaseName } from './db';
import { BACKGROUND_SYNC_TAG, type HttpFetch } from './sync';
import { deliverSealed } from './sync/sealed-outbox';

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
 * Delivers the changes every person on this device sealed for the server (sync/sealed-outbox.ts):
 * a person who locked the app on a shared tablet still has theirs sent. The service worker holds
 * no data key and no token: it cannot read what it delivers, pull, refresh or act as anyone, and
 * the server answers statuses only. The next unlock pushes, pulls and reconciles as usual.
 */
async function deliverAllSealed(): Promise<void> {
  const accounts = new AccountsDatabase();
  try {
    const names = await DeviceDatabase.getDatabaseNames().catch(() => null);
    await deliverSealed({
      accounts,
      fetch: swFetch,
      async openRaw(userId) {
        // Never create a database for a person who has none on this device.
        if (names && !names.includes(databaseName(userId))) return null;
        const db = new DeviceDatabase(userId);
        await db.open();
        return db;
      },
      wipeData: (userId) => clearDeviceData(userId, { confirmLosingPending: true }),
    });
  } finally {
    accounts.close();
  }
}

self.addEventListener('sync', (event) => {
  const syncEvent = event as ExtendableEvent & { tag: string };
  if (syncEvent.tag === BACKGROUND_SYNC_TAG) syncEvent.waitUntil(deliverAllSealed());
});
