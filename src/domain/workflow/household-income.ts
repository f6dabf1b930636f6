// One income question, not two (W-CT4). Hennepin's "Monthly household income" is a household
// figure; HUD's 4.02 asks each head of household and adult their own income, with 4.02.18
// TotalMonthlyIncome. Where 4.02 is collected for the household, asking the household figure as
// well would be a second, unrelated income question that can disagree with the first. So:
//  - where 4.02 is collected (at a contact: when "Income, benefits or insurance changed" is
//    open), the household monthly income is not asked: it is the sum of the members' current
//    4.02 totals (a member with "No" income counts 0), and its sources (local:income-source, the
//    same 1–15 as the 4.02 source fields) are the sources any member has. The screen shows it
//    read-only, "from 4.02", and it is saved in the Hennepin answer (householdMonthlyIncome,
//    householdIncomeSources) on the head of household's record, so the stored shape is unchanged
//    and old answers, typed in by hand, still read the same way;
//  - when a member's 4.02 is not known (not answered, or 8/9/99), the sum is not known either: the
//    stored household figure is left as it is (never a partial sum);
//  - where 4.02 is not collected, the Hennepin question is asked as before.
import { INCOME_SOURCES } from '../codes';
import { hudColumnToFieldId, MN_CORE_FIELD_IDS, type Answers } from '../forms';

const YES = 1;
const NO = 0;

/** A household monthly income derived from 4.02. */
export interface HouseholdIncome {
  /** Dollars, rounded to the cent. */
  readonly total: number;
  /** local:income-source codes any member has (ascending); [] when the total is 0. */
  readonly sources: readonly number[];
}

/**
 * W-CT4: the household monthly income from the current 4.02 answers of the head of household and
 * each adult; null when any of them has no usable 4.02 answer (or there is no one).
 */
export function householdIncomeFrom402(members: readonly Answers[]): HouseholdIncome | null {
  if (members.length === 0) return null;
  let cents = 0;
  const sources = new Set<number>();
  for (const answers of members) {
    const any = answers[MN_CORE_FIELD_IDS.incomeFromAnySource];
    if (any === NO) continue;
    const total = answers[MN_CORE_FIELD_IDS.totalMonthlyIncome];
    if (any !== YES || typeof total !== 'number' || !Number.isFinite(total)) return null;
    cents += Math.round(total * 100);
    for (const source of INCOME_SOURCES) {
      if (answers[hudColumnToFieldId(source.column)] === YES) sources.add(source.code);
    }
  }
  const total = cents / 100;
  return { total, sources: total > 0 ? [...sources].sort((a, b) => a - b) : [] };
}
