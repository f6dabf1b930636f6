// "My caseload": the households a case manager is assigned to (an active Case Managers tab
// assignment), each summarised for the list: who, how many, when last seen, where they stay, what
// Entry data is still missing, whether this year's annual assessment is due or late
// (annual-assessment.ts, W-ANNUAL-2), whether anything is unsynced. Pure: src/db/caseload.ts reads the
// records, caseload-view.ts sorts and filters the rows by what is due, src/features/caseload shows
// them.
import { daysBetween } from '../clock/time';
import { getList, labelOf } from '../codes';
import { FORMS, formsForFunding, missingFields } from '../forms';
import { localDateOf } from '../records';
import {
  annualAssessmentStatus,
  annualAssessmentsFrom,
  annualEnrollmentFrom,
  householdAnnualStatus,
  type HouseholdAnnualStatus,
} from './annual-assessment';
import { isActiveOn } from './case-managers';
import { foldName } from './client-match';
import { assessmentFormContext } from './form-context';

/** A household needs a contact when nobody in it has had one for more than this many days. */
export const NEEDS_CONTACT_AFTER_DAYS = 30;

/** A record as the device shows it (only what these rules read). */
export type CaseloadView = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly pending?: boolean;
  readonly deleted?: boolean;
};

/**
 * An assignment puts the enrollment on this person's caseload when it is theirs and active today
 * (W-CM-1, isActiveOn): an assignment ended today is off the list, as the Case Managers tab says.
 */
export function isActiveAssignment(
  assignment: CaseloadView,
  userId: string,
  today: string,
): boolean {
  if (assignment.deleted || assignment.caseManagerId !== userId) return false;
  const { startDate, endDate } = assignment;
  return isActiveOn(
    {
      startDate: typeof startDate === 'string' ? startDate : '',
      endDate: typeof endDate === 'string' ? endDate : null,
    },
    today,
  );
}

/** Whole days from one local date to another. */
export function daysBetweenDates(from: string, to: string): number {
  return daysBetween(from, to);
}

/** Days from a contact (an instant) to today, in the CoC's time zone; null without a contact. */
export function daysSinceContact(lastContactAt: string | null, today: string): number | null {
  if (!lastContactAt) return null;
  const at = Date.parse(lastContactAt);
  if (Number.isNaN(at)) return null;
  return Math.max(0, daysBetweenDates(localDateOf(new Date(at)), today));
}

/**
 * An open household needs a contact when none was recorded, or the last one was more than
 * NEEDS_CONTACT_AFTER_DAYS days ago. An exited household never does.
 */
export function needsContact(row: {
  exitDate: string | null;
  daysSinceContact: number | null;
}): boolean {
  if (row.exitDate) return false;
  return row.daysSinceContact === null || row.daysSinceContact > NEEDS_CONTACT_AFTER_DAYS;
}

/** One household member's records, as read from the device. */
export interface CaseloadMemberSource {
  enrollment: CaseloadView;
  client: CaseloadView | undefined;
  /** The Entry assessment (singletonAssessmentId(enrollmentId, 1)), if any. */
  entry: CaseloadView | undefined;
  contacts: readonly CaseloadView[];
  currentLivingSituations: readonly CaseloadView[];
  /** The member's other records (assessments, assignments): only their pending flag is read. */
  others: readonly CaseloadView[];
}

/** A household with at least one enrollment on the person's caseload. */
export interface CaseloadHouseholdSource {
  householdId: string;
  /** The person's enrollments (active assignment) in this household. */
  assignedEnrollmentIds: readonly string[];
  /** Every enrollment of the household at this provider, with its records. */
  members: readonly CaseloadMemberSource[];
}

