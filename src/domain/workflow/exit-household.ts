// Who the exit is about, and the household rule: the head of household exits last (Eva 2026, 3.15).
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { FormContext } from '../forms';
import {
  RULES,
  andList,
  errorIssue,
  formatDate,
  validateHeadOfHouseholdExit,
  type ValidationIssue,
} from '../validation';
import { assessmentSubject } from './form-context';

/**
 * The FormContext subject: head of household by 3.15, adult when 18 or older on the date (a client
 * whose date of birth is not recorded is asked everything an adult is).
 */
export function exitSubject(
  relationshipToHoH: unknown,
  dob: unknown,
  date: string,
): NonNullable<FormContext['subject']> {
  return assessmentSubject({ relationshipToHoH, dob, on: date });
}

export interface HouseholdMemberInfo {
  readonly enrollmentId: string;
  readonly clientId: string;
  readonly relationshipToHoH: number | null;
  readonly exitDate: string | null;
  /** How the screen names the member. */
  readonly name: string;
}

/**
 * A household's head cannot exit before its other members: the members (other than heads) whose
 * enrollments are still open when this enrollment is the head's; [] otherwise.
 */
export function openMembersBlockingExit(
  enrollment: { readonly id: string; readonly relationshipToHoH: unknown },
  household: readonly HouseholdMemberInfo[],
): HouseholdMemberInfo[] {
  if (enrollment.relationshipToHoH !== HEAD_OF_HOUSEHOLD) return [];
  return household.filter(
    (m) =>
      m.enrollmentId !== enrollment.id &&
      m.relationshipToHoH !== HEAD_OF_HOUSEHOLD &&
      m.exitDate === null,
  );
}

/** The message of openMembersBlockingExit. */
export function householdBlockMessage(members: readonly HouseholdMemberInfo[]): string {
  return `A household's head cannot exit before its other members. Exit ${andList(members.map((m) => m.name))} first.`;
}

/**
 * The head exits last: open members block, and so does an exit date before a member's exit
 * (validateHeadOfHouseholdExit decides). `exitDate` is the form's, when it is a real date.
 */
export function householdExitIssues(
  enrollment: { readonly id: string; readonly relationshipToHoH: unknown },
  household: readonly HouseholdMemberInfo[],
  exitDate: string | null,
): ValidationIssue[] {
  const open = openMembersBlockingExit(enrollment, household);
  if (open.length > 0) {
    return [errorIssue('household', RULES.headOfHouseholdExitsLast, householdBlockMessage(open))];
  }
  if (exitDate === null) return [];
  const members = household.map((m) => ({
    id: m.enrollmentId,
    clientId: m.clientId,
    householdId: 'household',
    relationshipToHoH: m.relationshipToHoH ?? 99,
    exitDate: m.enrollmentId === enrollment.id ? exitDate : m.exitDate,
  }));
  const blocked = validateHeadOfHouseholdExit(members).some((i) => i.recordId === enrollment.id);
  const later = household.filter(
    (m) => m.enrollmentId !== enrollment.id && m.exitDate !== null && m.exitDate > exitDate,
  );
  if (!blocked || later.length === 0) return [];
  const last = later.map((m) => m.exitDate!).sort()[later.length - 1]!;
  return [
    errorIssue(
      'exitDate',
      RULES.headOfHouseholdExitsLast,
      `The head of household exits last: ${andList(later.map((m) => `${m.name} exited ${formatDate(m.exitDate!)}`))}. Use an exit date on or after ${formatDate(last)}.`,
    ),
  ];
}
