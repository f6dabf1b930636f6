// Everything derived from form definitions: which fields a screen shows, the zod schema for an
// Assessment's answers at a stage, and the required answers still missing (for backfill prompts).
//
// A field is asked when (1) it is collected at the stage, (2) it applies to the client
// (collectedAbout, when the context says who the client is) and (3) its showWhen rule holds, where
// fields that are not asked count as empty. A field that is not asked must be null or absent: HUD's
// "dependent fields are null unless the parent field contains the triggering value".
import { z } from 'zod';
import {
  DATA_COLLECTION_STAGE_LIST,
  MISSING_DATA_CODES,
  PROJECT_TYPE_LIST,
  getList,
  hasCode,
  labelOf,
} from '../codes';
import type { HudList } from '../codes';
import { describeCondition, evaluateCondition, isEmptyAnswer } from './conditions';
import type { ConditionWords } from './conditions';
import { formFields, requiredStages } from './definition';
import type { PicklistRegistry } from './picklists';
import type {
  AnswerValue,
  Answers,
  CollectedAbout,
  ConditionValue,
  FormContext,
  FormDefinition,
  FormField,
  FormStage,
} from './types';
import { STAGE_WORDS } from './types';

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

// ---- words -----------------------------------------------------------------------------------

/** A label as the subject of a sentence: questions are quoted. */
function named(field: FormField): string {
  return field.label.trimEnd().endsWith('?') ? `“${field.label}”` : field.label;
}

function hudListOf(field: FormField): HudList | undefined {
  if (!('source' in field) || !('hudList' in field.source)) return undefined;
  return getList(field.source.hudList);
}

function optionLabel(
  field: FormField,
  value: ConditionValue,
  picklists: PicklistRegistry,
): string | undefined {
  if (!('source' in field)) return undefined;
  if ('hudList' in field.source) {
    return typeof value === 'number' ? labelOf(getList(field.source.hudList), value) : undefined;
  }
  return typeof value === 'string' ? picklists.labelOf(field.source.picklist, value) : undefined;
}

function conditionWords(
  forms: readonly FormDefinition[],
  picklists: PicklistRegistry,
): ConditionWords {
  const byId = new Map(forms.flatMap(formFields).map((f) => [f.id, f]));
  return {
    fieldLabel: (id) => {
      const f = byId.get(id);
      return f === undefined ? id : named(f);
    },
    optionLabel: (id, value) => {
      const f = byId.get(id);
      return f === undefined ? undefined : optionLabel(f, value, picklists);
    },
    contextValueLabel: (variable, value) =>
      variable === 'projectType' ? labelOf(PROJECT_TYPE_LIST, value) : undefined,
  };
}

/** "… is only recorded when <this>", for a field with a showWhen rule. */
export function conditionText(
  field: FormField,
  forms: readonly FormDefinition[],
  picklists: PicklistRegistry,
): string {
  if (field.conditionText !== undefined) return field.conditionText;
  if (field.showWhen === undefined) return 'it applies';
  return describeCondition(field.showWhen, conditionWords(forms, picklists));
}

const ABOUT_WORDS: Readonly<Record<CollectedAbout, string>> = {
  all_clients: 'every client',
  hoh_and_adults: 'the head of household and adults',
  hoh: 'the head of household',
};

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

// ---- checking answers ------------------------------------------------------------------------

export type AnswerIssueCode =
  'unknown_field' | 'not_at_stage' | 'not_applicable' | 'hidden' | 'required' | 'invalid';

export interface AnswerIssue {
  /** The answer's field id. */
  readonly field: string;
  readonly code: AnswerIssueCode;
  readonly message: string;
}

export interface AnswersOptions {
  readonly context?: FormContext;
  /** Accept empty required answers (a draft saved part-way); everything else is still checked. */
  readonly allowIncomplete?: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function hasAtMostTwoDecimals(n: number): boolean {
  const cents = n * 100;
  return Math.abs(cents - Math.round(cents)) < 1e-6;
}

function checkChoice(
  field: FormField & { source: { hudList: string } | { picklist: string } },
  value: unknown,
  picklists: PicklistRegistry,
): boolean {
  if ('hudList' in field.source) {
    return (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      hasCode(getList(field.source.hudList), value)
    );
  }
  return typeof value === 'string' && picklists.has(field.source.picklist, value);
}

/** Problems with the value of an asked, non-empty field; undefined when it is fine. */
function valueProblem(
  field: FormField,
  value: unknown,
  picklists: PicklistRegistry,
  context: FormContext,
): string | undefined {
  const L = named(field);
  switch (field.type) {
    case 'single':
    case 'yesno':
      return checkChoice(field, value, picklists)
        ? undefined
        : `Choose one of the listed answers for ${L} (${show(value)} is not one of them).`;
    case 'multi': {
      if (!Array.isArray(value)) return `${L} takes a list of choices.`;
      const bad = (value as unknown[]).filter((v) => !checkChoice(field, v, picklists));
      if (bad.length > 0) {
        return `${L}: ${bad.map(show).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not among the listed choices.`;
      }
      const dup = (value as unknown[]).find((v, i) => (value as unknown[]).indexOf(v) !== i);
      if (dup !== undefined) return `${L} lists ${show(dup)} more than once.`;
      return undefined;
    }
    case 'money':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return `${L} must be an amount in dollars and cents, for example 450.00.`;
      }
      if (value < 0) return `${L} cannot be negative.`;
      if (!hasAtMostTwoDecimals(value)) return `${L} can have at most 2 decimal places (cents).`;
      return undefined;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return `${L} must be a whole number.`;
      if (field.min !== undefined && value < field.min)
        return `${L} must be at least ${field.min}.`;
      if (field.max !== undefined && value > field.max) return `${L} must be at most ${field.max}.`;
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value))
        return `${L} must be a date (YYYY-MM-DD).`;
      if (!isRealDate(value)) return `${L}: ${value} is not a real calendar date.`;
      if (field.notInFuture === true && context.today !== undefined && value > context.today) {
        return `${L} cannot be in the future (${value} is after today, ${context.today}).`;
      }
      return undefined;
    case 'text':
      if (typeof value !== 'string') return `${L} must be text.`;
      if (value.length > field.maxLength) {
        return `${L} is ${value.length} characters long; the limit is ${field.maxLength}.`;
      }
      return undefined;
    case 'note':
      return `${L} is a note on the form, not a question: it has no answer.`;
  }
}

