// A read-only look at the accounts database with the bare IndexedDB API, for the app's first
// screen, which must not wait for Dexie to download on a slow phone connection. Since
// encryption at rest nobody is signed in when a page opens (the data key lives in a page's
// memory only), so the look is only for the sign-in screen: who signed in here before (unless
// the device is marked as shared, when that list is not shown) and who was last. Never creates
// the database (a new device has none yet).
const NAME = 'fieldnote-accounts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the database only if it exists; null when it does not (nothing is created). */
function openExisting(factory: IDBFactory): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const req = factory.open(NAME);
    let created = false;
    req.onupgradeneeded = () => {
      // No database yet: abort, so this look leaves nothing behind for Dexie to trip over.
      created = true;
      req.transaction?.abort();
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      if (created) resolve(null);
      else reject(req.error ?? new Error('IndexedDB open failed'));
    };
    req.onblocked = () => resolve(null);
  });
}

export interface KnownAccount {
  username: string;
  displayName: string;
}

export interface AccountsPeek {
  /** Everyone who has signed in on this device; empty on a device marked as shared. */
  known: KnownAccount[];
  /** The device is marked as shared (several staff use it). */
  shared: boolean;
}

interface StoredAccount {
  username: string;
  displayName: string;
}

export async function peekAccounts(
  factory: IDBFactory = globalThis.indexedDB,
): Promise<AccountsPeek> {
  const empty: AccountsPeek = { known: [], shared: false };
  if (!factory) return empty;
  const db = await openExisting(factory);
  if (!db) return empty;
  try {
    if (!db.objectStoreNames.contains('accounts') || !db.objectStoreNames.contains('meta')) {
      return empty;
    }
    const tx = db.transaction(['accounts', 'meta'], 'readonly');
    const [rows, shared] = await Promise.all([
      request(tx.objectStore('accounts').getAll() as IDBRequest<StoredAccount[]>),
      request(
        tx.objectStore('meta').get('sharedDevice') as IDBRequest<{ value?: unknown } | undefined>,
      ),
    ]);
    const isShared = shared?.value === true;
    return {
      known: isShared
        ? []
        : rows.map((r) => ({ username: r.username, displayName: r.displayName })),
      shared: isShared,
    };
  } finally {
    db.close();
  }
}
