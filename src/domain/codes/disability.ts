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

/**
 * 4.05–4.10 as assessment answers: one field per disability type for the response, and for the
 * types HUD asks it of, one for 4.0x.2 "expected to be of long-continued and indefinite duration
 * and substantially impairs ability to live independently" (Disabilities.csv IndefiniteAndImpairs,
 * list 1.8). The form (forms/disabilities.ts), the HMIS CSV export (one Disabilities.csv row per
 * type answered) and the import all read this table, so field ids are defined once.
 */
export interface DisabilityField {
  readonly disabilityType: number;
  readonly element: string;
  /** Answer field id for DisabilityResponse (list 1.8, or 4.10.2 for substance use). */
  readonly responseField: string;
  /** Answer field id for IndefiniteAndImpairs, or null where HUD does not ask it (6, 8). */
  readonly indefiniteField: string | null;
}

export const DISABILITY_FIELDS: readonly DisabilityField[] = Object.freeze([
  {
    disabilityType: DISABILITY_PHYSICAL,
    element: '4.05',
    responseField: 'physicalDisability',
    indefiniteField: 'physicalDisabilityIndefinite',
  },
  {
    disabilityType: DISABILITY_DEVELOPMENTAL,
    element: '4.06',
    responseField: 'developmentalDisability',
    indefiniteField: null,
  },
  {
    disabilityType: DISABILITY_CHRONIC_HEALTH,
    element: '4.07',
    responseField: 'chronicHealthCondition',
    indefiniteField: 'chronicHealthConditionIndefinite',
  },
  {
    disabilityType: DISABILITY_HIV_AIDS,
    element: '4.08',
    responseField: 'hivAids',
    indefiniteField: null,
  },
  {
    disabilityType: DISABILITY_MENTAL_HEALTH,
    element: '4.09',
    responseField: 'mentalHealthDisorder',
    indefiniteField: 'mentalHealthDisorderIndefinite',
  },
  {
    disabilityType: DISABILITY_SUBSTANCE_USE,
    element: '4.10',
    responseField: 'substanceUseDisorder',
    indefiniteField: 'substanceUseDisorderIndefinite',
  },
]);
