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
import { dataKeyOf } from '../db/crypto/keyring';
import { sealPlaintextRowsOnce } from '../db/crypto/migrate';
import { refreshTokenOf } from '../sync/account-secrets';
import { sealQueued } from '../sync/sealed-outbox';
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

/** Deletes a person's device database (a wipe ordered by the server, or an unreadable one). */
export async function wipeDeviceData(userId: string): Promise<void> {
  await clearDeviceData(userId, { confirmLosingPending: true });
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
  unlockedUntil: number;
  getAccount(): AccountRow;
  onAccountChange(account: AccountRow): void;
  /** After a lock, a sign-out or a wipe: the app reloads, which drops everything decrypted. */
  onLocked(): void;
  fetch?: HttpFetch;
}): Promise<Session> {
  const http = options.fetch ?? browserFetch;
  const { accounts } = options;
  const userId = options.account.userId;
  // Encrypted at rest under the person's data key (in this page's memory while unlocked).
  const db = await openDeviceDatabase(userId, { dataKey: () => dataKeyOf(userId) });
  // A database from before encryption at rest is sealed in place before anything reads it.
  await sealPlaintextRowsOnce(db);
  const sessionDeps = { accounts, fetch: http, wipeData: wipeDeviceData };
  const auth = accountAuth(sessionDeps, userId);
  const engine = new SyncEngine({
    db,
    transport: (url, init) => http(url, init),
    auth,
    providerId: () => options.getAccount().providerId,
  });
  const triggers: SyncTriggers = installSyncTriggers(engine);
  void requestPersistentStorage();

  const reload = async () => {
    const account = await accounts.accounts.get(userId);
    if (account) options.onAccountChange(account);
    else options.onLocked();
  };

  const services: Session['services'] = {
    db,
    unlockedUntil: options.unlockedUntil,
    status: engine.status,
    async save(changes: Change | readonly Change[]) {
      const list = Array.isArray(changes) ? changes : [changes as Change];
      const providerId = options.getAccount().providerId;
      if (!providerId) throw new Error('Choose the provider you enter data as first.');
      const mutations = await saveChanges(db, list, { providerId });
      // Sealed for the server before the sync is asked for, so a locked device can deliver them.
      await sealQueued(db, options.getAccount(), providerId, mutations);
      triggers.afterSave();
      void requestBackgroundSync();
      return mutations;
    },
    syncNow: () => engine.sync(),
    api: (path, schema, init) => apiRequest({ ...sessionDeps, auth }, path, schema, init),
    async switchProvider(providerId) {
      await accounts.update(userId, { providerId });
      await reload();
      void engine.sync();
    },
    async lock() {
      triggers.dispose();
      db.close();
      await lock(accounts);
      options.onLocked();
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
      const account = await accounts.accounts.get(userId);
      await signOut(sessionDeps, userId, account ? refreshTokenOf(account) : null);
      await lock(accounts);
      options.onLocked();
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
