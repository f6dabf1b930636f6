import { describe, expect, it } from 'vitest';
import { MN_CORE, visibleFields } from '../../../src/domain/forms';
import type { FormContext, FormStage } from '../../../src/domain/forms';
import { completeEntry, issuesAt, issuesFor } from './fixtures';
import type { TestAnswers } from './fixtures';

const SERVICES_ONLY: FormContext = { projectType: 6 };
const EMERGENCY_SHELTER: FormContext = { projectType: 0 };
const CHILD: FormContext = { subject: { isHeadOfHousehold: false, isAdult: false } };
const ADULT_MEMBER: FormContext = { subject: { isHeadOfHousehold: false, isAdult: true } };

const PLS_FIELDS = [
  'livingSituation',
  'rentalSubsidyType',
  'lengthOfStay',
  'losUnderThreshold',
  'previousStreetESSH',
  'priorLivingSituationBreakNote',
  'priorLivingSituationNotHomelessNote',
  'dateToStreetESSH',
  'timesHomelessPastThreeYears',
  'monthsHomelessPastThreeYears',
];

function shownPls(
  answers: TestAnswers,
  context: FormContext = SERVICES_ONLY,
  stage: FormStage = 1,
): string[] {
  return visibleFields(MN_CORE, answers, stage, context)
    .map((f) => f.id)
    .filter((id) => PLS_FIELDS.includes(id));
}

const CHRONICITY = [
  'dateToStreetESSH',
  'timesHomelessPastThreeYears',
  'monthsHomelessPastThreeYears',
];

