// The server keeps HMIS DateCreated, DateUpdated, UserID and DateDeleted for every record from the
// merge (issue 10), on SQLite and PostgreSQL: what the HMIS CSV export will write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../../sync-server/src/storage/types';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';

const CLIENT = testId('meta-client');

describe.each(STORAGE_KINDS)('record metadata on %s', (kind) => {
  let server: SyncServer;
  beforeEach(async () => {
    server = await openSyncServer(kind);
  });
  afterEach(async () => server.close());

  async function stored(): Promise<StoredRecord> {
    const found = await server.storage.getRecords([{ type: 'client', id: CLIENT }]);
    return found.get(`client:${CLIENT}`)!;
  }
  const at = (device: Device) => new Date(device.time).toISOString();

  it('created by the first write, updated by the last that changed it, deleted and restored', async () => {
    const a = new Device('dev-meta-a', server.userIds.cmA);
    a.time = server.clock.now - 50_000;
    await server.push('cmA', [a.create('client', CLIENT, clientFields())]);
    const created = at(a);
    expect((await stored()).meta).toEqual({
      dateCreated: created,
      dateUpdated: created,
      userId: server.userIds.cmA,
      dateDeleted: null,
    });

    const b = new Device('dev-meta-b', server.userIds.cmB);
    b.time = server.clock.now - 40_000;
    b.view.set(`client:${CLIENT}`, clientFields());
    await server.push('cmB', [b.patch('client', CLIENT, { phone: '6125550142' })]);
    const updated = at(b);
    expect((await stored()).meta).toEqual({
      dateCreated: created,
      dateUpdated: updated,
      userId: server.userIds.cmB,
      dateDeleted: null,
    });

    // A write that loses (an older clock on a field that was changed since) changes nothing.
    a.time = server.clock.now - 45_000;
    const lost = await server.push('cmA', [a.patch('client', CLIENT, { phone: '6125550199' })]);
    expect(lost.results[0]!.status).toBe('conflict');
    expect((await stored()).meta.dateUpdated).toBe(updated);
    expect((await stored()).meta.userId).toBe(server.userIds.cmB);

    a.time = server.clock.now - 30_000;
    await server.push('cmA', [a.delete('client', CLIENT)]);
    const deleted = at(a);
    expect((await stored()).meta).toMatchObject({ dateDeleted: deleted, dateUpdated: deleted });

    a.time = server.clock.now - 20_000;
    await server.push('cmA', [a.restore('client', CLIENT)]);
    expect((await stored()).meta).toMatchObject({ dateDeleted: null, dateUpdated: at(a) });
    expect((await stored()).meta.dateCreated).toBe(created);
  });
});
