// The one write path for local changes: the record's new view and the outbox entry commit in a
// single transaction, or neither does.
import { isEmptyValue, type FieldValues } from '../domain/merge';
import { mutationSchema, type Mutation, type MutationOp } from '../domain/protocol';
import { newId, type RecordType } from '../domain/records';
import { recordKey, type DeviceDatabase, type OutboxRow, type SyncStateRow } from './schema';
import { KEYS, readStampState, stampLocalChange, type StampState } from './sync-state';
import { computeView, recordRow, viewFields } from './view';
import { StorageFullError, isQuotaError } from './storage-safety';

export interface Change {
  type: RecordType;
  id: string;
  op: MutationOp;
  /** The fields the change sets (flat: `answers.<fieldId>` for assessment answers). */
  fields?: FieldValues;
  /**
   * What the person saw of some of these fields when their form opened, where that may differ
   * from the device's view at save time (a pull in between): the merge compares with what they
   * saw (M3, M4). Fields not named here are taken from the view, as for every other change.
   */
  seen?: FieldValues;
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
  const rows = await db.outbox.where('recordKey').equals(recordKey(type, id)).toArray();
  return byLocalSeq(rows).map((r) => r.mutation);
}

/** Outbox rows in queue order (oldest first). */
export function byLocalSeq(rows: OutboxRow[]): OutboxRow[] {
  return rows.sort((a, b) => a.localSeq! - b.localSeq!);
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
  const [mutation] = await saveChanges(db, [change], ctx);
  return mutation!;
}

/**
 * Saves several changes as one unit (a contact with its Current Living Situation and interim
 * update, say): every record and outbox entry commits in one transaction, or none does. The
 * changes are queued in the order given.
 */
export async function saveChanges(
  db: DeviceDatabase,
  changes: readonly Change[],
  ctx: ChangeContext,
): Promise<Mutation[]> {
  try {
    return await writeChanges(db, changes, ctx);
  } catch (error) {
    // A full disk is the one failure a person must hear about at once: say so plainly.
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

async function writeChanges(
  db: DeviceDatabase,
  changes: readonly Change[],
  ctx: ChangeContext,
): Promise<Mutation[]> {
  const tables = [...new Set(changes.map((c) => db.recordTable(c.type)))];
  return db.transaction('rw', [...tables, db.outbox, db.syncState], async () => {
    let stampState = await readStampState(db);
    const mutations: Mutation[] = [];
    const stateRows = new Map<string, SyncStateRow>();
    for (const change of changes) {
      const { mutation, rows } = await writeOne(db, change, ctx, stampState);
      for (const row of rows) stateRows.set(row.key, row);
      stampState = {
        deviceId: mutation.deviceId,
        hlc: stateRows.get(KEYS.hlc)!.value as string,
        nextSeq: mutation.seq + 1,
      };
      mutations.push(mutation);
    }
    await db.syncState.bulkPut([...stateRows.values()]);
    return mutations;
  });
}

async function writeOne(
  db: DeviceDatabase,
  change: Change,
  ctx: ChangeContext,
  stampState: StampState,
): Promise<{ mutation: Mutation; rows: SyncStateRow[] }> {
  const table = db.recordTable(change.type);
  const key = recordKey(change.type, change.id);
  // Every read in one batch (the record and its pending mutations), every write in another.
  const [row, queued] = await Promise.all([
    table.get(change.id),
    db.outbox.where('recordKey').equals(key).toArray(),
  ]);
  const current = viewFields(row?.view);
  const fields = change.fields ?? {};
  const seen: FieldValues = {};
  for (const field of Object.keys(fields)) {
    const value = change.seen && field in change.seen ? change.seen[field] : current[field];
    seen[field] = value === undefined || isEmptyValue(value) ? null : value;
  }
  const { stamp, rows } = stampLocalChange(db, stampState);
  const mutation = mutationSchema.parse({
    mutationId: newId(),
    deviceId: stamp.deviceId,
    seq: stamp.seq,
    hlc: stamp.hlc,
    recordType: change.type,
    recordId: change.id,
    op: change.op,
    fields,
    seen,
  });
  const entry: OutboxRow = {
    recordKey: key,
    providerId: ctx.providerId,
    mutation,
    status: 'pending',
    createdAt: db.now(),
  };
  // The new entry gets the highest localSeq, so it comes after the ones already queued.
  const pending = [...byLocalSeq(queued).map((r) => r.mutation), mutation];
  const computed = computeView(row?.server ?? null, pending);
  const problem = computed.problems.find((p) => p.mutationId === mutation.mutationId);
  // Throwing rolls the transaction back: neither the record nor the outbox entry is written.
  if (problem) throw new InvalidChangeError(problem.message);
  await Promise.all([
    db.outbox.add(entry),
    table.put(recordRow(change.type, change.id, row?.server ?? null, computed.view)),
  ]);
  return { mutation, rows };
}
