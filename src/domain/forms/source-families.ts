// The 4.02 / 4.03 / 4.04 source families: under each "from any source" question (list 1.8) HUD
// asks every source on its own (list 1.7). A screen offers "No to all the others" for a family:
// every source still unanswered becomes No (0). An answered source is never overwritten, and
// nothing is set until the case manager asks for it (an unanswered question is never saved as No).
import { HEALTH_INSURANCE_TYPES, INCOME_SOURCES, NO, NON_CASH_BENEFIT_SOURCES } from '../codes';
import { isEmptyAnswer } from './conditions';
import { hudColumnToFieldId } from './fields';
import { MN_CORE_FIELD_IDS } from './mn-core';
import type { AnswerValue, Answers } from './types';

export type SourceFamilyId = 'income' | 'benefits' | 'insurance';

export interface SourceFamily {
  readonly id: SourceFamilyId;
  /** The "from any source" question (4.02.2, 4.03.2, 4.04.2). */
  readonly anyId: string;
  /** The source questions, in form order (answer ids of their HUD columns). */
  readonly sourceIds: readonly string[];
  /** "income sources", for the button: "No to all the other income sources". */
  readonly sourceWords: string;
}

export const SOURCE_FAMILIES: readonly SourceFamily[] = Object.freeze([
  {
    id: 'income',
    anyId: MN_CORE_FIELD_IDS.incomeFromAnySource,
    sourceIds: INCOME_SOURCES.map((s) => hudColumnToFieldId(s.column)),
    sourceWords: 'income sources',
  },
  {
    id: 'benefits',
    anyId: MN_CORE_FIELD_IDS.benefitsFromAnySource,
    sourceIds: NON_CASH_BENEFIT_SOURCES.map((s) => hudColumnToFieldId(s.column)),
    sourceWords: 'non-cash benefits',
  },
  {
    id: 'insurance',
    anyId: MN_CORE_FIELD_IDS.insuranceFromAnySource,
    sourceIds: HEALTH_INSURANCE_TYPES.map((s) => hudColumnToFieldId(s.column)),
    sourceWords: 'insurance types',
  },
] as const satisfies readonly SourceFamily[]);

/** The family whose source this field is, if any. */
export function sourceFamilyOf(fieldId: string): SourceFamily | undefined {
  return SOURCE_FAMILIES.find((f) => f.sourceIds.includes(fieldId));
}

/** The sources of the family that are not answered yet, in form order. */
export function unansweredSources(family: SourceFamily, answers: Answers): string[] {
  return family.sourceIds.filter((id) => !Object.hasOwn(answers, id) || isEmptyAnswer(answers[id]));
}

/**
 * "No to all the others": the answers to set, No (0) for every source of the family still
 * unanswered; answered sources (Yes, No or Data not collected) are left out, so they keep their
 * answer. Empty when every source is answered.
 */
export function noToOtherSources(
  family: SourceFamily,
  answers: Answers,
): Readonly<Record<string, AnswerValue>> {
  return Object.fromEntries(unansweredSources(family, answers).map((id) => [id, NO]));
}
