// Shared setup for device-database tests: databases opened per test and closed after it, and
// server states made by another device through the shared merge. Synthetic people only.
import { afterEach } from 'vitest';
import { openDeviceDatabase, saveChange, type DeviceDatabase } from '../../../src/db';
import type { MutationResult } from '../../../src/domain/protocol';
import { MemoryReplica, type RecordState } from '../../../src/domain/merge';
import { newId } from '../../../src/domain/records';
import { newKey } from '../../../src/db/crypto/cipher';
import { Device, T0, USER_A, clientFields } from '../../domain/merge/fixtures';

export const PROVIDER = newId();
const opened: DeviceDatabase[] = [];
/** Each user's data key, so a database reopened in a test opens with the same key. */
const keys = new Map<string, Uint8Array>();

/**
 * Opens a device database for a user (a new one by default), encrypted at rest under a data key
 * of its own as the app opens it, so every device-database test runs on the encrypted path;
 * closed after each test.
 */
export async function open(userId = newId()): Promise<DeviceDatabase> {
  const key = keys.get(userId) ?? newKey();
  keys.set(userId, key);
  const db = await openDeviceDatabase(userId, { now: () => T0 + 60_000, dataKey: () => key });
  opened.push(db);
  return db;
}

/** Closes a database the test opened itself after the test. */
export function track<T extends DeviceDatabase>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A server state made by another device through the shared merge. */
export function serverClient(id: string, patch?: Record<string, string>): RecordState {
  const server = new MemoryReplica(() => T0 + 60_000);
  const other = new Device('other-device', USER_A);
  server.receive(other.create('client', id, clientFields()), USER_A);
  if (patch) server.receive(other.advance(1000).patch('client', id, patch), USER_A);
  return server.get('client', id)!;
}

/** Saves one change through the one write path, as the test provider. */
export const save = (db: DeviceDatabase, change: Parameters<typeof saveChange>[1]) =>
  saveChange(db, change, { providerId: PROVIDER });

/** The server's answer for one pushed mutation. */
export const result = (
  mutationId: string,
  status: MutationResult['status'],
  message: string | null = null,
): MutationResult => ({ mutationId, status, message, notices: [], conflictIds: [] });
