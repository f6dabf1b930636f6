// 3.917 Prior Living Situation consistency (Eva's "Incomplete Living Situation Data" family):
//  - 3.917.2A LOSUnderThreshold must agree with 3.917.2 LengthOfStay: the threshold is 90 days for
//    an institutional situation and 7 nights for any other non-homeless one, and HUD's length-of-stay
//    answers fall exactly on either side of both thresholds. expectedLosUnderThreshold() lets a
//    screen prefill the answer;
//  - 3.917.3 DateToStreetESSH is not after the project start (Eva warning "Homelessness Start Date
//    Later Than Entry").
// Both are warnings: the answers came from the client, and the case manager decides which is right.
import { LENGTH_OF_STAY_LIST, labelOf, livingSituationGroup } from '../codes';
import type { Answers } from '../forms';
import { RULES, formatDate, warningIssue } from './types';
import type { LocalDateString, ValidationIssue } from './types';

/** 3.917.2 answers under 90 days / under 7 nights. */
const UNDER_90_DAYS: readonly number[] = [10, 11, 2, 3];
const UNDER_7_NIGHTS: readonly number[] = [10, 11];
const KNOWN_LENGTHS: readonly number[] = [10, 11, 2, 3, 4, 5];

/**
 * The LOSUnderThreshold answer implied by the prior living situation and length of stay: 1 (under
 * the threshold), 0, or null when it cannot be told (homeless situation, unknown length of stay).
 */
export function expectedLosUnderThreshold(
  livingSituation: number | null | undefined,
  lengthOfStay: number | null | undefined,
): 0 | 1 | null {
  if (typeof livingSituation !== 'number' || typeof lengthOfStay !== 'number') return null;
  if (!KNOWN_LENGTHS.includes(lengthOfStay)) return null;
  const group = livingSituationGroup(livingSituation);
  if (group === undefined || group === 'homeless') return null;
  const under = group === 'institutional' ? UNDER_90_DAYS : UNDER_7_NIGHTS;
  return under.includes(lengthOfStay) ? 1 : 0;
}

function num(answers: Answers, id: string): number | null {
  const v = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof v === 'number' ? v : null;
}

export function validatePriorLivingSituation(
  answers: Answers,
  projectStartDate?: LocalDateString,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pls = num(answers, 'livingSituation');
  const los = num(answers, 'lengthOfStay');
  const under = num(answers, 'losUnderThreshold');
  const expected = expectedLosUnderThreshold(pls, los);
  if (expected !== null && (under === 0 || under === 1) && under !== expected) {
    const threshold = livingSituationGroup(pls ?? 0) === 'institutional' ? '90 days' : '7 nights';
    const length = labelOf(LENGTH_OF_STAY_LIST, los ?? 0) ?? String(los);
    issues.push(
      warningIssue(
        'losUnderThreshold',
        RULES.losUnderThreshold,
        `The length of stay ("${length}") means the stay was ${expected === 1 ? 'under' : 'not under'} ${threshold}, but the answer to “was the stay short” is ${under === 1 ? 'Yes' : 'No'}. Check both answers.`,
      ),
    );
  }

  const started = Object.hasOwn(answers, 'dateToStreetESSH') ? answers.dateToStreetESSH : undefined;
  if (projectStartDate !== undefined && typeof started === 'string' && started > projectStartDate) {
    issues.push(
      warningIssue(
        'dateToStreetESSH',
        RULES.dateToStreetESSH,
        `The date this episode of homelessness started (${formatDate(started)}) is after the project start date (${formatDate(projectStartDate)}). It should describe the client's situation at entry.`,
      ),
    );
  }
  return issues;
}
