import { describe, expect, it } from 'vitest';
import { CLS_14_DAY_TRIGGER_CODES, CURRENT_LIVING_SITUATION_LIST } from '../../../src/domain/codes';
import {
  validateAnswerDependentFields,
  validateClsDependentFields,
  validateSubsidyType,
} from '../../../src/domain/validation';
import { cls, summary } from './fixtures';

const CE = { projectType: 14 };
const SERVICES_ONLY = { projectType: 6 };
const FOLLOW_UPS = [
  'subsequentResidence',
  'resourcesToObtain',
  'leaseOwn60Day',
  'movedTwoOrMore',
] as const;

describe('4.12 Current Living Situation dependent fields', () => {
  it('a homeless CLS with no dependents is clean', () => {
    expect(validateClsDependentFields(cls(), SERVICES_ONLY)).toEqual([]);
  });

  it('4.12.B: LeaveSituation14Days must be null unless CLS is an institutional/temporary/permanent code', () => {
    const nonTrigger = CURRENT_LIVING_SITUATION_LIST.codes
      .map((c) => c.code)
      .filter((c) => !CLS_14_DAY_TRIGGER_CODES.includes(c));
    expect(nonTrigger.sort((a, b) => a - b)).toEqual([8, 9, 17, 37, 99, 101, 116, 118]);
    for (const code of nonTrigger) {
      const issues = validateClsDependentFields(
        cls({ currentLivingSituation: code, leaveSituation14Days: 0 }),
        SERVICES_ONLY,
      );
      expect(summary(issues)).toEqual(['error 4.12.B leaveSituation14Days']);
    }
    expect(
      validateClsDependentFields(
        cls({ currentLivingSituation: 101, leaveSituation14Days: 0 }),
        SERVICES_ONLY,
      )[0]?.message,
    ).toBe(
      '“Is the client going to have to leave their current living situation within 14 days?” is only recorded when the client is staying in an institution or in temporary or permanent housing, not for "Emergency shelter…". Clear the answer.',
    );
  });

  it('4.12.B: asked for every trigger code; a missing answer is a warning', () => {
    for (const code of CLS_14_DAY_TRIGGER_CODES) {
      const subsidy = code === 435 ? { clsSubsidyType: 419 } : {};
      expect(
        validateClsDependentFields(
          cls({ currentLivingSituation: code, leaveSituation14Days: 0, ...subsidy }),
          SERVICES_ONLY,
        ),
      ).toEqual([]);
    }
    expect(validateClsDependentFields(cls({ currentLivingSituation: 207 }), SERVICES_ONLY)).toEqual(
      [
        {
          field: 'leaveSituation14Days',
          rule: '4.12.B',
          severity: 'warning',
          message:
            'Ask whether the client will have to leave "Jail, prison or juvenile detention facility" within 14 days.',
        },
      ],
    );
  });

  it('4.12.C–F: the four follow-ups must be null unless LeaveSituation14Days = 1', () => {
    for (const leave of [0, 8, 9, 99, null]) {
      for (const field of FOLLOW_UPS) {
        const issues = validateClsDependentFields(
          cls({ currentLivingSituation: 410, leaveSituation14Days: leave, [field]: 1 }),
          SERVICES_ONLY,
        ).filter((i) => i.field === field);
        expect(summary(issues)).toEqual([`error 4.12.C-F ${field}`]);
      }
    }
    const msg = validateClsDependentFields(
      cls({ currentLivingSituation: 410, leaveSituation14Days: 0, movedTwoOrMore: 1 }),
      SERVICES_ONLY,
    );
    expect(msg[0]?.message).toBe(
      '“Has the client moved 2 or more times in the last 60 days?” (4.12.F) is only recorded when the client will have to leave within 14 days (answered Yes). Clear the answer.',
    );
  });

  it('4.12.C–F: the follow-ups are null even when LeaveSituation14Days = 1 was wrongly kept for a non-trigger CLS', () => {
    const issues = validateClsDependentFields(
      cls({ currentLivingSituation: 116, leaveSituation14Days: 1, subsequentResidence: 1 }),
      SERVICES_ONLY,
    );
    expect(summary(issues)).toEqual([
      'error 4.12.B leaveSituation14Days',
      'error 4.12.C-F subsequentResidence',
    ]);
  });

  it('4.12.C–F: with LeaveSituation14Days = 1, each unanswered follow-up is a warning', () => {
    const issues = validateClsDependentFields(
      cls({
        currentLivingSituation: 335,
        leaveSituation14Days: 1,
        subsequentResidence: 0,
        resourcesToObtain: 1,
      }),
      SERVICES_ONLY,
    );
    expect(summary(issues)).toEqual([
      'warning 4.12.C-F leaseOwn60Day',
      'warning 4.12.C-F movedTwoOrMore',
    ]);
    expect(
      validateClsDependentFields(
        cls({
          currentLivingSituation: 335,
          leaveSituation14Days: 1,
          subsequentResidence: 0,
          resourcesToObtain: 1,
          leaseOwn60Day: 9,
          movedTwoOrMore: 99,
        }),
        SERVICES_ONLY,
      ),
    ).toEqual([]);
  });

  it('4.12.3: VerifiedBy must be null unless the project is Coordinated Entry (project type 14)', () => {
    expect(validateClsDependentFields(cls({ verifiedBy: 'Hennepin CES' }), CE)).toEqual([]);
    expect(validateClsDependentFields(cls({ verifiedBy: 'Hennepin CES' }), SERVICES_ONLY)).toEqual([
      {
        field: 'verifiedBy',
        rule: '4.12.3',
        severity: 'error',
        message:
          '“Living situation verified by” is only recorded for Coordinated Entry projects. Clear it.',
      },
    ]);
    expect(validateClsDependentFields(cls({ verifiedBy: '  ' }), SERVICES_ONLY)).toEqual([]);
    expect(validateClsDependentFields(cls({ verifiedBy: 'x' }), { projectType: null })).toEqual([]);
  });

  it('4.12.A: CLSSubsidyType only, and always, with CLS 435 (Eva 129)', () => {
    expect(
      summary(
        validateClsDependentFields(
          cls({ currentLivingSituation: 435, leaveSituation14Days: 0 }),
          SERVICES_ONLY,
        ),
      ),
    ).toEqual(['error 4.12.A clsSubsidyType']);
    expect(
      summary(
        validateClsDependentFields(
          cls({ currentLivingSituation: 410, leaveSituation14Days: 0, clsSubsidyType: 419 }),
          SERVICES_ONLY,
        ),
      ),
    ).toEqual(['error 4.12.A clsSubsidyType']);
  });
});

