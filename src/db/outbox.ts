// What the sync engine does to the device database: read the outbox, settle pushed mutations,
// store pulled server states. Views are always recomputed with computeView.
import type { RecordState } from '../domain/merge';
import type { Mutation, MutationResult } from '../domain/protocol';
import type { RecordType } from '../domain/records';
import { recordKey, type DeviceDatabase, type OutboxRow } from './schema';
import { setPullCursor } from './sync-state';
import { pendingMutationsOf } from './write';
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
  await db.transaction(
    'rw',
    [db.outbox, db.conflicts, db.rejected, ...db.recordTables],
    async () => {
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
        await db.outbox.delete(entry.localSeq!);
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
          await db.rejected.add({
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
          await db.conflicts.put({
            id: m.mutationId,
            recordType: m.recordType,
            recordId: m.recordId,
            message: result.message,
            conflictIds: result.conflictIds,
            at: db.now(),
          });
        }
      }
      for (const t of touched.values()) {
        // Until the pull brings the server's own state, the best-known server state includes the
        // accepted changes, so a later local save cannot hide them.
        const table = db.recordTable(t.type);
        const row = await table.get(t.id);
        const server = computeView(row?.server ?? null, t.accepted).state ?? row?.server ?? null;
        const pending = await pendingMutationsOf(db, t.type, t.id);
        const { view } = computeView(server, pending);
        await table.put(recordRow(t.type, t.id, server, view));
      }
    },
  );
  return counts;
}

/** Stores one pulled page and its cursor atomically, recomputing the views of its records. */
export async function storePulledPage(
  db: DeviceDatabase,
  providerId: string,
  changes: readonly RecordState[],
  cursor: string,
): Promise<void> {
  await db.transaction('rw', [db.outbox, db.syncState, ...db.recordTables], async () => {
    for (const state of changes) {
      const table = db.recordTable(state.type);
      const pending = await pendingMutationsOf(db, state.type, state.id);
      const { view } = computeView(state, pending);
      await table.put(recordRow(state.type, state.id, state, view));
    }
    await setPullCursor(db, providerId, cursor);
  });
}

/** The mutations that need attention (rejected by the server), newest first. */
export async function rejectedChanges(
  db: DeviceDatabase,
): Promise<{ mutation: Mutation; message: string; at: number }[]> {
  return (await db.rejected.toArray()).reverse();
}
