// 3.08 Disabling Condition agrees with 4.05–4.10 (HUD: a disabling condition is a disability that
// is long-continued and of indefinite duration and substantially impairs independent living, or
// any developmental disability or HIV/AIDS). Both are answers of the Entry assessment, so the rule
// reads one set of answers:
//  - 3.08 = 1 (Yes) but no disability qualifies: the Yes has nothing behind it in Disabilities.csv;
//  - 3.08 = 0 (No) while one qualifies: the two disagree.
// Warnings: the case manager checks with the client; neither blocks saving. An unanswered or
// 8/9/99 Disabling Condition is left to the completeness rules.
import { DISABILITY_FIELDS } from '../codes/disability';
import { disabilityYesValues } from '../forms/disabilities';
import { warningIssue } from './types';
import type { ValidationIssue } from './types';
import { andList } from './words';

export const DISABILITY_RULES = Object.freeze({
  /** 3.08 = 1 with no qualifying 4.05–4.10 answer. */
  disablingConditionUnsupported: '3.08-no-disability',
  /** 3.08 = 0 with a qualifying 4.05–4.10 answer. */
  disablingConditionDisagrees: '3.08-disagrees',
} as const);

const DISABLING_CONDITION_FIELD = 'disablingCondition';
const YES = 1;
const NO = 0;

const NOUNS: Readonly<Record<number, string>> = {
  5: 'physical disability',
  6: 'developmental disability',
  7: 'chronic health condition',
  8: 'HIV/AIDS',
  9: 'mental health disorder',
  10: 'substance use disorder',
};

/**
 * The disability types (1.3) whose answers make a disabling condition: Yes (1/2/3 for substance
 * use) with "long-continued and indefinite, substantially impairs" Yes, or developmental
 * disability / HIV/AIDS Yes (HUD asks no indefinite question for those).
 */
export function qualifyingDisabilities(answers: Readonly<Record<string, unknown>>): number[] {
  const out: number[] = [];
  for (const d of DISABILITY_FIELDS) {
    const response = answers[d.responseField];
    if (typeof response !== 'number' || !disabilityYesValues(d.disabilityType).includes(response))
      continue;
    if (d.indefiniteField === null || answers[d.indefiniteField] === YES)
      out.push(d.disabilityType);
  }
  return out;
}

/** 3.08 against 4.05–4.10 in one assessment's answers (warnings). */
export function validateDisablingCondition(
  answers: Readonly<Record<string, unknown>>,
): ValidationIssue[] {
  const disabling = answers[DISABLING_CONDITION_FIELD];
  const qualifying = qualifyingDisabilities(answers);
  if (disabling === YES && qualifying.length === 0) {
    return [
      warningIssue(
        DISABLING_CONDITION_FIELD,
        DISABILITY_RULES.disablingConditionUnsupported,
        'Disabling condition is Yes, but no disability is recorded as Yes and long-lasting (or a developmental disability or HIV/AIDS). Record which disability it is, or check the Disabling condition answer with the client.',
      ),
    ];
  }
  if (disabling === NO && qualifying.length > 0) {
    const names = andList(qualifying.map((t) => NOUNS[t] ?? `disability type ${t}`));
    return [
      warningIssue(
        DISABLING_CONDITION_FIELD,
        DISABILITY_RULES.disablingConditionDisagrees,
        `Disabling condition is No, but the answers about ${names} make it a disabling condition: they disagree. Check both with the client and correct one of them.`,
      ),
    ];
  }
  return [];
}