export interface CaseloadRow {
  /** The enrollment the row opens: the head of household's, else one of the person's. */
  enrollmentId: string;
  householdId: string;
  clientId: string | null;
  firstName: string | null;
  lastName: string | null;
  householdSize: number;
  exitDate: string | null;
  /** Local date of the household's last contact. */
  lastContactDate: string | null;
  daysSinceContact: number | null;
  needsContact: boolean;
  /** Label of the household's latest 4.12 Current Living Situation. */
  lastLivingSituation: string | null;
  /** Required Entry answers still empty or 8/9/99, over every member. */
  missingEntryAnswers: number;
  /** This year's annual assessment (stage 5) over the open members: due by a date, late, done. */
  annualAssessment: HouseholdAnnualStatus;
  /** Some record of the household has changes not yet on the server. */
  pending: boolean;
  /** Every member's name folded for search: "robintestperson", "testpersonrobin". */
  searchKeys: string[];
  /** Every member's enrollment id and client id (what a rejected change is matched against). */
  memberEnrollmentIds?: readonly string[];
  memberClientIds?: readonly string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** How the caseload rules see the provider. */
export interface CaseloadContext {
  today: string;
  projectType: number | null;
  /** The provider has a federal funder (federal-funder.ts): 4.05–4.10 are required at entry. */
  federal?: boolean;
}

/** W-ANNUAL-2 for a household: the most urgent status of its members with an open enrollment. */
export function householdAnnual(
  members: readonly Pick<CaseloadMemberSource, 'enrollment' | 'others'>[],
  today: string,
): HouseholdAnnualStatus {
  const household = members.map((m) => annualEnrollmentFrom(m.enrollment));
  const assessments = annualAssessmentsFrom(members.flatMap((m) => m.others));
  return householdAnnualStatus(
    household
      .filter((e) => e.projectStartDate !== '')
      .map((e) => annualAssessmentStatus(e, household, assessments, today)),
  );
}

function latestBy<T extends CaseloadView>(
  items: readonly T[],
  key: string,
  preferred?: (item: T) => boolean,
): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    const value = str(item[key]);
    if (value === null) continue;
    const bestValue = best ? (str(best[key]) ?? '') : '';
    if (
      !best ||
      value > bestValue ||
      (value === bestValue && preferred?.(item) && !preferred(best))
    ) {
      best = item;
    }
  }
  return best;
}

/** Missing required Entry answers of one member (an enrollment without an Entry lacks all). */
export function missingEntryCount(
  member: Pick<CaseloadMemberSource, 'enrollment' | 'client' | 'entry'>,
  context: CaseloadContext,
): number {
  const answers = (member.entry?.answers ?? {}) as Record<string, never>;
  // As on the enrollment screen: the member's age at project start decides (the Entry describes
  // project start); without a date of birth, ask as for an adult (more questions, never fewer).
  const start = member.enrollment.projectStartDate;
  return missingFields(
    formsForFunding(FORMS, context.federal === true),
    1,
    answers,
    assessmentFormContext({
      relationshipToHoH: member.enrollment.relationshipToHoH,
      dob: member.client?.dob,
      on: typeof start === 'string' ? start : context.today,
      projectType: context.projectType,
      today: context.today,
    }),
  ).length;
}

export function summarizeHousehold(
  source: CaseloadHouseholdSource,
  context: CaseloadContext,
): CaseloadRow {
  const members = source.members;
  const head =
    members.find((m) => m.enrollment.relationshipToHoH === 1) ??
    members.find((m) => source.assignedEnrollmentIds.includes(m.enrollment.id)) ??
    members[0]!;
  const contacts = members.flatMap((m) => m.contacts);
  const lastContact = latestBy(contacts, 'contactAt');
  const lastContactAt = str(lastContact?.contactAt);
  const cls = latestBy(
    members.flatMap((m) => m.currentLivingSituations),
    'informationDate',
    (c) => c.enrollmentId === head.enrollment.id,
  );
  const clsCode = cls?.currentLivingSituation;
  const days = daysSinceContact(lastContactAt, context.today);
  const exitDate = str(head.enrollment.exitDate);
  const pending = members.some(
    (m) =>
      m.enrollment.pending ||
      m.client?.pending ||
      m.entry?.pending ||
      m.contacts.some((c) => c.pending) ||
      m.currentLivingSituations.some((c) => c.pending) ||
      m.others.some((o) => o.pending),
  );
  const searchKeys = members.flatMap((m) => {
    const first = foldName(m.client?.firstName);
    const last = foldName(m.client?.lastName);
    return [first + last, last + first];
  });
  return {
    enrollmentId: head.enrollment.id,
    householdId: source.householdId,
    clientId: str(head.enrollment.clientId),
    firstName: str(head.client?.firstName),
    lastName: str(head.client?.lastName),
    householdSize: members.length,
    exitDate,
    lastContactDate: lastContactAt ? localDateOf(new Date(lastContactAt)) : null,
    daysSinceContact: days,
    needsContact: needsContact({ exitDate, daysSinceContact: days }),
    lastLivingSituation:
      typeof clsCode === 'number' ? (labelOf(getList('4.12.2'), clsCode) ?? null) : null,
    missingEntryAnswers: members.reduce((sum, m) => sum + missingEntryCount(m, context), 0),
    annualAssessment: householdAnnual(members, context.today),
    pending,
    searchKeys,
    memberEnrollmentIds: members.map((m) => m.enrollment.id),
    memberClientIds: members.flatMap((m) => {
      const id = str(m.enrollment.clientId);
      return id ? [id] : [];
    }),
  };
}

/** A name search: any member whose "first last" or "last first" contains what was typed. */
export function matchesSearch(row: CaseloadRow, search: string): boolean {
  const q = foldName(search);
  return !q || row.searchKeys.some((k) => k.includes(q));
}
