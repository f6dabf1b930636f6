// Keeping the device's copy safe: browsers may evict IndexedDB under storage pressure (and Safari
// after 7 days without use) unless the origin's storage is persistent, so the app asks for
// persistence at sign-in and shows the estimate. A full disk is reported, never swallowed.

export interface StorageReport {
  /** true: the browser will not evict this origin's data; false: it may; null: cannot tell. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** navigator.storage as this module uses it (persist() exists only in windows, not workers). */
interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

function storageManager(): StorageManagerLike | undefined {
  return (globalThis as unknown as { navigator?: { storage?: StorageManagerLike } }).navigator
    ?.storage;
}

/** Asks for persistent storage (at sign-in) and reports what the browser granted and the estimate. */
export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = storageManager(),
): Promise<StorageReport> {
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  let persisted: boolean | null = null;
  try {
    persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? null);
  } catch {
    persisted = null; // Some browsers refuse outside an installed app; the estimate still helps.
  }
  return { persisted, ...(await storageEstimate(storage)) };
}

export async function storageEstimate(
  storage: StorageManagerLike | undefined = storageManager(),
): Promise<Pick<StorageReport, 'usageBytes' | 'quotaBytes'>> {
  try {
    const estimate = await storage?.estimate?.();
    return { usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
  } catch {
    return { usageBytes: null, quotaBytes: null };
  }
}

/** The device is out of storage space: the change was not saved (the transaction rolled back). */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super(
      'This device is out of storage space, so the change was not saved. Free some space (or sync and clear old data), then save again.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/** Whether an IndexedDB or Dexie error means the quota is exhausted. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
