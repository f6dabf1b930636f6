// For other screens: "was this also true at project start?" Answers given elsewhere (a contact's
// interim update) that would fill a gap of the Entry assessment, for the screen to offer as a
// backfill (saved with backfillChange). Part of backfill.ts.
import { isMissingDataCode } from '../codes';
import {
  FORMS,
  fieldStatuses,
  isEmptyAnswer,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
} from '../forms';
import { ENTRY_STAGE, entryAnswers, isAnswerValue, type BackfillEntry } from './backfill';

/** An answer given elsewhere (a contact's interim update) that would fill a gap at project start. */
export interface EntryGap {
  readonly fieldId: string;
  readonly label: string;
  /** What the Entry holds now: no answer, or 8/9/99. */
  readonly reason: 'empty' | 'missing_data';
  readonly entryValue?: number;
  /** The answer given elsewhere, which could be copied to the Entry. */
  readonly value: AnswerValue;
}

function isRealAnswer(value: unknown): value is AnswerValue {
  return isAnswerValue(value) && !isEmptyAnswer(value) && !isMissingDataCode(value);
}

/**
 * Of the answers just given (say, on a contact's interim update), those that the Entry assessment
 * is missing (no answer, or 8/9/99) and that are asked at project start, in form order. A screen
 * asks "Was this also true at project start?" for each and, for the ones confirmed, saves
 * backfillChange(enrollment, entry, { ...entryAnswers(entry), ...confirmed }, context).
 * Follow-up questions count too when their parent question would be filled in the same way.
 */
export function entryFieldsMissing(
  entry: BackfillEntry | undefined,
  given: Answers,
  context: FormContext,
  forms: readonly FormDefinition[] = FORMS,
): EntryGap[] {
  const base = entryAnswers(entry);
  const candidate: Record<string, AnswerValue> = { ...base };
  for (const [id, value] of Object.entries(given)) {
    if (isRealAnswer(value) && !isRealAnswer(base[id])) candidate[id] = value;
  }
  const out: EntryGap[] = [];
  for (const { field, state } of fieldStatuses(forms, ENTRY_STAGE, candidate, context)) {
    if (state !== 'asked' || field.type === 'note') continue;
    const value = given[field.id];
    const current = base[field.id];
    if (!isRealAnswer(value) || isRealAnswer(current)) continue;
    out.push({
      fieldId: field.id,
      label: field.label,
      reason: isEmptyAnswer(current) ? 'empty' : 'missing_data',
      ...(typeof current === 'number' && isMissingDataCode(current) ? { entryValue: current } : {}),
      value,
    });
  }
  return out;
}
