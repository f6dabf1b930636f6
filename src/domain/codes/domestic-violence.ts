// 4.11.A When DV occurred (HealthAndDV.csv WhenOccurred). DomesticViolenceSurvivor and
// CurrentlyFleeing use list 1.8.
import { withMissingData } from './response-lists';
import { defineList } from './types';

export const WHEN_DV_OCCURRED_LIST = defineList(
  '4.11.A',
  'When Domestic Violence Occurred',
  withMissingData([
    { code: 1, label: 'Within the past three months' },
    { code: 2, label: 'Three to six months ago (excluding six months exactly)' },
    { code: 3, label: 'Six months to one year ago (excluding one year exactly)' },
    { code: 4, label: 'One year or more' },
  ]),
);
