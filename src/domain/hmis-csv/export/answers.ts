// Assessment answers as HMIS CSV values, through the form definitions: a field's `hudColumn`
// names the column it is exported to, so no column is listed here by hand. The answers are first
// reduced to those the forms actually ask at that stage (askedAnswers), so a dependent field
// whose parent lacks the triggering value is null, as CSV-2026 requires, even if a stale answer
// was left behind.
import {
  FORMS,
  FORM_STAGES,
  askedAnswers,
  formFields,
  isEmptyAnswer,
  type Answers,
  type FormContext,
  type FormDefinition,
  type FormStage,
} from '../../forms';
import type { AnswerValue } from '../../records';
import { hmisFile, type HmisFileName } from '../columns';
import type { HmisInputValue } from '../values';

/** column → answer field id, for the columns of a file that some form field is exported to. */
export function answerColumns(
  file: HmisFileName,
  forms: readonly FormDefinition[] = FORMS,
): ReadonlyMap<string, string> {
  const columns = new Set(hmisFile(file).columns.map((c) => c.name));
  const out = new Map<string, string>();
  for (const field of forms.flatMap(formFields)) {
    if (field.type === 'note' || field.hudColumn === undefined) continue;
    if (columns.has(field.hudColumn) && !out.has(field.hudColumn)) {
      out.set(field.hudColumn, field.id);
    }
  }
  return out;
}

export function isFormStage(stage: number): stage is FormStage {
  return (FORM_STAGES as readonly number[]).includes(stage);
}

/** One answer as a CSV input value: yes/no booleans as 1/0; lists have no single column. */
export function answerAsValue(value: AnswerValue | undefined): HmisInputValue {
  if (value === undefined || value === null || Array.isArray(value)) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

/**
 * The values of the mapped columns from the answers asked at this stage; `any` is true when at
 * least one of them is answered.
 */
export function columnValues(
  columns: ReadonlyMap<string, string>,
  stage: FormStage,
  answers: Answers,
  context: FormContext = {},
): { values: Record<string, HmisInputValue>; any: boolean } {
  const asked = askedAnswers(FORMS, stage, answers, context);
  const values: Record<string, HmisInputValue> = {};
  let any = false;
  for (const [column, fieldId] of columns) {
    const value = asked[fieldId];
    if (!isEmptyAnswer(value)) any = true;
    values[column] = answerAsValue(value);
  }
  return { values, any };
}
