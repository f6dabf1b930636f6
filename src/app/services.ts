// Builds the services a signed-in person's screens use: their device database, the sync engine
// and its triggers, the one write path and API access. No React here; App.tsx provides it.
import {
  clearDeviceData,
  openDeviceDatabase,
  pendingCount,
  UnsyncedChangesError,
  requestPersistentStorage,
  saveChanges,
  type AccountRow,
  type AccountsDatabase,
  type Change,
  type DeviceDatabase,
} from '../db';
import { localDateOf } from '../domain/records';
import {
  SyncEngine,
  accountAuth,
  apiRequest,
  BACKGROUND_SYNC_TAG,
  installSyncTriggers,
  lock,
  signOut,
  type HttpFetch,
  type SyncTriggers,
} from '../sync';
import type { AppServices } from '../shared/services';
import { browserFetch } from './http';

/** Asks the service worker to sync when the connection returns (where Background Sync exists). */
async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.ready;
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)
      ?.sync;
    await sync?.register(BACKGROUND_SYNC_TAG);
  } catch {
    // No Background Sync (iOS, Firefox): the page's own triggers cover it.
  }
}

export interface Session {
  services: Omit<AppServices, 'provider' | 'account'>;
  db: DeviceDatabase;
  engine: SyncEngine;
  dispose(): void;
}

/**
 * Opens the person's database and starts syncing. `getAccount` returns the account as it is now
 * (the provider they enter data as may change); `onChange` reports account changes to the app.
 */
export async function startSession(options: {
  accounts: AccountsDatabase;
  account: AccountRow;
  getAccount(): AccountRow;
  onAccountChange(account: AccountRow | null): void;
  fetch?: HttpFetch;
}): Promise<Session> {
  const http = options.fetch ?? browserFetch;
  const { accounts } = options;
  const userId = options.account.userId;
  const db = await openDeviceDatabase(userId);
  const auth = accountAuth({ accounts, fetch: http }, userId);
  const engine = new SyncEngine({
    db,
    transport: (url, init) => http(url, init),
    auth,
    providerId: () => options.getAccount().providerId,
  });
  const triggers: SyncTriggers = installSyncTriggers(engine);
  void requestPersistentStorage();

  const reload = async () => {
    options.onAccountChange((await accounts.accounts.get(userId)) ?? null);
  };

  const services: Session['services'] = {
    db,
    status: engine.status,
    async save(changes: Change | readonly Change[]) {
      const list = Array.isArray(changes) ? changes : [changes as Change];
      const providerId = options.getAccount().providerId;
      if (!providerId) throw new Error('Choose the provider you enter data as first.');
      const mutations = await saveChanges(db, list, { providerId });
      triggers.afterSave();
      void requestBackgroundSync();
      return mutations;
    },
    syncNow: () => engine.sync(),
    api: (path, schema, init) => apiRequest({ accounts, fetch: http, auth }, path, schema, init),
    async switchProvider(providerId) {
      await accounts.update(userId, { providerId });
      await reload();
      void engine.sync();
    },
    async lock() {
      await lock(accounts, userId);
      options.onAccountChange(null);
    },
    async signOut({ clearData, confirmLosingPending }) {
      if (clearData) {
        const unsynced = await pendingCount(db);
        // Nothing is deleted unless the person saw how many changes would be lost and agreed.
        if (unsynced > 0 && !confirmLosingPending) throw new UnsyncedChangesError(unsynced);
        triggers.dispose();
        db.close();
        await clearDeviceData(userId, { confirmLosingPending: true });
      }
      await signOut({ accounts, fetch: http }, userId);
      options.onAccountChange(null);
    },
    now: () => Date.now(),
    today: () => localDateOf(new Date()),
  };

  return {
    services,
    db,
    engine,
    dispose() {
      triggers.dispose();
      db.close();
    },
  };
}
