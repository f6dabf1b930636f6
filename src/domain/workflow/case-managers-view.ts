// The Case Managers tab's view-model: from the device's records and the form state to what the
// screen shows (rows, badges, the active count, who can be chosen) and what it saves (the changes
// of one save and the message after it). The page renders this and calls the one write path.
// Rules W-CM-1..6 (RULES.md); status and active are W-CM-1 (isActiveOn).
import type { ProviderMember } from '../protocol';
import {
  assignmentFrom,
  assignmentStatus,
  endAssignmentChanges,
  validateEndDate,
  validateNewAssignment,
  type Assignment,
  type AssignmentStatus,
  type EnrollmentDates,
  type FieldIssue,
  type RecordChange,
} from './case-managers';
import { handOff, handoffChanges } from './case-managers-handoff';

export interface CaseManagersInput {
  enrollmentId: string;
  /** The household's enrollments (this one included). */
  enrollments: readonly EnrollmentDates[];
  /** Every assignment of those enrollments (this enrollment's included). */
  householdAssignments: readonly Assignment[];
  me: { id: string; displayName: string };
  /** The provider's members; null while they cannot be listed (loading, offline). */
  members: readonly ProviderMember[] | null;
  today: string;
  /** How a date reads on screen. */
  formatDate(date: string): string;
}

export interface AssignmentRow {
  assignment: Assignment;
  name: string;
  status: AssignmentStatus;
  badge: string;
  dates: string;
  /** Not ended by today: "End assignment" is offered. */
  canEnd: boolean;
}

export interface PersonOption {
  value: string;
  label: string;
}

export interface CaseManagersView {
  rows: AssignmentRow[];
  /** Assignments of this enrollment active today (W-CM-1), as the enrollment screen counts. */
  activeCount: number;
  householdSize: number;
  nameOf(caseManagerId: string): string;
  /** Who can be added: me, then the provider's members. */
  addPeople: PersonOption[];
  /** Who can take over: the members but me; without the list, case managers on this device. */
  handOffPeople: PersonOption[];
  /** I have an assignment on this enrollment active today, so Hand off is offered. */
  canHandOff: boolean;
}

/** Sound assignments from device views (others are left out). */
export function assignmentsFrom(views: readonly Record<string, unknown>[]): Assignment[] {
  return views.map(assignmentFrom).filter((a): a is Assignment => a !== null);
}

export function caseManagersView(input: CaseManagersInput): CaseManagersView {
  const { me, today, formatDate } = input;
  const members = input.members ?? [];
  const nameOf = (caseManagerId: string): string => {
    if (caseManagerId === me.id) return `${me.displayName} (you)`;
    const member = members.find((m) => m.id === caseManagerId);
    return member ? member.displayName : `Case manager (id …${caseManagerId.slice(-6)})`;
  };
  const mine = input.householdAssignments
    .filter((a) => a.enrollmentId === input.enrollmentId)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const rows = mine.map((a): AssignmentRow => {
    const status = assignmentStatus(a, today);
    return {
      assignment: a,
      name: nameOf(a.caseManagerId),
      status,
      badge:
        status === 'active'
          ? 'Active'
          : status === 'ended'
            ? 'Ended'
            : `Starts ${formatDate(a.startDate)}`,
      dates: `From ${formatDate(a.startDate)}${a.endDate ? ` to ${formatDate(a.endDate)}` : ''}`,
      canEnd: status !== 'ended',
    };
  });
  const others = members
    .filter((m) => m.id !== me.id)
    .map((m) => ({
      value: m.id,
      label: m.role === 'supervisor' ? `${m.displayName} (supervisor)` : m.displayName,
    }));
  const known = [...new Set(input.householdAssignments.map((a) => a.caseManagerId))]
    .filter((id) => id !== me.id)
    .map((id) => ({ value: id, label: nameOf(id) }));
  return {
    rows,
    activeCount: rows.filter((r) => r.status === 'active').length,
    householdSize: input.enrollments.length,
    nameOf,
    addPeople: [{ value: me.id, label: `${me.displayName} (you)` }, ...others],
    handOffPeople: input.members === null ? known : others,
    canHandOff: rows.some((r) => r.status === 'active' && r.assignment.caseManagerId === me.id),
  };
}

