import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  validateHealthInsurance,
  validateIncome,
  validateNonCashBenefits,
} from '../../../src/domain/validation';
import { summary } from './fixtures';

describe('4.02.2 income from any source vs the sources (Eva 88/90)', () => {
  it('"any source = No" while a source = Yes is an error naming the sources', () => {
    expect(validateIncome({ incomeFromAnySource: 0, earned: 1, ssi: 1 })[0]).toEqual({
      field: 'incomeFromAnySource',
      rule: '4.02.2',
      severity: 'error',
      message:
        'Income from any source is No, but Earned income (job) and SSI are marked Yes. Change income from any source to Yes, or correct the income sources.',
    });
  });

  it('"any source" = 8/9/99 while a source = Yes is an error too', () => {
    expect(validateIncome({ incomeFromAnySource: 9, ga: 1, gaAmount: 200 })[0]?.message).toBe(
      'Income from any source is "Client prefers not to answer", but General Assistance (GA) is marked Yes. Change income from any source to Yes, or correct the income sources.',
    );
  });

  it('"any source = Yes" with no source marked Yes is an error', () => {
    expect(
      summary(validateIncome({ incomeFromAnySource: 1, earned: 0, totalMonthlyIncome: 0 })),
    ).toEqual(['error 4.02.2 incomeFromAnySource']);
  });

  it('consistent answers pass; unanswered "any source" is not checked', () => {
    expect(validateIncome({ incomeFromAnySource: 0 })).toEqual([]);
    expect(
      validateIncome({
        incomeFromAnySource: 1,
        earned: 1,
        earnedAmount: 500,
        totalMonthlyIncome: 500,
      }),
    ).toEqual([]);
    expect(validateIncome({})).toEqual([]);
    expect(validateIncome({ earned: 1, earnedAmount: 5 })).toEqual([]);
  });
});

describe('4.02.18 total monthly income equals the sum of the sources, to the cent', () => {
  const base = {
    incomeFromAnySource: 1,
    earned: 1,
    earnedAmount: 1200.1,
    ssi: 1,
    ssiAmount: 943.2,
  };

  it('an exact total passes, even where floating point would not add up', () => {
    expect(validateIncome({ ...base, totalMonthlyIncome: 2143.3 })).toEqual([]);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(
      validateIncome({
        incomeFromAnySource: 1,
        earned: 1,
        earnedAmount: 0.1,
        ssi: 1,
        ssiAmount: 0.2,
        totalMonthlyIncome: 0.3,
      }),
    ).toEqual([]);
  });

  it('a total a cent off is an error with both amounts', () => {
    expect(validateIncome({ ...base, totalMonthlyIncome: 2143.31 })).toEqual([
      {
        field: 'totalMonthlyIncome',
        rule: '4.02.18',
        severity: 'error',
        message:
          'Total monthly income ($2,143.31) does not match the sum of the income amounts ($2,143.30).',
      },
    ]);
  });

  it('a missing total when the client has income is an error that gives the sum', () => {
    expect(validateIncome(base)[0]?.message).toBe(
      'Enter the total monthly income: the income amounts add up to $2,143.30.',
    );
  });

  it('a source marked Yes with a $0.00 amount is a warning', () => {
    expect(
      summary(
        validateIncome({
          incomeFromAnySource: 1,
          earned: 1,
          earnedAmount: 0,
          ssi: 1,
          ssiAmount: 10,
          totalMonthlyIncome: 10,
        }),
      ),
    ).toEqual(['warning 4.02.amount earnedAmount']);
  });
});

describe('4.03.2 / 4.04.2 "any source" vs the sources (Eva 97, 94/95)', () => {
  it('non-cash benefits', () => {
    expect(summary(validateNonCashBenefits({ benefitsFromAnySource: 0, snap: 1 }))).toEqual([
      'error 4.03.2 benefitsFromAnySource',
    ]);
    expect(summary(validateNonCashBenefits({ benefitsFromAnySource: 1 }))).toEqual([
      'error 4.03.2 benefitsFromAnySource',
    ]);
    expect(validateNonCashBenefits({ benefitsFromAnySource: 1, wic: 1 })).toEqual([]);
  });

  it('health insurance', () => {
    expect(validateHealthInsurance({ insuranceFromAnySource: 0, medicaid: 1 })[0]?.message).toBe(
      'Covered by health insurance is No, but Medical Assistance (Medicaid) is marked Yes. Change covered by health insurance to Yes, or correct the insurance types.',
    );
    expect(summary(validateHealthInsurance({ insuranceFromAnySource: 1, medicaid: 0 }))).toEqual([
      'error 4.04.2 insuranceFromAnySource',
    ]);
    expect(validateHealthInsurance({ insuranceFromAnySource: 1, medicare: 1 })).toEqual([]);
  });
});

describe('formatMoney', () => {
  it('writes dollars and cents with thousands separators', () => {
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(1234567.5)).toBe('$1,234,567.50');
    expect(formatMoney(-12.3)).toBe('-$12.30');
  });
});
