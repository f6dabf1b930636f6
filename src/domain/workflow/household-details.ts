// Household-level HUD data kept on the enrollments after project start (rules W-HH-6, W-ENG-1 …
// W-ENG-3), edited on the household screen:
//  - 3.16 Enrollment CoC update: the head of household's CoC when the household moves to another
//    of the project's CoCs. HMIS CSV FY2026 keeps one EnrollmentCoC per enrollment, so an update
//    replaces the value (the merge keeps the newest write, its history keeps the old one).
//  - 4.13 Date of Engagement: for Street Outreach and Night-by-Night Emergency Shelter projects,
//    the date the head of household or an adult became engaged (HUD: "the date an interactive
//    client relationship results in a deliberate client assessment or beginning of a case plan").
//    One date per enrollment, inside the stay, never in the future; every other project type and
//    every child has none (exported as null).
import { HEAD_OF_HOUSEHOLD, asksDateOfEngagement } from '../codes';
import { localDateSchema } from '../records';
import { formatDate } from '../validation';
import type { RecordChange } from './case-managers';
import { effectiveEnrollmentCoc, enrollmentCocOptions, type ProviderCocs } from './enrollment-coc';
import { isAdultOn } from './form-context';
import { isOpen, summarizeHousehold, type HouseholdEnrollment } from './household-members';

export { asksDateOfEngagement, ENGAGEMENT_PROJECT_TYPES } from '../codes';

/** W-ENG-1: who 4.13 is about: the head of household and adults (18+ at their project start). */
export function isEngagementSubject(
  member: Pick<HouseholdEnrollment, 'relationshipToHoH' | 'dob' | 'projectStartDate'>,
): boolean {
  return (
    member.relationshipToHoH === HEAD_OF_HOUSEHOLD || isAdultOn(member.dob, member.projectStartDate)
  );
}

/** W-ENG-1: the household members a Date of Engagement is recorded for, on this project. */
export function engagementMembers(
  household: readonly HouseholdEnrollment[],
  projectType: number | null | undefined,
): HouseholdEnrollment[] {
  if (!asksDateOfEngagement(projectType)) return [];
  return household.filter(isEngagementSubject);
}

export interface DetailIssue {
  /** The enrollment the issue is about. */
  enrollmentId: string;
  severity: 'error' | 'warning';
  message: string;
}

/**
 * W-ENG-2: a Date of Engagement is a real date on or after the member's project start, on or
 * before their exit, and not in the future. Empty ('' or null) clears it, which is allowed: the
 * case manager may have recorded it on the wrong member.
 */
export function dateOfEngagementIssues(
  member: Pick<HouseholdEnrollment, 'enrollmentId' | 'name' | 'projectStartDate' | 'exitDate'>,
  date: string | null,
  today: string,
): DetailIssue[] {
  if (date === null || date === '') return [];
  const error = (message: string): DetailIssue[] => [
    { enrollmentId: member.enrollmentId, severity: 'error', message },
  ];
  if (!localDateSchema.safeParse(date).success)
    return error(`Enter ${member.name}'s date of engagement as a real date.`);
  if (date < member.projectStartDate)
    return error(
      `${member.name}'s date of engagement (${formatDate(date)}) is before their project start (${formatDate(member.projectStartDate)}).`,
    );
  if (member.exitDate !== null && date > member.exitDate)
    return error(
      `${member.name}'s date of engagement (${formatDate(date)}) is after their exit (${formatDate(member.exitDate)}).`,
    );
  if (date > today)
    return error(
      `${member.name}'s date of engagement (${formatDate(date)}) is in the future. Record it on or after the day of engagement.`,
    );
  return [];
}

/**
 * W-ENG-3: the patches that record the dates that changed (one save), each on its own
 * enrollment's `dateOfEngagement` field only. Check with dateOfEngagementIssues first.
 */
export function buildEngagementChanges(
  members: readonly (HouseholdEnrollment & { dateOfEngagement?: string | null })[],
  dates: Readonly<Record<string, string | null>>,
): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const m of members) {
    if (!(m.enrollmentId in dates)) continue;
    const next = dates[m.enrollmentId] || null;
    if (next === (m.dateOfEngagement ?? null)) continue;
    changes.push({
      type: 'enrollment',
      id: m.enrollmentId,
      op: 'patch',
      fields: { dateOfEngagement: next },
    });
  }
  return changes;
}

/** What the 3.16 update section shows: the open head, their CoC and the project's CoCs. */
export interface EnrollmentCocUpdate {
  head: HouseholdEnrollment | null;
  current: string | null;
  options: string[];
}

/** W-HH-6: the Enrollment CoC update applies to the one open head of household. */
export function enrollmentCocUpdate(
  household: readonly HouseholdEnrollment[],
  provider: ProviderCocs,
): EnrollmentCocUpdate {
  const head = summarizeHousehold(household).head;
  return {
    head,
    current: head?.enrollmentCoc ?? null,
    options: enrollmentCocOptions(provider),
  };
}

/**
 * W-HH-6: the new CoC must be one of the project's CoCs and the head's enrollment open; the
 * result is one patch of the head's enrollmentCoc (no patch when nothing changes).
 */
export function checkEnrollmentCocUpdate(
  update: EnrollmentCocUpdate,
  chosen: string | null,
): { errors: string[]; changes: RecordChange[] } {
  const { head, options } = update;
  if (head === null || !isOpen(head))
    return {
      errors: [
        'The Enrollment CoC belongs to the head of household: this household has no single open head of household.',
      ],
      changes: [],
    };
  if (options.length === 0)
    return {
      errors: ['This project has no Continuum of Care set up. Ask an administrator to add it.'],
      changes: [],
    };
  if (chosen === null || !options.includes(chosen))
    return {
      errors: [`Choose the Enrollment CoC among this project's CoCs (${options.join(', ')}).`],
      changes: [],
    };
  const next = effectiveEnrollmentCoc(chosen, options);
  if (next === (head.enrollmentCoc ?? null)) return { errors: [], changes: [] };
  return {
    errors: [],
    changes: [
      { type: 'enrollment', id: head.enrollmentId, op: 'patch', fields: { enrollmentCoc: next } },
    ],
  };
}
