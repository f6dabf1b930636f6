// What the exit screen keeps while the case manager fills it in (stored as a draft), and what it
// starts with. The Hennepin answers (documents, household income, …) start from the newest Update,
// else the Entry; HUD 4.02/4.03/4.04 start empty and are never copied from earlier answers without
// the case manager asking for it and confirming them (exit-income.ts).
import { type AnswerValue } from '../forms';
import type { ExitReason } from '../records';
import { latestInterimValues } from './interim';

/** HUD 5.03.1 stage of the Exit assessment. */
export const EXIT_STAGE = 3 as const;

/** "Same as the latest answers": where the 4.02–4.04 answers were copied from, and the review. */
export interface ExitIncomeCopy {
  /** The information date of the newest answers copied ('YYYY-MM-DD'), null when unknown. */
  readonly from: string | null;
  /** The case manager confirmed the copied answers are true on the exit date. */
  readonly confirmed: boolean;
}

/** What the exit screen keeps while the case manager fills it in (stored as a draft). */
export interface ExitForm {
  readonly reason: ExitReason | null;
  /** 'YYYY-MM-DD' as typed ('' when cleared). */
  readonly exitDate: string;
  readonly destination: number | null;
  readonly destinationSubsidyType: number | null;
  /** 3.12.B "Specify the other destination", as typed (saved only with Destination 17). */
  readonly otherDestination: string;
  /** The exit Current Living Situation the case manager chose; null: follow the suggestion. */
  readonly cls: number | null;
  /** Its subsidy type (4.12.A), when the case manager chose one; null: follow the Destination's. */
  readonly clsSubsidyType: number | null;
  /** 4.12.B and 4.12.C–F of the exit Current Living Situation (list 1.8), null until answered. */
  readonly leaveSituation14Days: number | null;
  readonly subsequentResidence: number | null;
  readonly resourcesToObtain: number | null;
  readonly leaseOwn60Day: number | null;
  readonly movedTwoOrMore: number | null;
  /** Exit assessment answers (of both parts), as typed. */
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** Set when the 4.02–4.04 answers were copied from the latest ones; null otherwise. */
  readonly incomeCopy: ExitIncomeCopy | null;
  /**
   * W-EX7: the client's contact fields as the case manager corrected them (phone, email, address
   * lines, city, state, ZIP); absent fields show what is on record. Absent: nothing edited.
   */
  readonly contact?: Readonly<Record<string, string>>;
  /** W-EX7: the contact information fields are open for editing. */
  readonly contactOpen?: boolean;
}

/** An assessment as the workflow reads it (an Entry, an Update, the Exit). */
export type AssessmentLike = Readonly<Record<string, unknown>>;

export function answersOf(a: AssessmentLike | undefined): Readonly<Record<string, unknown>> {
  const answers = a?.answers;
  return answers !== null && typeof answers === 'object' && !Array.isArray(answers)
    ? (answers as Record<string, unknown>)
    : {};
}

/**
 * The answers the exit assessment starts with: for each field of the Hennepin interim sections, the
 * newest Update's answer, else the Entry's (latestInterimValues); answers already on an Exit
 * assessment (saved on another device) win. HUD 4.02/4.03/4.04 are not pre-filled (3 in the
 * conformance audit: entry income silently saved as exit income).
 */
export function prefillExitAnswers(
  entry: AssessmentLike | undefined,
  updates: readonly AssessmentLike[],
  existingExit?: AssessmentLike,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = latestInterimValues(entry, updates);
  for (const [id, value] of Object.entries(answersOf(existingExit))) {
    if (value !== null && value !== undefined) out[id] = value as AnswerValue;
  }
  return out;
}

/** The date of the newest Update the pre-fill read, for "pre-filled from the update of …". */
export function prefillSource(
  entry: AssessmentLike | undefined,
  updates: readonly AssessmentLike[],
): { kind: 'update' | 'entry'; date: string | null } | null {
  const dates = updates
    .filter((u) => u.dataCollectionStage === 2 || u.dataCollectionStage === 5)
    .map((u) => u.informationDate)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  if (dates.length > 0) return { kind: 'update', date: dates[dates.length - 1]! };
  if (entry !== undefined) {
    return {
      kind: 'entry',
      date: typeof entry.informationDate === 'string' ? entry.informationDate : null,
    };
  }
  return null;
}

const EMPTY_EXIT_FORM: Omit<ExitForm, 'exitDate' | 'answers'> = Object.freeze({
  reason: null,
  destination: null,
  destinationSubsidyType: null,
  otherDestination: '',
  cls: null,
  clsSubsidyType: null,
  leaveSituation14Days: null,
  subsequentResidence: null,
  resourcesToObtain: null,
  leaseOwn60Day: null,
  movedTwoOrMore: null,
  incomeCopy: null,
});

export function initialExitForm(input: {
  today: string;
  entry: AssessmentLike | undefined;
  updates: readonly AssessmentLike[];
  existingExit?: AssessmentLike;
}): ExitForm {
  return {
    ...EMPTY_EXIT_FORM,
    exitDate: input.today,
    answers: prefillExitAnswers(input.entry, input.updates, input.existingExit),
  };
}

/**
 * A stored draft with the fields added since it was written (3.12.B, 4.12.B–F, the income copy)
 * filled in, so a draft saved by an older version of the screen still opens.
 */
export function withExitFormDefaults(
  draft: Partial<ExitForm> & Pick<ExitForm, 'exitDate'>,
): ExitForm {
  return { ...EMPTY_EXIT_FORM, answers: {}, ...draft };
}
