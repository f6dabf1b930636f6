// M11: rules that span records (HUD household and enrollment rules), checked on the server after
// every push that changes an enrollment. A device checks them on its own data before it saves
// (project start, household members, exit), but two devices offline can each save something valid
// that together is not: two heads of household, two open enrollments of one client in one project.
// The merge cannot choose which record is wrong, so nothing is dropped or rewritten: each violation
// becomes a conflict record (rule M11) naming both records, for a supervisor to review.
//
//   two_heads     more than one head of household among a household's current enrollments (Eva 3)
//   no_head       a household with current enrollments and no head of household (Eva 2)
//   overlap       two enrollments of one client in one project whose stays overlap (Eva 1, 77)
//   exit_order    an exit date before the project start date (Eva 99), after edits from two devices
//
// Only what two devices produced together is flagged: a device checks its own data before it
// saves, and a change made on one device in several steps (a new head of household, then the old
// one's new relationship) may reach the server in two pushes, between which the household briefly
// breaks a rule that its author is about to mend. So a violation is flagged when the writes it rests
// on came from more than one device.
//
// "Current" means not deleted. A violation's id is derived from its kind and the records' ids, so
// finding it again (another push, another server instance at the same moment) yields the same
// conflict, which is stored once.
import { derivedId } from '../records/ids';
import { DELETED_GROUP } from './state';
import type { ConflictRecord, FieldValues, FieldVersion, RecordState } from './state';

export const HOUSEHOLD_RULE_KINDS = ['two_heads', 'no_head', 'overlap', 'exit_order'] as const;
export type HouseholdRuleKind = (typeof HOUSEHOLD_RULE_KINDS)[number];

const HEAD_OF_HOUSEHOLD = 1;

export interface HouseholdViolation {
  kind: HouseholdRuleKind;
  /** The record the conflict is filed on, and the other one involved (null when there is none). */
  record: RecordState;
  other: RecordState | null;
  message: string;
}

function text(state: RecordState, field: string): string | null {
  const v = state.fields[field];
  return typeof v === 'string' ? v : null;
}

function byId(a: RecordState, b: RecordState): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The device of the write that holds this field now (exit fields are versioned as a group). */
function deviceOf(state: RecordState, field: string): string | null {
  const group = EXIT_FIELD_NAMES.includes(field) ? 'exit' : field;
  return state.versions[group]?.deviceId ?? null;
}

const EXIT_FIELD_NAMES: readonly string[] = ['exitDate', 'exitReason', 'destination'];

function fromTwoDevices(devices: readonly (string | null)[]): boolean {
  return new Set(devices.filter((d) => d !== null)).size > 1;
}

/** The enrollments' stays as [start, end] dates; an open stay ends at "9999-12-31". */
function stay(e: RecordState): [string, string] | null {
  const start = text(e, 'projectStartDate');
  if (start === null) return null;
  return [start, text(e, 'exitDate') ?? '9999-12-31'];
}

/**
 * The M11 violations among these enrollments: pass every current enrollment of the households and
 * clients a push touched (their other enrollments included), deleted ones are ignored.
 */
