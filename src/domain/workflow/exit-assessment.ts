// The Exit assessment (stage 3) of one enrollment: its three parts, what blocks saving in them and
// the one change that writes it. Part of exit.ts.
//  - the Hennepin exit checklist, documents and household income: always required;
//  - 4.02/4.03/4.04 (MN Core): required with a federal funder (W-EX3), never copied silently (W-EX4);
//  - 4.05–4.10 Disabilities: required with a federal funder, asked fresh (W-DIS3).
// Only the answers the forms ask are written (askedAnswers); an existing Exit is patched.
import {
  HENNEPIN_CASE_MANAGEMENT,
  DEFAULT_PICKLIST_REGISTRY,
  askedAnswers,
  checkAnswers,
  formFields,
} from '../forms';
import type { AnswerValue, Answers, FormContext, FormDefinition } from '../forms';
import type { JsonValue } from '../protocol';
import { singletonAssessmentId } from '../records';
import {
  errorIssue,
  validateAnswerDependentFields,
  validateHealthInsurance,
  validateIncome,
  validateNonCashBenefits,
  type ValidationIssue,
} from '../validation';
import {
  EXIT_DISABILITY_FORMS,
  exitDisabilitiesRequired,
  exitDisabilityIssues,
  isDisabilityField,
} from './exit-disabilities';
import { EXIT_STAGE, answersOf } from './exit-form';
import {
  EXIT_INCOME_FORMS,
  exitIncomeRequired,
  incomeCopyIssues,
  isIncomeField,
} from './exit-income';
import { EXIT_RULES } from './exit-rules';
import type { ExitInput, WorkflowChange } from './exit';

/** The part of the exit assessment always required: Hennepin's exit checklist, documents, income. */
export const EXIT_REQUIRED_FORMS: readonly FormDefinition[] = Object.freeze([
  HENNEPIN_CASE_MANAGEMENT,
]);
/**
 * The income part: MN Core income, non-cash benefits and health insurance (stage 3). Optional for
 * county-funded providers; required with a federal funder (exitIncomeRequired, W-EX3).
 */
export const EXIT_OPTIONAL_FORMS: readonly FormDefinition[] = EXIT_INCOME_FORMS;
/** Every form of the Exit assessment (its answers are one record), 4.05–4.10 included (W-DIS3). */
export const EXIT_FORMS: readonly FormDefinition[] = Object.freeze([
  ...EXIT_REQUIRED_FORMS,
  ...EXIT_OPTIONAL_FORMS,
  ...EXIT_DISABILITY_FORMS,
]);

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

/** The part of the exit assessment a field is in (the screen shows each part on its own). */
export type ExitFieldPart = 'required' | 'optional' | 'disabilities';

/**
 * Which part of the exit assessment a field is in: 'optional' is the income part (4.02–4.04) and
 * 'disabilities' 4.05–4.10, which the screen shows collapsed unless the provider has a federal
 * funder; 'required' is the Hennepin part.
 */
export function exitFieldPart(fieldId: string): ExitFieldPart {
  if (isDisabilityField(fieldId)) return 'disabilities';
  return isIncomeField(fieldId) ? 'optional' : 'required';
}

/** True when 4.02–4.04 block the exit of this input (W-EX3). */
export function incomeRequiredFor(input: Pick<ExitInput, 'provider' | 'form'>): boolean {
  return exitIncomeRequired(input.provider, input.form.exitDate);
}

/** True when 4.05–4.10 block the exit of this input (W-DIS3). */
export function disabilitiesRequiredFor(input: Pick<ExitInput, 'provider' | 'form'>): boolean {
  return exitDisabilitiesRequired(input.provider, input.form.exitDate);
}

/** Issue field ids: record fields by name, assessment answers as `answers.<fieldId>`. */
export const answerIssueField = (fieldId: string): string => `answers.${fieldId}`;

/** The answers of the fields of these forms. */
function onlyOf(forms: readonly FormDefinition[], answers: Answers): Answers {
  const ids = new Set(forms.flatMap((f) => formFields(f).map((x) => x.id)));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}

/** What blocks (errors) and what only warns in the Exit assessment's answers. */
export function exitAssessmentIssues(input: ExitInput): ValidationIssue[] {
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
  issues.push(...exitDisabilityIssues(answers, context, disabilitiesRequiredFor(input)));
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

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The change that writes the Exit assessment: a create, a patch of what changed, or null. */
export function exitAssessmentChange(input: ExitInput): WorkflowChange | null {
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
