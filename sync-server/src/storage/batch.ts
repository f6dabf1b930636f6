// Batching helpers: multi-row statements are split so that no statement exceeds the dialect's
// bound-parameter limit (SQLite 32,766; PostgreSQL 65,535), and upsert batches are de-duplicated
// by key (PostgreSQL refuses an ON CONFLICT DO UPDATE that touches one row twice).
import { sql, type RawBuilder } from 'kysely';
import type { StorageKind } from './types';

export interface DialectSpec {
  readonly kind: StorageKind;
  /** The most bound parameters one statement may carry. */
  readonly maxParams: number;
}

/** Rows per statement: large enough to amortise the round trip, small enough to plan quickly. */
const MAX_ROWS = 1000;

export function chunks<T>(items: readonly T[], paramsPerItem: number, spec: DialectSpec): T[][] {
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(spec.maxParams / paramsPerItem)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The last item for each key, in first-seen order. */
export function lastByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return [...map.values()];
}

/** `{ col: excluded.col, ... }` for an upsert's DO UPDATE SET, from the columns of a row. */
export function fromExcluded<R extends object>(
  row: R,
  keyColumns: readonly (keyof R & string)[],
): { [K in keyof R]?: RawBuilder<R[K]> } {
  const set: Record<string, RawBuilder<unknown>> = {};
  for (const column of Object.keys(row)) {
    if (!(keyColumns as readonly string[]).includes(column)) {
      set[column] = sql`excluded.${sql.ref(column)}`;
    }
  }
  return set as { [K in keyof R]?: RawBuilder<R[K]> };
}

export function toNumber(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}
