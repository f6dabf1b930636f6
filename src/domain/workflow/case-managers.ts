// The Case Managers tab (Hennepin): who works with a household, from when to when. Each
// enrollment of a household carries its own caseManagerAssignment records; Hennepin assigns a
// case manager to the whole household, so the screens apply a change to every member's
// enrollment unless the person asks for one member only.
//
// Rules:
//  - an assignment is active on a date when it started on or before that date and has not ended
//    before it (the end date is the last day of the assignment);
//  - a start date falls inside the enrollment (on or after the project start, on or before the
//    exit date) and is not in the future; an end date is on or after the start and not in the
//    future;
//  - one case manager has at most one assignment at a time on an enrollment (no two whose dates
//    overlap);
//  - a handoff adds the new case manager from a start date and may end the signed-in person's
//    own assignment on that same day, in the same save.
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

/** The assignment is in force on this date (start and end dates included). */
export function isActiveOn(a: Pick<Assignment, 'startDate' | 'endDate'>, date: string): boolean {
  return a.startDate <= date && (a.endDate === null || date <= a.endDate);
}

export type AssignmentStatus = 'active' | 'ended' | 'upcoming';

/** How the tab describes an assignment today: ended once it has an end date. */
export function assignmentStatus(
  a: Pick<Assignment, 'startDate' | 'endDate'>,
  today: string,
): AssignmentStatus {
  if (a.endDate !== null) return 'ended';
  return a.startDate > today ? 'upcoming' : 'active';
}

/** Two date ranges overlap (an open end runs on for ever). */
function overlaps(
  a: Pick<Assignment, 'startDate' | 'endDate'>,
  b: Pick<Assignment, 'startDate' | 'endDate'>,
): boolean {
  return (
    (b.endDate === null || a.startDate <= b.endDate) &&
    (a.endDate === null || b.startDate <= a.endDate)
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
  if (assignment.endDate !== null) {
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
            : `${name} was already a case manager on this enrollment from ${formatDate(since.startDate)} to ${formatDate(since.endDate)}: choose a start date after that.`,
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
 * Ends a case manager's assignment on `endDate`: the chosen one, and with `wholeHousehold` the same
 * person's open assignments on the other members' enrollments that started on or before that day
 * (others are left alone and listed in `skipped`).
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
        other.endDate !== null
      ) {
        continue;
      }
      if (other.startDate <= endDate) ended.push(other);
      else skipped.push(other);
    }
  }
  return { changes: ended.map((a) => endAssignmentChange(a.id, endDate)), ended, skipped };
}

export interface HandoffInput {
  /** The enrollment whose tab this is. */
  enrollmentId: string;
  caseManagerId: string;
  startDate: string;
  /** The household's enrollments (this one included). */
  enrollments: readonly EnrollmentDates[];
  /** Every assignment of those enrollments. */
  householdAssignments: readonly Assignment[];
  wholeHousehold: boolean;
  /** End this person's own open assignments on the start date (a handoff). */
  endMineFor?: string | null;
  makeId?: () => string;
}

export interface HandoffResult {
  changes: RecordChange[];
  /** Enrollments that get the new case manager. */
  added: string[];
  /** Other members' enrollments left out: already assigned to that person, or not open then. */
  skipped: string[];
  /** Assignments of the signed-in person that end. */
  ended: Assignment[];
}

/** The assignments the "Ending mine" part of a handoff ends on `startDate`. */
export function myAssignmentsToEnd(input: HandoffInput): Assignment[] {
  const me = input.endMineFor;
  if (!me || me === input.caseManagerId) return [];
  const scope = new Set(
    input.wholeHousehold ? input.enrollments.map((e) => e.id) : [input.enrollmentId],
  );
  return input.householdAssignments.filter(
    (a) =>
      scope.has(a.enrollmentId) &&
      a.caseManagerId === me &&
      a.endDate === null &&
      a.startDate <= input.startDate,
  );
}

/**
 * Adds a case manager from `startDate`: on this enrollment, and with `wholeHousehold` on every
 * other member's enrollment that is open on that date and where the person is not already
 * assigned. With `endMineFor`, the signed-in person's own open assignments (on the same
 * enrollments) end on that day. Validate this enrollment first with validateNewAssignment.
 */
export function handoffChanges(input: HandoffInput): HandoffResult {
  const makeId = input.makeId ?? newId;
  const changes: RecordChange[] = [];
  const added: string[] = [];
  const skipped: string[] = [];
  const ended = myAssignmentsToEnd(input);
  const targets = input.wholeHousehold
    ? input.enrollments
    : input.enrollments.filter((e) => e.id === input.enrollmentId);
  for (const enrollment of targets) {
    const clash = overlappingAssignments(
      input.householdAssignments,
      enrollment.id,
      input.caseManagerId,
      { startDate: input.startDate, endDate: null },
    );
    const open =
      enrollment.projectStartDate <= input.startDate &&
      (enrollment.exitDate === null || input.startDate <= enrollment.exitDate);
    if (enrollment.id !== input.enrollmentId && (clash.length > 0 || !open)) {
      skipped.push(enrollment.id);
      continue;
    }
    changes.push(
      newAssignmentChange(enrollment.id, input.caseManagerId, input.startDate, makeId()),
    );
    added.push(enrollment.id);
  }
  for (const a of ended) changes.push(endAssignmentChange(a.id, input.startDate));
  return { changes, added, skipped, ended };
}