describe('3.917 Prior Living Situation', () => {
  it('the complete synthetic entry assessment is valid', () => {
    expect(issuesAt(1, completeEntry(), { context: SERVICES_ONLY })).toEqual([]);
  });

  it('3.917.1: required at entry, from list 3.917.1 (Destination-only codes such as 312 are refused)', () => {
    const a = completeEntry();
    delete a.livingSituation;
    expect(issuesFor('livingSituation', 1, a)[0]?.message).toBe(
      'Where the client stayed the night before entering the program is required at project entry. If the client doesn’t know or prefers not to answer, choose that answer.',
    );
    expect(
      issuesFor('livingSituation', 1, { ...completeEntry(), livingSituation: 312 })[0]?.code,
    ).toBe('invalid');
    expect(
      issuesFor('livingSituation', 1, { ...completeEntry(), livingSituation: 37 })[0]?.code,
    ).toBe('invalid');
  });

  it('3.917.A: RentalSubsidyType is asked, and required, only when 3.917.1 = 435', () => {
    const rental = { livingSituation: 435, lengthOfStay: 5, losUnderThreshold: 0 };
    expect(shownPls(rental)).toContain('rentalSubsidyType');
    expect(shownPls({ livingSituation: 410 })).not.toContain('rentalSubsidyType');
    expect(
      issuesFor(
        'rentalSubsidyType',
        1,
        { ...completeEntry(), ...rental },
        { context: SERVICES_ONLY },
      )[0]?.code,
    ).toBe('required');
    expect(
      issuesFor('rentalSubsidyType', 1, { ...completeEntry(), rentalSubsidyType: 419 }),
    ).toEqual([
      {
        field: 'rentalSubsidyType',
        code: 'hidden',
        message:
          'Rental subsidy type is only recorded when Where the client stayed the night before entering the program is Rental by client, with ongoing housing subsidy.',
      },
    ]);
  });

  it('3.917A (shelter, outreach, Safe Haven projects): every chronicity question is asked; no threshold questions', () => {
    for (const projectType of [0, 1, 4, 8]) {
      const shown = shownPls({ livingSituation: 410, lengthOfStay: 5 }, { projectType });
      expect(shown).toEqual(['livingSituation', 'lengthOfStay', ...CHRONICITY]);
    }
  });

  it('3.917B: homeless the night before → straight to 3.917.3–5, no threshold questions', () => {
    for (const livingSituation of [116, 101, 118]) {
      expect(shownPls({ livingSituation, lengthOfStay: 2 })).toEqual([
        'livingSituation',
        'lengthOfStay',
        ...CHRONICITY,
      ]);
    }
  });

  it('3.917B: an unknown project type uses 3.917B', () => {
    expect(shownPls({ livingSituation: 207, lengthOfStay: 4 }, {})).toEqual([
      'livingSituation',
      'lengthOfStay',
      'losUnderThreshold',
    ]);
  });

  it('3.917.2A: institutional, temporary, permanent or 8/9/99 prior situation → LOSUnderThreshold is asked', () => {
    for (const livingSituation of [207, 302, 410, 99]) {
      expect(shownPls({ livingSituation, lengthOfStay: 4 })).toEqual([
        'livingSituation',
        'lengthOfStay',
        'losUnderThreshold',
      ]);
    }
  });

  it('3.917.2A = No is a break in homelessness: a note is shown and 3.917.2C–5 must be null', () => {
    const a = { livingSituation: 207, lengthOfStay: 4, losUnderThreshold: 0 };
    expect(shownPls(a)).toEqual([
      'livingSituation',
      'lengthOfStay',
      'losUnderThreshold',
      'priorLivingSituationBreakNote',
    ]);
    const issues = issuesAt(
      1,
      { ...completeEntry(), ...a, previousStreetESSH: 1, dateToStreetESSH: '2024-01-01' },
      { context: SERVICES_ONLY },
    );
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['previousStreetESSH', 'hidden'],
      ['dateToStreetESSH', 'hidden'],
      ['timesHomelessPastThreeYears', 'hidden'],
      ['monthsHomelessPastThreeYears', 'hidden'],
    ]);
    expect(issues[1]?.message).toBe(
      'Approximate date this episode of homelessness started is only recorded when the client was homeless (street, shelter or Safe Haven) the night before entry, or just before a short stay elsewhere.',
    );
  });

  it('3.917.2C PreviousStreetESSH: asked only after a short stay; Yes → 3.917.3–5 asked, No → skipped with a note', () => {
    const short = { livingSituation: 314, lengthOfStay: 11, losUnderThreshold: 1 };
    expect(shownPls(short)).toEqual([
      'livingSituation',
      'lengthOfStay',
      'losUnderThreshold',
      'previousStreetESSH',
    ]);
    expect(shownPls({ ...short, previousStreetESSH: 1 })).toEqual([
      'livingSituation',
      'lengthOfStay',
      'losUnderThreshold',
      'previousStreetESSH',
      ...CHRONICITY,
    ]);
    expect(shownPls({ ...short, previousStreetESSH: 0 })).toEqual([
      'livingSituation',
      'lengthOfStay',
      'losUnderThreshold',
      'previousStreetESSH',
      'priorLivingSituationNotHomelessNote',
    ]);
    expect(
      issuesFor(
        'previousStreetESSH',
        1,
        { ...completeEntry(), ...short, previousStreetESSH: undefined },
        { context: SERVICES_ONLY },
      )[0]?.code,
    ).toBe('required');
  });

  it('3.917.2A/2C are not asked in a 3.917A project (they must be null)', () => {
    const a = { ...completeEntry(), livingSituation: 410, losUnderThreshold: 1 };
    expect(
      issuesFor('losUnderThreshold', 1, a, { context: EMERGENCY_SHELTER })[0]?.message,
    ).toMatch(/only recorded when the client was not homeless .* in a project other than shelter/);
  });

  it('3.917.3 DateToStreetESSH: a real date, not in the future', () => {
    const today = '2025-03-01';
    expect(
      issuesFor('dateToStreetESSH', 1, { ...completeEntry(), dateToStreetESSH: '2025-02-30' })[0]
        ?.message,
    ).toMatch(/not a real calendar date/);
    expect(
      issuesFor('dateToStreetESSH', 1, { ...completeEntry(), dateToStreetESSH: '03/01/2024' })[0]
        ?.message,
    ).toMatch(/YYYY-MM-DD/);
    expect(
      issuesFor(
        'dateToStreetESSH',
        1,
        { ...completeEntry(), dateToStreetESSH: '2025-03-02' },
        { context: { today } },
      )[0]?.message,
    ).toMatch(/cannot be in the future/);
    expect(
      issuesFor(
        'dateToStreetESSH',
        1,
        { ...completeEntry(), dateToStreetESSH: '2025-03-01' },
        { context: { today } },
      ),
    ).toEqual([]);
  });

  it('3.917.4 / 3.917.5 use their own lists (101–113 months)', () => {
    expect(
      issuesFor('monthsHomelessPastThreeYears', 1, {
        ...completeEntry(),
        monthsHomelessPastThreeYears: 14,
      })[0]?.code,
    ).toBe('invalid');
    expect(
      issuesFor('timesHomelessPastThreeYears', 1, {
        ...completeEntry(),
        timesHomelessPastThreeYears: 5,
      })[0]?.code,
    ).toBe('invalid');
  });

  it('3.917 is asked of the head of household and adults only, and only at entry', () => {
    expect(shownPls({ livingSituation: 116 }, CHILD)).toEqual([]);
    expect(shownPls({ livingSituation: 116 }, ADULT_MEMBER)).toContain('livingSituation');
    expect(
      issuesFor('livingSituation', 1, { livingSituation: 116 }, { context: CHILD })[0]?.message,
    ).toBe(
      'Where the client stayed the night before entering the program is only recorded for the head of household and adults.',
    );
    expect(issuesFor('livingSituation', 2, { livingSituation: 116 })[0]?.message).toBe(
      'Where the client stayed the night before entering the program is not collected at an update.',
    );
  });
});

