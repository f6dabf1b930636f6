// HmisExportSource over in-memory arrays: for the exporter's tests, the server's tests, and the
// device's data-quality report (which reads its caseload from IndexedDB into memory anyway).
// Pages are slices of the arrays as given, so a small pageSize shows that the exporter reads
// page by page.
import type { RecordType } from '../../records';
import type { ExportRecord, ExportUser, HmisExportSource } from './source';

/** The records of each type, in any order; a type left out has no records. */
export type MemoryExportRecords = { readonly [T in RecordType]?: readonly ExportRecord<T>[] };

export interface MemoryExportSourceOptions {
  /** Records per page of records() (default 500). */
  readonly pageSize?: number;
}

export function memoryExportSource(
  records: MemoryExportRecords,
  users: readonly ExportUser[],
  options: MemoryExportSourceOptions = {},
): HmisExportSource {
  const pageSize = options.pageSize ?? 500;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
    throw new RangeError(`pageSize must be a whole number of at least 1, not ${pageSize}`);
  }
  const listOf = <T extends RecordType>(type: T): readonly ExportRecord<T>[] =>
    (records[type] ?? []) as readonly ExportRecord<T>[];
  const indexes = new Map<RecordType, Map<string, ExportRecord<RecordType>>>();
  const indexOf = (type: RecordType) => {
    let index = indexes.get(type);
    if (index === undefined) {
      index = new Map(listOf(type).map((r) => [r.record.id, r as ExportRecord<RecordType>]));
      indexes.set(type, index);
    }
    return index;
  };
  const usersById = new Map(users.map((u) => [u.id, u]));

  return {
    async *records<T extends RecordType>(type: T): AsyncIterable<readonly ExportRecord<T>[]> {
      const list = listOf(type);
      for (let at = 0; at < list.length; at += pageSize) {
        yield list.slice(at, at + pageSize);
      }
    },
    async get<T extends RecordType>(type: T, ids: readonly string[]) {
      const index = indexOf(type);
      const found = new Map<string, ExportRecord<T>>();
      for (const id of ids) {
        const record = index.get(id);
        if (record !== undefined) found.set(id, record as unknown as ExportRecord<T>);
      }
      return found;
    },
    async users(ids: readonly string[]) {
      return ids.flatMap((id) => {
        const user = usersById.get(id);
        return user === undefined ? [] : [user];
      });
    },
  };
}
