// A tiny builder of synthetic HMIS CSV exports for the Eva-port tests: records by column name,
// defaults for the rest, and a clean export (one family: an adult head of household and a child
// in a Services Only project) that every check passes. Tests break one thing in it.
import {
  HMIS_FILES,
  hmisFile,
  type HmisCheckReport,
  type HmisFileName,
  type HmisFinding,
} from '../../../../src/domain/hmis-csv';

export type Rec = Record<string, string>;
export type Rows = { [F in HmisFileName]: Rec[] };

const HASH = 'a3f1'.repeat(16);

function defaultValue(file: HmisFileName, column: string): string {
  const spec = hmisFile(file).columns.find((c) => c.name === column)!;
  if (column === 'ExportID') return 'EXP1';
  if (column === 'UserID') return 'U1';
  if (column === 'DateCreated' || column === 'DateUpdated') return '2026-01-15 09:30:00';
  if (spec.nullable) return '';
  switch (spec.type) {
    case 'I':
      return '0';
    case 'D':
      return '2026-01-15';
    case 'T':
      return '2026-01-15 09:30:00';
    default:
      return 'x';
  }
}

const client = (id: string, dob: string, veteran: string): Rec => ({
  PersonalID: id,
  FirstName: HASH,
  LastName: HASH,
  SSN: `1234${HASH}`,
  NameDataQuality: '1',
  SSNDataQuality: '1',
  DOB: dob,
  DOBDataQuality: '1',
  Sex: '0',
  White: '1',
  VeteranStatus: veteran,
});

const income = (id: string, enrollment: string, person: string, stage: string, date: string) => ({
  IncomeBenefitsID: id,
  EnrollmentID: enrollment,
  PersonalID: person,
  InformationDate: date,
  DataCollectionStage: stage,
  IncomeFromAnySource: '1',
  Earned: '1',
  EarnedAmount: '900.00',
  TotalMonthlyIncome: '900.00',
  BenefitsFromAnySource: '0',
  InsuranceFromAnySource: '1',
  Medicaid: '1',
});

/** The clean export, as records: zero findings. */
export function cleanRows(): Rows {
  const rows = Object.fromEntries(HMIS_FILES.map((f) => [f.name, [] as Rec[]])) as Rows;
  rows.Export.push({
    SourceType: '3',
    ExportDate: '2026-04-01 12:00:00',
    ExportStartDate: '2025-10-01',
    ExportEndDate: '2026-03-31',
    CSVVersion: '2026 v1.0',
    ExportPeriodType: '3',
    ExportDirective: '2',
    HashStatus: '4',
    ImplementationID: 'fieldnote-test',
  });
  rows.Organization.push({ OrganizationID: 'ORG1', OrganizationName: 'Family Services' });
  rows.User.push({ UserID: 'U1' });
  rows.Project.push({
    ProjectID: 'P1',
    OrganizationID: 'ORG1',
    ProjectName: 'Family Case Management',
    OperatingStartDate: '2020-01-01',
    ContinuumProject: '1',
    ProjectType: '6',
    ResidentialAffiliation: '0',
  });
  rows.Funder.push({
    FunderID: 'F1',
    ProjectID: 'P1',
    Funder: '2',
    GrantID: 'G1',
    StartDate: '2020-01-01',
  });
  rows.ProjectCoC.push({
    ProjectCoCID: 'PC1',
    ProjectID: 'P1',
    CoCCode: 'MN-500',
    Geocode: '279053',
    Address1: '1 Main St',
    City: 'Minneapolis',
    State: 'MN',
    ZIP: '55401',
    GeographyType: '1',
  });
  rows.HMISParticipation.push({
    HMISParticipationID: 'HP1',
    ProjectID: 'P1',
    HMISParticipationType: '1',
    HMISParticipationStatusStartDate: '2020-01-01',
  });
  rows.Client.push(client('C1', '1990-05-01', '0'), client('C2', '2018-03-01', '99'));
  const enrollment = (id: string, person: string, rel: string): Rec => ({
    EnrollmentID: id,
    PersonalID: person,
    ProjectID: 'P1',
    EntryDate: '2026-01-15',
    HouseholdID: 'H1',
    RelationshipToHoH: rel,
    EnrollmentCoC: rel === '1' ? 'MN-500' : '',
    LivingSituation: '116',
    LengthOfStay: '2',
    LOSUnderThreshold: '1',
    PreviousStreetESSH: '1',
    DateToStreetESSH: '2025-12-01',
    TimesHomelessPastThreeYears: '1',
    MonthsHomelessPastThreeYears: '102',
    DisablingCondition: '0',
  });
  rows.Enrollment.push(enrollment('E1', 'C1', '1'), enrollment('E2', 'C2', '2'));
  const exit = (id: string, e: string, person: string): Rec => ({
    ExitID: id,
    EnrollmentID: e,
    PersonalID: person,
    ExitDate: '2026-03-20',
    Destination: '435',
    DestinationSubsidyType: '419',
  });
  rows.Exit.push(exit('X1', 'E1', 'C1'), exit('X2', 'E2', 'C2'));
  rows.IncomeBenefits.push(
    income('I1', 'E1', 'C1', '1', '2026-01-15'),
    income('I2', 'E1', 'C1', '3', '2026-03-20'),
    income('I3', 'E2', 'C2', '1', '2026-01-15'),
    income('I4', 'E2', 'C2', '3', '2026-03-20'),
  );
  rows.CurrentLivingSituation.push({
    CurrentLivingSitID: 'CLS1',
    EnrollmentID: 'E1',
    PersonalID: 'C1',
    InformationDate: '2026-02-01',
    CurrentLivingSituation: '116',
  });
  return rows;
}

/** The records as CSV files: header first, every column of the FY2026 specification. */
export function toFiles(rows: Rows): Map<string, string[][]> {
  return new Map(
    HMIS_FILES.map((f) => [
      f.fileName,
      [
        f.columns.map((c) => c.name),
        ...rows[f.name].map((r) => f.columns.map((c) => r[c.name] ?? defaultValue(f.name, c.name))),
      ],
    ]),
  );
}

/** The clean export with one edit. */
export function exportWith(edit: (rows: Rows) => void): Map<string, string[][]> {
  const rows = cleanRows();
  edit(rows);
  return toFiles(rows);
}

export const findingsOf = (report: HmisCheckReport, checkId: string): HmisFinding[] =>
  report.findings.filter((f) => f.checkId === checkId);
