// HUD's null rule (CSV-2026 General Rules): "dependent fields will be null unless the parent field
// contains the value defined by the Data Dictionary". One function per record kind:
//  - 4.12 Current Living Situation: CLSSubsidyType (435), LeaveSituation14Days (institutional /
//    temporary / permanent CLS), its four follow-ups (LeaveSituation14Days = 1), VerifiedBy
//    (Coordinated Entry projects only);
//  - Assessment answers: RentalSubsidyType (prior living situation 435), the "specify other" texts
//    of income, benefits and insurance, each income amount (its source = Yes) and each
//    reason-not-insured (its insurance type = No).
// A missing dependent that should be there is an error where HUD/Eva treat it as one (subsidy type,
// other-source text, an amount) and a warning otherwise (the 14-day questions).
import {
  CLS_14_DAY_TRIGGER_CODES,
  COORDINATED_ENTRY,
  HEALTH_INSURANCE_TYPES,
  INCOME_SOURCES,
  OTHER_BENEFITS_SOURCE_IDENTIFY,
  OTHER_INCOME_SOURCE_IDENTIFY,
  OTHER_INSURANCE_IDENTIFY,
  REASON_NOT_INSURED_WHEN,
  RENTAL_WITH_SUBSIDY,
} from '../codes';
import type { SpecifyOtherRule } from '../codes';
import { fieldById, hudColumnToFieldId, isEmptyAnswer } from '../forms';
import type { Answers } from '../forms';
import type { CurrentLivingSituation } from '../records';
import { RULES, errorIssue, warningIssue } from './types';
import type { ValidationIssue } from './types';
import { situationName } from './words';

const YES = 1;

/** Where a living situation with a subsidy type is recorded. */
export type SubsidyElement = 'current' | 'destination' | 'prior';

const SUBSIDY_WORDS: Readonly<Record<SubsidyElement, { what: string; rule: string }>> = {
  current: { what: 'current living situation', rule: RULES.clsSubsidyType },
  destination: { what: 'destination', rule: RULES.destinationSubsidyType },
  prior: { what: 'prior living situation', rule: RULES.priorSubsidyType },
};

/**
 * 3.12.A / 3.917.A / 4.12.A: a rental subsidy type is recorded when, and only when, the living
 * situation is 435 "Rental by client, with ongoing housing subsidy" (Eva 121, 129, 130).
 */
export function validateSubsidyType(
  situation: number | null | undefined,
  subsidyType: number | null | undefined,
  element: SubsidyElement,
  field: string,
): ValidationIssue[] {
  const { what, rule } = SUBSIDY_WORDS[element];
  const hasSubsidy = subsidyType !== null && subsidyType !== undefined;
  if (situation === RENTAL_WITH_SUBSIDY && !hasSubsidy) {
    return [
      errorIssue(
        field,
        rule,
        `Choose the rental subsidy type: the ${what} is "Rental by client, with ongoing housing subsidy".`,
      ),
    ];
  }
  if (situation !== RENTAL_WITH_SUBSIDY && hasSubsidy) {
    return [
      errorIssue(
        field,
        rule,
        `The rental subsidy type is only recorded when the ${what} is "Rental by client, with ongoing housing subsidy". Clear it or change the ${what}.`,
      ),
    ];
  }
  return [];
}

// ---- 4.12 Current Living Situation -----------------------------------------------------------

export type ClsDependentFields = Pick<
  CurrentLivingSituation,
  | 'currentLivingSituation'
  | 'clsSubsidyType'
  | 'verifiedBy'
  | 'leaveSituation14Days'
  | 'subsequentResidence'
  | 'resourcesToObtain'
  | 'leaseOwn60Day'
  | 'movedTwoOrMore'
>;

/** 4.12.C–F, with Open Path's (HUD's) question wording. */
export const FOURTEEN_DAY_FOLLOW_UPS = Object.freeze([
  {
    field: 'subsequentResidence',
    element: '4.12.C',
    question: 'Has a subsequent residence been identified?',
  },
  {
    field: 'resourcesToObtain',
    element: '4.12.D',
    question:
      'Does the individual or family have resources or support networks to obtain other permanent housing?',
  },
  {
    field: 'leaseOwn60Day',
    element: '4.12.E',
    question:
      'Has the client had a lease or ownership interest in a permanent housing unit in the last 60 days?',
  },
  {
    field: 'movedTwoOrMore',
    element: '4.12.F',
    question: 'Has the client moved 2 or more times in the last 60 days?',
  },
] as const);

const LEAVE_14_DAYS_QUESTION =
  'Is the client going to have to leave their current living situation within 14 days?';

export interface ClsContext {
  /** HUD 2.02.6 ProjectType of the enrollment's project; null when unknown (VerifiedBy not checked). */
  readonly projectType: number | null;
}

