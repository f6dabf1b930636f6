// The merge: one pure function from a record's server state and one mutation to the new state,
// plus the conflict records for every value that lost (M3) and the history of values knowingly
// replaced. Rules are cited by their ids in SPEC.md beside this file.
import type { MutationStatus, NoticeKind } from '../protocol/messages';
import type { JsonValue } from '../protocol/mutation';
import { derivedId } from '../records/ids';
import { type RecordType } from '../records';
import { localDateOf } from '../records/dates';
import { STAGE_UPDATE } from '../codes';
import { fieldPolicy, groupMembers } from './policy';
import { compareVersions, decidingRule, ruleReason } from './rank';
import { routeAssessment } from './route';
import { isPossibleDuplicate } from './duplicates';
import { isEmptyValue, isMissingAnswer, sameValue } from './values';
import type { StampedMutation } from './stamp';
import {
  DELETED_GROUP,
  type ConflictRecord,
  type FieldValues,
  type FieldVersion,
  type HistoryEntry,
  type RecordState,
} from './state';
import { validateMutation, withLaterGroupMembers } from './validate';

export interface MergeContext {
  /** For assessments, Current Living Situations and contacts: their enrollment (M4c, M5). */
  enrollment?: RecordState | null;
  /** For Update assessments: the enrollment's Entry assessment, the target of M4c. */
  entryAssessment?: RecordState | null;
  /** For a new client: existing clients with the same name and DOB or the same SSN (M10). */
  duplicateCandidates?: readonly RecordState[];
}

export interface MergeOutcome {
  status: Exclude<MutationStatus, 'held'>;
  message: string | null;
  notices: NoticeKind[];
  /** The record written: differs from the mutation's when M4c routed it to the Entry assessment. */
  target: { type: RecordType; id: string };
  /** The record's new state; null when the mutation was rejected. */
  state: RecordState | null;
  conflicts: ConflictRecord[];
  history: HistoryEntry[];
}

function rejected(m: StampedMutation, message: string): MergeOutcome {
  return {
    status: 'rejected',
    message,
    notices: [],
    target: { type: m.recordType, id: m.recordId },
    state: null,
    conflicts: [],
    history: [],
  };
}

function pick(fields: FieldValues, members: readonly string[]): FieldValues {
  const out: FieldValues = {};
  for (const f of members) if (f in fields) out[f] = fields[f] as JsonValue;
  return out;
}

function sameValues(a: FieldValues, b: FieldValues, members: readonly string[]): boolean {
  return members.every((f) => sameValue(a[f], b[f]));
}

function allEmpty(values: FieldValues, members: readonly string[]): boolean {
  return members.every((f) => isEmptyValue(values[f]));
}

function versionOf(
  m: StampedMutation,
  state: RecordState | null,
  group: string,
  values: FieldValues,
  entryPrecedence: boolean,
  backfill: boolean,
): FieldVersion {
  const resolutions = state?.resolutions[group] ?? [];
  const gen = m.resolution
    ? resolutions.length + 1
    : resolutions.filter((hlc) => hlc < m.effectiveHlc).length;
  let valueClass: 0 | 1 = 0;
  let kind: 0 | 1 = 1;
  if (entryPrecedence) {
    valueClass = Object.values(values).some((v) => !isMissingAnswer(v)) ? 1 : 0;
    const sawEmpty = Object.keys(values).every((f) => isMissingAnswer(m.seen[f]));
    // M4: a change to an Entry field its writer saw empty is a backfill; a create is the original.
    kind = backfill || (m.op !== 'create' && sawEmpty) ? 0 : 1;
  }
  return {
    hlc: m.effectiveHlc,
    deviceId: m.deviceId,
    userId: m.userId,
    mutationId: m.mutationId,
    gen,
    valueClass,
    kind,
  };
}

function conflict(
  rule: ConflictRecord['rule'],
  state: RecordState,
  group: string,
  winner: ConflictRecord['winner'],
  loser: ConflictRecord['loser'],
  relatedRecordId: string | null = null,
): ConflictRecord {
  return {
    id: derivedId(
      `conflict:${rule}:${loser.version.mutationId}:${state.id}:${group}:${relatedRecordId ?? ''}`,
    ),
    rule,
    recordType: state.type,
    recordId: state.id,
    group,
    fields: Object.keys({ ...winner.values, ...loser.values }),
    winner,
    loser,
    relatedRecordId,
    message: `Kept for review: ${ruleReason(rule)}.`,
  };
}

