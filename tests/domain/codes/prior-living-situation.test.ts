import { describe, expect, it } from 'vitest';
import {
  LENGTH_OF_STAY_LIST,
  MONTHS_HOMELESS_PAST_THREE_YEARS_LIST,
  MORE_THAN_12_MONTHS,
  TIMES_HOMELESS_PAST_THREE_YEARS_LIST,
} from '../../../src/domain/codes';
import { block, listAfter, pairs, parseCodeLabels } from './reference';

describe('3.917 Prior Living Situation dependent lists (reference §1.5)', () => {
  it('3.917.2 LengthOfStay has exactly the reference codes and labels, in the reference order', () => {
    expect(LENGTH_OF_STAY_LIST.id).toBe('3.917.2');
    expect(pairs(LENGTH_OF_STAY_LIST)).toEqual(listAfter('**3.917.2 LengthOfStay:**'));
  });

  it('3.917.4 TimesHomelessPastThreeYears has exactly the reference codes and labels', () => {
    expect(TIMES_HOMELESS_PAST_THREE_YEARS_LIST.id).toBe('3.917.4');
    expect(pairs(TIMES_HOMELESS_PAST_THREE_YEARS_LIST)).toEqual(
      listAfter('**3.917.4 TimesHomelessPastThreeYears:**'),
    );
  });

  it('3.917.5 MonthsHomelessPastThreeYears: 101–112 are 1–12 months, 113 more than 12, then 8/9/99', () => {
    // The reference abbreviates "`101`–`112` = 1–12 months"; the per-code labels are HUD's bare
    // counts "1" ... "12" (GR-lists, which the reference names as its source for labels).
    const text = block('**3.917.5 MonthsHomelessPastThreeYears:**');
    const range = /`(\d+)`–`(\d+)` = (\d+)–(\d+) months,/.exec(text)!;
    const [from, to, first] = [Number(range[1]), Number(range[2]), Number(range[3])];
    const counts = Array.from({ length: to - from + 1 }, (_, i) => ({
      code: from + i,
      label: String(first + i),
    }));
    const rest = parseCodeLabels(text.replace(range[0], ''));
    expect(MONTHS_HOMELESS_PAST_THREE_YEARS_LIST.id).toBe('3.917.5');
    expect(pairs(MONTHS_HOMELESS_PAST_THREE_YEARS_LIST)).toEqual([...counts, ...rest]);
    expect(MORE_THAN_12_MONTHS).toBe(113);
  });
});