export function householdViolations(enrollments: readonly RecordState[]): HouseholdViolation[] {
  const current = enrollments
    .filter((e) => e.type === 'enrollment' && !e.deleted)
    .filter((e, i, all) => all.findIndex((o) => o.id === e.id) === i)
    .sort(byId);
  const out: HouseholdViolation[] = [];

  const households = new Map<string, RecordState[]>();
  const everyMember = new Map<string, RecordState[]>();
  for (const e of enrollments) {
    const h = e.type === 'enrollment' ? text(e, 'householdId') : null;
    if (h !== null) everyMember.set(h, [...(everyMember.get(h) ?? []), e]);
  }
  for (const e of current) {
    const h = text(e, 'householdId');
    if (h !== null) households.set(h, [...(households.get(h) ?? []), e]);
  }
  for (const [household, members] of households) {
    const heads = members.filter((e) => e.fields.relationshipToHoH === HEAD_OF_HOUSEHOLD);
    const writers = (everyMember.get(household) ?? members).flatMap((e) => [
      deviceOf(e, 'relationshipToHoH'),
      e.versions[DELETED_GROUP]?.deviceId ?? null,
    ]);
    if (heads.length === 0 && fromTwoDevices(writers)) {
      out.push({
        kind: 'no_head',
        record: members[0]!,
        other: null,
        message:
          'This household has no head of household (Eva 2): choose one of its members as the head of household.',
      });
    }
    for (const extra of heads.slice(1)) {
      const pair = [deviceOf(heads[0]!, 'relationshipToHoH'), deviceOf(extra, 'relationshipToHoH')];
      if (!fromTwoDevices(pair)) continue;
      out.push({
        kind: 'two_heads',
        record: extra,
        other: heads[0]!,
        message:
          'This household has more than one head of household (Eva 3), from changes made on two devices: keep one, and give the other member their relationship to the head of household.',
      });
    }
  }

  const byClientProject = new Map<string, RecordState[]>();
  for (const e of current) {
    const key = `${text(e, 'clientId') ?? ''}|${text(e, 'providerId') ?? ''}`;
    byClientProject.set(key, [...(byClientProject.get(key) ?? []), e]);
  }
  for (const list of byClientProject.values()) {
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = stay(list[i]!);
        const b = stay(list[j]!);
        if (!a || !b || a[0] > b[1] || b[0] > a[1]) continue;
        const writers = [list[i]!, list[j]!].flatMap((e) => [
          deviceOf(e, 'projectStartDate'),
          deviceOf(e, 'exitDate'),
        ]);
        if (!fromTwoDevices(writers)) continue;
        out.push({
          kind: 'overlap',
          record: list[j]!,
          other: list[i]!,
          message:
            a[0] === b[0]
              ? 'This client has two enrollments in this project with the same project start date (Eva 1 duplicate entries): delete the duplicate.'
              : 'This client has two enrollments in this project whose stays overlap (Eva 77): exit the earlier one before the later one starts, or delete the duplicate.',
        });
      }
    }
  }

  for (const e of current) {
    const s = stay(e);
    const exit = text(e, 'exitDate');
    const writers = [deviceOf(e, 'projectStartDate'), deviceOf(e, 'exitDate')];
    if (s && exit !== null && exit < s[0] && fromTwoDevices(writers)) {
      out.push({
        kind: 'exit_order',
        record: e,
        other: null,
        message: `The exit date (${exit}) is before the project start date (${s[0]}) after changes from two devices (Eva 99): correct one of them.`,
      });
    }
  }
  return out;
}

function pick(values: FieldValues, fields: readonly string[]): FieldValues {
  const out: FieldValues = {};
  for (const f of fields) out[f] = values[f] ?? null;
  return out;
}

const FIELDS: Readonly<Record<HouseholdRuleKind, readonly string[]>> = {
  two_heads: ['relationshipToHoH', 'householdId', 'clientId'],
  no_head: ['relationshipToHoH', 'householdId'],
  overlap: ['projectStartDate', 'exitDate', 'clientId'],
  exit_order: ['projectStartDate', 'exitDate'],
};

function versionOf(state: RecordState, fields: readonly string[]): FieldVersion {
  for (const f of fields) {
    const v = state.versions[f] ?? (f === 'exitDate' ? state.versions.exit : undefined);
    if (v) return v;
  }
  return Object.values(state.versions)[0]!;
}

/** A violation as a conflict record (rule M11), with the id that makes finding it again a no-op. */
export function householdConflict(v: HouseholdViolation): ConflictRecord {
  const fields = FIELDS[v.kind];
  const side = (s: RecordState) => ({
    values: pick(s.fields, fields),
    version: versionOf(s, fields),
  });
  const recordSide = side(v.record);
  return {
    id: derivedId(`conflict:M11:${v.kind}:${v.record.id}:${v.other?.id ?? ''}`),
    rule: 'M11',
    recordType: 'enrollment',
    recordId: v.record.id,
    group: v.kind,
    fields: [...fields],
    winner: recordSide,
    loser: v.other ? side(v.other) : recordSide,
    relatedRecordId: v.other?.id ?? null,
    message: v.message,
  };
}
