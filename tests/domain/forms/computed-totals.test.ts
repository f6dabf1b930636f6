import { describe, expect, it } from 'vitest';
import {
  COMPUTED_TOTALS,
  computeTotal,
  computedTotalOf,
  fieldById,
  totalsAfterChange,
} from '../../../src/domain/forms';
import { validateIncome } from '../../../src/domain/validation/income';

const total = computedTotalOf('totalMonthlyIncome')!;

describe('computed totals', () => {
  it('Total monthly income is the 4.02.18 field, summed from the 4.02 amounts', () => {
    expect(COMPUTED_TOTALS).toHaveLength(1);
    expect(fieldById('totalMonthlyIncome')).toMatchObject({
      type: 'money',
      hudColumn: 'TotalMonthlyIncome',
    });
    expect(total.parts).toHaveLength(15);
    for (const p of total.parts) expect(fieldById(p.amountId)?.type).toBe('money');
  });

  it('adds the amounts of the sources answered Yes, to the cent', () => {
    expect(computeTotal(total, {})).toBeNull();
    const answers = {
      earned: 1,
      earnedAmount: 0.1,
      ssi: 1,
      ssiAmount: 0.2,
      tanf: 0,
      tanfAmount: 5,
    };
    expect(computeTotal(total, answers)).toBe(0.3);
    // An amount still being typed, or one under a source not answered Yes, does not count.
    expect(computeTotal(total, { earned: 1, earnedAmount: '12.' })).toBeNull();
    expect(computeTotal(total, { earned: null, earnedAmount: 40 })).toBeNull();
  });

  it('writes the new sum when an amount or a source changes, and the sum passes 4.02.18', () => {
    const answers = { incomeFromAnySource: 1, earned: 1, earnedAmount: 400 };
    expect(totalsAfterChange(answers, 'earnedAmount', 450.5)).toEqual({
      totalMonthlyIncome: 450.5,
    });
    const withTotal = { ...answers, totalMonthlyIncome: 400 };
    expect(totalsAfterChange(withTotal, 'earnedAmount', 400)).toEqual({});
    expect(totalsAfterChange(withTotal, 'earned', 0)).toEqual({ totalMonthlyIncome: null });
    expect(totalsAfterChange(withTotal, 'ssi', 1)).toEqual({});
    expect(totalsAfterChange(withTotal, 'benefitsFromAnySource', 1)).toEqual({});
    const next = { ...answers, earnedAmount: 450.5, ssi: 1, ssiAmount: 100.25 };
    const sum = totalsAfterChange({ ...next, ssiAmount: null }, 'ssiAmount', 100.25);
    expect(sum).toEqual({ totalMonthlyIncome: 550.75 });
    expect(
      validateIncome({ ...next, ...sum }).filter((i) => i.field === 'totalMonthlyIncome'),
    ).toEqual([]);
  });
});
