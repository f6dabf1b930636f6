// HUD 4.02 Income and Sources, 4.03 Non-Cash Benefits and 4.04 Health Insurance at exit (MN Core,
// stage 3): about the head of household and adults (4.02, 4.03) and every member (4.04), as the
// form definition says (collectedAbout).
//
// W-EX3: required (the exit is not saved until they are answered) when the provider has a
// federal funder (hasFederalFunder: ESG, PATH, YHDP, CoC, RHY, HOPWA, VA), optional otherwise, as
// the Hennepin workflow has it for county case management. Answers given are always checked.
// W-EX4: never silently copied from entry. The exit form starts with them empty. "Same as the
// latest answers" copies the newest values (an Update's, else the Entry's) into the form for the
// case manager to go through with the client, and the exit is not saved until they confirm them.
import { MN_CORE, formFields, type AnswerValue, type FormDefinition } from '../forms';
import { errorIssue, type ValidationIssue } from '../validation';
import { hasFederalFunder, type FunderInfo } from './federal-funder';
import { type AssessmentLike, type ExitForm, answersOf } from './exit-form';
import { EXIT_RULES } from './exit-rules';
import { MN_CORE_INTERIM_SECTIONS, latestInterimValues } from './interim';

/** The income part of the exit assessment: MN Core income, non-cash benefits, health insurance. */
export const EXIT_INCOME_FORMS: readonly FormDefinition[] = Object.freeze([MN_CORE]);

/** Field ids of 4.02, 4.03 and 4.04 (the MN Core sections also updated in between). */
export const EXIT_INCOME_FIELD_IDS: ReadonlySet<string> = new Set(
  MN_CORE.sections
    .filter((s) => MN_CORE_INTERIM_SECTIONS.includes(s.id))
    .flatMap((s) => s.fields.map((f) => f.id)),
);

const MN_CORE_FIELD_IDS: ReadonlySet<string> = new Set(
  EXIT_INCOME_FORMS.flatMap((f) => formFields(f).map((x) => x.id)),
);

/** True for an answer of the income part (MN Core). */
export function isIncomeField(fieldId: string): boolean {
  return MN_CORE_FIELD_IDS.has(fieldId);
}

/** W-EX3: 4.02–4.04 are required at exit when the provider has a federal funder on that date. */
export function exitIncomeRequired(
  provider: FunderInfo | null | undefined,
  exitDate?: string,
): boolean {
  return hasFederalFunder(provider, exitDate === '' ? undefined : exitDate);
}

export interface LatestIncomeAnswers {
  /** The newest 4.02–4.04 answer of each field (an Update's, else the Entry's). */
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** The newest information date among the assessments that gave them; null when unknown. */
  readonly date: string | null;
}

const dateOf = (a: AssessmentLike): string | null =>
  typeof a.informationDate === 'string' ? a.informationDate : null;

/**
 * The latest 4.02–4.04 answers before the exit, for "Same as the latest answers (date)"; null when
 * no assessment has any.
 */
export function latestIncomeAnswers(
  entry: AssessmentLike | undefined,
  updates: readonly AssessmentLike[],
): LatestIncomeAnswers | null {
  const all = latestInterimValues(entry, updates, { includeMnCore: true });
  const answers = Object.fromEntries(
    Object.entries(all).filter(([id]) => EXIT_INCOME_FIELD_IDS.has(id)),
  );
  if (Object.keys(answers).length === 0) return null;
  const answered = (a: AssessmentLike) =>
    Object.entries(answersOf(a)).some(
      ([id, v]) => EXIT_INCOME_FIELD_IDS.has(id) && v !== null && v !== undefined,
    );
  const dates = [
    ...(entry !== undefined && answered(entry) ? [dateOf(entry)] : []),
    ...updates
      .filter((u) => u.dataCollectionStage === 2 || u.dataCollectionStage === 5)
      .filter(answered)
      .map(dateOf),
  ]
    .filter((d): d is string => d !== null)
    .sort();
  return { answers, date: dates[dates.length - 1] ?? null };
}

/**
 * "Same as the latest answers": the 4.02–4.04 answers of the form replaced by the latest ones, to
 * be reviewed and confirmed (confirmIncomeCopy) before the exit can be saved.
 */
export function copyLatestIncomeAnswers(form: ExitForm, latest: LatestIncomeAnswers): ExitForm {
  const kept = Object.fromEntries(
    Object.entries(form.answers).filter(([id]) => !EXIT_INCOME_FIELD_IDS.has(id)),
  );
  return {
    ...form,
    answers: { ...kept, ...latest.answers },
    incomeCopy: { from: latest.date, confirmed: false },
  };
}

/** The case manager's confirmation that the copied answers are true on the exit date. */
export function confirmIncomeCopy(form: ExitForm, confirmed: boolean): ExitForm {
  return form.incomeCopy === null || form.incomeCopy === undefined
    ? form
    : { ...form, incomeCopy: { ...form.incomeCopy, confirmed } };
}

/** The field the confirmation's issue is on (the screen's checkbox). */
export const INCOME_COPY_FIELD = 'incomeCopyConfirmed';

/** W-EX4: copied answers block saving until confirmed. */
export function incomeCopyIssues(form: ExitForm): ValidationIssue[] {
  const copy = form.incomeCopy;
  if (copy === null || copy === undefined || copy.confirmed) return [];
  return [
    errorIssue(
      INCOME_COPY_FIELD,
      EXIT_RULES.incomeCopyConfirmed,
      'The income, non-cash benefit and health insurance answers were copied from the latest answers: go through them with the client, then confirm they are true on the exit date.',
    ),
  ];
}
