// The one write path for local changes: the record's new view and the outbox entry commit in a
// single transaction, or neither does.
import { isEmptyValue, type FieldValues } from '../domain/merge';
import { mutationSchema, type Mutation, type MutationOp } from '../domain/protocol';
import { newId, type RecordType } from '../domain/records';
import { recordKey, type DeviceDatabase, type OutboxRow } from './schema';
import { deviceId, takeSeq, withClock } from './sync-state';
import { computeView, recordRow, viewFields } from './view';
import { StorageFullError, isQuotaError } from './storage-safety';

export interface Change {
  type: RecordType;
  id: string;
  op: MutationOp;
  /** The fields the change sets (flat: `answers.<fieldId>` for assessment answers). */
  fields?: FieldValues;
}

export interface ChangeContext {
  /** The provider the user enters data as. */
  providerId: string;
}

/** The change would be rejected by the merge (and so by the server): nothing was saved. */
export class InvalidChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidChangeError';
  }
}

/** Pending mutations of one record, oldest first. */
export async function pendingMutationsOf(
  db: DeviceDatabase,
  type: RecordType,
  id: string,
): Promise<Mutation[]> {
  const rows = await db.outbox.where('recordKey').equals(recordKey(type, id)).sortBy('localSeq');
  return rows.map((r) => r.mutation);
}

/**
 * Saves one change: computes what the device saw of each field it sets, stamps it with the
 * device's clock and next sequence number, queues it in the outbox and recomputes the record's
 * view, all in one transaction. Returns the queued mutation.
 */
export async function saveChange(
  db: DeviceDatabase,
  change: Change,
  ctx: ChangeContext,
): Promise<Mutation> {
  try {
    return await writeChange(db, change, ctx);
  } catch (error) {
    // A full disk is the one failure a person must hear about at once: say so plainly.
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

async function writeChange(
  db: DeviceDatabase,
  change: Change,
  ctx: ChangeContext,
): Promise<Mutation> {
  const table = db.recordTable(change.type);
  return db.transaction('rw', [table, db.outbox, db.syncState], async () => {
    const row = await table.get(change.id);
    const current = viewFields(row?.view);
    const fields = change.fields ?? {};
    const seen: FieldValues = {};
    for (const field of Object.keys(fields)) {
      const value = current[field];
      seen[field] = value === undefined || isEmptyValue(value) ? null : value;
    }
    const hlc = await withClock(db, (clock) => clock.tick());
    const mutation = mutationSchema.parse({
      mutationId: newId(),
      deviceId: await deviceId(db),
      seq: await takeSeq(db),
      hlc,
      recordType: change.type,
      recordId: change.id,
      op: change.op,
      fields,
      seen,
    });
    const entry: OutboxRow = {
      recordKey: recordKey(change.type, change.id),
      providerId: ctx.providerId,
      mutation,
      status: 'pending',
      createdAt: db.now(),
    };
    await db.outbox.add(entry);
    const pending = await pendingMutationsOf(db, change.type, change.id);
    const computed = computeView(row?.server ?? null, pending);
    const problem = computed.problems.find((p) => p.mutationId === mutation.mutationId);
    // Throwing rolls the transaction back: neither the record nor the outbox entry is written.
    if (problem) throw new InvalidChangeError(problem.message);
    await table.put(recordRow(change.type, change.id, row?.server ?? null, computed.view));
    return mutation;
  });
}
