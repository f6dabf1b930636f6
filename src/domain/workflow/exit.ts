// The Hennepin exit workflow: ending case management for one enrollment. Pure functions the exit
// screen calls; this file checks the form and builds the one save, the parts live beside it:
//  - exit-form.ts: the form (a draft), what it starts with;
//  - exit-destination.ts: 3.12 Destination suggestions, 3.12.A subsidy type, 3.12.B other text;
//  - exit-cls.ts: the exit 4.12 Current Living Situation and its dependent questions;
//  - exit-income.ts: 4.02/4.03/4.04, required with a federal funder, never copied silently;
//  - exit-household.ts: who the assessment is about, the head of household exits last;
//  - exit-rules.ts: the W-ids of the exit's own rules.
//
// One save writes, as one unit:
//  - the enrollment's exit fields as one group (merge rule M5: exit date, exit reason, Destination,
//    subsidy type, other destination; the subsidy type only with 435, the text only with 17);
//  - the Exit assessment (stage 3) under its singleton id, dated on the exit date, with only the
//    answers the forms ask (askedAnswers); a patch when it already exists;
//  - a 4.12 Current Living Situation dated on the exit date, in the same living-situation group as
//    the Destination, with the 4.12.B–F answers HUD asks for it, except for Destination 24 and 30
//    (W-EX1: no contact, no CLS);
//  - the end of the signed-in case manager's open assignment on the enrollment (endDate = exit date).
//
// What blocks saving: no reason, an exit date missing / before project start / in the future, a
// Destination missing or not valid for 3.12.1, 435 without its subsidy type, 17 without its text,
// an exit CLS missing, unanswered (4.12.B–F) or in another group than the Destination, required
// Hennepin answers missing or any answer invalid, 4.02–4.04 missing with a federal funder or copied
// and not confirmed, and a head of household whose other members are still enrolled.
import {
  HENNEPIN_CASE_MANAGEMENT,
  DEFAULT_PICKLIST_REGISTRY,
  askedAnswers,
  checkAnswers,
  formFields,
} from '../forms';
import type { AnswerValue, Answers, FormContext, FormDefinition } from '../forms';
import type { FieldValues } from '../merge';
import type { JsonValue } from '../protocol';
import {
  localDateSchema,
  newId as randomId,
  singletonAssessmentId,
  type RecordType,
} from '../records';
import {
  RULES,
  errorIssue,
  validateAnswerDependentFields,
  validateDestination,
  validateEnrollmentDates,
  validateHealthInsurance,
  validateIncome,
  validateNonCashBenefits,
  type ValidationIssue,
} from '../validation';
import { exitClsIssues, exitClsValues } from './exit-cls';
import {
  destinationSubsidyTypeOf,
  otherDestinationIssues,
  otherDestinationOf,
} from './exit-destination';
import { EXIT_STAGE, answersOf, type AssessmentLike, type ExitForm } from './exit-form';
import { householdExitIssues, type HouseholdMemberInfo } from './exit-household';
import {
  EXIT_INCOME_FORMS,
  exitIncomeRequired,
  incomeCopyIssues,
  isIncomeField,
} from './exit-income';
import { EXIT_RULES } from './exit-rules';
import type { FunderInfo } from './federal-funder';

export * from './exit-form';
export * from './exit-destination';
export * from './exit-cls';
export * from './exit-income';
export * from './exit-household';
export { EXIT_RULES } from './exit-rules';
export { hasFederalFunder, type FunderInfo } from './federal-funder';

/** The part of the exit assessment always required: Hennepin's exit checklist, documents, income. */
export const EXIT_REQUIRED_FORMS: readonly FormDefinition[] = Object.freeze([
  HENNEPIN_CASE_MANAGEMENT,
]);
/**
 * The income part: MN Core income, non-cash benefits and health insurance (stage 3). Optional for
 * county-funded providers; required with a federal funder (exitIncomeRequired, W-EX3).
 */
export const EXIT_OPTIONAL_FORMS: readonly FormDefinition[] = EXIT_INCOME_FORMS;
/** Every form of the Exit assessment (its answers are one record). */
export const EXIT_FORMS: readonly FormDefinition[] = Object.freeze([
  ...EXIT_REQUIRED_FORMS,
  ...EXIT_OPTIONAL_FORMS,
]);

// ---- the save -----------------------------------------------------------------------------------

/** A change for the one write path (src/db/write.ts Change). */
export interface WorkflowChange {
  readonly type: RecordType;
  readonly id: string;
  readonly op: 'create' | 'patch';
  readonly fields: FieldValues;
}

export interface AssignmentLike {
  readonly id: string;
  readonly caseManagerId: unknown;
  readonly startDate: unknown;
  readonly endDate: unknown;
}