/** The HUD null rules of one 4.12 record. */
export function validateClsDependentFields(
  cls: ClsDependentFields,
  context: ClsContext,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const situation = cls.currentLivingSituation;

  issues.push(...validateSubsidyType(situation, cls.clsSubsidyType, 'current', 'clsSubsidyType'));

  const asks14Days = CLS_14_DAY_TRIGGER_CODES.includes(situation);
  if (!asks14Days && cls.leaveSituation14Days !== null) {
    issues.push(
      errorIssue(
        'leaveSituation14Days',
        RULES.leaveSituation14Days,
        `“${LEAVE_14_DAYS_QUESTION}” is only recorded when the client is staying in an institution or in temporary or permanent housing, not for "${situationName(situation)}". Clear the answer.`,
      ),
    );
  } else if (asks14Days && cls.leaveSituation14Days === null) {
    issues.push(
      warningIssue(
        'leaveSituation14Days',
        RULES.leaveSituation14Days,
        `Ask whether the client will have to leave "${situationName(situation)}" within 14 days.`,
      ),
    );
  }

  const leaving = asks14Days && cls.leaveSituation14Days === YES;
  for (const { field, element, question } of FOURTEEN_DAY_FOLLOW_UPS) {
    const value = cls[field];
    if (!leaving && value !== null) {
      issues.push(
        errorIssue(
          field,
          RULES.fourteenDayFollowUps,
          `“${question}” (${element}) is only recorded when the client will have to leave within 14 days (answered Yes). Clear the answer.`,
        ),
      );
    } else if (leaving && value === null) {
      issues.push(
        warningIssue(
          field,
          RULES.fourteenDayFollowUps,
          `The client has to leave within 14 days: also ask “${question}”`,
        ),
      );
    }
  }

  const verified = cls.verifiedBy !== null && cls.verifiedBy.trim() !== '';
  if (verified && context.projectType !== null && context.projectType !== COORDINATED_ENTRY) {
    issues.push(
      errorIssue(
        'verifiedBy',
        RULES.verifiedBy,
        '“Living situation verified by” is only recorded for Coordinated Entry projects. Clear it.',
      ),
    );
  }
  return issues;
}

// ---- Assessment answers ----------------------------------------------------------------------

function value(answers: Answers, id: string): unknown {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function labelOfField(id: string): string {
  return fieldById(id)?.label ?? id;
}

function specifyOther(answers: Answers, rule: SpecifyOtherRule, ruleId: string): ValidationIssue[] {
  const textId = hudColumnToFieldId(rule.column);
  const parentId = hudColumnToFieldId(rule.parentColumn);
  const text = value(answers, textId);
  const parentIsYes = value(answers, parentId) === rule.parentValue;
  if (!isEmptyAnswer(text) && !parentIsYes) {
    return [
      errorIssue(
        textId,
        ruleId,
        `“${labelOfField(textId)}” is only recorded when ${labelOfField(parentId)} is Yes. Clear it, or mark ${labelOfField(parentId)} Yes.`,
      ),
    ];
  }
  if (isEmptyAnswer(text) && parentIsYes) {
    return [
      errorIssue(
        textId,
        ruleId,
        `${labelOfField(parentId)} is Yes: say what it is (“${labelOfField(textId)}”).`,
      ),
    ];
  }
  return [];
}

/** The null rules inside an Assessment's answers (income, benefits, insurance, prior living situation). */
export function validateAnswerDependentFields(answers: Answers): ValidationIssue[] {
  const issues: ValidationIssue[] = [];

  const pls = value(answers, 'livingSituation');
  const subsidy = value(answers, 'rentalSubsidyType');
  if (pls !== undefined || subsidy !== undefined) {
    issues.push(
      ...validateSubsidyType(
        typeof pls === 'number' ? pls : null,
        typeof subsidy === 'number' ? subsidy : null,
        'prior',
        'rentalSubsidyType',
      ),
    );
  }

  for (const source of INCOME_SOURCES) {
    const sourceId = hudColumnToFieldId(source.column);
    const amountId = hudColumnToFieldId(source.amountColumn);
    const amount = value(answers, amountId);
    const isYes = value(answers, sourceId) === YES;
    const label = labelOfField(sourceId);
    if (!isEmptyAnswer(amount) && !isYes) {
      issues.push(
        errorIssue(
          amountId,
          RULES.incomeAmount,
          `An amount for ${label} is only recorded when ${label} is Yes. Clear the amount, or mark ${label} Yes.`,
        ),
      );
    } else if (isEmptyAnswer(amount) && isYes) {
      issues.push(
        errorIssue(amountId, RULES.incomeAmount, `${label} is Yes: enter its monthly amount.`),
      );
    }
  }
  issues.push(...specifyOther(answers, OTHER_INCOME_SOURCE_IDENTIFY, RULES.otherIncomeIdentify));
  issues.push(
    ...specifyOther(answers, OTHER_BENEFITS_SOURCE_IDENTIFY, RULES.otherBenefitsIdentify),
  );

  for (const type of HEALTH_INSURANCE_TYPES) {
    if (type.reasonColumn === null) continue;
    const typeId = hudColumnToFieldId(type.column);
    const reasonId = hudColumnToFieldId(type.reasonColumn);
    if (
      !isEmptyAnswer(value(answers, reasonId)) &&
      value(answers, typeId) !== REASON_NOT_INSURED_WHEN
    ) {
      const label = labelOfField(typeId);
      issues.push(
        errorIssue(
          reasonId,
          RULES.reasonNotInsured,
          `A reason for not having ${label} is only recorded when ${label} is No. Clear the reason.`,
        ),
      );
    }
  }
  issues.push(...specifyOther(answers, OTHER_INSURANCE_IDENTIFY, RULES.otherInsuranceIdentify));
  return issues;
}
