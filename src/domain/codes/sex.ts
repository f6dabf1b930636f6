// 4.21 Sex (new in FY2026; replaces FY2024's 3.06 Gender, which Fieldnote does not collect).
// Client.csv column `Sex`, nullable.
import { withMissingData } from './response-lists';
import { defineList } from './types';

export const SEX_FEMALE = 0;
export const SEX_MALE = 1;

export const SEX_LIST = defineList(
  '4.21',
  'Sex',
  withMissingData([
    { code: SEX_FEMALE, label: 'Female' },
    { code: SEX_MALE, label: 'Male' },
  ]),
);

export const SEX_COLUMN = 'Sex';
