// A synthetic household for the exporter's tests (no real people): a head of household, an
// adult partner and a child in one Services Only provider, with an entry assessment carrying
// income, benefits, insurance, disabilities and 4.11, an Update at stage 2, an exit, CLS rows,
// and records the reporting period or the deletion rule must leave out.
import { hudColumnToFieldId } from '../../../../src/domain/forms';
import type { ExportRecord, ExportUser, HmisExportParams } from '../../../../src/domain/hmis-csv';
import {
  derivedId,
  providerSchema,
  singletonAssessmentId,
  type Assessment,
  type Client,
  type CurrentLivingSituation,
  type Enrollment,
  type Provider,
  type RecordMeta,
} from '../../../../src/domain/records';

export const id = (name: string) => derivedId(`test:${name}`);
const f = hudColumnToFieldId;

export const USERS: readonly ExportUser[] = [
  { id: id('user-robin'), displayName: 'Robin Q. Example', email: 'robin@example.org' },
  { id: id('user-sam'), displayName: 'Sam', email: null },
];
const ROBIN = USERS[0]!.id;
const SAM = USERS[1]!.id;

export const PROVIDER: Provider = providerSchema.parse({
  id: id('provider'),
  name: 'Synthetic Family Case Management',
  organizationName: 'Synthetic County',
  projectType: 6,
  funders: [],
  cocCode: 'MN-500',
  active: true,
  victimServiceProvider: 0,
  operatingStartDate: '2020-01-01',
  operatingEndDate: null,
  continuumProject: 1,
  residentialAffiliation: 0,
  hmisParticipationType: 1,
  hudFunders: [
    {
      funder: 46,
      otherFunder: 'Synthetic County',
      grantId: null,
      startDate: '2020-01-01',
      endDate: null,
    },
  ],
  projectCocs: [
    {
      cocCode: 'MN-500',
      geocode: '279053',
      address1: '1 Example Way',
      address2: null,
      city: 'Minneapolis',
      state: 'MN',
      zip: '55415',
      geographyType: 1,
    },
  ],
  hmisParticipation: [{ type: 1, startDate: '2020-01-01', endDate: null }],
  ceParticipation: [],
});
export const OTHER_PROVIDER: Provider = providerSchema.parse({
  ...PROVIDER,
  id: id('other-provider'),
  name: 'Not exported',
});

/** Winter instant: America/Chicago is UTC−6. */
export const meta = (created: string, userId = ROBIN, updated = created): RecordMeta => ({
  dateCreated: created,
  dateUpdated: updated,
  userId,
  dateDeleted: null,
});
const rec = <T>(record: T, m: RecordMeta, deleted = false) => ({
  record,
  meta: deleted ? { ...m, dateDeleted: m.dateUpdated } : m,
  deleted,
});

const client = (name: string, over: Partial<Client>): Client => ({
  id: id(name),
  firstName: 'Test',
  middleName: null,
  lastName: name,
  nameSuffix: null,
  nameDataQuality: 1,
  ssn: null,
  ssnDataQuality: 99,
  dob: '1990-04-01',
  dobDataQuality: 1,
  race: [3],
  raceNone: null,
  additionalRaceEthnicity: null,
  sex: 0,
  veteranStatus: 0,
  phone: null,
  email: null,
  address: null,
  ...over,
});

export const HOH = client('hoh', { firstName: 'Alex', ssn: '501234567', ssnDataQuality: 1 });
export const ADULT = client('adult', {
  firstName: 'Jordan',
  ssn: '000000000',
  ssnDataQuality: 1,
  race: [],
  raceNone: 9,
});
export const CHILD = client('child', { firstName: 'Casey', dob: '2019-06-01', veteranStatus: 99 });
export const OUTSIDE = client('outside', { firstName: 'Morgan' });

const HOUSEHOLD = id('household');
const enrollment = (name: string, over: Partial<Enrollment>): Enrollment => ({
  id: id(`enrollment-${name}`),
  clientId: id(name),
  providerId: PROVIDER.id,
  householdId: HOUSEHOLD,
  relationshipToHoH: 1,
  projectStartDate: '2026-01-05',
  entryType: 'basic',
  exitDate: null,
  exitReason: null,
  destination: null,
  destinationSubsidyType: null,
  enrollmentCoc: null,
  otherDestination: null,
  ...over,
});

