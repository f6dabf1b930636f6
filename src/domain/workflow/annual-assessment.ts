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
  askedAnswers,
  checkAnswers,
  isEmptyAnswer,
  type Answers,
  type FormContext,
  type FormDefinition,
  type PicklistRegistry,
} from '../forms';
import type { FieldValues } from '../merge';
import { derivedId, type Id } from '../records';
import {
  ANNUAL_WINDOW_DAYS,
  RULES,
  addDays,
  anniversary,
  formatDate,
  validateEnrollmentAssessments,
  validateHealthInsurance,
  validateIncome,
  validateInformationDate,
  validateNonCashBenefits,
  type AssessmentStageInfo,
} from '../validation';
import type { AssessmentChange } from './backfill';
import { assessmentFormContext } from './form-context';

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

// ---- saving --------------------------------------------------------------------------------------

/** The id of a member's annual assessment for one anniversary (W-ANNUAL-4). */
export function annualAssessmentId(
  enrollmentId: Id,
  window: Pick<AnnualWindow, 'anniversary'>,
): Id {
  return derivedId(`assessment:${enrollmentId}:annual:${window.anniversary}`);
}

/** One member on the annual assessment screen. */
export interface AnnualMemberInput {
  readonly enrollment: AnnualEnrollment;
  readonly clientId: string;
  /** 3.03, for "adult on the information date"; null when unknown. */
  readonly dob: string | null;
  /** The member's assessments on the device (any stage), for the window and duplicate rules. */
  readonly assessments: readonly AnnualAssessmentInfo[];
  /** The answers given on the screen. */
  readonly answers: Answers;
}

export interface AnnualAssessmentInput {
  readonly window: AnnualWindow;
  /** The HoH's project start (anniversaryStart). */
  readonly anniversaryFrom: string;
  readonly informationDate: string;
  readonly today: string;
  readonly projectType: number | null;
  readonly members: readonly AnnualMemberInput[];
  /** The forms as the provider uses them (formsForFunding(FORMS, federal)). */
  readonly forms: readonly FormDefinition[];
  readonly picklists: PicklistRegistry;
}

export interface AnnualIssue {
  /** The member's enrollment, or null for the information date. */
  readonly enrollmentId: string | null;
  /** 'informationDate' or an answer's field id. */
  readonly field: string;
  readonly message: string;
  readonly rule: string;
}

export interface AnnualAssessmentResult {
  readonly errors: AnnualIssue[];
  readonly warnings: AnnualIssue[];
  readonly changes: AssessmentChange[];
}

/** Who a member's annual assessment is about, on its information date. */
export function annualFormContext(
  member: Pick<AnnualMemberInput, 'enrollment' | 'dob'>,
  input: Pick<AnnualAssessmentInput, 'informationDate' | 'projectType' | 'today'>,
): FormContext {
  return assessmentFormContext({
    relationshipToHoH: member.enrollment.relationshipToHoH,
    dob: member.dob,
    on: input.informationDate,
    projectType: input.projectType,
    today: input.today,
  });
}

const isDate = (v: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/**
 * W-ANNUAL-3: the checks and the changes of one annual assessment of a household. Errors block
 * saving: a date outside the window, in the future or outside a member's enrollment, a required
 * stage-5 answer missing (8/9/99 count as answers), a value the forms refuse, an income total that
 * contradicts the amounts. Warnings (the "from any source" answers against the sources) do not.
 */
export function annualAssessmentChanges(input: AnnualAssessmentInput): AnnualAssessmentResult {
  const errors: AnnualIssue[] = [];
  const warnings: AnnualIssue[] = [];
  const changes: AssessmentChange[] = [];
  const date = input.informationDate;
  const { window } = input;

  if (!isDate(date)) {
    errors.push({
      enrollmentId: null,
      field: 'informationDate',
      rule: RULES.informationDate,
      message: 'Enter the date the annual assessment was done.',
    });
    return { errors, warnings, changes };
  }
  if (date < window.opens || date > window.closes) {
    errors.push({
      enrollmentId: null,
      field: 'informationDate',
      rule: RULES.annualAssessmentWindow,
      message: `The annual assessment must be dated within ${ANNUAL_WINDOW_DAYS} days of the anniversary (${formatDate(window.anniversary)}): from ${formatDate(window.opens)} to ${formatDate(window.closes)}.`,
    });
  }
  const dateIssues = new Set<string>();

  for (const member of input.members) {
    const { enrollment } = member;
    for (const i of validateInformationDate(date, enrollment, input.today)) {
      // The same sentence for every member would repeat: say it once for the date.
      if (dateIssues.has(i.message)) continue;
      dateIssues.add(i.message);
      errors.push({
        enrollmentId: null,
        field: 'informationDate',
        rule: i.rule,
        message: i.message,
      });
    }
    const context = annualFormContext(member, input);
    const answers = askedAnswers(input.forms, ANNUAL_STAGE, member.answers, context);
    for (const i of checkAnswers(input.forms, ANNUAL_STAGE, answers, input.picklists, {
      context,
    })) {
      errors.push({
        enrollmentId: enrollment.id,
        field: i.field,
        rule: `form:${i.code}`,
        message: i.message,
      });
    }
    for (const i of [
      ...validateIncome(answers),
      ...validateNonCashBenefits(answers),
      ...validateHealthInsurance(answers),
    ]) {
      (i.severity === 'error' ? errors : warnings).push({
        enrollmentId: enrollment.id,
        field: i.field,
        rule: i.rule,
        message: i.message,
      });
    }

    const id = annualAssessmentId(enrollment.id, window);
    const existing = member.assessments.find((a) => a.id === id && !a.deleted);
    // The HoH-anniversary window rule (validation/assessments.ts) on what the device would hold.
    const after: AssessmentStageInfo[] = [
      ...member.assessments.filter((a) => a.id !== id && !a.deleted),
      { id, enrollmentId: enrollment.id, dataCollectionStage: ANNUAL_STAGE, informationDate: date },
    ];
    for (const i of validateEnrollmentAssessments(after, enrollment, {
      anniversaryFrom: input.anniversaryFrom,
    })) {
      // The window itself is checked above, once for the household.
      if (i.recordId !== id || i.rule === RULES.annualAssessmentWindow) continue;
      (i.severity === 'error' ? errors : warnings).push({
        enrollmentId: enrollment.id,
        field: i.field,
        rule: i.rule,
        message: i.message,
      });
    }

    const fields: FieldValues = {};
    for (const [fieldId, value] of Object.entries(answers)) {
      // A new record leaves unanswered questions out; a patch clears them.
      if (existing !== undefined || !isEmptyAnswer(value)) fields[`answers.${fieldId}`] = value;
    }
    changes.push(
      existing !== undefined
        ? { type: 'assessment', id, op: 'patch', fields: { informationDate: date, ...fields } }
        : {
            type: 'assessment',
            id,
            op: 'create',
            fields: {
              enrollmentId: enrollment.id,
              clientId: member.clientId,
              dataCollectionStage: ANNUAL_STAGE,
              informationDate: date,
              ...fields,
            },
          },
    );
  }
  return { errors, warnings, changes: errors.length > 0 ? [] : changes };
}
