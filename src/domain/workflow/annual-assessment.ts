// The annual assessment (HUD 5.03.1 stage 5). For stays of a year or more HUD requires one within
// 30 days before or after each anniversary of the HEAD OF HOUSEHOLD's project start, for every
// household member with an open enrollment (W-ANNUAL-1). What it collects is the forms' rule for
// stage 5: 4.02/4.03 for the HoH and adults, 4.04 and 4.05–4.10 for everyone (4.11 and the Hennepin
// assessment are not collected at stage 5).
//
// Statuses, for the caseload and the enrollment screen (W-ANNUAL-2): the window that matters is the
// latest one that has opened (anniversary − 30 days ≤ today). Before the first one opens, and for a
// member who exited or joined after that anniversary, the assessment is not yet due; within it,
// due until the window closes; after it closes without one, late (until the next window opens);
// an annual assessment dated inside the window makes it done.
//
// Saving (W-ANNUAL-3, W-ANNUAL-4): one Assessment per member, dated in the window, with the
// required stage-5 answers; its id is derived from the enrollment and the anniversary, so two
// devices that record the same year's assessment offline write one record.
import { STAGE_ANNUAL } from '../codes';
import {
  ANNUAL_WINDOW_DAYS,
  addDays,
  anniversary,
  formatDate,
  type AssessmentStageInfo,
} from '../validation';

export const ANNUAL_STAGE = 5 as const;

/** The 30-days-either-side window around one anniversary of the HoH's project start. */
export interface AnnualWindow {
  /** 1 for the first anniversary, 2 for the second, ... */
  readonly year: number;
  readonly anniversary: string;
  readonly opens: string;
  readonly closes: string;
}

/** The window around the `year`th anniversary of `start`. */
export function annualWindow(start: string, year: number): AnnualWindow {
  const day = anniversary(start, Number(start.slice(0, 4)) + year);
  return {
    year,
    anniversary: day,
    opens: addDays(day, -ANNUAL_WINDOW_DAYS),
    closes: addDays(day, ANNUAL_WINDOW_DAYS),
  };
}

/** The latest window that has opened by `today`, or null before the first one opens. */
export function latestOpenWindow(start: string, today: string): AnnualWindow | null {
  let year = Math.max(1, Number(today.slice(0, 4)) - Number(start.slice(0, 4)) + 1);
  while (year >= 1) {
    const w = annualWindow(start, year);
    if (w.opens <= today) return w;
    year -= 1;
  }
  return null;
}

/** What the rules read of an enrollment. */
export interface AnnualEnrollment {
  readonly id: string;
  readonly projectStartDate: string;
  readonly exitDate: string | null;
  /** 3.15 (1 = head of household). */
  readonly relationshipToHoH: number | null;
}

/** What the rules read of an assessment (deleted ones are left out by the caller or here). */
export type AnnualAssessmentInfo = AssessmentStageInfo & { readonly deleted?: boolean };

export type AnnualAssessmentStatus =
  /** No window is open for this member: before the first, after an exit, or joined too late. */
  | { readonly kind: 'not_due'; readonly next: AnnualWindow | null }
  /** The window is open and there is no annual assessment in it yet: due by window.closes. */
  | { readonly kind: 'due'; readonly window: AnnualWindow }
  /** The window closed without one. */
  | { readonly kind: 'late'; readonly window: AnnualWindow }
  | { readonly kind: 'done'; readonly window: AnnualWindow; readonly assessmentId: string };

/**
 * W-ANNUAL-1: the start date whose anniversaries the household follows: the head of household's
 * project start (the open HoH's first), else the enrollment's own when the household has none.
 */
export function anniversaryStart(
  enrollment: Pick<AnnualEnrollment, 'projectStartDate'>,
  household: readonly AnnualEnrollment[],
): string {
  const heads = household.filter((m) => m.relationshipToHoH === 1);
  const head = heads.find((m) => m.exitDate === null) ?? heads[0];
  return head?.projectStartDate ?? enrollment.projectStartDate;
}

type View = Readonly<Record<string, unknown>> & { readonly id: string };

