// Backfill: filling in the project start (Entry, stage 1) answers that are still missing, later,
// when the case manager learns them. Backfilled answers describe the client at project start, so
// they are written to the Entry assessment (merge rule M4: a backfill to the Entry takes
// precedence over a missing answer and never overwrites a real one), never to an Update.
//
// What is "missing" is the forms' own rule (missingFields): a required-at-entry question that is
// asked of this client and is empty or answered 8/9/99 ("Client doesn't know", "Client prefers not
// to answer", "Data not collected").
//
// The forms are the provider's (entryForms: formsForFunding, W-DIS4): with a federal funder,
// 4.05–4.10 are required at entry, so the ones still unanswered are gaps here, on the enrollment
// screen and in the caseload's count alike. 3.08 against 4.05–4.10 warns (W-DIS2), never blocks.
// Offering answers given elsewhere as backfills ("also true at project start?"): backfill-gaps.ts.
import { MISSING_DATA_ANSWERS, getList, labelOf } from '../codes';
import {
  FORMS,
  askedAnswers,
  formsForFunding,
  checkAnswers,
  fieldById,
  fieldStatuses,
  isEmptyAnswer,
  missingFields,
  type AnswerIssue,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type MissingField,
  type PicklistRegistry,
} from '../forms';
import { sameValue, type FieldValues } from '../merge';
import { singletonAssessmentId } from '../records';
import { validateDisablingCondition, type ValidationIssue } from '../validation';
import { assessmentFormContext } from './form-context';

export * from './backfill-gaps';

/** HUD 5.03.1: 1 = Project start (Entry). */
export const ENTRY_STAGE = 1 as const;

/** The enrollment fields a backfill reads. */
export interface BackfillEnrollment {
  readonly id: string;
  readonly clientId: string;
  readonly projectStartDate: string;
}

/** The Entry assessment as the device shows it (only its answers are read). */
export interface BackfillEntry {
  readonly [field: string]: unknown;
  readonly answers?: unknown;
}

/** A change for the one write path (structurally the same as src/db's Change). */
export interface AssessmentChange {
  readonly type: 'assessment';
  readonly id: string;
  readonly op: 'create' | 'patch';
  readonly fields: FieldValues;
}

// ---- who the Entry is about ------------------------------------------------------------------

/**
 * The form context of an enrollment's Entry assessment: the provider's project type, whether the
 * client is the head of household or an adult at project start, and today (for dates that may
 * not be in the future).
 */
export function entryFormContext(input: {
  readonly relationshipToHoH: number | null | undefined;
  readonly dob: string | null | undefined;
  readonly projectStartDate: string;
  readonly projectType: number | null | undefined;
  readonly today: string;
}): FormContext {
  return assessmentFormContext({ ...input, on: input.projectStartDate });
}

/**
 * W-DIS4: the Entry's forms as the provider uses them: the federal 4.05–4.10 variant (required at
 * entry) when `federal` (hasFederalFunder(provider, today), as the caseload counts), else FORMS.
 */
export function entryForms(federal: boolean): readonly FormDefinition[] {
  return formsForFunding(FORMS, federal);
}

// ---- what is missing -------------------------------------------------------------------------

/** A value an answer can have (anything else read from a record is left out). */
export function isAnswerValue(value: unknown): value is AnswerValue {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (Array.isArray(value) && value.every((v) => typeof v === 'number' || typeof v === 'string'))
  );
}

/** The Entry's answers as form answers (anything that is not an answer value is left out). */
export function entryAnswers(entry: BackfillEntry | undefined): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const answers = entry?.answers;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return out;
  for (const [id, value] of Object.entries(answers)) {
    if (isAnswerValue(value)) out[id] = value;
  }
  return out;
}

/** The required project start answers still missing for this client, in form order. */
export function entryMissing(
  entry: BackfillEntry | undefined,
  context: FormContext,
  forms: readonly FormDefinition[] = FORMS,
): MissingField[] {
  return missingFields(forms, ENTRY_STAGE, entryAnswers(entry), context);
}

/**
 * How a missing answer reads to a case manager: "not answered", or "answered “Client doesn't
 * know”" (the label from the field's own HUD list).
 */
export function describeMissing(
  missing: Pick<MissingField, 'fieldId' | 'reason' | 'value'>,
  forms: readonly FormDefinition[] = FORMS,
): string {
  if (missing.reason === 'empty' || missing.value === undefined) return 'not answered';
  const field = fieldById(missing.fieldId, forms);
  const list =
    field !== undefined && 'source' in field && 'hudList' in field.source
      ? getList(field.source.hudList)
      : undefined;
  const label =
    (list ? labelOf(list, missing.value) : undefined) ??
    MISSING_DATA_ANSWERS.find((a) => a.code === missing.value)?.label ??
    String(missing.value);
  return `answered “${label}”`;
}

// ---- which fields the backfill form shows ----------------------------------------------------

/** What the backfill form knew when it opened; fixed for as long as the form is open. */
export interface BackfillSnapshot {
  /** Required Entry fields missing when the form opened. */
  readonly missing: ReadonlySet<string>;
  /** Entry fields asked (shown by the forms' rules) when the form opened. */
  readonly asked: ReadonlySet<string>;
  /** Entry fields with a non-empty answer when the form opened. */
  readonly answered: ReadonlySet<string>;
}

function askedIds(
  answers: Answers,
  context: FormContext,
  forms: readonly FormDefinition[],
): Set<string> {
  return new Set(
    fieldStatuses(forms, ENTRY_STAGE, answers, context)
      .filter((s) => s.state === 'asked' && s.field.type !== 'note')
      .map((s) => s.field.id),
  );
}