export type SaveOutcome<F extends string> =
  { ok: false; issues: FieldIssue<F>[] } | { ok: true; changes: RecordChange[]; message: string };

const members = (n: number) => (n > 1 ? ` for ${n} household members` : '');

function leftOut(n: number): string[] {
  if (n === 0) return [];
  return [
    `${n} household member${n === 1 ? ' was' : 's were'} left out (already assigned, or not enrolled on that date).`,
  ];
}

/** "End assignment": W-CM-5. */
export function endAssignmentSave(
  input: CaseManagersInput,
  form: { assignment: Assignment; endDate: string; wholeHousehold: boolean },
): SaveOutcome<'endDate'> {
  const issues = validateEndDate({
    assignment: form.assignment,
    endDate: form.endDate,
    today: input.today,
  });
  if (issues.length > 0) return { ok: false, issues };
  const result = endAssignmentChanges({
    assignment: form.assignment,
    endDate: form.endDate,
    householdAssignments: input.householdAssignments,
    wholeHousehold: form.wholeHousehold && input.enrollments.length > 1,
  });
  const name = caseManagersView(input).nameOf(form.assignment.caseManagerId);
  return {
    ok: true,
    changes: result.changes,
    message: `${name}: assignment ended on ${input.formatDate(form.endDate)}${members(result.ended.length)}.`,
  };
}

/** "Add a case manager": W-CM-2..4 (no one's assignment ends; that is Hand off). */
export function addCaseManagerSave(
  input: CaseManagersInput,
  form: { caseManagerId: string | null; startDate: string; wholeHousehold: boolean },
): SaveOutcome<'caseManagerId' | 'startDate'> {
  const enrollment = input.enrollments.find((e) => e.id === input.enrollmentId)!;
  const { nameOf } = caseManagersView(input);
  const issues = validateNewAssignment({
    caseManagerId: form.caseManagerId,
    startDate: form.startDate,
    enrollment,
    assignments: input.householdAssignments,
    today: input.today,
    nameOf,
  });
  if (issues.length > 0 || form.caseManagerId === null) return { ok: false, issues };
  const result = handoffChanges({
    enrollmentId: input.enrollmentId,
    caseManagerId: form.caseManagerId,
    startDate: form.startDate,
    enrollments: input.enrollments,
    householdAssignments: input.householdAssignments,
    wholeHousehold: form.wholeHousehold && input.enrollments.length > 1,
  });
  return {
    ok: true,
    changes: result.changes,
    message: [
      `${nameOf(form.caseManagerId)} added from ${input.formatDate(form.startDate)}${members(result.added.length)}.`,
      ...leftOut(result.skipped.length),
    ].join(' '),
  };
}

/** "Hand off": W-CM-6. */
export function handOffSave(
  input: CaseManagersInput,
  form: { to: string | null; date: string; wholeHousehold: boolean },
  makeId?: () => string,
): SaveOutcome<'caseManagerId' | 'startDate'> {
  const { nameOf } = caseManagersView(input);
  const outcome = handOff({
    enrollmentId: input.enrollmentId,
    to: form.to,
    date: form.date,
    me: input.me.id,
    enrollments: input.enrollments,
    householdAssignments: input.householdAssignments,
    wholeHousehold: form.wholeHousehold,
    today: input.today,
    nameOf,
    makeId,
  });
  if (!outcome.ok || form.to === null) return { ok: false, issues: outcome.issues };
  const date = input.formatDate(form.date);
  return {
    ok: true,
    changes: outcome.changes,
    message: [
      `Handed off to ${nameOf(form.to)} from ${date}${members(outcome.added.length)}.`,
      ...leftOut(outcome.skipped.length),
      `Your assignment ended on ${date}${members(outcome.ended.length)}.`,
    ].join(' '),
  };
}
