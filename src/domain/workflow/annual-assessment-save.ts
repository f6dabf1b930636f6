// Saving the annual assessment (W-ANNUAL-3, W-ANNUAL-4): one stage-5 Assessment per due member,
// dated in the window, with the required stage-5 answers and only asked answers; its id is derived
// from the enrollment and the anniversary, so two devices that record the same year's assessment
// offline write one record (merged field by field). Statuses live in annual-assessment.ts.
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
import {
  ANNUAL_STAGE,
  type AnnualWindow,
  type AnnualEnrollment,
  type AnnualAssessmentInfo,
} from './annual-assessment';

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
