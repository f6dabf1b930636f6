// The HMIS CSV exporter's view of the server's storage (src/domain/hmis-csv/export/source.ts).
//
// records() pages through one type's records in the exported providers' scope, by id, with
// storage.listScopedFields, so at most one page of each type is held at a time however large the
// county's data is. Records are read without their versions (fields, soft delete and metadata
// only: storage/export-queries.ts), which the export never needs. Records are stored as the
// merge keeps them (flat fields, assessment answers as `answers.<id>`); they are turned back into
// the typed records the exporter maps. They are not parsed with the record schemas again: the
// merge checked every change against them (M9) before storing it, and a record that a later
// schema would refuse is still the county's data, which the export must carry and the Eva port
// then flags, not silently drop.
import { unflattenFields } from '../../../src/domain/merge';
import type {
  ExportRecord,
  ExportUser,
  HmisExportSource,
} from '../../../src/domain/hmis-csv/export';
import type { RecordOfType, RecordType } from '../../../src/domain/records';
import type { RecordFields, StorageTx } from '../storage/types';

/**
 * Records per page read from storage (and per page handed to the exporter). Small enough that a
 * page and the rows mapped from it are mostly gone before the young generation is next swept:
 * with 1,000 they outlived it and were promoted, and the old generation swelled with them
 * between full collections (the main thread's peak heap grew with the export's size).
 */
export const EXPORT_PAGE_SIZE = 250;

/** A stored record as the exporter sees it: typed record, HMIS metadata, soft delete. */
export function toExportRecord<T extends RecordType>(r: RecordFields): ExportRecord<T> {
  const record = unflattenFields(r.id, r.fields);
  if (r.type === 'assessment') record.answers ??= {};
  return {
    record: record as unknown as RecordOfType[T],
    meta: r.meta,
    deleted: r.deleted,
  };
}

export function storageExportSource(
  storage: StorageTx,
  providerIds: readonly string[],
  options: { pageSize?: number } = {},
): HmisExportSource {
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const scope = [...new Set(providerIds)];
  return {
    async *records<T extends RecordType>(type: T): AsyncIterable<readonly ExportRecord<T>[]> {
      // The next page is asked for before this one is handed on, so the database (PostgreSQL:
      // a round trip each for the ids and the records) works while the exporter maps this one.
      const read = (afterId: string | null) => {
        const page = storage.listScopedFields(scope, type, afterId, pageSize);
        page.catch(() => undefined); // awaited below, unless the consumer stops first
        return page;
      };
      let next = read(null);
      for (;;) {
        const page = await next;
        if (page.next !== null) next = read(page.next);
        if (page.records.length > 0) yield page.records.map((r) => toExportRecord<T>(r));
        if (page.next === null) return;
      }
    },
    async get<T extends RecordType>(type: T, ids: readonly string[]) {
      const found = new Map<string, ExportRecord<T>>();
      if (ids.length === 0) return found;
      const stored = await storage.getRecordFields(type, [...new Set(ids)]);
      for (const id of ids) {
        const record = stored.get(id);
        if (record !== undefined) found.set(id, toExportRecord<T>(record));
      }
      return found;
    },
    async users(ids: readonly string[]): Promise<readonly ExportUser[]> {
      if (ids.length === 0) return [];
      const wanted = new Set(ids);
      // One read of the users table: an installation has tens or hundreds of users, not more.
      const users = await storage.listUsers();
      return users
        .filter((u) => wanted.has(u.id))
        .map((u) => ({ id: u.id, displayName: u.displayName, email: u.email }));
    },
  };
}
