// The interim update at a contact (the Hennepin answers: documents, household income, legal
// involvement, client choice): what the form starts with (the current value of each answer on the
// contact date), what changed, what blocks saving, where the answers go (an Update, or the Entry
// for a contact on the project start date: merge rule M4c), and which changed answers could also
// fill a gap in the project start record.
//
// W-CT5 (kept): data missing at project start is backfilled on the Entry assessment (merge rule
// M4), never on the Update: an Update says what is true on the contact date.
import { isMissingDataCode } from '../codes';
import {
  DEFAULT_PICKLIST_REGISTRY,
  askedAnswers,
  checkAnswers,
  fieldStatuses,
  isEmptyAnswer,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormField,
  type PicklistRegistry,
} from '../forms';
import { errorIssue, type ValidationIssue } from '../validation';
import { entryAnswers } from './backfill';
import { interimIssueField } from './contact-form';
import type { ContactEnrollment } from './contact-household';
import { LOCAL_DATE } from './contact-time';
import { assessmentFormContext } from './form-context';
import {
  INTERIM_STAGE,
  interimFields,
  interimForms,
  latestInterimValues,
  type InterimOptions,
  type InterimSource,
} from './interim';

/** The form context of the interim update: the client on the contact date. */
export function interimFormContext(input: {
  readonly enrollment: Pick<ContactEnrollment, 'relationshipToHoH'>;
  readonly dob: string | null | undefined;
  readonly date: string;
  readonly projectType: number | null | undefined;
  readonly today: string;
}): FormContext {
  return assessmentFormContext({
    relationshipToHoH: input.enrollment.relationshipToHoH,
    dob: input.dob,
    on: input.date,
    projectType: input.projectType,
    today: input.today,
  });
}

/**
 * What the interim form starts with: the current value of each interim answer as of the contact
 * date (the newest Update on or before it that answered it, else the Entry's).
 */
export function interimPrefill(
  entry: InterimSource | undefined,
  updates: readonly InterimSource[],
  date: string,
): Record<string, AnswerValue> {
  return latestInterimValues(entry, updates, LOCAL_DATE.test(date) ? { asOf: date } : {});
}

/** The interim answers as the form shows them: pre-filled, with the case manager's edits on top. */
export function interimAnswers(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  return { ...prefill, ...edits };
}

/** Two answers say the same (lists in any order; every empty answer is the same). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (isEmptyAnswer(a) && isEmptyAnswer(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v) => b.includes(v));
  }
  return a === b;
}

const interimFieldById = (options: InterimOptions = {}): Map<string, FormField> =>
  new Map(interimFields(options).map((f) => [f.id, f]));

/**
 * The interim answers that changed: asked fields the case manager touched whose value differs
 * from the pre-filled one. An emptied list or text is recorded as [] or '' ("none any more"); an
 * emptied choice or amount records nothing (an Update cannot say "unknown now").
 */
export function changedInterimAnswers(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
  options: InterimOptions = {},
): Record<string, AnswerValue> {
  const answers = interimAnswers(prefill, edits);
  const byId = interimFieldById(options);
  const out: Record<string, AnswerValue> = {};
  const forms = interimForms(options);
  for (const { field, state } of fieldStatuses(forms, INTERIM_STAGE, answers, context)) {
    if (state !== 'asked' || field.type === 'note' || !Object.hasOwn(edits, field.id)) continue;
    const value = edits[field.id];
    if (sameAnswer(value, prefill[field.id])) continue;
    if (isEmptyAnswer(value)) {
      const type = byId.get(field.id)?.type;
      if (type === 'multi') out[field.id] = [];
      else if (type === 'text') out[field.id] = '';
      continue;
    }
    out[field.id] = value!;
  }
  return out;
}

/** Problems with the changed interim answers (an amount that is not one, ...), by field id. */
export function interimIssues(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
  options: InterimOptions = {},
): ValidationIssue[] {
  const forms = interimForms(options);
  const answers = askedAnswers(forms, INTERIM_STAGE, interimAnswers(prefill, edits), context);
  const touched = new Set(Object.keys(edits));
  return checkAnswers(forms, INTERIM_STAGE, answers as Answers, picklists, {
    context,
    allowIncomplete: true,
  })
    .filter((i) => touched.has(i.field))
    .map((i) => errorIssue(interimIssueField(i.field), `form:${i.code}`, i.message));
}

/**
 * A contact on (or before) the project start date describes project start: its interim answers go
 * to the Entry assessment, never to an Update (merge rule M4c).
 */
export function routesToEntry(contactDate: string, projectStartDate: string): boolean {
  return contactDate <= projectStartDate;
}

function isMissing(field: FormField | undefined, value: unknown): boolean {
  if (isEmptyAnswer(value)) return true;
  return (
    field !== undefined &&
    'source' in field &&
    'hudList' in field.source &&
    isMissingDataCode(value)
  );
}

/** A changed answer the Entry is missing: "Was this also true at project start?" */
export interface BackfillQuestion {
  readonly fieldId: string;
  readonly label: string;
}

/**
 * The changed interim answers that could also fill a gap in the project start record: the Entry
 * has no answer (empty, or 8/9/99) for the field, the new answer is a real one, the field is a
 * question (not free-text notes, which describe the moment) and it would be asked at project
 * start. None when the contact is on the project start date (the answers go to the Entry anyway).
 */
export function backfillQuestions(input: {
  readonly changed: Readonly<Record<string, AnswerValue>>;
  readonly entry: InterimSource | undefined;
  readonly entryContext: FormContext;
  readonly contactDate: string;
  readonly projectStartDate: string;
  readonly options?: InterimOptions;
}): BackfillQuestion[] {
  if (routesToEntry(input.contactDate, input.projectStartDate)) return [];
  const byId = interimFieldById(input.options);
  const base = entryAnswers(input.entry as { answers?: Readonly<Record<string, unknown>> });
  const candidates = Object.entries(input.changed).filter(([id, value]) => {
    const field = byId.get(id);
    return (
      field !== undefined &&
      field.type !== 'text' &&
      field.stages.includes(1) &&
      !isMissing(field, value) &&
      isMissing(field, base[id])
    );
  });
  if (candidates.length === 0) return [];
  const overlay = { ...base, ...Object.fromEntries(candidates) };
  const asked = new Set(
    fieldStatuses(interimForms(input.options), 1, overlay, input.entryContext)
      .filter((s) => s.state === 'asked')
      .map((s) => s.field.id),
  );
  return candidates
    .filter(([id]) => asked.has(id))
    .map(([id]) => ({ fieldId: id, label: byId.get(id)!.label }));
}
