// Opening a user's device database, and clearing it at sign-out.
import { pendingCount } from './outbox';
import { DeviceDatabase, type DeviceDatabaseOptions } from './schema';
import { deviceId } from './sync-state';

/** Opens (creating if needed) the signed-in user's database and makes sure it has a device id. */
export async function openDeviceDatabase(
  userId: string,
  options: DeviceDatabaseOptions = {},
): Promise<DeviceDatabase> {
  const db = new DeviceDatabase(userId, options);
  await db.open();
  await deviceId(db);
  return db;
}

/** Clearing would lose changes that never reached the server. */
export class UnsyncedChangesError extends Error {
  constructor(readonly count: number) {
    super(
      `${count} change${count === 1 ? ' has' : 's have'} not been synced yet; clearing this device would lose ${count === 1 ? 'it' : 'them'}.`,
    );
    this.name = 'UnsyncedChangesError';
  }
}

/**
 * Deletes a user's data from this device (sign-out on a shared tablet). Refuses while unsynced
 * changes exist, unless the user confirmed losing them.
 */
export async function clearDeviceData(
  userId: string,
  options: { confirmLosingPending?: boolean } & Pick<
    DeviceDatabaseOptions,
    'indexedDB' | 'IDBKeyRange'
  > = {},
): Promise<void> {
  const { confirmLosingPending = false, ...dbOptions } = options;
  const db = new DeviceDatabase(userId, dbOptions);
  await db.open();
  const count = await pendingCount(db);
  if (count > 0 && !confirmLosingPending) {
    db.close();
    throw new UnsyncedChangesError(count);
  }
  await db.delete();
}
