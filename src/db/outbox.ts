// What the sync engine does to the device database: read the outbox, settle pushed mutations,
// store pulled server states. Views are always recomputed with computeView.
import type { RecordState } from '../domain/merge';
import type { Mutation, MutationResult } from '../domain/protocol';
import type { RecordType } from '../domain/records';
import type { Table } from 'dexie';
import {
  recordKey,
  type ConflictNoticeRow,
  type DeviceDatabase,
  type OutboxRow,
  type RecordRow,
  type RejectedRow,
} from './schema';
import { pullCursor, setPullCursor } from './sync-state';
import { byLocalSeq } from './write';
import { computeView, recordRow } from './view';

/** Pending outbox entries, oldest first. */
export async function pendingOutbox(db: DeviceDatabase, limit?: number): Promise<OutboxRow[]> {
  const query = db.outbox.orderBy('localSeq');
  return limit === undefined ? query.toArray() : query.limit(limit).toArray();
}

export async function pendingCount(db: DeviceDatabase): Promise<number> {
  return db.outbox.count();
}

/** When the oldest unsynced change was made (ms), or null when everything is synced. */
export async function oldestPendingAt(db: DeviceDatabase): Promise<number | null> {
  return (await db.outbox.orderBy('localSeq').first())?.createdAt ?? null;
}

/**
 * Settles the results of one push. Accepted mutations (applied, merged, conflict) leave the
 * outbox and are folded into the record's known server state until the pull brings the real one. A conflict also
 * leaves a notice. Rejected ones move to `rejected` and their record's view is recomputed without
 * them. Held ones stay.
 */
export async function settlePushResults(
  db: DeviceDatabase,
  entries: readonly OutboxRow[],
  results: readonly MutationResult[],
): Promise<{ accepted: number; rejected: number; held: number; conflicts: number }> {
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  const counts = { accepted: 0, rejected: 0, held: 0, conflicts: 0 };
  const settled: number[] = [];
  const rejected: RejectedRow[] = [];
  const conflicts: ConflictNoticeRow[] = [];
  const touched = new Map<
    string,
    { type: RecordType; id: string; rejected: boolean; accepted: Mutation[] }
  >();
  for (const entry of entries) {
    const m = entry.mutation;
    const result = byId.get(m.mutationId);
    if (!result || result.status === 'held') {
      counts.held += 1;
      continue;
    }
    settled.push(entry.localSeq!);
    const key = recordKey(m.recordType, m.recordId);
    const t = touched.get(key) ?? {
      type: m.recordType,
      id: m.recordId,
      rejected: false,
      accepted: [],
    };
    touched.set(key, t);
    if (result.status === 'rejected') {
      counts.rejected += 1;
      t.rejected = true;
      rejected.push({
        mutation: m,
        providerId: entry.providerId,
        message: result.message ?? 'The server did not accept this change.',
        at: db.now(),
      });
      continue;
    }
    counts.accepted += 1;
    t.accepted.push(m);
    if (result.status === 'conflict') {
      counts.conflicts += 1;
      conflicts.push({
        id: m.mutationId,
        recordType: m.recordType,
        recordId: m.recordId,
        message: result.message,
        conflictIds: result.conflictIds,
        at: db.now(),
      });
    }
  }
  if (touched.size === 0) return counts;
  const records = groupByTable(db, [...touched.values()]);
  await db.transaction(
    'rw',
    [db.outbox, db.conflicts, db.rejected, ...db.recordTables],
    async () => {
      // The settled entries leave the outbox first, so the pending lookup sees only what remains.
      await Promise.all([
        db.outbox.bulkDelete(settled),
        rejected.length ? db.rejected.bulkAdd(rejected) : undefined,
        conflicts.length ? db.conflicts.bulkPut(conflicts) : undefined,
      ]);
      const [rows, pending] = await Promise.all([
        Promise.all(records.map(([table, list]) => table.bulkGet(list.map((t) => t.id)))),
        pendingByRecord(db, [...touched.keys()]),
      ]);
      await Promise.all(
        records.map(([table, list], i) =>
          table.bulkPut(
            list.map((t, j) => {
              const row = rows[i]![j];
              // Until the pull brings the server's own state, the best-known server state includes
              // the accepted changes, so a later local save cannot hide them.
              const server =
                computeView(row?.server ?? null, t.accepted).state ?? row?.server ?? null;
              const { view } = computeView(server, pending.get(recordKey(t.type, t.id)) ?? []);
              return recordRow(t.type, t.id, server, view);
            }),
          ),
        ),
      );
    },
  );
  return counts;
}