function requiredMessage(field: FormField, stage: FormStage): string {
  const list = hudListOf(field);
  const hint =
    list !== undefined && hasCode(list, 8) && hasCode(list, 9)
      ? ' If the client doesn’t know or prefers not to answer, choose that answer.'
      : '';
  return `${named(field)} is required at ${STAGE_WORDS[stage]}.${hint}`;
}

/**
 * Every problem with the answers of one Assessment at a stage, field by field, in form order.
 * Answers for fields that are not asked must be null or absent.
 */
export function checkAnswers(
  forms: readonly FormDefinition[],
  stage: FormStage,
  answers: Answers,
  picklists: PicklistRegistry,
  options: AnswersOptions = {},
): AnswerIssue[] {
  const context = options.context ?? {};
  const issues: AnswerIssue[] = [];
  const statuses = fieldStatuses(forms, stage, answers, context);
  const known = new Set(statuses.map((s) => s.field.id));

  for (const id of Object.keys(answers)) {
    if (!known.has(id) && !isEmptyAnswer(answers[id])) {
      issues.push({
        field: id,
        code: 'unknown_field',
        message: `The answer "${id}" does not belong to any question on these forms.`,
      });
    }
  }

  for (const { field, state } of statuses) {
    const value = Object.hasOwn(answers, field.id) ? answers[field.id] : undefined;
    const empty = isEmptyAnswer(value);
    if (state !== 'asked') {
      if (empty) continue;
      const message =
        state === 'not_at_stage'
          ? `${named(field)} is not collected at ${STAGE_WORDS[stage]}.`
          : state === 'not_applicable'
            ? `${named(field)} is only recorded for ${ABOUT_WORDS[field.collectedAbout]}.`
            : `${named(field)} is only recorded when ${conditionText(field, forms, picklists)}.`;
      issues.push({ field: field.id, code: state, message });
      continue;
    }
    if (empty) {
      if (!options.allowIncomplete && requiredStages(field).includes(stage)) {
        issues.push({ field: field.id, code: 'required', message: requiredMessage(field, stage) });
      }
      continue;
    }
    const problem = valueProblem(field, value, picklists, context);
    if (problem !== undefined) issues.push({ field: field.id, code: 'invalid', message: problem });
  }
  return issues;
}

// ---- one answer on its own -------------------------------------------------------------------

/** Words for a data collection stage, also for one the forms never collect at ("post-exit"). */
function stageWords(stage: number): string {
  if (Object.hasOwn(STAGE_WORDS, stage)) return STAGE_WORDS[stage as FormStage];
  return labelOf(DATA_COLLECTION_STAGE_LIST, stage)?.toLowerCase() ?? `stage ${stage}`;
}

/** The message for an answer that belongs to no question of the forms. */
export const UNKNOWN_ANSWER_MESSAGE =
  'This answer does not belong to any question on the assessment forms.';

/**
 * The problem with one answer of an Assessment taken on its own, in a case manager's words, or
 * undefined when it may be stored. `field` is the form field the answer belongs to (undefined: no
 * question of the forms). The question must be collected at `stage` (HUD 5.03.1; a value that is not
 * a stage code is not checked here, since the stage itself is invalid), and a non-empty value must
 * have the field's type and be in its list (HUD code list or local picklist), with its money format,
 * integer range, real calendar date or text length. An empty answer (null, '', []) is always fine:
 * it clears the field.
 *
 * Rules that read several answers (showWhen, collectedAbout, required) are not checked: answers
 * change one at a time, concurrently on several devices, so only checkAnswers (a whole form) can.
 */
export function fieldAnswerProblem(
  field: FormField | undefined,
  value: unknown,
  stage: unknown,
  picklists: PicklistRegistry,
): string | undefined {
  if (isEmptyAnswer(value)) return undefined;
  if (field === undefined) return UNKNOWN_ANSWER_MESSAGE;
  if (
    typeof stage === 'number' &&
    hasCode(DATA_COLLECTION_STAGE_LIST, stage) &&
    !(field.stages as readonly number[]).includes(stage)
  ) {
    return `${named(field)} is not collected at ${stageWords(stage)}.`;
  }
  return valueProblem(field, value, picklists, {});
}

/**
 * A zod schema for an Assessment's `answers` at this stage, derived from the forms: types, list
 * membership (HUD or picklist), money format, text length, required-at-stage and showWhen rules.
 * Each issue's path is [fieldId].
 */
export function answersSchema(
  forms: readonly FormDefinition[],
  stage: FormStage,
  picklists: PicklistRegistry,
  options: AnswersOptions = {},
): z.ZodType<Record<string, AnswerValue>> {
  const schema = z.record(z.string(), z.unknown()).superRefine((answers, ctx) => {
    for (const issue of checkAnswers(forms, stage, answers as Answers, picklists, options)) {
      ctx.addIssue({
        code: 'custom',
        message: issue.message,
        path: [issue.field],
        params: { rule: issue.code },
      });
    }
  });
  return schema as unknown as z.ZodType<Record<string, AnswerValue>>;
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
