// Who is unlocked in this page, and with which data key. The keys live in this module's memory
// only: never in IndexedDB, localStorage or a cookie, so closing the tab or reloading the page
// (which is how locking clears everything decrypted) leaves nothing to decrypt with. The
// service worker never has one: it can only deliver changes sealed for the server.
const keys = new Map<string, Uint8Array>();

export function setUnlocked(userId: string, key: Uint8Array): void {
  keys.set(userId, key);
}

/** The person's data key while they are unlocked in this page, else null. */
export function dataKeyOf(userId: string): Uint8Array | null {
  return keys.get(userId) ?? null;
}

export function isUnlocked(userId: string): boolean {
  return keys.has(userId);
}

/** Forgets one person's key (their key bytes are overwritten first). */
export function forget(userId: string): void {
  keys.get(userId)?.fill(0);
  keys.delete(userId);
}

/** Forgets every key (locking, signing out, a wipe). */
export function forgetAll(): void {
  for (const key of keys.values()) key.fill(0);
  keys.clear();
}
