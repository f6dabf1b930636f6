// The structure checks as data: which columns take which code list (Eva 50–55), and which
// columns must name a row of a parent file (Eva 9, 10 and the CSV-2026 foreign keys).
import {
  CURRENT_LIVING_SITUATION_LIST,
  DESTINATION_LIST,
  DISCHARGE_STATUS_LIST,
  DOB_DATA_QUALITY_LIST,
  MILITARY_BRANCH_LIST,
  NAME_DATA_QUALITY_LIST,
  NO_YES_LIST,
  NO_YES_REASONS_FOR_MISSING,
  PRIOR_LIVING_SITUATION_LIST,
  RACE_NONE,
  RELATIONSHIP_TO_HOH_LIST,
  SEX_LIST,
  SSN_DATA_QUALITY_LIST,
  VETERAN_STATUS_LIST,
  type HudList,
} from '../../codes';
import type { HmisFileName } from '../columns';
import type { StructureSeverity } from './types';

/** Client.csv columns and the code list each must come from (Eva 50). */
const CLIENT_LISTS: Readonly<Record<string, HudList>> = {
  NameDataQuality: NAME_DATA_QUALITY_LIST,
  SSNDataQuality: SSN_DATA_QUALITY_LIST,
  DOBDataQuality: DOB_DATA_QUALITY_LIST,
  Sex: SEX_LIST,
  AmIndAKNative: NO_YES_LIST,
  Asian: NO_YES_LIST,
  BlackAfAmerican: NO_YES_LIST,
  HispanicLatinao: NO_YES_LIST,
  MidEastNAfrican: NO_YES_LIST,
  NativeHIPacific: NO_YES_LIST,
  White: NO_YES_LIST,
  RaceNone: RACE_NONE,
  VeteranStatus: VETERAN_STATUS_LIST,
  WorldWarII: NO_YES_REASONS_FOR_MISSING,
  KoreanWar: NO_YES_REASONS_FOR_MISSING,
  VietnamWar: NO_YES_REASONS_FOR_MISSING,
  DesertStorm: NO_YES_REASONS_FOR_MISSING,
  AfghanistanOEF: NO_YES_REASONS_FOR_MISSING,
  IraqOIF: NO_YES_REASONS_FOR_MISSING,
  IraqOND: NO_YES_REASONS_FOR_MISSING,
  OtherTheater: NO_YES_REASONS_FOR_MISSING,
  MilitaryBranch: MILITARY_BRANCH_LIST,
  DischargeStatus: DISCHARGE_STATUS_LIST,
};

export interface ValueCheck {
  readonly id: string;
  readonly file: HmisFileName;
  readonly column: string;
  readonly list: HudList;
  readonly severity: StructureSeverity;
}

/** Single-column value checks Eva runs with their own ids (50–55). */
export const VALUE_CHECKS: readonly ValueCheck[] = [
  {
    id: '51',
    file: 'Enrollment',
    column: 'DisablingCondition',
    list: NO_YES_REASONS_FOR_MISSING,
    severity: 'error',
  },
  {
    id: '52',
    file: 'Enrollment',
    column: 'LivingSituation',
    list: PRIOR_LIVING_SITUATION_LIST,
    severity: 'error',
  },
  {
    id: '53',
    file: 'Enrollment',
    column: 'RelationshipToHoH',
    list: RELATIONSHIP_TO_HOH_LIST,
    severity: 'error',
  },
  { id: '54', file: 'Exit', column: 'Destination', list: DESTINATION_LIST, severity: 'error' },
  {
    id: '55',
    file: 'CurrentLivingSituation',
    column: 'CurrentLivingSituation',
    list: CURRENT_LIVING_SITUATION_LIST,
    severity: 'error',
  },
  ...Object.entries(CLIENT_LISTS).map(([column, list]) => ({
    id: '50',
    file: 'Client' as const,
    column,
    list,
    severity: 'error' as const,
  })),
];

export interface ForeignKey {
  readonly child: HmisFileName;
  readonly column: string;
  readonly parent: HmisFileName;
  readonly key: string;
  readonly checkId: string;
  readonly severity: StructureSeverity;
}

const fk = (child: HmisFileName, column: string, parent: HmisFileName): ForeignKey => ({
  child,
  column,
  parent,
  key: parent === 'Project' && column === 'ResProjectID' ? 'ProjectID' : column,
  checkId: 'fieldnote/foreign-key',
  severity: 'error',
});

/** Foreign keys: child file and column → parent file and its key column. */
export const FOREIGN_KEYS: readonly ForeignKey[] = [
  { ...fk('Enrollment', 'PersonalID', 'Client'), checkId: '9', severity: 'high' },
  { ...fk('Enrollment', 'ProjectID', 'Project'), checkId: '10', severity: 'high' },
  ...(
    [
      'Funder',
      'ProjectCoC',
      'Inventory',
      'Affiliation',
      'HMISParticipation',
      'CEParticipation',
    ] as const
  ).map((child) => fk(child, 'ProjectID', 'Project')),
  fk('Affiliation', 'ResProjectID', 'Project'),
  fk('Project', 'OrganizationID', 'Organization'),
  ...(
    [
      'Exit',
      'IncomeBenefits',
      'HealthAndDV',
      'EmploymentEducation',
      'Disabilities',
      'Services',
      'CurrentLivingSituation',
      'Assessment',
      'AssessmentQuestions',
      'AssessmentResults',
      'Event',
      'YouthEducationStatus',
    ] as const
  ).flatMap((child) => [
    fk(child, 'EnrollmentID', 'Enrollment'),
    fk(child, 'PersonalID', 'Client'),
  ]),
  fk('AssessmentQuestions', 'AssessmentID', 'Assessment'),
  fk('AssessmentResults', 'AssessmentID', 'Assessment'),
];

/** Files whose record ids other files point at: their id sets are kept for the whole export. */
export const PARENT_FILES: ReadonlySet<HmisFileName> = new Set<HmisFileName>([
  ...FOREIGN_KEYS.map((k) => k.parent),
  'User',
]);

/** HashStatus 2 (SHA-1 RHY), 3 (hashed, other) and 4 (SHA-256): list 1.5. */
export const HASHED_STATUSES: ReadonlySet<string> = new Set(['2', '3', '4']);
export const HASHED_CLIENT_COLUMNS: ReadonlySet<string> = new Set([
  'FirstName',
  'MiddleName',
  'LastName',
  'NameSuffix',
  'SSN',
]);
export const NONE: ReadonlySet<string> = new Set();
