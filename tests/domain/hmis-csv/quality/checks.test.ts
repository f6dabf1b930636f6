// One test per ported Eva data-quality check, named by its id: the clean export with one thing
// broken, and the finding Eva would report (id, severity, file and record).
import { describe, expect, it } from 'vitest';
import {
  checkHmisExport,
  PORTED_DATA_QUALITY_EVA_IDS,
  type HmisSeverity,
} from '../../../../src/domain/hmis-csv';
import { exportWith, findingsOf, type Rows } from './builder';

interface Case {
  readonly id: string;
  readonly name: string;
  readonly severity: HmisSeverity;
  readonly edit: (rows: Rows) => void;
  readonly file: string;
  readonly enrollmentId?: string | null;
  readonly personalId?: string | null;
  readonly line?: number;
}

const e1 = (rows: Rows) => rows.Enrollment[0]!;
const c1 = (rows: Rows) => rows.Client[0]!;
const x1 = (rows: Rows) => rows.Exit[0]!;
const p1 = (rows: Rows) => rows.Project[0]!;
const hp1 = (rows: Rows) => rows.HMISParticipation[0]!;
const entryIncome = (rows: Rows) => rows.IncomeBenefits[0]!;
const exitIncome = (rows: Rows) => rows.IncomeBenefits[1]!;
const onE1 = { file: 'Enrollment.csv', enrollmentId: 'E1', personalId: 'C1', line: 2 } as const;
const onX1 = { file: 'Exit.csv', enrollmentId: 'E1', personalId: 'C1', line: 2 } as const;
const onI1 = { file: 'IncomeBenefits.csv', enrollmentId: 'E1', personalId: 'C1', line: 2 } as const;
const onI2 = { file: 'IncomeBenefits.csv', enrollmentId: 'E1', personalId: 'C1', line: 3 } as const;
const onProject = { file: 'Project.csv', enrollmentId: null, personalId: null, line: 2 } as const;

