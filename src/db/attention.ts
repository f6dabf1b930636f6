// What the sync screen lists and acts on: changes waiting to sync, changes the server rejected
// ("needs attention") and notices of pushed changes that lost to another one. Each item comes
// with the record as the device shows it now and the client it is about, so a screen can name it.
import type { FieldValues } from '../domain/merge';
import type { Mutation } from '../domain/protocol';
import type { RecordType } from '../domain/records';
import type {
  ConflictNoticeRow,
  DeviceDatabase,
  OutboxRow,
  RecordView,
  RejectedRow,
} from './schema';
import { recordKey } from './schema';
import { saveChanges, type Change, type ChangeContext } from './write';

export interface RecordRef {
  type: RecordType;
  id: string;
  /** The change's own fields: where to find the client of a record that never saved. */
  fields?: Readonly<Record<string, unknown>>;
}

export interface RecordContext {
  /** The record as the device shows it now (deleted ones included); null if it does not exist. */
  view: RecordView | null;
  /** The client the record is about (the record itself for a client), when on this device. */
  client: RecordView | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * The current view and client of each record, keyed by `type:id`, read with one bulkGet per
 * table.
 */
export async function recordContexts(
  db: DeviceDatabase,
  refs: readonly RecordRef[],
): Promise<Map<string, RecordContext>> {
  const byType = new Map<RecordType, string[]>();
  for (const ref of refs) {
    const ids = byType.get(ref.type) ?? [];
    ids.push(ref.id);
    byType.set(ref.type, ids);
  }
  const views = new Map<string, RecordView>();
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const unique = [...new Set(ids)];
      const rows = await db.recordTable(type).bulkGet(unique);
      rows.forEach((row, i) => {
        if (row?.view) views.set(recordKey(type, unique[i]!), row.view);
      });
    }),
  );
  const clientIdOf = (ref: RecordRef): string | null => {
    if (ref.type === 'client') return ref.id;
    return (
      str(views.get(recordKey(ref.type, ref.id))?.clientId) ?? str(ref.fields?.clientId) ?? null
    );
  };
  const clientIds = [
    ...new Set(
      refs
        .map(clientIdOf)
        .filter((id): id is string => id !== null && !views.has(recordKey('client', id))),
    ),
  ];
  if (clientIds.length) {
    const rows = await db.clients.bulkGet(clientIds);
    rows.forEach((row, i) => {
      if (row?.view) views.set(recordKey('client', clientIds[i]!), row.view);
    });
  }
  const out = new Map<string, RecordContext>();
  for (const ref of refs) {
    const clientId = clientIdOf(ref);
    out.set(recordKey(ref.type, ref.id), {
      view: views.get(recordKey(ref.type, ref.id)) ?? null,
      client: clientId ? (views.get(recordKey('client', clientId)) ?? null) : null,
    });
  }
  return out;
}

const refOf = (m: Mutation): RecordRef => ({
  type: m.recordType,
  id: m.recordId,
  fields: m.fields,
});

// ---- pending changes --------------------------------------------------------------------------

export interface PendingChange extends RecordContext {
  localSeq: number;
  mutation: Mutation;
  providerId: string;
  /** When it was saved on this device (ms). */
  createdAt: number;
}

/** The outbox, oldest first (at most `limit`), each change with its record and client. */
export async function listPending(db: DeviceDatabase, limit?: number): Promise<PendingChange[]> {
  const query = db.outbox.orderBy('localSeq');
  const rows: OutboxRow[] = await (limit === undefined ? query : query.limit(limit)).toArray();
  const contexts = await recordContexts(
    db,
    rows.map((r) => refOf(r.mutation)),
  );
  return rows.map((r) => ({
    localSeq: r.localSeq!,
    mutation: r.mutation,
    providerId: r.providerId,
    createdAt: r.createdAt,
    ...contexts.get(r.recordKey)!,
  }));
}

// ---- rejected changes -------------------------------------------------------------------------

export interface RejectedChange extends RecordContext {
  id: number;
  mutation: Mutation;
  providerId: string;
  /** Why the server refused it, in its words. */
  message: string;
  /** When it was refused (ms). */
  at: number;
}