/** The local date a contact, Current Living Situation or Update assessment describes. */
export function recordDate(state: RecordState): string | null {
  const f = state.fields;
  if (state.type === 'contact' && typeof f.contactAt === 'string') return localDateOf(f.contactAt);
  if (state.type === 'currentLivingSituation' && typeof f.informationDate === 'string')
    return f.informationDate;
  if (
    state.type === 'assessment' &&
    f.dataCollectionStage === STAGE_UPDATE &&
    typeof f.informationDate === 'string'
  ) {
    return f.informationDate;
  }
  return null;
}

/** M5: a contact or update dated after its enrollment's exit is kept and flagged, never dropped. */
export function isRecordedAfterExit(
  state: RecordState,
  enrollment: RecordState | null | undefined,
): boolean {
  const exitDate = enrollment?.fields.exitDate;
  if (typeof exitDate !== 'string') return false;
  const date = recordDate(state);
  return date !== null && date > exitDate;
}

export function mergeMutation(
  current: RecordState | null,
  mutation: StampedMutation,
  ctx: MergeContext = {},
): MergeOutcome {
  const notices = new Set<NoticeKind>();
  if (mutation.clockAhead) notices.add('clock_ahead');

  // M4c: an Update dated on or before project start is routed to the Entry assessment.
  const routing = routeAssessment(mutation, current, ctx.enrollment, ctx.entryAssessment);
  if (routing.kind === 'reject') return rejected(mutation, routing.message);
  const m = withLaterGroupMembers(routing.kind === 'route' ? routing.mutation : mutation);
  const base = routing.kind === 'route' ? routing.current : current;
  const backfill = routing.kind === 'route';
  if (backfill) notices.add('routed_to_entry');

  // M9: a mutation that fails validation is rejected with a reason.
  const problem = validateMutation(m, base);
  if (problem) return rejected(mutation, problem);

  const state: RecordState = base
    ? {
        ...base,
        fields: { ...base.fields },
        versions: { ...base.versions },
        resolutions: { ...base.resolutions },
      }
    : {
        type: m.recordType,
        id: m.recordId,
        fields: {},
        versions: {},
        deleted: false,
        resolutions: {},
      };
  const conflicts: ConflictRecord[] = [];
  const history: HistoryEntry[] = [];
  let lost = false;
  let overwroteUnseen = false;

  const apply = (
    group: string,
    members: readonly string[],
    values: FieldValues,
    version: FieldVersion,
  ) => {
    const existing = state.versions[group];
    if (existing?.mutationId === version.mutationId) return; // M7: already applied.
    const currentValues = pick(state.fields, members);
    if (!existing || compareVersions(version, existing) > 0) {
      if (
        existing &&
        !sameValues(currentValues, values, members) &&
        !allEmpty(currentValues, members)
      ) {
        const saw = members.every((f) => sameValue(m.seen[f], currentValues[f]));
        if (saw) {
          history.push({
            recordType: state.type,
            recordId: state.id,
            group,
            replaced: { values: currentValues, version: existing },
            by: version,
          });
        } else {
          // M3: the value this write replaced was never seen by its writer, so it is kept.
          overwroteUnseen = true;
          const rule = decidingRule(version, existing, group);
          conflicts.push(
            conflict(
              rule,
              state,
              group,
              { values, version },
              { values: currentValues, version: existing },
            ),
          );
        }
      }
      Object.assign(state.fields, values);
      state.versions[group] = version;
      if (m.resolution)
        state.resolutions[group] = [...(state.resolutions[group] ?? []), version.hlc];
    } else if (!sameValues(values, currentValues, members)) {
      lost = true;
      // Clearing a field loses no typed value, so (like replacing an empty one) it is not recorded.
      if (!allEmpty(values, members)) {
        const rule = decidingRule(existing, version, group);
        conflicts.push(
          conflict(
            rule,
            state,
            group,
            { values: currentValues, version: existing },
            { values, version },
          ),
        );
      }
    }
  };

  if (m.op === 'delete' || m.op === 'restore') {
    const deleted = m.op === 'delete';
    const version = versionOf(m, state, DELETED_GROUP, {}, false, false);
    const existing = state.versions[DELETED_GROUP];
    if (
      existing?.mutationId !== version.mutationId &&
      (!existing || compareVersions(version, existing) > 0)
    ) {
      state.deleted = deleted;
      state.versions[DELETED_GROUP] = version;
      if (deleted) {
        // M6: edits the deleter could not have seen (later clocks) are kept and flagged, one
        // conflict per edit, keyed by the edit so that either arrival order records the same one.
        const edits = new Map<string, { values: FieldValues; version: FieldVersion }>();
        for (const [group, v] of Object.entries(state.versions)) {
          if (group === DELETED_GROUP || v.hlc <= version.hlc) continue;
          const edit = edits.get(v.mutationId) ?? { values: {}, version: v };
          Object.assign(edit.values, pick(state.fields, groupMembers(state.type, group)));
          edits.set(v.mutationId, edit);
        }
        for (const edit of edits.values()) {
          conflicts.push(
            conflict('M6', state, DELETED_GROUP, { values: { _deleted: true }, version }, edit),
          );
        }
      }
    } else if (
      existing &&
      existing.mutationId !== version.mutationId &&
      state.deleted !== deleted
    ) {
      // A delete or restore that lost: reported to its device, but no typed value is at stake.
      lost = true;
    }
  } else {
    const stage =
      m.op === 'create' ? m.fields.dataCollectionStage : state.fields.dataCollectionStage;
    const groups = new Map<
      string,
      { members: readonly string[]; values: FieldValues; entry: boolean }
    >();
    for (const [field, value] of Object.entries(m.fields)) {
      const policy = fieldPolicy(m.recordType, field, stage)!;
      const g = groups.get(policy.group) ?? {
        members: groupMembers(m.recordType, policy.group),
        values: {},
        entry: policy.entryPrecedence,
      };
      g.values[field] = value;
      groups.set(policy.group, g);
    }
    for (const [group, g] of groups) {
      const members = g.members.filter((f) => f in g.values);
      apply(group, members, g.values, versionOf(m, state, group, g.values, g.entry, backfill));
    }
    if (state.deleted) {
      // M6: an edit to a deleted record is kept; the record stays deleted until restored.
      notices.add('edited_while_deleted');
      const del = state.versions[DELETED_GROUP];
      if (del && m.effectiveHlc > del.hlc) {
        const version = versionOf(m, state, DELETED_GROUP, {}, false, false);
        conflicts.push(
          conflict(
            'M6',
            state,
            DELETED_GROUP,
            { values: { _deleted: true }, version: del },
            { values: { ...m.fields }, version },
          ),
        );
      }
    }
  }

  // M5: contacts and updates dated after the exit are kept and flagged.
  if (isRecordedAfterExit(state, ctx.enrollment)) notices.add('recorded_after_exit');

  // M10: a new client that may be the same person as an existing one: both kept, flagged.
  if (m.recordType === 'client' && m.op === 'create') {
    for (const other of ctx.duplicateCandidates ?? []) {
      if (other.id === state.id || !isPossibleDuplicate(state.fields, other.fields)) continue;
      notices.add('possible_duplicate');
      const [a, b] = [state, other].sort((x, y) => (x.id < y.id ? -1 : 1)) as [
        RecordState,
        RecordState,
      ];
      const side = (s: RecordState) => ({
        values: pick(s.fields, ['firstName', 'lastName', 'dob', 'ssn']),
        version: s.versions.name ?? s.versions.dob ?? Object.values(s.versions)[0]!,
      });
      const record = conflict('M10', a, 'identity', side(a), side(b), b.id);
      conflicts.push({ ...record, id: derivedId(`conflict:M10:${a.id}:${b.id}`) });
    }
  }

  const status: MergeOutcome['status'] = lost
    ? 'conflict'
    : overwroteUnseen || backfill
      ? 'merged'
      : 'applied';
  const message = lost
    ? (conflicts.find((c) => c.loser.version.mutationId === m.mutationId)?.message ??
      'Another change to the same field was kept.')
    : backfill
      ? 'Dated on or before the project start, so recorded on the Entry assessment.'
      : null;
  return {
    status,
    message,
    notices: [...notices],
    target: { type: state.type, id: state.id },
    state,
    conflicts,
    history,
  };
}