const CASES: readonly Case[] = [
  // Households
  {
    id: '1',
    name: 'duplicate entries (same client, project and start date)',
    severity: 'high',
    edit: (r) => r.Enrollment.push({ ...e1(r), EnrollmentID: 'E3', HouseholdID: 'H3' }),
    file: 'Enrollment.csv',
    enrollmentId: 'E3',
    line: 4,
  },
  {
    id: '2',
    name: 'no head of household',
    severity: 'high',
    edit: (r) => (e1(r).RelationshipToHoH = '2'),
    ...onE1,
  },
  {
    id: '3',
    name: 'too many heads of household',
    severity: 'high',
    edit: (r) => (r.Enrollment[1]!.RelationshipToHoH = '1'),
    ...onE1,
  },
  {
    id: '4',
    name: 'missing relationship to head of household',
    severity: 'high',
    edit: (r) => (r.Enrollment[1]!.RelationshipToHoH = '99'),
    file: 'Enrollment.csv',
    enrollmentId: 'E2',
    personalId: 'C2',
  },
  {
    id: '86',
    name: 'oldest household member under 12',
    severity: 'error',
    edit: (r) => (c1(r).DOB = '2016-01-01'),
    ...onE1,
  },
  {
    id: '77',
    name: 'project overlaps (two residential stays at once)',
    severity: 'warning',
    edit: (r) => {
      p1(r).ProjectType = '0';
      p1(r).HousingType = '1';
      r.Enrollment.push({
        ...e1(r),
        EnrollmentID: 'E3',
        HouseholdID: 'H3',
        EntryDate: '2026-02-01',
      });
    },
    file: 'Enrollment.csv',
    enrollmentId: 'E3',
  },
  // Universal data elements
  {
    id: '34',
    name: 'missing DOB',
    severity: 'error',
    edit: (r) => (c1(r).DOB = ''),
    ...onE1,
  },
  {
    id: '60',
    name: 'unknown DOB',
    severity: 'warning',
    edit: (r) => (c1(r).DOBDataQuality = '8'),
    ...onE1,
  },
  {
    id: '63',
    name: 'unknown race/ethnicity',
    severity: 'warning',
    edit: (r) => Object.assign(c1(r), { White: '0', RaceNone: '9' }),
    ...onE1,
  },
  {
    id: '66',
    name: 'unknown veteran status (adult)',
    severity: 'warning',
    edit: (r) => (c1(r).VeteranStatus = '99'),
    ...onE1,
  },
  {
    id: '67',
    name: 'unknown SSN',
    severity: 'warning',
    edit: (r) => (c1(r).SSNDataQuality = '99'),
    ...onE1,
  },
  {
    id: '78',
    name: 'incomplete or unknown name',
    severity: 'warning',
    edit: (r) => (c1(r).NameDataQuality = '2'),
    ...onE1,
  },
  {
    id: '84',
    name: 'project start before DOB',
    severity: 'error',
    edit: (r) => (c1(r).DOB = '2026-02-01'),
    ...onE1,
  },
  {
    id: '143',
    name: 'age over 100',
    severity: 'warning',
    edit: (r) => (c1(r).DOB = '1920-01-01'),
    ...onE1,
  },
  // Project start: prior living situation, disabling condition, dates
  {
    id: '26',
    name: 'missing length of stay',
    severity: 'error',
    edit: (r) => (e1(r).LengthOfStay = ''),
    ...onE1,
  },
  {
    id: '27',
    name: 'missing Enrollment CoC',
    severity: 'error',
    edit: (r) => (e1(r).EnrollmentCoC = ''),
    ...onE1,
  },
  {
    id: '28',
    name: 'missing approximate date homeless',
    severity: 'error',
    edit: (r) => (e1(r).DateToStreetESSH = ''),
    ...onE1,
  },
  {
    id: '29',
    name: 'missing previously on street, ES, SH',
    severity: 'error',
    edit: (r) => (e1(r).PreviousStreetESSH = ''),
    ...onE1,
  },
  {
    id: '30',
    name: 'missing residence prior',
    severity: 'error',
    edit: (r) => (e1(r).LivingSituation = ''),
    ...onE1,
  },
  {
    id: '31',
    name: 'missing months or times homeless (street outreach)',
    severity: 'error',
    edit: (r) => {
      p1(r).ProjectType = '4';
      e1(r).TimesHomelessPastThreeYears = '';
    },
    ...onE1,
  },
  {
    id: '32',
    name: 'unknown disabling condition',
    severity: 'warning',
    edit: (r) => (e1(r).DisablingCondition = '99'),
    ...onE1,
  },
  {
    id: '41',
    name: 'incomplete living situation data',
    severity: 'error',
    edit: (r) => Object.assign(e1(r), { LivingSituation: '206', LOSUnderThreshold: '' }),
    ...onE1,
  },
  {
    id: '61',
    name: 'unknown months or times homeless',
    severity: 'warning',
    edit: (r) => (e1(r).TimesHomelessPastThreeYears = '8'),
    ...onE1,
  },
  {
    id: '64',
    name: 'unknown residence prior',
    severity: 'warning',
    edit: (r) => (e1(r).LivingSituation = '99'),
    ...onE1,
  },
  {
    id: '68',
    name: 'unknown living situation',
    severity: 'warning',
    edit: (r) => (e1(r).LivingSituation = '8'),
    ...onE1,
  },
  {
    id: '69',
    name: 'homelessness start date later than entry',
    severity: 'warning',
    edit: (r) => (e1(r).DateToStreetESSH = '2026-02-01'),
    ...onE1,
  },
  {
    id: '70',
    name: 'number of months homeless can be determined',
    severity: 'warning',
    edit: (r) => (e1(r).MonthsHomelessPastThreeYears = '99'),
    ...onE1,
  },
  {
    id: '71',
    name: 'months homeless disagree with the date homelessness started',
    severity: 'warning',
    edit: (r) => (e1(r).MonthsHomelessPastThreeYears = '105'),
    ...onE1,
  },
  {
    id: '73',
    name: 'unknown length of stay',
    severity: 'warning',
    edit: (r) => (e1(r).LengthOfStay = '8'),
    ...onE1,
  },
  {
    id: '75',
    name: 'future entry date (after the record was created)',
    severity: 'warning',
    edit: (r) => (e1(r).EntryDate = '2026-01-20'),
    ...onE1,
  },
  {
    id: '105',
    name: 'homelessness start date conflicts with living situation data',
    severity: 'warning',
    edit: (r) =>
      Object.assign(e1(r), {
        DateToStreetESSH: '2022-01-01',
        TimesHomelessPastThreeYears: '2',
        MonthsHomelessPastThreeYears: '113',
      }),
    ...onE1,
  },
  {
    id: '130',
    name: 'missing prior living situation subsidy type',
    severity: 'error',
    edit: (r) => (e1(r).LivingSituation = '435'),
    ...onE1,
  },
  // Exit
  {
    id: '14',
    name: 'future exit date',
    severity: 'error',
    edit: (r) => (x1(r).ExitDate = '2026-04-10'),
    ...onX1,
  },
  {
    id: '59',
    name: 'unknown destination',
    severity: 'warning',
    edit: (r) => Object.assign(x1(r), { Destination: '30', DestinationSubsidyType: '' }),
    ...onX1,
  },
  {
    id: '99',
    name: 'project exit before start',
    severity: 'error',
    edit: (r) => (x1(r).ExitDate = '2026-01-10'),
    ...onX1,
  },
  {
    id: '121',
    name: 'missing destination subsidy type',
    severity: 'error',
    edit: (r) => (x1(r).DestinationSubsidyType = ''),
    ...onX1,
  },
  {
    id: '40',
    name: 'invalid move-in date (before project start)',
    severity: 'error',
    edit: (r) => {
      Object.assign(p1(r), { ProjectType: '13', RRHSubType: '2', HousingType: '3' });
      e1(r).MoveInDate = '2026-01-01';
    },
    ...onE1,
  },
  // Income, non-cash benefits, health insurance (the HUD funder makes them required)
  {
    id: '87',
    name: 'missing income at entry',
    severity: 'error',
    edit: (r) => (entryIncome(r).IncomeFromAnySource = ''),
    ...onI1,
  },
  {
    id: '88',
    name: 'conflicting income yes/no at entry',
    severity: 'error',
    edit: (r) => (entryIncome(r).Earned = '0'),
    ...onI1,
  },
  {
    id: '89',
    name: 'missing income at exit',
    severity: 'error',
    edit: (r) => (exitIncome(r).IncomeFromAnySource = ''),
    ...onI2,
  },
  {
    id: '90',
    name: 'conflicting income yes/no at exit',
    severity: 'error',
    edit: (r) => (exitIncome(r).Earned = '0'),
    ...onI2,
  },
  {
    id: '92',
    name: 'missing health insurance at entry',
    severity: 'error',
    edit: (r) => (entryIncome(r).InsuranceFromAnySource = ''),
    ...onI1,
  },
  {
    id: '93',
    name: 'missing health insurance at exit',
    severity: 'error',
    edit: (r) => (exitIncome(r).InsuranceFromAnySource = ''),
    ...onI2,
  },
  {
    id: '94',
    name: 'conflicting health insurance yes/no at entry',
    severity: 'error',
    edit: (r) => (entryIncome(r).Medicaid = '0'),
    ...onI1,
  },
  {
    id: '95',
    name: 'conflicting health insurance yes/no at exit',
    severity: 'error',
    edit: (r) => (exitIncome(r).Medicaid = '0'),
    ...onI2,
  },
  {
    id: '96',
    name: 'missing non-cash benefits at entry',
    severity: 'error',
    edit: (r) => (entryIncome(r).BenefitsFromAnySource = ''),
    ...onI1,
  },
  {
    id: '97',
    name: 'conflicting non-cash benefits yes/no at entry',
    severity: 'error',
    edit: (r) => (entryIncome(r).SNAP = '1'),
    ...onI1,
  },
  // Current Living Situation
  {
    id: '129',
    name: 'missing current living situation subsidy type',
    severity: 'error',
    edit: (r) => (r.CurrentLivingSituation[0]!.CurrentLivingSituation = '435'),
    file: 'CurrentLivingSituation.csv',
    enrollmentId: 'E1',
    personalId: 'C1',
    line: 2,
  },
  // HMIS participation and operating periods
  {
    id: '111',
    name: 'enrollment after participating period',
    severity: 'warning',
    edit: (r) => (hp1(r).HMISParticipationStatusEndDate = '2025-12-31'),
    ...onE1,
  },
  {
    id: '112',
    name: 'enrollment crosses participating start',
    severity: 'error',
    edit: (r) => (hp1(r).HMISParticipationStatusStartDate = '2026-02-01'),
    ...onE1,
  },
  {
    id: '113',
    name: 'enrollment before participating period',
    severity: 'warning',
    edit: (r) => (hp1(r).HMISParticipationStatusStartDate = '2026-03-25'),
    ...onE1,
  },
  {
    id: '114',
    name: 'enrollment crosses participating end',
    severity: 'error',
    edit: (r) => (hp1(r).HMISParticipationStatusEndDate = '2026-03-01'),
    ...onE1,
  },
  {
    id: '115',
    name: 'enrollment crosses participation period',
    severity: 'error',
    edit: (r) =>
      Object.assign(hp1(r), {
        HMISParticipationStatusStartDate: '2026-02-01',
        HMISParticipationStatusEndDate: '2026-03-01',
      }),
    ...onE1,
  },
  {
    id: '116',
    name: 'enrollment after operating period',
    severity: 'error',
    edit: (r) => (p1(r).OperatingEndDate = '2025-12-31'),
    ...onE1,
  },
  {
    id: '117',
    name: 'enrollment crosses operating start',
    severity: 'error',
    edit: (r) => (p1(r).OperatingStartDate = '2026-02-01'),
    ...onE1,
  },
  {
    id: '118',
    name: 'enrollment before operating period',
    severity: 'error',
    edit: (r) => (p1(r).OperatingStartDate = '2026-03-25'),
    ...onE1,
  },
  {
    id: '119',
    name: 'enrollment crosses operating end',
    severity: 'error',
    edit: (r) => (p1(r).OperatingEndDate = '2026-03-01'),
    ...onE1,
  },
  {
    id: '120',
    name: 'enrollment crosses operating period',
    severity: 'error',
    edit: (r) =>
      Object.assign(p1(r), { OperatingStartDate: '2026-02-01', OperatingEndDate: '2026-03-01' }),
    ...onE1,
  },
  // Project descriptors
  {
    id: '5',
    name: 'missing geography information',
    severity: 'high',
    edit: (r) => (r.ProjectCoC[0]!.Geocode = ''),
    file: 'ProjectCoC.csv',
    line: 2,
  },
  {
    id: '35',
    name: 'project missing in ProjectCoC file',
    severity: 'high',
    edit: (r) => r.ProjectCoC.splice(0),
    ...onProject,
  },
  {
    id: '36',
    name: 'residential project missing housing type',
    severity: 'high',
    edit: (r) => (p1(r).ProjectType = '2'),
    ...onProject,
  },
  {
    id: '42',
    name: 'missing address (invalid ZIP)',
    severity: 'error',
    edit: (r) => (r.ProjectCoC[0]!.ZIP = '554'),
    file: 'ProjectCoC.csv',
    line: 2,
  },
  {
    id: '81',
    name: 'potentially missing operating end date',
    severity: 'warning',
    edit: (r) => r.Exit.forEach((x) => (x.ExitDate = '2026-02-01')),
    ...onProject,
  },
  {
    id: '110',
    name: 'missing RRH subtype',
    severity: 'error',
    edit: (r) => Object.assign(p1(r), { ProjectType: '13', HousingType: '3' }),
    ...onProject,
  },
  {
    id: '128',
    name: 'overlapping CE participation records',
    severity: 'high',
    edit: (r) => {
      const ce = { ProjectID: 'P1', AccessPoint: '1', ReceivesReferrals: '1' };
      r.CEParticipation.push(
        { ...ce, CEParticipationID: 'CE1', CEParticipationStatusStartDate: '2025-01-01' },
        { ...ce, CEParticipationID: 'CE2', CEParticipationStatusStartDate: '2025-06-01' },
      );
    },
    file: 'CEParticipation.csv',
    line: 3,
  },
  {
    id: '131',
    name: 'overlapping HMIS participation records',
    severity: 'high',
    edit: (r) =>
      r.HMISParticipation.push({
        ...hp1(r),
        HMISParticipationID: 'HP2',
        HMISParticipationStatusStartDate: '2024-01-01',
      }),
    file: 'HMISParticipation.csv',
    line: 3,
  },
  {
    id: '133',
    name: 'VSP participating in HMIS',
    severity: 'error',
    edit: (r) => (r.Organization[0]!.VictimServiceProvider = '1'),
    file: 'HMISParticipation.csv',
    line: 2,
  },
  {
    id: '139',
    name: 'client-level data in a VSP organization',
    severity: 'high',
    edit: (r) => (r.Organization[0]!.VictimServiceProvider = '1'),
    ...onE1,
  },
];

