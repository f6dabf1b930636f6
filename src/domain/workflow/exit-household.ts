// Who the exit is about, and the household rule W-EX5: the head of household exits last (Eva 2026,
// 3.15), decided by validation/household.ts (membersBlockingHeadExit) for the exit as for records.
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { FormContext } from '../forms';
import {
  RULES,
  errorIssue,
  headExitsLastMessage,
  membersBlockingHeadExit,
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
 * W-EX5 (the head of household exits last): the members (other than heads) whose enrollments are
 * still open when this enrollment is the head's; [] otherwise. The screen links to their exits.
 */
export function openMembersBlockingExit(
  enrollment: { readonly id: string; readonly relationshipToHoH: unknown },
  household: readonly HouseholdMemberInfo[],
): HouseholdMemberInfo[] {
  if (enrollment.relationshipToHoH !== HEAD_OF_HOUSEHOLD) return [];
  return membersBlockingHeadExit(enrollment.id, withIds(household), null).map((m) => m.member);
}

function withIds(household: readonly HouseholdMemberInfo[]) {
  return household.map((m) => ({
    id: m.enrollmentId,
    relationshipToHoH: m.relationshipToHoH,
    exitDate: m.exitDate,
    member: m,
  }));
}

/**
 * W-EX5: the head exits last. Members still enrolled block (field `household`, the screen's list
 * of their exits), and so do members who exited after the form's exit date (field `exitDate`);
 * one message (headExitsLastMessage). `exitDate` is the form's, when it is a real date.
 */
export function householdExitIssues(
  enrollment: { readonly id: string; readonly relationshipToHoH: unknown },
  household: readonly HouseholdMemberInfo[],
  exitDate: string | null,
): ValidationIssue[] {
  if (enrollment.relationshipToHoH !== HEAD_OF_HOUSEHOLD) return [];
  const blockers = membersBlockingHeadExit(enrollment.id, withIds(household), exitDate);
  if (blockers.length === 0) return [];
  const field = blockers.some((m) => m.exitDate === null) ? 'household' : 'exitDate';
  return [
    errorIssue(
      field,
      RULES.headOfHouseholdExitsLast,
      headExitsLastMessage(blockers.map((m) => ({ name: m.member.name, exitDate: m.exitDate }))),
    ),
  ];
}
