// Data-quality answers for the identifying elements: 3.01.5 name, 3.02.2 SSN, 3.03.2 DOB.
// Client.csv NameDataQuality / SSNDataQuality / DOBDataQuality; not nullable (export 99 if blank).
import { withMissingData } from './response-lists';
import { defineList } from './types';

export const FULL_REPORTED = 1;
export const PARTIAL_REPORTED = 2;

export const NAME_DATA_QUALITY_LIST = defineList(
  '3.01.5',
  'Name Data Quality',
  withMissingData([
    { code: FULL_REPORTED, label: 'Full name reported' },
    { code: PARTIAL_REPORTED, label: 'Partial, street name, or code name reported' },
  ]),
);

export const SSN_DATA_QUALITY_LIST = defineList(
  '3.02.2',
  'SSN Data Quality',
  withMissingData([
    { code: FULL_REPORTED, label: 'Full SSN reported' },
    { code: PARTIAL_REPORTED, label: 'Approximate or partial SSN reported' },
  ]),
);

export const DOB_DATA_QUALITY_LIST = defineList(
  '3.03.2',
  'DOB Data Quality',
  withMissingData([
    { code: FULL_REPORTED, label: 'Full DOB reported' },
    { code: PARTIAL_REPORTED, label: 'Approximate or partial DOB reported' },
  ]),
);
