// A supervisor resolves a conflict record (M3): keep the current value, or restore the other one.
// Restoring is a new change made through the same merge, marked as a resolution so it starts a new
// generation of the field group and stands even where M4b would otherwise keep the other value.
// Possible duplicates (M10) are linked as one person (both records and histories kept) or dismissed.
import { formatHlc } from '../../../src/domain/clock/hlc';
import {
  DELETED_GROUP,
  groupMembers,
  mergeMutation,
  stampMutation,
  hlcInstant,
  nextRecordMeta,
} from '../../../src/domain/merge';
import type { Mutation } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import type { AuthUser } from '../auth/types';
import { HttpError, badRequest, notFound } from '../errors';
import { recordKey, type ConflictRow, type Storage } from '../storage/types';
import { clientKeys } from './client-keys';

import type { ResolutionAction } from '../../../src/domain/protocol';
export { RESOLUTION_ACTIONS, type ResolutionAction } from '../../../src/domain/protocol';

/**
 * Possible duplicates are linked as one person or dismissed; lost values are kept or restored; a
 * broken household rule (M11) is fixed on the records themselves and then marked reviewed.
 */
const ALLOWED_ACTIONS: Readonly<
  Record<'duplicate' | 'value' | 'review', readonly ResolutionAction[]>
> = {
  duplicate: ['link', 'dismiss'],
  value: ['keep_current', 'restore'],
  review: ['dismiss'],
};

const RESOLUTION_NAMES: Readonly<Record<ResolutionAction, string>> = {
  keep_current: 'kept_current',
  restore: 'restored',
  link: 'linked',
  dismiss: 'dismissed',
};

export async function resolveConflict(
  storage: Storage,
  input: {
    user: AuthUser;
    providerId: string;
    conflictId: string;
    action: ResolutionAction;
    now: number;
  },
): Promise<ConflictRow> {
  const at = new Date(input.now).toISOString();
  return storage.transaction(async (tx) => {
    const row = await tx.getConflict(input.conflictId);
    if (!row || !row.providerIds.includes(input.providerId))
      throw notFound('No such conflict for this provider.');
    if (row.status !== 'open')
      throw new HttpError(409, 'already_resolved', 'This conflict was already resolved.');
    const c = row.conflict;
    const allowed =
      ALLOWED_ACTIONS[c.rule === 'M10' ? 'duplicate' : c.rule === 'M11' ? 'review' : 'value'];
    if (!allowed.includes(input.action)) {
      throw badRequest(`This conflict is resolved with one of: ${allowed.join(', ')}.`);
    }

    if (input.action === 'link' && c.relatedRecordId) {
      await tx.linkClients(c.recordId, c.relatedRecordId, input.user.id, at);
    }
    if (input.action === 'restore') {
      // Under the record's push lock (push-reader.ts), so a push at the same moment cannot
      // overwrite the restored value, nor this the push's.
      const key = recordKey(c.recordType, c.recordId);
      await tx.lockKeys([key]);
      const stored = (await tx.getRecords([{ type: c.recordType, id: c.recordId }])).get(key);
      if (!stored) throw notFound('The record of this conflict is no longer on the server.');
      const state = stored.state;
      const fields: Record<string, Mutation['fields'][string]> = {};
      const seen: Record<string, Mutation['fields'][string]> = {};
      let op: Mutation['op'] = 'patch';
      if (c.group === DELETED_GROUP) {
        op = 'restore'; // M6: the kept edit stands; bring the record back.
      } else {
        for (const f of groupMembers(c.recordType, c.group)) {
          if (f in c.loser.values) {
            fields[f] = c.loser.values[f]!;
            seen[f] = state.fields[f] ?? null;
          }
        }
      }
      const mutation: Mutation = {
        mutationId: newId(),
        deviceId: 'server',
        seq: 1,
        hlc: formatHlc({ millis: input.now, counter: 0, node: 'server' }),
        recordType: c.recordType,
        recordId: c.recordId,
        op,
        fields: op === 'patch' ? fields : {},
        seen: op === 'patch' ? seen : {},
      };
      const outcome = mergeMutation(state, stampMutation(mutation, input.user.id, input.now, true));
      if (!outcome.state || outcome.status === 'rejected') {
        throw badRequest(`The other value cannot be restored: ${outcome.message ?? 'invalid'}`);
      }
      const changeSeq = await tx.reserveChangeSeqs(1);
      const meta = nextRecordMeta(stored.meta, state, outcome.state, {
        at: hlcInstant(mutation.hlc),
        userId: input.user.id,
      });
      await tx.putRecords([
        { state: outcome.state, changeSeq, clientKeys: clientKeys(outcome.state), meta },
      ]);
      if (outcome.history.length > 0)
        await tx.putHistory(outcome.history.map((h) => ({ ...h, at })));
    }
    const resolved: ConflictRow = {
      ...row,
      status: 'resolved',
      resolvedAt: at,
      resolvedBy: input.user.id,
      resolution: RESOLUTION_NAMES[input.action],
    };
    await tx.putConflicts([resolved]);
    await tx.appendAudit([
      {
        at,
        userId: input.user.id,
        providerId: input.providerId,
        action: 'resolve_conflict',
        recordType: c.recordType,
        recordId: c.recordId,
        details: { conflictId: c.id, rule: c.rule, action: input.action },
      },
    ]);
    return resolved;
  });
}