describe('3.08 Disabling Condition', () => {
  it('is required at entry for every client, children included, on list 1.8', () => {
    const child = issuesAt(1, {}, { context: CHILD });
    expect(child.find((i) => i.field === 'disablingCondition')?.code).toBe('required');
    expect(child.find((i) => i.field === 'livingSituation')).toBeUndefined();
    expect(
      issuesFor('disablingCondition', 1, { ...completeEntry(), disablingCondition: 9 }),
    ).toEqual([]);
    expect(
      issuesFor('disablingCondition', 1, { ...completeEntry(), disablingCondition: 2 })[0]?.code,
    ).toBe('invalid');
    expect(issuesFor('disablingCondition', 3, { disablingCondition: 1 })[0]?.code).toBe(
      'not_at_stage',
    );
  });
});

describe('4.02 Income and Sources', () => {
  it('4.02.2: IncomeFromAnySource (1.8) is required at entry, exit and annual, optional at an update', () => {
    for (const stage of [1, 3, 5] as const) {
      expect(issuesFor('incomeFromAnySource', stage, {})[0]?.code).toBe('required');
    }
    expect(issuesFor('incomeFromAnySource', 2, {})).toEqual([]);
    expect(issuesFor('incomeFromAnySource', 1, { incomeFromAnySource: 8 })).toEqual([]);
  });

  it('4.02.3–17: the sources are only recorded when IncomeFromAnySource = 1', () => {
    const issues = issuesFor('earned', 1, {
      ...completeEntry(),
      incomeFromAnySource: 0,
      earnedAmount: undefined,
      ssi: undefined,
      ssiAmount: undefined,
      totalMonthlyIncome: undefined,
    });
    expect(issues[0]?.message).toBe(
      'Earned income (job) is only recorded when “Does the client have income from any source?” is Yes.',
    );
  });

  it('4.02.A: EarnedAmount is only recorded when Earned = 1', () => {
    const a = { ...completeEntry(), earned: 0 };
    expect(issuesFor('earnedAmount', 1, a)).toEqual([
      {
        field: 'earnedAmount',
        code: 'hidden',
        message:
          'Earned income (job): monthly amount is only recorded when Earned income (job) is Yes.',
      },
    ]);
  });

  it('4.02.A–O: an amount is required when its source is Yes', () => {
    const a = { ...completeEntry(), childSupport: 1 };
    expect(issuesFor('childSupportAmount', 1, a)[0]?.message).toBe(
      'Child support: monthly amount is required at project entry.',
    );
  });

  it('4.02 each source uses list 1.7 (0/1/99): 8 and 9 are refused', () => {
    expect(
      issuesFor('earned', 1, { ...completeEntry(), earned: 8, earnedAmount: undefined })[0]?.code,
    ).toBe('invalid');
    expect(issuesFor('pension', 1, { ...completeEntry(), pension: 99 })).toEqual([]);
  });

  it('4.02 amounts are money (M+): non-negative with at most 2 decimals', () => {
    const at = (v: unknown) =>
      issuesFor('earnedAmount', 1, { ...completeEntry(), earnedAmount: v as number });
    expect(at(-5)[0]?.message).toBe('Earned income (job): monthly amount cannot be negative.');
    expect(at(10.005)[0]?.message).toBe(
      'Earned income (job): monthly amount can have at most 2 decimal places (cents).',
    );
    expect(at('800')[0]?.message).toMatch(/must be an amount in dollars and cents/);
    expect(at(0.1 + 0.2)).toEqual([]); // 0.30000000000000004 is 30 cents
    expect(at(1234.56)).toEqual([]);
    expect(at(0)).toEqual([]);
  });

  it('4.02.P: OtherIncomeSourceIdentify only when OtherIncomeSource = 1, required then, at most 50 characters', () => {
    const other = { ...completeEntry(), otherIncomeSource: 1, otherIncomeAmount: 25 };
    expect(issuesFor('otherIncomeSourceIdentify', 1, other)[0]?.code).toBe('required');
    expect(
      issuesFor('otherIncomeSourceIdentify', 1, {
        ...other,
        otherIncomeSourceIdentify: 'Plasma donation',
      }),
    ).toEqual([]);
    expect(
      issuesFor('otherIncomeSourceIdentify', 1, {
        ...other,
        otherIncomeSourceIdentify: 'x'.repeat(51),
      })[0]?.message,
    ).toBe('“What is the other income?” is 51 characters long; the limit is 50.');
    expect(
      issuesFor('otherIncomeSourceIdentify', 1, {
        ...completeEntry(),
        otherIncomeSourceIdentify: 'Plasma',
      })[0]?.code,
    ).toBe('hidden');
  });

  it('4.02.18: TotalMonthlyIncome is required when there is income; asked of HoH and adults only', () => {
    expect(
      issuesFor('totalMonthlyIncome', 1, { ...completeEntry(), totalMonthlyIncome: null })[0]?.code,
    ).toBe('required');
    expect(
      issuesFor('incomeFromAnySource', 1, { incomeFromAnySource: 0 }, { context: CHILD })[0]?.code,
    ).toBe('not_applicable');
  });
});

