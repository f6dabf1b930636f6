// Which fields of a form are asked of a client at a stage, the required answers still missing (for
// backfill prompts) and the asked answers a screen saves.
//
// A field is asked when (1) it is collected at the stage, (2) it applies to the client
// (collectedAbout, when the context says who the client is) and (3) its showWhen rule holds, where
// fields that are not asked count as empty. A field that is not asked must be null or absent: HUD's
// "dependent fields are null unless the parent field contains the triggering value".
import { MISSING_DATA_CODES } from '../codes';
import {
  compileCondition,
  conditionFields,
  evaluateCondition,
  isEmptyAnswer,
  type CompiledCondition,
} from './conditions';
import { requiredStages } from './definition';
import type {
  AnswerValue,
  Answers,
  CollectedAbout,
  FormContext,
  FormDefinition,
  FormField,
  FormStage,
} from './types';
import { hudListOf } from './form-words';

/** Why a field is or is not asked. */
export type FieldState = 'asked' | 'not_at_stage' | 'not_applicable' | 'hidden';

export interface FieldStatus {
  readonly form: FormDefinition;
  readonly sectionId: string;
  readonly field: FormField;
  readonly state: FieldState;
}

function appliesTo(about: CollectedAbout, context: FormContext): boolean {
  const subject = context.subject;
  if (subject === undefined || about === 'all_clients') return true;
  if (about === 'hoh') return subject.isHeadOfHousehold;
  return subject.isHeadOfHousehold || subject.isAdult;
}

/** The state of every field of the forms, in form order. */
export function fieldStatuses(
  forms: readonly FormDefinition[],
  stage: FormStage,
  answers: Answers,
  context: FormContext = {},
): FieldStatus[] {
  const out: FieldStatus[] = [];
  for (const form of forms) {
    // Conditions read only earlier fields of the same form, seen through what is actually asked.
    const effective: Record<string, AnswerValue | undefined> = {};
    for (const section of form.sections) {
      for (const field of section.fields) {
        let state: FieldState = 'asked';
        if (!field.stages.includes(stage)) state = 'not_at_stage';
        else if (!appliesTo(field.collectedAbout, context)) state = 'not_applicable';
        else if (
          field.showWhen !== undefined &&
          !evaluateCondition(field.showWhen, effective, context)
        ) {
          state = 'hidden';
        }
        if (state === 'asked' && Object.hasOwn(answers, field.id))
          effective[field.id] = answers[field.id];
        out.push({ form, sectionId: section.id, field, state });
      }
    }
  }
  return out;
}

/** The fields a screen shows for this form, stage and answers (notes included), in order. */
export function visibleFields(
  form: FormDefinition,
  answers: Answers,
  stage: FormStage,
  context: FormContext = {},
): FormField[] {
  return fieldStatuses([form], stage, answers, context)
    .filter((s) => s.state === 'asked')
    .map((s) => s.field);
}

// ---- missing answers -------------------------------------------------------------------------

export interface MissingField {
  readonly formId: string;
  readonly sectionId: string;
  readonly fieldId: string;
  readonly label: string;
  /** 'empty': no answer; 'missing_data': answered 8 / 9 / 99 (doesn't know, prefers not, not collected). */
  readonly reason: 'empty' | 'missing_data';
  readonly value?: number;
}

/**
 * The required-at-stage fields that are asked but still empty or answered 8/9/99, in form order:
 * what a later contact should try to fill in.
 */
export function missingFields(
  forms: readonly FormDefinition[],
  stage: FormStage,
  answers: Answers,
  context: FormContext = {},
): MissingField[] {
  const out: MissingField[] = [];
  for (const { form, sectionId, field, state } of fieldStatuses(forms, stage, answers, context)) {
    if (state !== 'asked' || !requiredStages(field).includes(stage)) continue;
    const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
    const base = { formId: form.id, sectionId, fieldId: field.id, label: field.label };
    if (isEmptyAnswer(value)) {
      out.push({ ...base, reason: 'empty' });
    } else if (
      hudListOf(field) !== undefined &&
      typeof value === 'number' &&
      MISSING_DATA_CODES.includes(value)
    ) {
      out.push({ ...base, reason: 'missing_data', value });
    }
  }
  return out;
}

