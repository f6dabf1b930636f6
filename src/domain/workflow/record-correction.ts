// Correcting a saved record (issue 12; W-REC-2, W-REC-3 in RULES.md): from the fields as the
// person saw them when the form opened and what they typed, the patch to save and the values they
// saw, so the merge keeps what they did not see (M3: a field they did not change is not in the
// patch; one someone else changed meanwhile is compared with what they saw, not with the newest
// value). Whether a changed Entry answer is a correction or a backfill is the merge's rule (M4:
// what was seen decides), and the screen says which before saving. Pure.
import { isMissingAnswer, sameValue, type FieldValues } from '../merge';
import type { JsonValue } from '../protocol';
import type { RecordType } from '../records';
import { isEditable, type FieldInfo } from './change-summary';
import type { SavedRecordKind } from './saved-records';

/**
 * Whether a saved field is corrected on this screen. The Entry's and Exit's information date is
 * the project start or exit date itself (M4, one Entry and one Exit per enrollment): it changes
 * with the enrollment's dates, never on its own.
 */
export function isCorrectable(kind: SavedRecordKind, info: FieldInfo): boolean {
  if ((kind === 'entry' || kind === 'exit') && info.path === 'informationDate') return false;
  return isEditable(info);
}

export interface RecordCorrection {
  readonly change: {
    readonly type: RecordType;
    readonly id: string;
    readonly op: 'patch';
    readonly fields: FieldValues;
  };
  /** What the person saw of each changed field when the form opened (null for nothing). */
  readonly seen: FieldValues;
  /** Fields whose recorded answer is replaced by another: an ordinary edit. */
  readonly corrected: readonly string[];
  /** Fields that had no answer (empty, or 8, 9, 99) and now have one: on the Entry, a backfill. */
  readonly filled: readonly string[];
  /** Fields whose answer is taken back (blank, or 8, 9, 99). */
  readonly cleared: readonly string[];
}

export type CorrectionResult =
  | { readonly ok: true; readonly correction: RecordCorrection | null }
  | { readonly ok: false; readonly problems: Readonly<Record<string, string>> };

/**
 * The patch for a correction, null when nothing changed. On the Entry assessment a recorded
 * answer cannot be taken back to no answer: the merge keeps a real Entry answer over a missing
 * one whatever the clocks say (M4b), so saving it would look saved and change nothing; the person
 * is told so instead (W-REC-3).
 */
export function correctionOf(input: {
  readonly kind: SavedRecordKind;
  readonly type: RecordType;
  readonly id: string;
  /** The record's fields (flat) when the form opened. */
  readonly original: FieldValues;
  /** What the form holds now, for the fields it shows. */
  readonly edited: Readonly<Record<string, JsonValue>>;
  /** The label of each field, for messages. */
  readonly labels?: Readonly<Record<string, string>>;
}): CorrectionResult {
  const fields: FieldValues = {};
  const seen: FieldValues = {};
  const corrected: string[] = [];
  const filled: string[] = [];
  const cleared: string[] = [];
  const problems: Record<string, string> = {};
  for (const [path, value] of Object.entries(input.edited)) {
    const before = input.original[path] ?? null;
    if (sameValue(before, value)) continue;
    const wasAnswered = !isMissingAnswer(before);
    const isAnswered = !isMissingAnswer(value);
    if (input.kind === 'entry' && wasAnswered && !isAnswered) {
      const label = input.labels?.[path] ?? path;
      problems[path] =
        `${label}: a recorded project start answer cannot be taken back to no answer. ` +
        'Choose the answer that is true as of the project start date.';
      continue;
    }
    fields[path] = value;
    seen[path] = before;
    if (wasAnswered && isAnswered) corrected.push(path);
    else if (isAnswered) filled.push(path);
    else cleared.push(path);
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  if (Object.keys(fields).length === 0) return { ok: true, correction: null };
  return {
    ok: true,
    correction: {
      change: { type: input.type, id: input.id, op: 'patch', fields },
      seen,
      corrected,
      filled,
      cleared,
    },
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What saving will do, in the person's words: a correction of a recorded answer is an ordinary
 * edit; filling an Entry answer that was missing is a backfill (it describes the project start
 * and takes precedence over a later missing answer, M4).
 */
export function correctionNotice(kind: SavedRecordKind, c: RecordCorrection): string {
  const parts: string[] = [];
  if (c.corrected.length > 0) {
    parts.push(
      `corrects ${count(c.corrected.length, 'recorded answer', 'recorded answers')} ` +
        '(an ordinary edit: it replaces what was recorded)',
    );
  }
  if (c.filled.length > 0) {
    parts.push(
      kind === 'entry'
        ? `fills ${count(c.filled.length, 'missing project start answer', 'missing project start answers')} ` +
            '(a backfill: it is kept as the answer at project start)'
        : `adds ${count(c.filled.length, 'answer', 'answers')} that had none`,
    );
  }
  if (c.cleared.length > 0) {
    parts.push(`takes back ${count(c.cleared.length, 'answer', 'answers')}`);
  }
  return `Saving ${parts.join(', and ')}.`;
}