export interface ExitInput {
  readonly enrollment: {
    readonly id: string;
    readonly clientId: string;
    readonly projectStartDate: string;
    readonly relationshipToHoH: unknown;
    readonly exitDate: string | null;
  };
  readonly form: ExitForm;
  /** Every enrollment of the household (this one included). */
  readonly household: readonly HouseholdMemberInfo[];
  /** The Exit assessment when it already exists (then it is patched). */
  readonly existingExit?: (AssessmentLike & { readonly id: string }) | undefined;
  /** The enrollment's Case Managers tab. */
  readonly assignments: readonly AssignmentLike[];
  /** The signed-in case manager (their open assignment ends on the exit date). */
  readonly caseManagerId: string;
  readonly today: string;
  /** The provider's HUD project type, when known. */
  readonly projectType: number | null;
  /** The enrollment's provider's funders (local kinds, HUD funders); absent: no federal funder. */
  readonly provider?: FunderInfo | null;
  /** Who the assessment is about (exitSubject). */
  readonly subject: NonNullable<FormContext['subject']>;
  /** Id for the new Current Living Situation (tests pass one; default a new random id). */
  readonly newId?: () => string;
}

export interface ExitResult {
  /** The changes of the one save; [] when an error blocks it. */
  readonly changes: WorkflowChange[];
  /** Errors block saving; warnings are shown and do not. */
  readonly issues: ValidationIssue[];
}

/** The form context of the exit assessment. */
export function exitFormContext(
  input: Pick<ExitInput, 'projectType' | 'subject' | 'today'>,
): FormContext {
  return { projectType: input.projectType, subject: input.subject, today: input.today };
}

/** The answers the Exit assessment will hold: only those its forms ask. */
export function exitAnswers(answers: Answers, context: FormContext): Record<string, AnswerValue> {
  return askedAnswers(EXIT_FORMS, EXIT_STAGE, answers, context);
}

/**
 * Which part of the exit assessment a field is in: 'optional' is the income part (4.02–4.04),
 * which the screen shows collapsed unless the provider has a federal funder.
 */
export function exitFieldPart(fieldId: string): 'required' | 'optional' {
  return isIncomeField(fieldId) ? 'optional' : 'required';
}

/** True when 4.02–4.04 block the exit of this input (W-EX3). */
export function incomeRequiredFor(input: Pick<ExitInput, 'provider' | 'form'>): boolean {
  return exitIncomeRequired(input.provider, input.form.exitDate);
}

/** Issue field ids: record fields by name, assessment answers as `answers.<fieldId>`. */
export const answerIssueField = (fieldId: string): string => `answers.${fieldId}`;

/** The answers of the fields of these forms. */
function onlyOf(forms: readonly FormDefinition[], answers: Answers): Answers {
  const ids = new Set(forms.flatMap((f) => formFields(f).map((x) => x.id)));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}

function assessmentIssues(input: ExitInput): ValidationIssue[] {
  const context = exitFormContext(input);
  const answers = exitAnswers(input.form.answers, context);
  const picklists = DEFAULT_PICKLIST_REGISTRY;
  const incomeRequired = incomeRequiredFor(input);
  const issues: ValidationIssue[] = [];
  for (const i of checkAnswers(
    EXIT_REQUIRED_FORMS,
    EXIT_STAGE,
    onlyOf(EXIT_REQUIRED_FORMS, answers),
    picklists,
    { context },
  )) {
    issues.push(errorIssue(answerIssueField(i.field), `form:${i.code}`, i.message));
  }
  for (const i of checkAnswers(
    EXIT_OPTIONAL_FORMS,
    EXIT_STAGE,
    onlyOf(EXIT_OPTIONAL_FORMS, answers),
    picklists,
    {
      context,
      allowIncomplete: !incomeRequired,
    },
  )) {
    const rule =
      i.code === 'required' ? EXIT_RULES.incomeRequiredWithFederalFunder : `form:${i.code}`;
    issues.push(errorIssue(answerIssueField(i.field), rule, i.message));
  }
  for (const i of [
    ...validateAnswerDependentFields(answers),
    ...validateIncome(answers),
    ...validateNonCashBenefits(answers),
    ...validateHealthInsurance(answers),
  ]) {
    issues.push({ ...i, field: answerIssueField(i.field) });
  }
  issues.push(...incomeCopyIssues(input.form));
  return issues;
}

