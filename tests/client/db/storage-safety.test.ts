import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  StorageFullError,
  isQuotaError,
  openDeviceDatabase,
  pendingCount,
  requestPersistentStorage,
  saveChange,
  type DeviceDatabase,
} from '../../../src/db';
import { newId } from '../../../src/domain/records';
import { T0, clientFields } from '../../domain/merge/fixtures';

const dbs: DeviceDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('storage safety', () => {
  it('asks for persistent storage and reports the estimate', async () => {
    const storage = {
      persisted: vi.fn(async () => false),
      persist: vi.fn(async () => true),
      estimate: vi.fn(async () => ({ usage: 1_000, quota: 5_000_000 })),
    };
    expect(await requestPersistentStorage(storage)).toEqual({
      persisted: true,
      usageBytes: 1_000,
      quotaBytes: 5_000_000,
    });
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  it('reports "cannot tell" where the Storage API is missing or refuses', async () => {
    expect(await requestPersistentStorage(undefined)).toEqual({
      persisted: null,
      usageBytes: null,
      quotaBytes: null,
    });
    const refusing = {
      persisted: async () => false,
      persist: async () => Promise.reject(new Error('not allowed')),
      estimate: async () => ({ usage: 10, quota: 100 }),
    };
    expect(await requestPersistentStorage(refusing)).toEqual({
      persisted: null,
      usageBytes: 10,
      quotaBytes: 100,
    });
  });

  it('a full disk is a clear StorageFullError and nothing is half-saved', async () => {
    const db = await openDeviceDatabase(newId(), { now: () => T0 });
    dbs.push(db);
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    vi.spyOn(db.outbox, 'add').mockRejectedValueOnce(quota);
    const id = newId();
    const save = saveChange(
      db,
      { type: 'client', id, op: 'create', fields: clientFields() },
      { providerId: newId() },
    );
    await expect(save).rejects.toBeInstanceOf(StorageFullError);
    await expect(save).rejects.toThrow(/out of storage space/);
    expect(await pendingCount(db)).toBe(0);
    expect(await db.recordTable('client').get(id)).toBeUndefined();
  });

  it('recognises quota errors wrapped by Dexie', () => {
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
