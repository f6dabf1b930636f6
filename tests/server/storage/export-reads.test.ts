// The HMIS export's reads (storage/export-queries.ts): a record's fields, soft delete and HMIS
// metadata without its versions, a page of a scope by id or records by id, on both adapters.
import { describe, expect, it } from 'vitest';
import type { RecordFields, StoredRecord } from '../../../sync-server/src/storage';
import { PROVIDER_A, PROVIDER_B, id, record } from './fixtures';
import { STORAGE_KINDS, openTestStorage } from './test-storage';

const asFields = (r: StoredRecord): RecordFields => ({
  type: r.state.type,
  id: r.state.id,
  fields: r.state.fields,
  deleted: r.state.deleted,
  meta: r.meta,
});

describe.each(STORAGE_KINDS)('HMIS export reads on %s', (kind) => {
  it('pages a scope by id, each record once, fields without versions, to the last page', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      const rows = [3, 1, 4, 2, 5].map((n) => record('contact', n, n * 10));
      const deleted: StoredRecord = {
        ...record('contact', 7, 70),
        state: { ...record('contact', 7, 70).state, deleted: true },
      };
      await storage.putRecords([...rows, deleted, record('assessment', 6, 60)]);
      await storage.addScopes([
        ...[...rows, deleted].map((r) => ({
          type: r.state.type,
          id: r.state.id,
          providerId: PROVIDER_A,
        })),
        { type: 'contact', id: id('d', 1), providerId: PROVIDER_B },
        { type: 'assessment', id: id('d', 6), providerId: PROVIDER_A },
        // A scope row whose record was never put: skipped, and paging goes on past it.
        { type: 'contact', id: id('d', 6), providerId: PROVIDER_A },
      ]);
      const both = [PROVIDER_A, PROVIDER_B];

      const first = await storage.listScopedFields(both, 'contact', null, 3);
      expect(first.records).toEqual([1, 2, 3].map((n) => asFields(record('contact', n, n * 10))));
      expect(first.next).toBe(id('d', 3));
      const second = await storage.listScopedFields(both, 'contact', first.next, 3);
      expect(second.records.map((r) => r.id)).toEqual([id('d', 4), id('d', 5)]);
      expect(second.next).toBe(id('d', 6));
      const third = await storage.listScopedFields(both, 'contact', second.next, 3);
      expect(third).toEqual({ records: [asFields(deleted)], next: null });
      expect(third.records[0]!.deleted).toBe(true);

      const onlyB = await storage.listScopedFields([PROVIDER_B], 'contact', null, 10);
      expect(onlyB).toEqual({ records: [asFields(rows[1]!)], next: null });
      expect(await storage.listScopedFields([], 'contact', null, 10)).toEqual({
        records: [],
        next: null,
      });
    } finally {
      await cleanup();
    }
  });

  it('reads records of one type by id, without versions; ids not stored are absent', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      await storage.putRecords([
        record('assessment', 1),
        record('assessment', 2),
        record('contact', 3),
      ]);
      const found = await storage.getRecordFields('assessment', [
        id('d', 2),
        id('d', 3),
        id('d', 1),
      ]);
      expect([...found.keys()].sort()).toEqual([id('d', 1), id('d', 2)]);
      expect(found.get(id('d', 2))).toEqual(asFields(record('assessment', 2)));
      expect(await storage.getRecordFields('assessment', [])).toEqual(new Map());
    } finally {
      await cleanup();
    }
  });
});