/** Items grouped by the record table of their type (in first-seen order). */
function groupByTable<T extends { type: RecordType }>(
  db: DeviceDatabase,
  items: readonly T[],
): [Table<RecordRow, string>, T[]][] {
  const groups = new Map<RecordType, T[]>();
  for (const item of items) {
    const list = groups.get(item.type);
    if (list) list.push(item);
    else groups.set(item.type, [item]);
  }
  return [...groups].map(([type, list]) => {
    const table = db.recordTable(type);
    if (!table) throw new Error(`Unknown record type: ${String(type)}`);
    return [table, list];
  });
}

/**
 * The pending mutations of the given records (by record key), oldest first, in one indexed query.
 * Records without pending mutations are absent.
 */
export async function pendingByRecord(
  db: DeviceDatabase,
  keys: readonly string[],
): Promise<Map<string, Mutation[]>> {
  const out = new Map<string, Mutation[]>();
  if (keys.length === 0) return out;
  const rows = byLocalSeq(await db.outbox.where('recordKey').anyOf(keys).toArray());
  for (const row of rows) {
    const list = out.get(row.recordKey);
    if (list) list.push(row.mutation);
    else out.set(row.recordKey, [row.mutation]);
  }
  return out;
}

/** The page does not follow the last stored one (the page before it was not stored). */
export class PullOrderError extends Error {
  constructor() {
    super('A pulled page arrived out of order; it was not stored.');
    this.name = 'PullOrderError';
  }
}

/**
 * Stores one pulled page and its cursor atomically, recomputing the views of its records. With
 * `after`, the page is stored only if the provider's stored cursor is `after` (the cursor the page
 * was requested with); otherwise nothing is written and PullOrderError is thrown. This lets the
 * engine start storing a page before the previous one has committed: if that one fails, this
 * one does not skip over it.
 */
export async function storePulledPage(
  db: DeviceDatabase,
  providerId: string,
  changes: readonly RecordState[],
  cursor: string,
  options: { after?: string | null } = {},
): Promise<void> {
  const { after } = options;
  const keys = [...new Set(changes.map((s) => recordKey(s.type, s.id)))];
  // Rows by table, computed before any request is issued (so a failure here leaves none behind).
  const rowsOf = (states: readonly RecordState[], pending: Map<string, Mutation[]>) =>
    groupByTable(db, states).map(
      ([table, list]) =>
        [
          table,
          list.map((state) => {
            const { view } = computeView(state, pending.get(recordKey(state.type, state.id)) ?? []);
            return recordRow(state.type, state.id, state, view);
          }),
        ] as const,
    );
  // A page may hold a record more than once; bulkPut writes in order, so the last one wins.
  const putAll = (rows: ReturnType<typeof rowsOf>) =>
    rows.map(([table, list]) => table.bulkPut(list));
  await db.transaction('rw', [db.outbox, db.syncState, ...db.recordTables], async () => {
    const speculative = rowsOf(changes, new Map());
    // Issued together, without waiting: the order check, the records' pending mutations, and the
    // rows as if none were pending (the usual case: the push empties the outbox first). Records
    // that do have pending mutations are put again with them below, in this same transaction, so
    // what commits is always server state + pending mutations.
    const [, pending] = await Promise.all([
      after === undefined
        ? undefined
        : pullCursor(db, providerId).then((stored) => {
            if (stored !== after) throw new PullOrderError();
          }),
      pendingByRecord(db, keys),
      ...putAll(speculative),
      setPullCursor(db, providerId, cursor),
    ]);
    if (pending.size > 0) {
      const corrected = rowsOf(
        changes.filter((s) => pending.has(recordKey(s.type, s.id))),
        pending,
      );
      await Promise.all(putAll(corrected));
    }
  });
}

/** The mutations that need attention (rejected by the server), newest first. */
export async function rejectedChanges(
  db: DeviceDatabase,
): Promise<{ mutation: Mutation; message: string; at: number }[]> {
  return (await db.rejected.toArray()).reverse();
}
