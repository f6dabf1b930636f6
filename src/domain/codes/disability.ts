// 1.3 DisabilityType (Disabilities.csv) and 4.10.2, the answer list for substance use disorder.
// Every other disability type is answered with list 1.8.
import { withMissingData } from './response-lists';
import { defineList } from './types';

export const DISABILITY_PHYSICAL = 5;
export const DISABILITY_DEVELOPMENTAL = 6;
export const DISABILITY_CHRONIC_HEALTH = 7;
export const DISABILITY_HIV_AIDS = 8;
export const DISABILITY_MENTAL_HEALTH = 9;
export const DISABILITY_SUBSTANCE_USE = 10;

export const DISABILITY_TYPE_LIST = defineList('1.3', 'Disability Type', [
  { code: DISABILITY_PHYSICAL, label: 'Physical disability' },
  { code: DISABILITY_DEVELOPMENTAL, label: 'Developmental disability' },
  { code: DISABILITY_CHRONIC_HEALTH, label: 'Chronic health condition' },
  { code: DISABILITY_HIV_AIDS, label: 'HIV/AIDS' },
  { code: DISABILITY_MENTAL_HEALTH, label: 'Mental health disorder' },
  { code: DISABILITY_SUBSTANCE_USE, label: 'Substance use disorder' },
]);

export const SUBSTANCE_USE_RESPONSE_LIST = defineList(
  '4.10.2',
  'Substance Use Disorder Response',
  withMissingData([
    { code: 0, label: 'No' },
    { code: 1, label: 'Alcohol use disorder' },
    { code: 2, label: 'Drug use disorder' },
    { code: 3, label: 'Both alcohol and drug use disorders' },
  ]),
);

/** The id of the list that answers "does the client have this disability?" for a 1.3 type. */
export function disabilityResponseListId(disabilityType: number): '4.10.2' | '1.8' {
  return disabilityType === DISABILITY_SUBSTANCE_USE ? '4.10.2' : '1.8';
}
