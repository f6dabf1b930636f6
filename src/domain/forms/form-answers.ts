// Checking answers against the form definitions: each value has its field's type and is in its
// list, required answers at the stage are there, answers that are not asked are null or absent;
// and one answer on its own (the merge's M9 check), and the zod schema of a stage's answers.
import { z } from 'zod';
import { DATA_COLLECTION_STAGE_LIST, getList, hasCode, labelOf } from '../codes';
import { isEmptyAnswer } from './conditions';
import { requiredStages } from './definition';
import type { PicklistRegistry } from './picklists';
import type {
  AnswerValue,
  Answers,
  FormContext,
  FormDefinition,
  FormField,
  FormStage,
} from './types';
import { STAGE_WORDS } from './types';
import { ABOUT_WORDS, conditionText, hudListOf, named, show } from './form-words';
import { fieldStatuses } from './form-asked';

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