describe('Eva data-quality checks', () => {
  for (const c of CASES) {
    it(`Eva ${c.id}: ${c.name}`, () => {
      const report = checkHmisExport(exportWith(c.edit));
      const found = findingsOf(report, c.id);
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]).toEqual(
        expect.objectContaining({
          checkId: c.id,
          severity: c.severity,
          file: c.file,
          ...(c.enrollmentId !== undefined ? { enrollmentId: c.enrollmentId } : {}),
          ...(c.personalId !== undefined ? { personalId: c.personalId } : {}),
          ...(c.line !== undefined ? { line: c.line } : {}),
        }),
      );
      expect(found[0]!.message.length).toBeGreaterThan(20);
    });
  }

  it('has a test for every ported data-quality check', () => {
    expect(PORTED_DATA_QUALITY_EVA_IDS.filter((id) => !CASES.some((c) => c.id === id))).toEqual([]);
  });

  it('Eva 87, 92, 96: an enrollment with no IncomeBenefits record at entry', () => {
    const report = checkHmisExport(exportWith((r) => r.IncomeBenefits.splice(0, 1)));
    for (const id of ['87', '92', '96']) {
      expect(findingsOf(report, id)).toEqual([
        expect.objectContaining({ file: 'Enrollment.csv', enrollmentId: 'E1', severity: 'error' }),
      ]);
    }
  });

  it('Eva 87–97: not required when no funder requires them (a local funder only)', () => {
    const report = checkHmisExport(
      exportWith((r) => {
        r.Funder[0]!.Funder = '46';
        r.Funder[0]!.OtherFunder = 'Hennepin County';
        r.IncomeBenefits.forEach((i) => (i.IncomeFromAnySource = ''));
        r.IncomeBenefits.forEach((i) => (i.InsuranceFromAnySource = ''));
      }),
    );
    expect(report.findings).toEqual([]);
  });

  it('Eva 87: income of a child is not required', () => {
    const report = checkHmisExport(
      exportWith((r) => (r.IncomeBenefits[2]!.IncomeFromAnySource = '')),
    );
    expect(findingsOf(report, '87')).toEqual([]);
  });

  it('Eva 66: a child’s veteran status of 99 is expected', () => {
    const report = checkHmisExport(exportWith(() => {}));
    expect(findingsOf(report, '66')).toEqual([]);
  });

  it('Eva 2: a household with no head is reported once, not as missing relationships too', () => {
    const report = checkHmisExport(
      exportWith((r) => {
        e1(r).RelationshipToHoH = '99';
        r.Enrollment[1]!.RelationshipToHoH = '99';
      }),
    );
    expect(findingsOf(report, '2')).toHaveLength(1);
    expect(findingsOf(report, '4')).toEqual([]);
  });

  it('leaves rows with a DateDeleted out of the data-quality checks', () => {
    const report = checkHmisExport(
      exportWith((r) => {
        r.Exit.push({
          ...x1(r),
          ExitID: 'X9',
          ExitDate: '2026-01-01',
          DateDeleted: '2026-03-21 10:00:00',
        });
      }),
    );
    expect(findingsOf(report, '99')).toEqual([]);
  });
});
