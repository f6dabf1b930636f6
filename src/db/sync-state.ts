// Small key/value state kept with the device's data: its id, its clock, its next sequence number
// and the pull cursor per provider. Read and written inside the callers' transactions.
import { ClockDriftError, HybridLogicalClock } from '../domain/clock/hlc';
import { newId } from '../domain/records';
import type { DeviceDatabase, SyncStateRow } from './schema';

export const KEYS = {
  deviceId: 'deviceId',
  hlc: 'hlc',
  nextSeq: 'nextSeq',
  cursor: (providerId: string) => `cursor:${providerId}`,
  lastSyncAt: 'lastSyncAt',
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
    const id = newDeviceId();
    await set(db, KEYS.deviceId, id);
    return id;
  });
}

function newDeviceId(): string {
  return `d${newId().slice(0, 24)}`;
}

/** What a local change is stamped with: the device's id, its clock's next tick, its next sequence number. */
export interface LocalStamp {
  deviceId: string;
  hlc: string;
  seq: number;
}

/**
 * Reads what stamping a local change needs (device id, clock, next sequence number) in one batch
 * of requests. Call inside a caller's read-write transaction over `syncState`; then stamp with
 * `stampLocalChange` and write its rows in the same transaction.
 */
export async function readStampState(db: DeviceDatabase): Promise<StampState> {
  const [device, hlc, nextSeq] = await db.syncState.bulkGet([
    KEYS.deviceId,
    KEYS.hlc,
    KEYS.nextSeq,
  ]);
  return {
    deviceId: device?.value as string | undefined,
    hlc: hlc?.value as string | undefined,
    nextSeq: nextSeq?.value as number | undefined,
  };
}

export interface StampState {
  deviceId: string | undefined;
  hlc: string | undefined;
  nextSeq: number | undefined;
}

/**
 * Ticks the clock and takes the next sequence number (no I/O): the same values `withClock(tick)`,
 * `deviceId` and `takeSeq` give, and the syncState rows that persist them.
 */
export function stampLocalChange(
  db: DeviceDatabase,
  state: StampState,
): { stamp: LocalStamp; rows: SyncStateRow[] } {
  const rows: SyncStateRow[] = [];
  let node = state.deviceId;
  if (!node) {
    node = newDeviceId();
    rows.push({ key: KEYS.deviceId, value: node });
  }
  const clock = new HybridLogicalClock(node, db.now, state.hlc);
  const hlc = clock.tick();
  const seq = state.nextSeq ?? 1;
  rows.push({ key: KEYS.hlc, value: clock.state }, { key: KEYS.nextSeq, value: seq + 1 });
  return { stamp: { deviceId: node, hlc, seq }, rows };
}

/** Loads the device's clock (persisted), lets `fn` use it, stores its new state. */
export async function withClock<T>(
  db: DeviceDatabase,
  fn: (clock: HybridLogicalClock) => T,
): Promise<T> {
  return db.transaction('rw', db.syncState, async () => {
    const state = await readStampState(db);
    const rows: SyncStateRow[] = [];
    let node = state.deviceId;
    if (!node) {
      node = newDeviceId();
      rows.push({ key: KEYS.deviceId, value: node });
    }
    const clock = new HybridLogicalClock(node, db.now, state.hlc);
    const result = fn(clock);
    rows.push({ key: KEYS.hlc, value: clock.state });
    await db.syncState.bulkPut(rows);
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

/** When the last sync completed (ms), kept so "synced 5 minutes ago" survives a reload. */
export async function lastSyncAt(db: DeviceDatabase): Promise<number | null> {
  return (await get<number>(db, KEYS.lastSyncAt)) ?? null;
}

export async function setLastSyncAt(db: DeviceDatabase, at: number): Promise<void> {
  await set(db, KEYS.lastSyncAt, at);
}
