// The Case Managers tab (Hennepin): who works with a household, from when to when. Each
// enrollment of a household carries its own caseManagerAssignment records; Hennepin assigns a
// case manager to the whole household, so the screens apply a change to every member's
// enrollment unless the person asks for one member only. The rules are W-CM-1..6 in RULES.md;
// the hand-off is in case-managers-handoff.ts, the screen's view-model in case-managers-view.ts.
//
// W-CM-1, the one rule of "active" (every screen calls isActiveOn): an assignment is active on day
// D when startDate <= D and (endDate is null or D < endDate). The end date is the day the
// assignment ended, as HMIS reads an exit date: an assignment whose end date is today has ended
// today, and in a hand-off on D only the new case manager is active on D.
import type { FieldValues } from '../merge';
import type { MutationOp } from '../protocol';
import {
  caseManagerAssignmentSchema,
  localDateSchema,
  newId,
  type CaseManagerAssignment,
  type RecordType,
} from '../records';
import { formatDate } from '../validation';

/** A change for the one write path (structurally the device's `Change`). */
export interface RecordChange {
  type: RecordType;
  id: string;
  op: MutationOp;
  fields: FieldValues;
}

export type Assignment = Pick<
  CaseManagerAssignment,
  'id' | 'enrollmentId' | 'caseManagerId' | 'startDate' | 'endDate'
>;

export interface FieldIssue<F extends string = string> {
  readonly field: F;
  readonly message: string;
}

/** An assignment from a stored record (a device view); null when it is not a sound one. */
export function assignmentFrom(record: Record<string, unknown>): Assignment | null {
  const parsed = caseManagerAssignmentSchema.safeParse(record);
  return parsed.success ? parsed.data : null;
}

/** W-CM-1: the assignment has ended by day D (it has an end date on or before D). */
export function hasEndedBy(a: Pick<Assignment, 'endDate'>, date: string): boolean {
  return a.endDate !== null && a.endDate <= date;
}

/** W-CM-1: the assignment is active on day D (started on or before D, not ended by D). */
export function isActiveOn(a: Pick<Assignment, 'startDate' | 'endDate'>, date: string): boolean {
  return a.startDate <= date && !hasEndedBy(a, date);
}

export type AssignmentStatus = 'active' | 'ended' | 'upcoming';

/** How the tab describes an assignment today; 'active' exactly when isActiveOn(a, today). */
export function assignmentStatus(
  a: Pick<Assignment, 'startDate' | 'endDate'>,
  today: string,
): AssignmentStatus {
  if (isActiveOn(a, today)) return 'active';
  return hasEndedBy(a, today) ? 'ended' : 'upcoming';
}

/** W-CM-3: two assignments share a day on which both are active (an open end runs on for ever). */
function overlaps(
  a: Pick<Assignment, 'startDate' | 'endDate'>,
  b: Pick<Assignment, 'startDate' | 'endDate'>,
): boolean {
  return (
    (b.endDate === null || a.startDate < b.endDate) &&
    (a.endDate === null || b.startDate < a.endDate)
  );
}

/** Assignments of this case manager on this enrollment that overlap the range. */
export function overlappingAssignments(
  assignments: readonly Assignment[],
  enrollmentId: string,
  caseManagerId: string,
  range: Pick<Assignment, 'startDate' | 'endDate'>,
  exceptId?: string,
): Assignment[] {
  return assignments.filter(
    (a) =>
      a.enrollmentId === enrollmentId &&
      a.caseManagerId === caseManagerId &&
      a.id !== exceptId &&
      overlaps(a, range),
  );
}

function dateProblem(value: string, what: string): string | null {
  if (value.trim() === '') return `Enter the ${what}.`;
  return localDateSchema.safeParse(value).success
    ? null
    : `The ${what} is not a real date. Use the date picker or write it as YYYY-MM-DD.`;
}

export interface EnrollmentDates {
  readonly id: string;
  readonly projectStartDate: string;
  readonly exitDate: string | null;
}

/** Problems with ending an assignment on `endDate`; [] when it can be saved. */
export function validateEndDate(input: {
  assignment: Assignment;
  endDate: string;
  today: string;
}): FieldIssue<'endDate'>[] {
  const { assignment, endDate, today } = input;
  const bad = dateProblem(endDate, 'end date');
  if (bad) return [{ field: 'endDate', message: bad }];
  if (hasEndedBy(assignment, today)) {
    return [{ field: 'endDate', message: 'This assignment has already ended.' }];
  }
  if (endDate < assignment.startDate) {
    return [
      {
        field: 'endDate',
        message: `The end date cannot be before the assignment started (${formatDate(assignment.startDate)}).`,
      },
    ];
  }
  if (endDate > today) {
    return [
      {
        field: 'endDate',
        message: `The end date cannot be in the future. End the assignment on or before today (${formatDate(today)}).`,
      },
    ];
  }
  return [];
}