describe('4.03 Non-Cash Benefits', () => {
  it('the benefits are only recorded when BenefitsFromAnySource = 1; OtherBenefitsSourceIdentify only when OtherBenefitsSource = 1', () => {
    expect(issuesFor('snap', 1, { ...completeEntry(), benefitsFromAnySource: 0 })[0]?.code).toBe(
      'hidden',
    );
    const other = { ...completeEntry(), otherBenefitsSource: 1 };
    expect(issuesFor('otherBenefitsSourceIdentify', 1, other)[0]?.code).toBe('required');
    expect(
      issuesFor('otherBenefitsSourceIdentify', 1, {
        ...completeEntry(),
        otherBenefitsSourceIdentify: 'Food shelf',
      })[0]?.message,
    ).toBe(
      '“What is the other non-cash benefit?” is only recorded when Other non-cash benefit is Yes.',
    );
  });

  it('is collected at entry, update, exit and annual', () => {
    expect(
      MN_CORE.sections
        .find((s) => s.id === 'non-cash-benefits')
        ?.fields.every((f) => f.stages.join() === '1,2,3,5'),
    ).toBe(true);
  });
});

describe('4.04 Health Insurance', () => {
  it('is asked of all clients, children included', () => {
    expect(issuesFor('insuranceFromAnySource', 1, {}, { context: CHILD })[0]?.code).toBe(
      'required',
    );
    expect(
      issuesFor('medicaid', 1, { insuranceFromAnySource: 1, medicaid: 1 }, { context: CHILD }),
    ).toEqual([]);
  });

  it('4.04.A: a reason not insured is only recorded when that type is No (0)', () => {
    const base = { ...completeEntry(), medicare: 0 };
    expect(issuesFor('noMedicareReason', 1, { ...base, noMedicareReason: 3 })).toEqual([]);
    expect(issuesFor('noMedicareReason', 1, base)).toEqual([]); // optional
    expect(issuesFor('noMedicaidReason', 1, { ...completeEntry(), noMedicaidReason: 3 })).toEqual([
      {
        field: 'noMedicaidReason',
        code: 'hidden',
        message:
          'Why the client does not have Medical Assistance (Medicaid) is only recorded when Medical Assistance (Medicaid) is No.',
      },
    ]);
    expect(issuesFor('noMedicareReason', 1, { ...base, noMedicareReason: 5 })[0]?.code).toBe(
      'invalid',
    );
  });

  it('4.04.12A: OtherInsuranceIdentify only when OtherInsurance = 1', () => {
    expect(
      issuesFor('otherInsuranceIdentify', 1, { ...completeEntry(), otherInsurance: 1 })[0]?.code,
    ).toBe('required');
    expect(
      issuesFor('otherInsuranceIdentify', 1, {
        ...completeEntry(),
        otherInsurance: 0,
        otherInsuranceIdentify: 'Tribal plan',
      })[0]?.code,
    ).toBe('hidden');
  });
});

