// M9, a mutation on its own before it is merged: the record exists for a patch, delete or
// restore; every field is one of the record type's, valid by its schema (or, for an answer, by
// the forms at the assessment's stage), not immutable once set; a patch of a field group sends
// the whole group; the group's own rules (GROUP_CHECKS) hold; a create parses as a whole record.
// Also the one leniency: group members added later are written as null when an older device
// omits them (LATER_GROUP_MEMBERS).
import { RECORD_SCHEMAS } from '../records';
import {
  FIELD_GROUPS,
  GROUP_CHECKS,
  LATER_GROUP_MEMBERS,
  fieldPolicy,
  groupMembers,
} from './policy';
import { unflattenFields } from './flatten';
import { sameValue } from './values';
import type { StampedMutation } from './stamp';
import { type RecordState } from './state';

/** M9: everything a mutation must satisfy on its own, before it is merged. */
export function validateMutation(m: StampedMutation, current: RecordState | null): string | null {
  if (m.op === 'patch' || m.op === 'delete' || m.op === 'restore') {
    if (!current)
      return 'This record is not on the server (was the change that created it rejected?).';
  }
  if (current && current.type !== m.recordType)
    return 'This id belongs to a record of another type.';
  if (m.op === 'delete' || m.op === 'restore') return null;

  const stage =
    m.op === 'create' ? m.fields.dataCollectionStage : current?.fields.dataCollectionStage;
  const problems: string[] = [];
  // Each field's own problem (its schema, or the forms for an answer), by field.
  const own = new Map<string, string>();
  const touched = new Set<string>();
  for (const [field, value] of Object.entries(m.fields)) {
    const policy = fieldPolicy(m.recordType, field, stage);
    if (!policy) {
      problems.push(`${field}: not a field of a ${m.recordType} record`);
      continue;
    }
    const problem = policy.check(value);
    if (problem !== undefined) own.set(field, problem);
    if (
      policy.immutable &&
      current &&
      Object.hasOwn(current.fields, field) &&
      !sameValue(current.fields[field], value)
    ) {
      problems.push(`${field}: cannot be changed after the record is created`);
    }
    touched.add(policy.group);
  }
  const incomplete = new Set<string>();
  if (m.op === 'patch') {
    for (const group of touched) {
      const missing = groupMembers(m.recordType, group).filter((f) => !(f in m.fields));
      if (missing.length > 0) {
        incomplete.add(group);
        problems.push(`${group}: these fields change together; also send ${missing.join(', ')}`);
      }
    }
  }
  // Rules within one field group, in a case manager's words (GROUP_CHECKS). Where a rule speaks
  // about a field whose own check failed, its words replace the schema's ("999" is no Destination);
  // the group's other rules only count when every field of the group is valid on its own.
  const checked = new Map<string, string[]>();
  for (const group of touched) {
    const check = GROUP_CHECKS[m.recordType]?.[group];
    if (!check || incomplete.has(group)) continue;
    const members = groupMembers(m.recordType, group);
    // Only the group's own values decide; every other field of the record reads as empty.
    const values: Record<string, unknown> = {};
    for (const f of Object.keys(RECORD_SCHEMAS[m.recordType].shape)) values[f] = null;
    for (const f of members) values[f] = m.fields[f] ?? null;
    const valid = members.every((f) => !own.has(f));
    for (const issue of check(values)) {
      if (issue.severity !== 'error' || (!valid && !own.has(issue.field))) continue;
      checked.set(issue.field, [...(checked.get(issue.field) ?? []), issue.message]);
    }
  }
  const fieldProblems: string[] = [];
  for (const field of Object.keys(m.fields)) {
    const messages = checked.get(field) ?? (own.has(field) ? [own.get(field)!] : []);
    for (const message of messages) fieldProblems.push(`${field}: ${message}`);
    checked.delete(field);
  }
  for (const [field, messages] of checked) {
    for (const message of messages) fieldProblems.push(`${field}: ${message}`);
  }
  problems.unshift(...fieldProblems);
  if (m.op === 'create' && problems.length === 0) {
    const record = unflattenFields(m.recordId, m.fields);
    if (m.recordType === 'assessment') record.answers ??= {};
    const parsed = RECORD_SCHEMAS[m.recordType].safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${issue.path.join('.') || 'record'}: ${issue.message}`);
    }
  }
  return problems.length > 0 ? problems.join('; ') : null;
}

/**
 * A write from a device that predates a field added to a group (an older app still in the field,
 * or a change queued before the update) omits it; the group still changes as a unit, so the
 * missing member is written as null rather than the write being refused (LATER_GROUP_MEMBERS).
 */
export function withLaterGroupMembers(m: StampedMutation): StampedMutation {
  if (m.op !== 'patch' && m.op !== 'create') return m;
  const later = LATER_GROUP_MEMBERS[m.recordType];
  let fields: typeof m.fields | null = null;
  for (const members of Object.values(FIELD_GROUPS[m.recordType])) {
    if (!members.some((f) => f in m.fields && !later.includes(f))) continue;
    for (const f of members) {
      if (later.includes(f) && !(f in m.fields)) {
        fields ??= { ...m.fields };
        fields[f] = null;
      }
    }
  }
  return fields ? { ...m, fields } : m;
}
