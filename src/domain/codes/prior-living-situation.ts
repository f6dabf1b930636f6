// 3.917 Prior Living Situation dependent lists (the chronic-homelessness questions).
// 3.917.5 labels for 101–112 are the bare month counts "1"–"12", as in HUD's list (GR-lists).
import { withMissingData } from './response-lists';
import { defineList } from './types';
import type { HudCode } from './types';

/** 3.917.2 LengthOfStay, in HUD's display order (shortest first; 10/11 were added later). */
export const LENGTH_OF_STAY_LIST = defineList(
  '3.917.2',
  'Length of Stay in Prior Living Situation',
  withMissingData([
    { code: 10, label: 'One night or less' },
    { code: 11, label: 'Two to six nights' },
    { code: 2, label: 'One week or more, but less than one month' },
    { code: 3, label: 'One month or more, but less than 90 days' },
    { code: 4, label: '90 days or more but less than one year' },
    { code: 5, label: 'One year or longer' },
  ]),
);

export const TIMES_HOMELESS_PAST_THREE_YEARS_LIST = defineList(
  '3.917.4',
  'Number of Times Homeless in the Past Three Years',
  withMissingData([
    { code: 1, label: 'One time' },
    { code: 2, label: 'Two times' },
    { code: 3, label: 'Three times' },
    { code: 4, label: 'Four or more times' },
  ]),
);

/** 3.917.5 code for a count of months: 101 = 1 month ... 112 = 12 months. */
export const MONTHS_HOMELESS_CODE_OFFSET = 100;
export const MORE_THAN_12_MONTHS = 113;

const MONTH_COUNTS: readonly HudCode[] = Array.from({ length: 12 }, (_, i) => ({
  code: MONTHS_HOMELESS_CODE_OFFSET + i + 1,
  label: String(i + 1),
}));

export const MONTHS_HOMELESS_PAST_THREE_YEARS_LIST = defineList(
  '3.917.5',
  'Number of Months Homeless in the Past Three Years',
  withMissingData([...MONTH_COUNTS, { code: MORE_THAN_12_MONTHS, label: 'More than 12 months' }]),
);