/**
 * The answers a form may save: those of fields asked at this stage. A field hidden by an earlier
 * answer is dropped (HUD: dependent fields are null unless the parent has the triggering value),
 * so changing "Yes" to "No" never leaves the follow-up answers behind.
 */
export function askedAnswers(
  forms: readonly FormDefinition[],
  stage: FormStage,
  answers: Answers,
  context: FormContext = {},
): Record<string, AnswerValue> {
  // The same walk as fieldStatuses over only the fields collected at this stage (the others are
  // never asked, so they never enter `effective`): an export runs this for every assessment.
  const out: Record<string, AnswerValue> = {};
  for (const form of forms) {
    const effective: Record<string, AnswerValue | undefined> = {};
    for (const field of fieldsAtStage(form, stage)) {
      if (!appliesTo(field.collectedAbout, context)) continue;
      if (field.showWhen !== undefined && !evaluateCondition(field.showWhen, effective, context))
        continue;
      if (!Object.hasOwn(answers, field.id)) continue;
      const value = answers[field.id];
      effective[field.id] = value;
      if (field.type !== 'note' && value !== undefined) out[field.id] = value;
    }
  }
  return out;
}

/** What askedAnswersOf walks for one field: its rule compiled, whether its answer is kept. */
interface AskedStep {
  readonly id: string;
  readonly about: CollectedAbout;
  readonly when: CompiledCondition | null;
  readonly keep: boolean;
}

/**
 * askedAnswers(forms, stage, answers, context) restricted to `fieldIds`, as a function built once:
 * the same walk, form by form in form order, over only the fields that decide the answer — those
 * fields and, in turn, every field their showWhen rules read. A field outside that set can change
 * no rule of a field inside it (rules read only `effective`, which holds only the fields the walk
 * visits), so the result is askedAnswers' for those fields, for every answers and context. The
 * HMIS export asks this for every assessment of a county, for the few fields a CSV file carries.
 */
export function askedAnswersOf(
  forms: readonly FormDefinition[],
  stage: FormStage,
  fieldIds: Iterable<string>,
): (answers: Answers, context?: FormContext) => Record<string, AnswerValue> {
  const wanted = new Set(fieldIds);
  const needed = new Set(wanted);
  const queue = [...wanted];
  const byId = new Map<string, FormField[]>();
  for (const form of forms) {
    for (const field of fieldsAtStage(form, stage)) {
      const list = byId.get(field.id) ?? [];
      list.push(field);
      byId.set(field.id, list);
    }
  }
  while (queue.length > 0) {
    for (const field of byId.get(queue.pop()!) ?? []) {
      if (field.showWhen === undefined) continue;
      for (const read of conditionFields(field.showWhen)) {
        if (!needed.has(read)) {
          needed.add(read);
          queue.push(read);
        }
      }
    }
  }
  const steps: AskedStep[][] = forms.map((form) =>
    fieldsAtStage(form, stage)
      .filter((field) => needed.has(field.id))
      .map((field) => ({
        id: field.id,
        about: field.collectedAbout,
        when: field.showWhen === undefined ? null : compileCondition(field.showWhen),
        keep: wanted.has(field.id) && field.type !== 'note',
      })),
  );
  return (answers, context = {}) => {
    const out: Record<string, AnswerValue> = {};
    for (const formSteps of steps) {
      const effective: Record<string, AnswerValue | undefined> = {};
      for (const step of formSteps) {
        if (!appliesTo(step.about, context)) continue;
        if (step.when !== null && !step.when(effective, context)) continue;
        if (!Object.hasOwn(answers, step.id)) continue;
        const value = answers[step.id];
        effective[step.id] = value;
        if (step.keep && value !== undefined) out[step.id] = value;
      }
    }
    return out;
  };
}

const stageFieldCache = new WeakMap<FormDefinition, Map<FormStage, readonly FormField[]>>();

/** The form's fields collected at a stage, in form order (cached: forms are frozen data). */
function fieldsAtStage(form: FormDefinition, stage: FormStage): readonly FormField[] {
  let byStage = stageFieldCache.get(form);
  if (byStage === undefined) {
    byStage = new Map();
    stageFieldCache.set(form, byStage);
  }
  let fields = byStage.get(stage);
  if (fields === undefined) {
    fields = form.sections.flatMap((s) => s.fields.filter((f) => f.stages.includes(stage)));
    byStage.set(stage, fields);
  }
  return fields;
}