/** Problems with a new assignment of `caseManagerId` from `startDate` on one enrollment. */
export function validateNewAssignment(input: {
  caseManagerId: string | null;
  startDate: string;
  enrollment: EnrollmentDates;
  /** The enrollment's assignments (others are ignored). */
  assignments: readonly Assignment[];
  today: string;
  /** How to name the case manager in a message. */
  nameOf?: (caseManagerId: string) => string;
}): FieldIssue<'caseManagerId' | 'startDate'>[] {
  const issues: FieldIssue<'caseManagerId' | 'startDate'>[] = [];
  const { caseManagerId, startDate, enrollment, today } = input;
  if (caseManagerId === null || caseManagerId === '') {
    issues.push({ field: 'caseManagerId', message: 'Choose the case manager to add.' });
  }
  const bad = dateProblem(startDate, 'start date');
  if (bad) {
    issues.push({ field: 'startDate', message: bad });
    return issues;
  }
  if (startDate < enrollment.projectStartDate) {
    issues.push({
      field: 'startDate',
      message: `The start date cannot be before the project start date (${formatDate(enrollment.projectStartDate)}).`,
    });
  } else if (enrollment.exitDate !== null && startDate > enrollment.exitDate) {
    issues.push({
      field: 'startDate',
      message: `The start date cannot be after the client's exit date (${formatDate(enrollment.exitDate)}).`,
    });
  }
  if (startDate > today) {
    issues.push({
      field: 'startDate',
      message: `The start date cannot be in the future. Use today (${formatDate(today)}) or an earlier date.`,
    });
  }
  if (caseManagerId) {
    const clash = overlappingAssignments(input.assignments, enrollment.id, caseManagerId, {
      startDate,
      endDate: null,
    });
    if (clash.length > 0) {
      const name = input.nameOf?.(caseManagerId) ?? 'This case manager';
      const since = clash[0]!;
      issues.push({
        field: 'caseManagerId',
        message:
          since.endDate === null
            ? `${name} is already a case manager on this enrollment (since ${formatDate(since.startDate)}).`
            : `${name} was already a case manager on this enrollment from ${formatDate(since.startDate)} to ${formatDate(since.endDate)}: choose a start date on or after ${formatDate(since.endDate)}.`,
      });
    }
  }
  return issues;
}

/** The create of one assignment. */
export function newAssignmentChange(
  enrollmentId: string,
  caseManagerId: string,
  startDate: string,
  id: string = newId(),
): RecordChange {
  return {
    type: 'caseManagerAssignment',
    id,
    op: 'create',
    fields: { enrollmentId, caseManagerId, startDate, endDate: null },
  };
}

/** The patch that ends one assignment. */
export function endAssignmentChange(assignmentId: string, endDate: string): RecordChange {
  return { type: 'caseManagerAssignment', id: assignmentId, op: 'patch', fields: { endDate } };
}

/**
 * W-CM-5: ends a case manager's assignment on `endDate`: the chosen one, and with `wholeHousehold`
 * the same person's assignments not ended by then on the other members' enrollments that started
 * on or before that day (others are left alone and listed in `skipped`).
 */
export function endAssignmentChanges(input: {
  assignment: Assignment;
  endDate: string;
  /** Every assignment of the household's enrollments. */
  householdAssignments: readonly Assignment[];
  wholeHousehold: boolean;
}): { changes: RecordChange[]; ended: Assignment[]; skipped: Assignment[] } {
  const { assignment, endDate } = input;
  const ended: Assignment[] = [assignment];
  const skipped: Assignment[] = [];
  if (input.wholeHousehold) {
    for (const other of input.householdAssignments) {
      if (
        other.id === assignment.id ||
        other.enrollmentId === assignment.enrollmentId ||
        other.caseManagerId !== assignment.caseManagerId ||
        hasEndedBy(other, endDate)
      ) {
        continue;
      }
      if (other.startDate <= endDate) ended.push(other);
      else skipped.push(other);
    }
  }
  return { changes: ended.map((a) => endAssignmentChange(a.id, endDate)), ended, skipped };
}
