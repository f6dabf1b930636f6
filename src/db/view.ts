// The one place a record's view is computed: the server's state with this device's pending
// mutations merged on top by the same merge function the server uses, so a pulled server state
// never hides an unpushed edit.
import { parseHlc } from '../domain/clock/hlc';
import {
  flattenRecord,
  mergeMutation,
  stampMutation,
  unflattenFields,
  type FieldValues,
  type RecordState,
} from '../domain/merge';
import type { Mutation } from '../domain/protocol';
import type { RecordType } from '../domain/records';
import type { RecordRow, RecordView } from './schema';

/** The user id the merge records in local versions; never sent to the server. */
const LOCAL_USER = '0'.repeat(32);

export interface ComputedView {
  /** The merged state (server plus pending); null when there is nothing to show. */
  state: RecordState | null;
  view: RecordView | null;
  /** Pending mutations the merge rejects locally, with the reason (the server would too). */
  problems: { mutationId: string; message: string }[];
}

export function computeView(
  server: RecordState | null,
  pending: readonly Mutation[],
): ComputedView {
  let state = server;
  const problems: ComputedView['problems'] = [];
  for (const m of pending) {
    // Ordered by the device's own clock: a device is never "ahead" of itself.
    const stamped = stampMutation(m, LOCAL_USER, parseHlc(m.hlc).millis);
    const outcome = mergeMutation(state, stamped, {});
    if (outcome.status === 'rejected' || !outcome.state) {
      problems.push({ mutationId: m.mutationId, message: outcome.message ?? 'Rejected' });
      continue;
    }
    if (outcome.target.id !== m.recordId) continue;
    state = outcome.state;
  }
  if (!state) return { state: null, view: null, problems };
  const view: RecordView = {
    ...unflattenFields(state.id, state.fields),
    id: state.id,
    deleted: state.deleted,
    pending: pending.length > 0,
  };
  return { state, view, problems };
}

/** A view's fields in the flat form mutations use (`answers.<id>` for assessment answers). */
export function viewFields(view: RecordView | null | undefined): FieldValues {
  if (!view) return {};
  const { deleted: _d, pending: _p, ...record } = view;
  return flattenRecord(record);
}

/** Ids and the contact time only: no PII is lifted to where an index could hold it. */
const INDEXED = [
  'clientId',
  'providerId',
  'householdId',
  'enrollmentId',
  'contactAt',
  'caseManagerId',
] as const;

/** A table row for a record, with the fields the screens' indexes need lifted to the top. */
export function recordRow(
  type: RecordType,
  id: string,
  server: RecordState | null,
  view: RecordView | null,
): RecordRow {
  const row: RecordRow = { id, type, server, view };
  if (view) {
    for (const key of INDEXED) {
      const value = view[key];
      if (typeof value === 'string') row[key] = value;
    }
  }
  return row;
}
