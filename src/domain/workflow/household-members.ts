// Household membership after project start (rules W-HH-1 … W-HH-5): adding a member to an open
// household (a baby born during the stay, a partner who moves in) and changing the head of
// household. HUD: every household has exactly one head of household for the entire stay (Eva 2,
// 3), and everyone a relationship to them (Eva 4).
//
// Adding a member writes, as one unit, what project start writes for one member (project-start.ts):
// a client create when quick-created, an enrollment in the SAME HouseholdID and provider with its
// own project start date, its Entry assessment, a Case Managers tab entry for the signed-in case
// manager, and for an adult a 4.12 Current Living Situation dated on their start. Enrollment CoC
// (3.16) is the head of household's only, so a new member's is null.
//
// Changing the head patches the two enrollments in one save, so no moment (on this device, and in
// the one sync batch that carries them) has zero or two heads: the new head gets 1 and the former
// head's Enrollment CoC, the former head the relationship the case manager picks and no CoC.
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { Roi } from '../records';

/** One enrollment of the household, as the household screens read it. */
export interface HouseholdEnrollment {
  enrollmentId: string;
  clientId: string;
  /** The member's name for messages and labels. */
  name: string;
  relationshipToHoH: number | null;
  projectStartDate: string;
  exitDate: string | null;
  dob: string | null;
  enrollmentCoc?: string | null;
  /** 4.13 Date of Engagement (Street Outreach and Night-by-Night shelters only). */
  dateOfEngagement?: string | null;
  /** The member's Release of Information on this device (null or absent: none known; W-ROI-9). */
  roi?: Roi | null;
}

/** Whether the enrollment has no exit yet. */
export const isOpen = (m: HouseholdEnrollment): boolean => m.exitDate === null;

export interface HouseholdSummary {
  /** The open head of household, when there is exactly one. */
  head: HouseholdEnrollment | null;
  /** How many open enrollments are recorded as head of household. */
  openHeads: number;
  open: HouseholdEnrollment[];
  /** The earliest project start of the household (the household's own start). */
  householdStart: string | null;
}

export function summarizeHousehold(members: readonly HouseholdEnrollment[]): HouseholdSummary {
  const open = members.filter(isOpen);
  const heads = open.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  const starts = members.map((m) => m.projectStartDate).filter((d) => d !== '');
  return {
    head: heads.length === 1 ? heads[0]! : null,
    openHeads: heads.length,
    open,
    householdStart: starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : null,
  };
}

/** W-HH-1: a household takes new members, or a new head, only while it is open with one head. */
export function householdProblem(members: readonly HouseholdEnrollment[]): string | null {
  const summary = summarizeHousehold(members);
  if (summary.open.length === 0)
    return 'Everyone in this household has exited: a new member needs a new project start.';
  if (summary.openHeads === 0)
    return 'This household has no head of household with an open enrollment. Change the head of household first.';
  if (summary.openHeads > 1)
    return 'This household has more than one head of household. Change the head of household first, so exactly one remains.';
  return null;
}

export * from './household-add';
export * from './household-head';
export * from './household-details';