describe('subsidy type only with 435 (3.12.A, 3.917.A, 4.12.A)', () => {
  it('says which element it is about', () => {
    expect(
      validateSubsidyType(435, null, 'destination', 'destinationSubsidyType')[0]?.message,
    ).toBe(
      'Choose the rental subsidy type: the destination is "Rental by client, with ongoing housing subsidy".',
    );
    expect(validateSubsidyType(410, 434, 'prior', 'rentalSubsidyType')[0]?.message).toBe(
      'The rental subsidy type is only recorded when the prior living situation is "Rental by client, with ongoing housing subsidy". Clear it or change the prior living situation.',
    );
    expect(validateSubsidyType(null, 434, 'current', 'clsSubsidyType')[0]?.rule).toBe('4.12.A');
    expect(validateSubsidyType(435, 434, 'current', 'clsSubsidyType')).toEqual([]);
    expect(validateSubsidyType(410, null, 'current', 'clsSubsidyType')).toEqual([]);
  });
});

describe('dependent fields inside assessment answers', () => {
  it('3.917.A: RentalSubsidyType only with prior living situation 435 (Eva 130)', () => {
    expect(summary(validateAnswerDependentFields({ livingSituation: 435 }))).toEqual([
      'error 3.917.A rentalSubsidyType',
    ]);
    expect(
      summary(validateAnswerDependentFields({ livingSituation: 116, rentalSubsidyType: 419 })),
    ).toEqual(['error 3.917.A rentalSubsidyType']);
    expect(validateAnswerDependentFields({ livingSituation: 435, rentalSubsidyType: 419 })).toEqual(
      [],
    );
    expect(validateAnswerDependentFields({})).toEqual([]);
  });

  it('4.02.P: OtherIncomeSourceIdentify only when OtherIncomeSource = 1', () => {
    expect(
      validateAnswerDependentFields({ otherIncomeSource: 0, otherIncomeSourceIdentify: 'Plasma' }),
    ).toEqual([
      {
        field: 'otherIncomeSourceIdentify',
        rule: '4.02.P',
        severity: 'error',
        message:
          '“What is the other income?” is only recorded when Other income is Yes. Clear it, or mark Other income Yes.',
      },
    ]);
    expect(
      summary(validateAnswerDependentFields({ otherIncomeSource: 1, otherIncomeAmount: 20 })),
    ).toEqual(['error 4.02.P otherIncomeSourceIdentify']);
    expect(
      validateAnswerDependentFields({
        otherIncomeSource: 1,
        otherIncomeAmount: 20,
        otherIncomeSourceIdentify: 'Plasma',
      }),
    ).toEqual([]);
  });

  it('4.03.A: OtherBenefitsSourceIdentify only when OtherBenefitsSource = 1', () => {
    expect(
      summary(validateAnswerDependentFields({ otherBenefitsSourceIdentify: 'Food shelf' })),
    ).toEqual(['error 4.03.A otherBenefitsSourceIdentify']);
    expect(
      validateAnswerDependentFields({
        otherBenefitsSource: 1,
        otherBenefitsSourceIdentify: 'Food shelf',
      }),
    ).toEqual([]);
  });

  it('4.04.12A: OtherInsuranceIdentify only when OtherInsurance = 1', () => {
    expect(
      summary(
        validateAnswerDependentFields({
          otherInsurance: 99,
          otherInsuranceIdentify: 'Tribal plan',
        }),
      ),
    ).toEqual(['error 4.04.12A otherInsuranceIdentify']);
    expect(
      validateAnswerDependentFields({ otherInsurance: 1, otherInsuranceIdentify: 'Tribal plan' }),
    ).toEqual([]);
  });

  it('4.02 amounts: an amount only, and always, when its source is Yes', () => {
    expect(validateAnswerDependentFields({ earned: 0, earnedAmount: 100 })[0]?.message).toBe(
      'An amount for Earned income (job) is only recorded when Earned income (job) is Yes. Clear the amount, or mark Earned income (job) Yes.',
    );
    expect(validateAnswerDependentFields({ ssdi: 1 })[0]?.message).toBe(
      'SSDI is Yes: enter its monthly amount.',
    );
    expect(validateAnswerDependentFields({ ssdi: 1, ssdiAmount: 0 })).toEqual([]);
  });

  it('4.04.A: a reason not insured only when that insurance type is No', () => {
    expect(summary(validateAnswerDependentFields({ medicare: 1, noMedicareReason: 1 }))).toEqual([
      'error 4.04.A noMedicareReason',
    ]);
    expect(summary(validateAnswerDependentFields({ noMedicareReason: 1 }))).toEqual([
      'error 4.04.A noMedicareReason',
    ]);
    expect(validateAnswerDependentFields({ medicare: 0, noMedicareReason: 1 })).toEqual([]);
  });
});
