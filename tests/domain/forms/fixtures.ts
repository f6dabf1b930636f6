// Synthetic answers for the built-in forms. No real client data.
import {
  DEFAULT_PICKLIST_REGISTRY,
  FORMS,
  answersSchema,
  checkAnswers,
} from '../../../src/domain/forms';
import type {
  AnswerIssue,
  AnswerValue,
  AnswersOptions,
  FormStage,
} from '../../../src/domain/forms';

export type TestAnswers = Record<string, AnswerValue | undefined>;

/** A complete, valid entry assessment (both forms) for an adult head of household. */
export function completeEntry(): Record<string, AnswerValue> {
  return {
    // 3.917 (homeless the night before: straight to the chronicity questions)
    livingSituation: 116,
    lengthOfStay: 4,
    dateToStreetESSH: '2024-06-01',
    timesHomelessPastThreeYears: 2,
    monthsHomelessPastThreeYears: 108,
    // 3.08
    disablingCondition: 0,
    // 4.02
    incomeFromAnySource: 1,
    earned: 1,
    earnedAmount: 800,
    ssi: 1,
    ssiAmount: 943.5,
    totalMonthlyIncome: 1743.5,
    // 4.03
    benefitsFromAnySource: 1,
    snap: 1,
    // 4.04
    insuranceFromAnySource: 1,
    medicaid: 1,
    // 4.11
    domesticViolenceSurvivor: 0,
    // Hennepin Case Management
    docPhotoId: 'has',
    docBirthCertificate: 'working_on_it',
    docSocialSecurityCard: 'does_not_have',
    docProofOfIncome: 'has',
    docDisabilityVerification: 'not_needed',
    docHomelessnessVerification: 'working_on_it',
    householdMonthlyIncome: 1743.5,
    householdIncomeSources: [1, 3],
    legalInvolvement: 0,
    preferredAreas: ['minneapolis_north', 'west_suburbs'],
    housingTypes: ['apartment'],
    hasPets: 0,
    willingToShareHousing: 1,
  };
}

/** checkAnswers with the built-in forms and default picklists. */
export function issuesAt(
  stage: FormStage,
  answers: TestAnswers,
  options: AnswersOptions = {},
): AnswerIssue[] {
  return checkAnswers(FORMS, stage, answers, DEFAULT_PICKLIST_REGISTRY, options);
}

/** The issues for one field. */
export function issuesFor(
  field: string,
  stage: FormStage,
  answers: TestAnswers,
  options: AnswersOptions = {},
): AnswerIssue[] {
  return issuesAt(stage, answers, options).filter((i) => i.field === field);
}

/** The zod schema for the built-in forms at a stage. */
export function schemaAt(stage: FormStage, options: AnswersOptions = {}) {
  return answersSchema(FORMS, stage, DEFAULT_PICKLIST_REGISTRY, options);
}
