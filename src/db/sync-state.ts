// Small key/value state kept with the device's data: its id, its clock, its next sequence number
// and the pull cursor per provider. Read and written inside the callers' transactions.
import { ClockDriftError, HybridLogicalClock } from '../domain/clock/hlc';
import { newId } from '../domain/records';
import type { DeviceDatabase } from './schema';

export const KEYS = {
  deviceId: 'deviceId',
  hlc: 'hlc',
  nextSeq: 'nextSeq',
  cursor: (providerId: string) => `cursor:${providerId}`,
} as const;

async function get<T>(db: DeviceDatabase, key: string): Promise<T | undefined> {
  return (await db.syncState.get(key))?.value as T | undefined;
}

async function set(db: DeviceDatabase, key: string, value: unknown): Promise<void> {
  await db.syncState.put({ key, value });
}

/** This database's device id, made on first use (one per user database, so sequences never mix). */
export async function deviceId(db: DeviceDatabase): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const known = await get<string>(db, KEYS.deviceId);
    if (known) return known;
    const id = `d${newId().slice(0, 24)}`;
    await set(db, KEYS.deviceId, id);
    return id;
  });
}

/** Loads the device's clock (persisted), lets `fn` use it, stores its new state. */
export async function withClock<T>(
  db: DeviceDatabase,
  fn: (clock: HybridLogicalClock) => T,
): Promise<T> {
  return db.transaction('rw', db.syncState, async () => {
    const node = await deviceId(db);
    const clock = new HybridLogicalClock(node, db.now, await get<string>(db, KEYS.hlc));
    const result = fn(clock);
    await set(db, KEYS.hlc, clock.state);
    return result;
  });
}

/** Takes the next per-device sequence number (1, 2, 3, ...). */
export async function takeSeq(db: DeviceDatabase): Promise<number> {
  return db.transaction('rw', db.syncState, async () => {
    const seq = (await get<number>(db, KEYS.nextSeq)) ?? 1;
    await set(db, KEYS.nextSeq, seq + 1);
    return seq;
  });
}

/** Folds the server's clock into the device's; a server clock far ahead is ignored, not fatal. */
export async function receiveServerClock(db: DeviceDatabase, serverHlc: string): Promise<boolean> {
  try {
    await withClock(db, (clock) => clock.receive(serverHlc));
    return true;
  } catch (error) {
    if (error instanceof ClockDriftError) return false;
    throw error;
  }
}

export async function pullCursor(db: DeviceDatabase, providerId: string): Promise<string | null> {
  return (await get<string>(db, KEYS.cursor(providerId))) ?? null;
}

export async function setPullCursor(
  db: DeviceDatabase,
  providerId: string,
  cursor: string,
): Promise<void> {
  await set(db, KEYS.cursor(providerId), cursor);
}
