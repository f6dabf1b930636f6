// A read-only look at the accounts database with the bare IndexedDB API, for the app's first
// screen: deciding between "sign in" and "your caseload" must not wait for Dexie to download on
// a slow phone connection. Never creates the database (a new device has none yet).
import type { AccountRow } from './accounts';

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

export interface AccountsPeek {
  /** The active account if its unlock has not run out, else null. */
  current: AccountRow | null;
  /** Everyone who has signed in on this device. */
  known: { username: string; displayName: string }[];
}

export async function peekAccounts(
  now: number,
  factory: IDBFactory = globalThis.indexedDB,
): Promise<AccountsPeek> {
  const empty: AccountsPeek = { current: null, known: [] };
  if (!factory) return empty;
  const db = await openExisting(factory);
  if (!db) return empty;
  try {
    if (!db.objectStoreNames.contains('accounts') || !db.objectStoreNames.contains('meta')) {
      return empty;
    }
    const tx = db.transaction(['accounts', 'meta'], 'readonly');
    const [rows, active] = await Promise.all([
      request(tx.objectStore('accounts').getAll() as IDBRequest<AccountRow[]>),
      request(
        tx.objectStore('meta').get('activeUserId') as IDBRequest<{ value?: unknown } | undefined>,
      ),
    ]);
    const activeId = typeof active?.value === 'string' ? active.value : null;
    const account = rows.find((r) => r.userId === activeId) ?? null;
    return {
      current: account && account.unlockedUntil > now ? account : null,
      known: rows.map((r) => ({ username: r.username, displayName: r.displayName })),
    };
  } finally {
    db.close();
  }
}
