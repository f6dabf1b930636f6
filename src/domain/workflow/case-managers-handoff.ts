// Adding a case manager and handing off (W-CM-4, W-CM-6 in RULES.md): the new case manager's
// assignments from a day, and in a hand-off the signed-in person's own assignments ending on that
// same day, all in one save. Active on a day is W-CM-1 (isActiveOn in case-managers.ts).
import { newId } from '../records';
import { formatDate } from '../validation';
import {
  endAssignmentChange,
  isActiveOn,
  newAssignmentChange,
  overlappingAssignments,
  validateNewAssignment,
  type Assignment,
  type EnrollmentDates,
  type FieldIssue,
  type RecordChange,
} from './case-managers';

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
  /** End this person's own assignments active on the start date (a hand-off). */
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

/** The enrollments a change applies to: this one, or with `wholeHousehold` every member's. */
function scopeOf(input: HandoffInput): Set<string> {
  return new Set(input.wholeHousehold ? input.enrollments.map((e) => e.id) : [input.enrollmentId]);
}

/** W-CM-6: the assignments of `endMineFor` that a hand-off on `startDate` ends (active that day). */
export function myAssignmentsToEnd(input: HandoffInput): Assignment[] {
  const me = input.endMineFor;
  if (!me || me === input.caseManagerId) return [];
  const scope = scopeOf(input);
  return input.householdAssignments.filter(
    (a) => scope.has(a.enrollmentId) && a.caseManagerId === me && isActiveOn(a, input.startDate),
  );
}

/**
 * W-CM-4: adds a case manager from `startDate`: on this enrollment, and with `wholeHousehold` on
 * every other member's enrollment that is open on that date and where the person is not already
 * assigned. With `endMineFor`, that person's own assignments active on that day (on the same
 * enrollments) end on it (W-CM-6). Validate this enrollment first (validateNewAssignment, or
 * handOff, which does).
 */
export function handoffChanges(input: HandoffInput): HandoffResult {
  const makeId = input.makeId ?? newId;
  const changes: RecordChange[] = [];
  const added: string[] = [];
  const skipped: string[] = [];
  const ended = myAssignmentsToEnd(input);
  const scope = scopeOf(input);
  for (const enrollment of input.enrollments.filter((e) => scope.has(e.id))) {
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

export type HandOffField = 'caseManagerId' | 'startDate';

export interface HandOffRequest {
  enrollmentId: string;
  /** Who takes over (null: not chosen yet). */
  to: string | null;
  /** The day the new case manager starts and mine ends. */
  date: string;
  /** The signed-in person, whose assignments end. */
  me: string;
  enrollments: readonly EnrollmentDates[];
  householdAssignments: readonly Assignment[];
  /** For every member's enrollment (only matters when the household has others). */
  wholeHousehold: boolean;
  today: string;
  nameOf?: (caseManagerId: string) => string;
  makeId?: () => string;
}

export type HandOffOutcome =
  { ok: false; issues: FieldIssue<HandOffField>[] } | ({ ok: true; issues: [] } & HandoffResult);

/**
 * W-CM-6, the Hand off action: `to` starts on `date` and my assignments active that day end on
 * it, on this enrollment or the whole household, in one list of changes. Refused (with the
 * messages to show) when no one or I myself am chosen, when the date is not one a new assignment
 * may start on (W-CM-2, W-CM-3), or when I have no assignment on this enrollment active that day.
 */
export function handOff(request: HandOffRequest): HandOffOutcome {
  const { to, date, me } = request;
  const enrollment = request.enrollments.find((e) => e.id === request.enrollmentId);
  if (!enrollment) throw new Error('handOff: the enrollment is not one of the household');
  if (to === me) {
    return {
      ok: false,
      issues: [
        {
          field: 'caseManagerId',
          message: 'You cannot hand off to yourself. Choose the case manager who takes over.',
        },
      ],
    };
  }
  const issues: FieldIssue<HandOffField>[] = validateNewAssignment({
    caseManagerId: to,
    startDate: date,
    enrollment,
    assignments: request.householdAssignments,
    today: request.today,
    nameOf: request.nameOf,
  }).map((i) =>
    i.message === 'Choose the case manager to add.'
      ? { field: i.field, message: 'Choose the case manager who takes over.' }
      : i,
  );
  const dateOk = !issues.some((i) => i.field === 'startDate');
  const input: HandoffInput = {
    enrollmentId: request.enrollmentId,
    caseManagerId: to ?? '',
    startDate: date,
    enrollments: request.enrollments,
    householdAssignments: request.householdAssignments,
    wholeHousehold: request.wholeHousehold && request.enrollments.length > 1,
    endMineFor: me,
    makeId: request.makeId,
  };
  if (dateOk) {
    const mineHere = request.householdAssignments.filter(
      (a) => a.enrollmentId === request.enrollmentId && a.caseManagerId === me,
    );
    if (!mineHere.some((a) => isActiveOn(a, date))) {
      const later = mineHere.find((a) => a.startDate > date);
      issues.push({
        field: 'startDate',
        message: later
          ? `The hand-off date cannot be before your assignment started (${formatDate(later.startDate)}).`
          : `You are not a case manager on this enrollment on ${formatDate(date)}, so there is nothing to hand off. Use "Add a case manager" instead.`,
      });
    }
  }
  if (issues.length > 0 || to === null) return { ok: false, issues };
  return { ok: true, issues: [], ...handoffChanges(input) };
}
