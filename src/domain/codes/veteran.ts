// 3.07 Veteran Status (answers are list 1.8) and the V1 Veteran's Information lists.
// V1 fields are expected to be null unless VeteranStatus = 1 (CSV-2026, new in FY2026).
import { NO_YES_REASONS_FOR_MISSING, withMissingData } from './response-lists';
import { defineList } from './types';

/** 3.07 Veteran Status: the 1.8 answers under the element's own number. */
export const VETERAN_STATUS_LIST = defineList(
  '3.07',
  'Veteran Status',
  NO_YES_REASONS_FOR_MISSING.codes,
);

/** VeteranStatus value that opens the V1 questions. */
export const IS_VETERAN = 1;

export const MILITARY_BRANCH_LIST = defineList(
  'V1.11',
  'Military Branch',
  withMissingData([
    { code: 1, label: 'Army' },
    { code: 2, label: 'Air Force' },
    { code: 3, label: 'Navy' },
    { code: 4, label: 'Marines' },
    { code: 6, label: 'Coast Guard' },
    { code: 7, label: 'Space Force' },
  ]),
);

export const DISCHARGE_STATUS_LIST = defineList(
  'V1.12',
  'Discharge Status',
  withMissingData([
    { code: 1, label: 'Honorable' },
    { code: 2, label: 'General under honorable conditions' },
    { code: 4, label: 'Bad conduct' },
    { code: 5, label: 'Dishonorable' },
    { code: 6, label: 'Under other than honorable conditions (OTH)' },
    { code: 7, label: 'Uncharacterized' },
  ]),
);