const EXIT = { exitDate: '2026-03-20', exitReason: 'housed' as const };
export const HOH_ENROLLMENT = enrollment('hoh', {
  ...EXIT,
  enrollmentCoc: 'MN-500',
  destination: 17,
  otherDestination: 'Staying with a cousin',
});
export const ADULT_ENROLLMENT = enrollment('adult', {
  ...EXIT,
  relationshipToHoH: 3,
  // Set by mistake on a non-HoH: 3.16 is the head of household's, so it is not exported.
  enrollmentCoc: 'MN-500',
  destination: 435,
  destinationSubsidyType: 431,
  // Not Destination 17, so not exported.
  otherDestination: 'stale text',
});
export const CHILD_ENROLLMENT = enrollment('child', { relationshipToHoH: 2 });
/** Ended before the period. */
export const OLD_ENROLLMENT = enrollment('outside', {
  householdId: id('old-household'),
  projectStartDate: '2025-01-10',
  exitDate: '2025-06-01',
  exitReason: 'lost_contact',
  destination: 30,
});
/** Deleted: left out of a full refresh with its assessments. */
export const DELETED_ENROLLMENT = enrollment('deleted', {
  id: id('enrollment-deleted'),
  clientId: HOH.id,
  householdId: id('deleted-household'),
  projectStartDate: '2026-02-01',
});
/** In the period, but another provider's. */
export const OTHER_PROVIDER_ENROLLMENT = enrollment('other', {
  id: id('enrollment-other'),
  clientId: HOH.id,
  providerId: OTHER_PROVIDER.id,
  householdId: id('other-household'),
});

const entry = (e: Enrollment, answers: Assessment['answers']): Assessment => ({
  id: singletonAssessmentId(e.id, 1),
  enrollmentId: e.id,
  clientId: e.clientId,
  dataCollectionStage: 1,
  informationDate: e.projectStartDate,
  answers,
});

export const HOH_ENTRY = entry(HOH_ENROLLMENT, {
  livingSituation: 116,
  lengthOfStay: 3,
  dateToStreetESSH: '2025-10-01',
  timesHomelessPastThreeYears: 1,
  monthsHomelessPastThreeYears: 104,
  disablingCondition: 1,
  incomeFromAnySource: 1,
  [f('Earned')]: 1,
  [f('EarnedAmount')]: 1200,
  [f('SSI')]: 0,
  [f('SSIAmount')]: 500, // stale: SSI is No, so not exported
  totalMonthlyIncome: 1200,
  benefitsFromAnySource: 1,
  [f('SNAP')]: 1,
  insuranceFromAnySource: 1,
  [f('Medicaid')]: 1,
  domesticViolenceSurvivor: 1,
  whenOccurred: 3,
  currentlyFleeing: 0,
  physicalDisability: 1,
  physicalDisabilityIndefinite: 1,
  mentalHealthDisorder: 0,
  mentalHealthDisorderIndefinite: 1, // stale: no disorder, so not exported
  // Local Hennepin answer without a HUD column.
  householdMonthlyIncome: 1900,
});
export const ADULT_ENTRY = entry(ADULT_ENROLLMENT, {
  livingSituation: 116,
  lengthOfStay: 3,
  dateToStreetESSH: '2025-10-01',
  timesHomelessPastThreeYears: 1,
  monthsHomelessPastThreeYears: 104,
  disablingCondition: 0,
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 0,
  domesticViolenceSurvivor: 0,
});
export const CHILD_ENTRY = entry(CHILD_ENROLLMENT, {
  insuranceFromAnySource: 1,
  [f('SCHIP')]: 1,
});

