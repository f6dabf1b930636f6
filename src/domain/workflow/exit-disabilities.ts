// HUD 4.05–4.10 Disabilities at exit (W-DIS3): asked of every exiting member (collected about all
// clients), each "long-continued and indefinite" question only after a Yes. Required when the
// provider has a federal funder on the exit date (the federal variant of the form), optional
// otherwise. The exit form starts without them: HUD wants the client's answer at exit, so nothing
// is copied from the Entry or an Update (exit-form.ts prefills only the Hennepin answers). The
// answers asked are written on the member's stage-3 Exit assessment. 3.08 Disabling Condition is
// recorded at entry only, so the exit has no 3.08 check.
import {
  DEFAULT_PICKLIST_REGISTRY,
  DISABILITIES,
  checkAnswers,
  disabilitiesFormFor,
  fieldById,
  formFields,
  type Answers,
  type FormContext,
  type FormDefinition,
} from '../forms';
import { errorIssue, type ValidationIssue } from '../validation';
import { EXIT_STAGE } from './exit-form';
import { EXIT_RULES } from './exit-rules';
import { hasFederalFunder, type FunderInfo } from './federal-funder';

/** The 4.05–4.10 part of the Exit assessment, in its optional variant (same fields as federal). */
export const EXIT_DISABILITY_FORMS: readonly FormDefinition[] = Object.freeze([DISABILITIES]);

const FEDERAL_FORMS: readonly FormDefinition[] = Object.freeze([disabilitiesFormFor(true)]);

/** The 4.05–4.10 form as the provider uses it at exit (one stable array per variant). */
export function exitDisabilityForms(required: boolean): readonly FormDefinition[] {
  return required ? FEDERAL_FORMS : EXIT_DISABILITY_FORMS;
}

const DISABILITY_FIELD_IDS: ReadonlySet<string> = new Set(
  EXIT_DISABILITY_FORMS.flatMap((f) => formFields(f).map((x) => x.id)),
);

/** True for an answer of the 4.05–4.10 part. */
export function isDisabilityField(fieldId: string): boolean {
  return DISABILITY_FIELD_IDS.has(fieldId);
}

/** W-DIS3: 4.05–4.10 are required at exit when the provider has a federal funder on that date. */
export function exitDisabilitiesRequired(
  provider: FunderInfo | null | undefined,
  exitDate?: string,
): boolean {
  return hasFederalFunder(provider, exitDate === '' ? undefined : exitDate);
}

function requiredMessage(label: string): string {
  const named = label.trimEnd().endsWith('?') ? `“${label}”` : label;
  return `${named} is required at exit: this provider has a federal funder. Ask the client about today. If the client doesn’t know or prefers not to answer, choose that answer.`;
}

/**
 * W-DIS3: the problems with the 4.05–4.10 answers of the exit (`answers`: the asked answers of the
 * Exit assessment): each unanswered question when required, and any invalid value.
 */
export function exitDisabilityIssues(
  answers: Answers,
  context: FormContext,
  required: boolean,
): ValidationIssue[] {
  const forms = exitDisabilityForms(required);
  const mine = Object.fromEntries(Object.entries(answers).filter(([id]) => isDisabilityField(id)));
  return checkAnswers(forms, EXIT_STAGE, mine, DEFAULT_PICKLIST_REGISTRY, { context }).map((i) =>
    i.code === 'required'
      ? errorIssue(
          `answers.${i.field}`,
          EXIT_RULES.disabilitiesRequiredWithFederalFunder,
          requiredMessage(fieldById(i.field, forms)?.label ?? i.field),
        )
      : errorIssue(`answers.${i.field}`, `form:${i.code}`, i.message),
  );
}