/** The key of the draft that keeps a correction being typed for a rejected change. */
export function resendDraftKey(rejectedId: number): string {
  return `resend:${rejectedId}`;
}

/** Changes the server rejected, oldest first, each with its record and client. */
export async function listRejected(db: DeviceDatabase): Promise<RejectedChange[]> {
  const rows = (await db.rejected.toArray()) as (RejectedRow & { id: number })[];
  const contexts = await recordContexts(
    db,
    rows.map((r) => refOf(r.mutation)),
  );
  return rows.map((r) => ({
    id: r.id,
    mutation: r.mutation,
    providerId: r.providerId,
    message: r.message,
    at: r.at,
    ...contexts.get(recordKey(r.mutation.recordType, r.mutation.recordId))!,
  }));
}

/** Gives up a rejected change (the person confirmed losing it), with any correction typed. */
export async function discardRejected(db: DeviceDatabase, id: number): Promise<void> {
  await db.transaction('rw', [db.rejected, db.drafts], async () => {
    await Promise.all([db.rejected.delete(id), db.drafts.delete(resendDraftKey(id))]);
  });
}

/** The rejected change is no longer there (discarded or resent elsewhere). */
export class RejectedChangeGoneError extends Error {
  constructor() {
    super('This change is no longer waiting for a fix.');
    this.name = 'RejectedChangeGoneError';
  }
}

/**
 * The change that resends a rejected one with corrected fields: a patch when the record exists
 * on this device, a create when it never did (a rejected create leaves nothing behind); a
 * rejected delete or restore is resent as it was.
 */
export function resendChange(
  rejected: Pick<RejectedRow, 'mutation'>,
  corrected: FieldValues,
  recordExists: boolean,
): Change {
  const m = rejected.mutation;
  if (m.op === 'delete' || m.op === 'restore') {
    return { type: m.recordType, id: m.recordId, op: m.op };
  }
  return {
    type: m.recordType,
    id: m.recordId,
    op: recordExists ? 'patch' : 'create',
    fields: { ...m.fields, ...corrected },
  };
}

/**
 * Resends a rejected change with corrected fields as a NEW change through the one write path
 * (saveChanges), and removes the rejected row (and the correction's draft), in ONE transaction:
 * saveChanges opens its transaction on a subset of this one's tables, so Dexie runs it inside
 * this one. If the corrected change is refused locally (InvalidChangeError) or anything fails,
 * nothing is written and the rejected row stays. The change is queued as the provider it was
 * first made as, unless `ctx` says otherwise.
 */
export async function resendRejected(
  db: DeviceDatabase,
  id: number,
  corrected: FieldValues,
  ctx?: ChangeContext,
): Promise<Mutation> {
  return db.transaction(
    'rw',
    [...db.recordTables, db.outbox, db.syncState, db.rejected, db.drafts],
    async () => {
      const row = await db.rejected.get(id);
      if (!row) throw new RejectedChangeGoneError();
      const m = row.mutation;
      const existing = await db.recordTable(m.recordType).get(m.recordId);
      const change = resendChange(row, corrected, Boolean(existing?.view));
      const [mutation] = await saveChanges(db, [change], ctx ?? { providerId: row.providerId });
      await Promise.all([db.rejected.delete(id), db.drafts.delete(resendDraftKey(id))]);
      return mutation!;
    },
  );
}

// ---- conflict notices -------------------------------------------------------------------------

export interface ConflictNotice extends RecordContext {
  notice: ConflictNoticeRow;
}

/** This device's changes that lost to another change (kept on the server for review), newest first. */
export async function listConflictNotices(db: DeviceDatabase): Promise<ConflictNotice[]> {
  const rows = (await db.conflicts.toArray()).sort((a, b) => b.at - a.at);
  const contexts = await recordContexts(
    db,
    rows.map((r) => ({ type: r.recordType, id: r.recordId })),
  );
  return rows.map((notice) => ({
    notice,
    ...contexts.get(recordKey(notice.recordType, notice.recordId))!,
  }));
}

/** The person has read the notice (the conflict itself stays on the server for a supervisor). */
export async function dismissConflictNotice(db: DeviceDatabase, id: string): Promise<void> {
  await db.conflicts.delete(id);
}
