// Assessment answers as HMIS CSV values, through the form definitions: a field's `hudColumn`
// names the column it is exported to, so no column is listed here by hand. The answers are first
// reduced to those the forms actually ask at that stage (askedAnswers), so a dependent field
// whose parent lacks the triggering value is null, as CSV-2026 requires, even if a stale answer
// was left behind.
//
// A county's export does this for every assessment, so each (file, stage) is compiled once into
// an AnswerPlan: the columns' slots in the row and askedAnswersOf, the forms' walk over only the
// fields those columns and their showWhen rules need. columnValues is the same mapping by name.
import {
  FORMS,
  FORM_STAGES,
  askedAnswersOf,
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

type Asked = (answers: Answers, context?: FormContext) => Record<string, AnswerValue>;

const askedByColumns = new WeakMap<ReadonlyMap<string, string>, Map<FormStage, Asked>>();

function askedFor(columns: ReadonlyMap<string, string>, stage: FormStage): Asked {
  let byStage = askedByColumns.get(columns);
  if (byStage === undefined) askedByColumns.set(columns, (byStage = new Map()));
  let asked = byStage.get(stage);
  if (asked === undefined) {
    asked = askedAnswersOf(FORMS, stage, columns.values());
    byStage.set(stage, asked);
  }
  return asked;
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
  const asked = askedFor(columns, stage)(answers, context);
  const values: Record<string, HmisInputValue> = {};
  let any = false;
  for (const [column, fieldId] of columns) {
    const value = asked[fieldId];
    if (!isEmptyAnswer(value)) any = true;
    values[column] = answerAsValue(value);
  }
  return { values, any };
}

/** columnValues for one file and stage, compiled: values go straight into a row's slots. */
export class AnswerPlan {
  private readonly slots: readonly { readonly slot: number; readonly fieldId: string }[];
  private readonly asked: Asked;

  constructor(file: HmisFileName, columns: ReadonlyMap<string, string>, stage: FormStage) {
    const spec = hmisFile(file);
    const index = new Map(spec.columns.map((c, i) => [c.name, i]));
    // answerColumns keeps only the file's own columns, so every column has a slot.
    this.slots = [...columns].map(([column, fieldId]) => ({ slot: index.get(column)!, fieldId }));
    this.asked = askedFor(columns, stage);
  }

  /**
   * Writes the columns' values into `values` (by slot) as columnValues gives them; returns
   * whether at least one of them is answered.
   */
  fill(values: HmisInputValue[], answers: Answers, context?: FormContext): boolean {
    const asked = this.asked(answers, context);
    let any = false;
    for (const { slot, fieldId } of this.slots) {
      const value = asked[fieldId];
      if (!isEmptyAnswer(value)) any = true;
      values[slot] = answerAsValue(value);
    }
    return any;
  }
}

/** The AnswerPlan of a file at each form stage, built when first asked for. */
export function answerPlans(
  file: HmisFileName,
  columns: ReadonlyMap<string, string>,
): (stage: FormStage) => AnswerPlan {
  const plans = new Map<FormStage, AnswerPlan>();
  return (stage) => {
    let plan = plans.get(stage);
    if (plan === undefined) plans.set(stage, (plan = new AnswerPlan(file, columns, stage)));
    return plan;
  };
}