describe('4.11 Domestic Violence', () => {
  it('WhenOccurred and CurrentlyFleeing are only recorded when DomesticViolenceSurvivor = 1', () => {
    const survivor = { ...completeEntry(), domesticViolenceSurvivor: 1 };
    expect(issuesAt(1, survivor).map((i) => [i.field, i.code])).toEqual([
      ['whenOccurred', 'required'],
      ['currentlyFleeing', 'required'],
    ]);
    expect(issuesAt(1, { ...survivor, whenOccurred: 1, currentlyFleeing: 0 })).toEqual([]);
    expect(
      issuesFor('currentlyFleeing', 1, { ...completeEntry(), currentlyFleeing: 1 })[0]?.message,
    ).toBe(
      '“Is the client currently fleeing?” is only recorded when “Has the client ever experienced domestic violence, dating violence, sexual assault, stalking or human trafficking?” is Yes.',
    );
  });

  it('is collected at entry and update (required at entry), not at exit or annual', () => {
    expect(issuesFor('domesticViolenceSurvivor', 2, {})).toEqual([]);
    expect(
      issuesFor('domesticViolenceSurvivor', 2, {
        domesticViolenceSurvivor: 1,
        whenOccurred: 1,
        currentlyFleeing: 1,
      }),
    ).toEqual([]);
    expect(issuesFor('domesticViolenceSurvivor', 3, { domesticViolenceSurvivor: 0 })[0]?.code).toBe(
      'not_at_stage',
    );
    expect(issuesFor('domesticViolenceSurvivor', 5, { domesticViolenceSurvivor: 0 })[0]?.code).toBe(
      'not_at_stage',
    );
  });

  it('is asked of the head of household and adults', () => {
    expect(
      issuesFor(
        'domesticViolenceSurvivor',
        1,
        { domesticViolenceSurvivor: 0 },
        { context: CHILD },
      )[0]?.code,
    ).toBe('not_applicable');
  });
});