/** An enrollment as the device shows it (a record view), as the rules read it. */
export function annualEnrollmentFrom(view: View): AnnualEnrollment {
  return {
    id: view.id,
    projectStartDate: typeof view.projectStartDate === 'string' ? view.projectStartDate : '',
    exitDate: typeof view.exitDate === 'string' && view.exitDate !== '' ? view.exitDate : null,
    relationshipToHoH: typeof view.relationshipToHoH === 'number' ? view.relationshipToHoH : null,
  };
}

/** Assessment views as the rules read them (views without a stage or date are left out). */
export function annualAssessmentsFrom(views: readonly View[]): AnnualAssessmentInfo[] {
  return views.flatMap((v) =>
    typeof v.enrollmentId === 'string' &&
    typeof v.dataCollectionStage === 'number' &&
    typeof v.informationDate === 'string'
      ? [
          {
            id: v.id,
            enrollmentId: v.enrollmentId,
            dataCollectionStage: v.dataCollectionStage,
            informationDate: v.informationDate,
            deleted: v.deleted === true,
          },
        ]
      : [],
  );
}

/** The annual assessment of this enrollment dated inside the window, if any. */
export function annualAssessmentIn(
  enrollmentId: string,
  window: AnnualWindow,
  assessments: readonly AnnualAssessmentInfo[],
): AnnualAssessmentInfo | undefined {
  return assessments.find(
    (a) =>
      !a.deleted &&
      a.enrollmentId === enrollmentId &&
      a.dataCollectionStage === STAGE_ANNUAL &&
      a.informationDate >= window.opens &&
      a.informationDate <= window.closes,
  );
}

/** W-ANNUAL-2: where one member stands with this year's annual assessment. */
export function annualAssessmentStatus(
  enrollment: AnnualEnrollment,
  household: readonly AnnualEnrollment[],
  assessments: readonly AnnualAssessmentInfo[],
  today: string,
): AnnualAssessmentStatus {
  if (enrollment.exitDate !== null) return { kind: 'not_due', next: null };
  const start = anniversaryStart(enrollment, household);
  const window = latestOpenWindow(start, today);
  if (window === null) return { kind: 'not_due', next: annualWindow(start, 1) };
  // A member who joined after this anniversary is first assessed at the next one.
  if (enrollment.projectStartDate > window.anniversary)
    return { kind: 'not_due', next: annualWindow(start, window.year + 1) };
  const done = annualAssessmentIn(enrollment.id, window, assessments);
  if (done !== undefined) return { kind: 'done', window, assessmentId: done.id };
  return today <= window.closes ? { kind: 'due', window } : { kind: 'late', window };
}

/** A household's status for the caseload: the most urgent of its open members'. */
export type HouseholdAnnualStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'due'; readonly dueBy: string }
  | { readonly kind: 'late'; readonly closed: string }
  | { readonly kind: 'done' };

export function householdAnnualStatus(
  statuses: readonly AnnualAssessmentStatus[],
): HouseholdAnnualStatus {
  const late = statuses.filter((s) => s.kind === 'late');
  if (late.length > 0) return { kind: 'late', closed: late[0]!.window.closes };
  const due = statuses.flatMap((s) => (s.kind === 'due' ? [s.window.closes] : []));
  if (due.length > 0) return { kind: 'due', dueBy: due.sort()[0]! };
  if (statuses.some((s) => s.kind === 'done')) return { kind: 'done' };
  return { kind: 'none' };
}

/** "Annual assessment due by March 15, 2026" / "Annual assessment late"; null when nothing to say. */
export function householdAnnualWords(
  status: HouseholdAnnualStatus,
  format: (date: string) => string = formatDate,
): string | null {
  if (status.kind === 'due') return `Annual assessment due by ${format(status.dueBy)}`;
  if (status.kind === 'late') return 'Annual assessment late';
  return null;
}

/** One member's status in words, for the enrollment screen (`format`: the screen's date style). */
export function annualStatusWords(
  status: AnnualAssessmentStatus,
  format: (date: string) => string = formatDate,
): string {
  switch (status.kind) {
    case 'done':
      return `Done for the anniversary of ${format(status.window.anniversary)}`;
    case 'due':
      return `Due by ${format(status.window.closes)} (from ${format(status.window.opens)})`;
    case 'late':
      return `Late: it was due by ${format(status.window.closes)}`;
    case 'not_due':
      return status.next === null
        ? 'Not due'
        : `Not due yet: due from ${format(status.next.opens)} to ${format(status.next.closes)}`;
  }
}

export * from './annual-assessment-save';
