// Synthetic records for the data-quality report's tests (no real people): a household of a head
// of household, an adult and a child at one provider, with Entry assessments, a CLS and a contact,
// and Case Managers tab assignments to two case managers.
import { derivedId, singletonAssessmentId } from '../../../../src/domain/records';
import type {
  DataQualityInput,
  DqRecord,
  DqView,
} from '../../../../src/domain/workflow/data-quality';

export const id = (name: string) => derivedId(`dq-test:${name}`);
export const PROVIDER = id('provider');
export const CM_A = id('cm-a');
export const CM_B = id('cm-b');
export const HOUSEHOLD = id('household');

/** 2026-03-10 12:00 in Minneapolis. */
export const NOW = Date.parse('2026-03-10T17:00:00Z');
export const dayMs = (date: string) => Date.parse(`${date}T18:00:00Z`);

export const rec = (view: DqView, over: Partial<Omit<DqRecord, 'view'>> = {}): DqRecord => ({
  view,
  firstWriteAt: null,
  synced: true,
  pendingSince: null,
  ...over,
});

export const client = (name: string, over: Record<string, unknown> = {}): DqView => ({
  id: id(name),
  firstName: 'Test',
  lastName: name,
  nameDataQuality: 1,
  ssn: '501234567',
  ssnDataQuality: 1,
  dob: '1990-04-01',
  dobDataQuality: 1,
  race: [3],
  raceNone: null,
  sex: 0,
  veteranStatus: 0,
  ...over,
});

export const enrollment = (name: string, over: Record<string, unknown> = {}): DqView => ({
  id: id(`enrollment-${name}`),
  clientId: id(name),
  providerId: PROVIDER,
  householdId: HOUSEHOLD,
  relationshipToHoH: 1,
  projectStartDate: '2026-01-05',
  exitDate: null,
  destination: null,
  enrollmentCoc: 'MN-500',
  ...over,
});

export const FULL_ENTRY_ANSWERS = {
  disablingCondition: 0,
  livingSituation: 116,
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 1,
  physicalDisability: 0,
  developmentalDisability: 0,
  chronicHealthCondition: 0,
  hivAids: 0,
  mentalHealthDisorder: 0,
  substanceUseDisorder: 0,
  domesticViolenceSurvivor: 0,
};

export const entry = (name: string, answers: Record<string, unknown>, date = '2026-01-05') => ({
  id: singletonAssessmentId(id(`enrollment-${name}`), 1),
  enrollmentId: id(`enrollment-${name}`),
  clientId: id(name),
  dataCollectionStage: 1,
  informationDate: date,
  answers,
});

export const assignment = (
  name: string,
  caseManagerId: string,
  over: Record<string, unknown> = {},
) => ({
  id: id(`assignment-${name}-${caseManagerId}`),
  enrollmentId: id(`enrollment-${name}`),
  caseManagerId,
  startDate: '2026-01-05',
  endDate: null,
  ...over,
});

export function input(over: Partial<DataQualityInput> = {}): DataQualityInput {
  return {
    today: '2026-03-10',
    timeZone: 'America/Chicago',
    period: { startDate: '2026-01-01', endDate: '2026-03-10' },
    providerIds: [PROVIDER],
    clients: [],
    enrollments: [],
    assessments: [],
    currentLivingSituations: [],
    contacts: [],
    assignments: [],
    eva: null,
    ...over,
  };
}