const assessment = (name: string, e: Enrollment, over: Partial<Assessment>): Assessment => ({
  id: id(name),
  enrollmentId: e.id,
  clientId: e.clientId,
  dataCollectionStage: 2,
  informationDate: '2026-02-10',
  answers: {},
  ...over,
});
export const HOH_UPDATE = assessment('hoh-update', HOH_ENROLLMENT, {
  answers: { incomeFromAnySource: 1, [f('Earned')]: 1, [f('EarnedAmount')]: 1450.5 },
});
/** Two Updates of the adult on one day: one IncomeBenefits row. */
export const ADULT_UPDATE_A = assessment('adult-update-a', ADULT_ENROLLMENT, {
  answers: { incomeFromAnySource: 1, [f('Unemployment')]: 1, [f('UnemploymentAmount')]: 300 },
});
export const ADULT_UPDATE_B = assessment('adult-update-b', ADULT_ENROLLMENT, {
  answers: { insuranceFromAnySource: 1, [f('Medicaid')]: 1 },
});
export const HOH_EXIT = assessment('hoh-exit', HOH_ENROLLMENT, {
  id: singletonAssessmentId(HOH_ENROLLMENT.id, 3),
  dataCollectionStage: 3,
  informationDate: '2026-03-20',
  answers: {
    incomeFromAnySource: 0,
    benefitsFromAnySource: 0,
    insuranceFromAnySource: 1,
    [f('Medicaid')]: 1,
  },
});
export const DELETED_ENTRY = entry(DELETED_ENROLLMENT, { incomeFromAnySource: 0 });

const cls = (name: string, e: Enrollment, date: string): CurrentLivingSituation => ({
  id: id(name),
  enrollmentId: e.id,
  clientId: e.clientId,
  informationDate: date,
  currentLivingSituation: 116,
  clsSubsidyType: null,
  verifiedBy: null,
  leaveSituation14Days: null,
  subsequentResidence: null,
  resourcesToObtain: null,
  leaseOwn60Day: null,
  movedTwoOrMore: null,
  locationDetails: 'Near the library',
});
export const CLS_HOH = cls('cls-hoh', HOH_ENROLLMENT, '2026-02-10');
export const CLS_ADULT = cls('cls-adult', ADULT_ENROLLMENT, '2026-02-10');
/** After the end of the period. */
export const CLS_LATE = cls('cls-late', CHILD_ENROLLMENT, '2026-04-15');

const JAN = '2026-01-05T15:30:00Z';
export function fixtureRecords() {
  return {
    client: [
      rec(HOH, meta(JAN, ROBIN, '2026-02-10T18:00:00Z')),
      rec(ADULT, meta(JAN)),
      rec(CHILD, meta(JAN, SAM)),
      rec(OUTSIDE, meta('2025-01-10T15:00:00Z')),
    ] satisfies ExportRecord<'client'>[],
    enrollment: [
      rec(HOH_ENROLLMENT, meta(JAN, ROBIN, '2026-03-20T19:00:00Z')),
      rec(ADULT_ENROLLMENT, meta(JAN)),
      rec(CHILD_ENROLLMENT, meta(JAN)),
      rec(OLD_ENROLLMENT, meta('2025-01-10T15:00:00Z')),
      rec(DELETED_ENROLLMENT, meta('2026-02-01T15:00:00Z'), true),
      rec(OTHER_PROVIDER_ENROLLMENT, meta(JAN)),
    ] satisfies ExportRecord<'enrollment'>[],
    assessment: [
      rec(HOH_ENTRY, meta(JAN)),
      rec(ADULT_ENTRY, meta(JAN)),
      rec(CHILD_ENTRY, meta(JAN)),
      rec(HOH_UPDATE, meta('2026-02-10T18:00:00Z', SAM)),
      rec(ADULT_UPDATE_A, meta('2026-02-10T17:00:00Z')),
      rec(ADULT_UPDATE_B, meta('2026-02-10T18:30:00Z', SAM)),
      rec(HOH_EXIT, meta('2026-03-20T19:00:00Z', SAM)),
      rec(DELETED_ENTRY, meta('2026-02-01T15:00:00Z')),
    ] satisfies ExportRecord<'assessment'>[],
    currentLivingSituation: [
      rec(CLS_HOH, meta('2026-02-10T18:00:00Z')),
      rec(CLS_ADULT, meta('2026-02-10T18:00:00Z')),
      rec(CLS_LATE, meta('2026-04-15T18:00:00Z')),
    ] satisfies ExportRecord<'currentLivingSituation'>[],
  };
}

export const PARAMS: HmisExportParams = {
  exportId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  providers: [PROVIDER],
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  exportedAt: '2026-04-01T14:00:00Z',
  hash: false,
  timeZone: 'America/Chicago',
  softwareName: 'Fieldnote',
  softwareVersion: '0.1.0',
  implementationId: 'fieldnote-test-installation',
  source: { name: 'Synthetic County' },
};