/** Every problem with the form, field by field (errors block saving). */
export function validateExitForm(input: ExitInput): ValidationIssue[] {
  const { form, enrollment } = input;
  const issues: ValidationIssue[] = [];

  if (form.reason === null) {
    issues.push(errorIssue('exitReason', 'exit-reason', 'Choose why case management is ending.'));
  }

  const dateOk = localDateSchema.safeParse(form.exitDate).success;
  if (form.exitDate === '') {
    issues.push(errorIssue('exitDate', RULES.exitDate, 'Enter the exit date.'));
  } else if (!dateOk) {
    issues.push(
      errorIssue('exitDate', RULES.exitDate, 'Enter the exit date as a real calendar date.'),
    );
  } else {
    issues.push(
      ...validateEnrollmentDates(
        { projectStartDate: enrollment.projectStartDate, exitDate: form.exitDate },
        input.today,
      ).filter((i) => i.field === 'exitDate'),
    );
  }

  // 3.12.1 / 3.12.A / 3.12.B and reason vs Destination (the exit date is checked above). The
  // record-level 3.12.B rule only warns; the exit requires the text (otherDestinationIssues).
  issues.push(
    ...validateDestination({
      exitDate: form.exitDate || input.today,
      exitReason: form.reason,
      destination: form.destination,
      destinationSubsidyType: destinationSubsidyTypeOf(form),
      otherDestination: otherDestinationOf(form),
    }).filter((i) => i.field !== 'otherDestination'),
    ...otherDestinationIssues(form),
  );

  issues.push(...exitClsIssues(form, input.projectType));
  issues.push(...assessmentIssues(input));
  issues.push(...householdExitIssues(enrollment, input.household, dateOk ? form.exitDate : null));
  return dedupe(issues);
}

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function assessmentChange(input: ExitInput): WorkflowChange | null {
  const { form, enrollment } = input;
  const exitDate = form.exitDate;
  const answers = exitAnswers(form.answers, exitFormContext(input));
  const existing = input.existingExit;
  if (existing === undefined) {
    const fields: Record<string, JsonValue> = {
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      dataCollectionStage: EXIT_STAGE,
      informationDate: exitDate,
    };
    for (const [id, value] of Object.entries(answers)) fields[answerIssueField(id)] = value;
    return {
      type: 'assessment',
      id: singletonAssessmentId(enrollment.id, EXIT_STAGE),
      op: 'create',
      fields,
    };
  }
  const fields: Record<string, JsonValue> = {};
  if (existing.informationDate !== exitDate) fields.informationDate = exitDate;
  const before = answersOf(existing);
  for (const [id, value] of Object.entries(answers)) {
    if (!sameJson(before[id], value)) fields[answerIssueField(id)] = value;
  }
  // Answers the forms no longer ask (hidden by a changed answer) are cleared.
  for (const [id, value] of Object.entries(before)) {
    if (!Object.hasOwn(answers, id) && value !== null && value !== undefined) {
      fields[answerIssueField(id)] = null;
    }
  }
  return Object.keys(fields).length > 0
    ? { type: 'assessment', id: existing.id, op: 'patch', fields }
    : null;
}

/**
 * The exit's changes for one save (input → { changes, issues }): nothing when an error blocks it.
 * Order: the enrollment's exit fields, the Exit assessment, the exit Current Living Situation (not
 * for Destination 24 / 30), the end of the case manager's assignment.
 */
export function buildExit(input: ExitInput): ExitResult {
  const issues = validateExitForm(input);
  if (issues.some((i) => i.severity === 'error')) return { changes: [], issues };

  const { form, enrollment } = input;
  const exitDate = form.exitDate;
  const changes: WorkflowChange[] = [];

  // M5: the exit fields are one group, written together.
  changes.push({
    type: 'enrollment',
    id: enrollment.id,
    op: 'patch',
    fields: {
      exitDate,
      exitReason: form.reason,
      destination: form.destination!,
      destinationSubsidyType: destinationSubsidyTypeOf(form),
      otherDestination: otherDestinationOf(form),
    },
  });

  const assessment = assessmentChange(input);
  if (assessment !== null) changes.push(assessment);

  const cls = exitClsValues(form, input.projectType);
  if (cls !== null) {
    changes.push({
      type: 'currentLivingSituation',
      id: (input.newId ?? randomId)(),
      op: 'create',
      fields: {
        enrollmentId: enrollment.id,
        clientId: enrollment.clientId,
        informationDate: exitDate,
        ...cls,
      },
    });
  }

  for (const a of activeAssignmentsOf(input.assignments, input.caseManagerId)) {
    const start = typeof a.startDate === 'string' ? a.startDate : exitDate;
    // An assignment that starts after the exit date ends on its own start date.
    changes.push({
      type: 'caseManagerAssignment',
      id: a.id,
      op: 'patch',
      fields: { endDate: start > exitDate ? start : exitDate },
    });
  }

  return { changes, issues };
}

/** The case manager's assignments on the enrollment that have not ended. */
export function activeAssignmentsOf(
  assignments: readonly AssignmentLike[],
  caseManagerId: string,
): AssignmentLike[] {
  return assignments.filter(
    (a) => a.caseManagerId === caseManagerId && (a.endDate === null || a.endDate === undefined),
  );
}