export function backfillSnapshot(
  entry: BackfillEntry | undefined,
  context: FormContext,
  forms: readonly FormDefinition[] = FORMS,
): BackfillSnapshot {
  const answers = entryAnswers(entry);
  return {
    missing: new Set(missingFields(forms, ENTRY_STAGE, answers, context).map((m) => m.fieldId)),
    asked: askedIds(answers, context, forms),
    answered: new Set(Object.keys(answers).filter((id) => !isEmptyAnswer(answers[id]))),
  };
}

/**
 * The fields the backfill form shows: the ones missing when it opened, plus the follow-up
 * questions an answer given here brings up (asked now, but neither asked nor answered when the
 * form opened). Optional questions that were already there stay out: the form is about gaps.
 */
export function backfillFieldIds(
  snapshot: BackfillSnapshot,
  answers: Answers,
  context: FormContext,
  forms: readonly FormDefinition[] = FORMS,
): Set<string> {
  const shown = new Set(snapshot.missing);
  for (const id of askedIds(answers, context, forms)) {
    if (!snapshot.asked.has(id) && !snapshot.answered.has(id)) shown.add(id);
  }
  return shown;
}

/**
 * The edits (a stored draft, say) the form may use: answers to questions missing when the form
 * opened, or to questions neither asked nor answered then (follow-ups). An edit to a question
 * answered meanwhile (another device filled it in and this one synced) is dropped, so a restored
 * draft never overwrites, unseen, an answer the form does not show.
 */
export function backfillEdits(
  snapshot: BackfillSnapshot,
  edits: Readonly<Record<string, AnswerValue | undefined>>,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(edits)) {
    if (value === undefined) continue;
    const followUp = !snapshot.asked.has(id) && !snapshot.answered.has(id);
    if (snapshot.missing.has(id) || followUp) out[id] = value;
  }
  return out;
}

// ---- saving ----------------------------------------------------------------------------------

/**
 * The answer fields a backfill writes, as flat `answers.<id>` fields: every asked answer that
 * differs from the Entry's, plus null for an Entry answer that an answer given here hides (HUD:
 * dependent fields are null unless the parent has the triggering value). A backfill never
 * erases: an emptied answer is not written.
 */
export function backfillAnswerFields(
  entry: BackfillEntry | undefined,
  answers: Answers,
  context: FormContext,
  forms: readonly FormDefinition[] = FORMS,
): FieldValues {
  const base = entryAnswers(entry);
  const asked = askedAnswers(forms, ENTRY_STAGE, answers, context);
  const askedBefore = askedAnswers(forms, ENTRY_STAGE, base, context);
  const fields: FieldValues = {};
  for (const [id, value] of Object.entries(asked)) {
    if (isEmptyAnswer(value) || sameValue(value, base[id])) continue;
    fields[`answers.${id}`] = value;
  }
  for (const id of Object.keys(askedBefore)) {
    if (!Object.hasOwn(asked, id) && !isEmptyAnswer(base[id])) fields[`answers.${id}`] = null;
  }
  return fields;
}

/**
 * The one change a backfill saves: a patch of the Entry assessment with only the changed answers,
 * or, when the device has no Entry assessment yet, its creation (stage 1, dated the project
 * start). `answers` is the form's state: the Entry's answers with the case manager's edits on top.
 * null when nothing changed.
 */
export function backfillChange(
  enrollment: BackfillEnrollment,
  entry: BackfillEntry | undefined,
  answers: Answers,
  context: FormContext = {},
  forms: readonly FormDefinition[] = FORMS,
): AssessmentChange | null {
  const fields = backfillAnswerFields(entry, answers, context, forms);
  if (Object.keys(fields).length === 0) return null;
  const id = singletonAssessmentId(enrollment.id, ENTRY_STAGE);
  if (entry !== undefined) return { type: 'assessment', id, op: 'patch', fields };
  const written: FieldValues = {};
  for (const [key, value] of Object.entries(fields)) if (value !== null) written[key] = value;
  return {
    type: 'assessment',
    id,
    op: 'create',
    fields: {
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      dataCollectionStage: ENTRY_STAGE,
      informationDate: enrollment.projectStartDate,
      ...written,
    },
  };
}

/**
 * Problems with the answers a backfill would write (a money amount that is not one, a choice not
 * on the list, ...), by field id. Missing answers never block: the form is for filling gaps, and
 * a gap left open is still a gap, not an error. Problems of answers not changed here are left out.
 */
export function backfillIssues(
  entry: BackfillEntry | undefined,
  answers: Answers,
  context: FormContext,
  picklists: PicklistRegistry,
  forms: readonly FormDefinition[] = FORMS,
): AnswerIssue[] {
  const changed = new Set(
    Object.entries(backfillAnswerFields(entry, answers, context, forms))
      .filter(([, value]) => value !== null)
      .map(([key]) => key.slice('answers.'.length)),
  );
  const asked = askedAnswers(forms, ENTRY_STAGE, answers, context);
  return checkAnswers(forms, ENTRY_STAGE, asked, picklists, {
    context,
    allowIncomplete: true,
  }).filter((issue) => changed.has(issue.field));
}

/**
 * W-DIS2: 3.08 against 4.05–4.10 on the Entry as the backfill would leave it (`answers`: the
 * Entry's answers with the edits on top; only asked answers count). Warnings, never blocking.
 */
export function entryDisablingConditionWarnings(
  answers: Answers,
  context: FormContext,
  forms: readonly FormDefinition[] = FORMS,
): ValidationIssue[] {
  return validateDisablingCondition(askedAnswers(forms, ENTRY_STAGE, answers, context));
}
