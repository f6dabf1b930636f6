// The HMIS CSV FY2026 exporter on a synthetic household: every file in order with its exact
// header, the cells each mapping rule produces, the reporting period and deletion rules, lazy
// page-by-page reading, and the port of Eva's structure checks on the result.
import { describe, expect, it } from 'vitest';
import {
  HMIS_FILES,
  checkHmisStructure,
  hmisExportFiles,
  hmisHeader,
  memoryExportSource,
  SYSTEM_USER_ID,
  type HmisExportParams,
  type HmisExportSource,
  type HmisFileName,
} from '../../../../src/domain/hmis-csv';
import { derivedId } from '../../../../src/domain/records';
import * as fx from './fixture';

type Files = Map<string, string[][]>;

async function exportFiles(source: HmisExportSource, params: HmisExportParams): Promise<Files> {
  const out: Files = new Map();
  for await (const file of hmisExportFiles(source, params)) {
    const rows: string[][] = [];
    for await (const row of file.rows) rows.push([...row]);
    out.set(file.name, rows);
  }
  return out;
}

const run = (params: Partial<HmisExportParams> = {}) =>
  exportFiles(memoryExportSource(fx.fixtureRecords(), fx.USERS), { ...fx.PARAMS, ...params });

/** The data rows of a file as objects by column name. */
function table(files: Files, name: HmisFileName): Record<string, string>[] {
  const [header, ...rows] = files.get(`${name}.csv`)!;
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const one = (rows: Record<string, string>[], column: string, value: string) => {
  const found = rows.filter((r) => r[column] === value);
  expect(found, `${column} = ${value}`).toHaveLength(1);
  return found[0]!;
};

describe('hmisExportFiles', () => {
  it('yields the 24 FY2026 files in HMIS_FILES order, each with exactly its header', async () => {
    const files = await run();
    expect([...files.keys()]).toEqual(HMIS_FILES.map((f) => f.fileName));
    for (const spec of HMIS_FILES) {
      const rows = files.get(spec.fileName)!;
      expect(rows[0]).toEqual(hmisHeader(spec.name));
      for (const row of rows) expect(row).toHaveLength(spec.columns.length);
    }
    for (const name of ['Inventory', 'Affiliation', 'Services', 'Assessment', 'Event'] as const) {
      expect(table(files, name)).toEqual([]);
    }
  });

  it('Export.csv: SourceType 2, reporting period 3, full refresh 2, CSVVersion 2026 v1.0', async () => {
    const [exp] = table(await run(), 'Export');
    expect(exp).toMatchObject({
      ExportID: fx.PARAMS.exportId,
      SourceType: '2',
      SourceID: 'MN-500',
      SourceName: 'Synthetic County',
      ExportDate: '2026-04-01 09:00:00',
      ExportStartDate: '2026-01-01',
      ExportEndDate: '2026-03-31',
      SoftwareName: 'Fieldnote',
      SoftwareVersion: '0.1.0',
      CSVVersion: '2026 v1.0',
      ExportPeriodType: '3',
      ExportDirective: '2',
      HashStatus: '1',
      ImplementationID: 'fieldnote-test-installation',
    });
    const hashed = table(await run({ hash: true }), 'Export');
    expect(hashed[0]!.HashStatus).toBe('4');
  });

  it('writes the project descriptors (2.01–2.08) with derived, stable ids', async () => {
    const files = await run();
    expect(table(files, 'Organization')).toEqual([
      expect.objectContaining({
        OrganizationID: 'synthetic-county',
        OrganizationName: 'Synthetic County',
        VictimServiceProvider: '0',
        UserID: SYSTEM_USER_ID,
      }),
    ]);
    expect(table(files, 'Project')).toEqual([
      expect.objectContaining({
        ProjectID: fx.PROVIDER.id,
        OrganizationID: 'synthetic-county',
        OperatingStartDate: '2020-01-01',
        ContinuumProject: '1',
        ProjectType: '6',
        ResidentialAffiliation: '0',
        ExportID: fx.PARAMS.exportId,
      }),
    ]);
    const [funder] = table(files, 'Funder');
    expect(funder).toMatchObject({
      Funder: '46',
      OtherFunder: 'Synthetic County',
      StartDate: '2020-01-01',
    });
    expect(table(await run(), 'Funder')[0]!.FunderID).toBe(funder!.FunderID);
    expect(table(files, 'ProjectCoC')[0]).toMatchObject({
      CoCCode: 'MN-500',
      Geocode: '279053',
      ZIP: '55415',
      GeographyType: '1',
    });
    expect(table(files, 'HMISParticipation')[0]).toMatchObject({
      HMISParticipationType: '1',
      HMISParticipationStatusStartDate: '2020-01-01',
    });
    expect(table(files, 'CEParticipation')).toEqual([]);
  });

  it('User.csv lists every UserID used, names split from the display name', async () => {
    const files = await run({ descriptorUserId: fx.USERS[1]!.id });
    const users = table(files, 'User');
    expect(users.map((u) => u.UserID).sort()).toEqual(fx.USERS.map((u) => u.id).sort());
    expect(one(users, 'UserID', fx.USERS[0]!.id)).toMatchObject({
      UserFirstName: 'Robin Q.',
      UserLastName: 'Example',
      UserEmail: 'robin@example.org',
    });
    expect(one(users, 'UserID', fx.USERS[1]!.id)).toMatchObject({
      UserFirstName: 'Sam',
      UserLastName: '',
    });
    const used = new Set(
      [...files.entries()]
        .filter(([name]) => name !== 'User.csv' && name !== 'Export.csv')
        .flatMap(([name]) =>
          table(files, name.replace('.csv', '') as HmisFileName).map((r) => r.UserID!),
        ),
    );
    for (const userId of used) one(users, 'UserID', userId);
  });

  it('Client.csv (3.01–3.07, 4.21): race flags, RaceNone, placeholder SSN null, metadata in America/Chicago', async () => {
    const clients = table(await run(), 'Client');
    expect(clients.map((c) => c.PersonalID).sort()).toEqual(
      [fx.HOH.id, fx.ADULT.id, fx.CHILD.id].sort(),
    );
    const hoh = one(clients, 'PersonalID', fx.HOH.id);
    expect(hoh).toMatchObject({
      FirstName: 'Alex',
      SSN: '501234567',
      SSNDataQuality: '1',
      DOB: '1990-04-01',
      Sex: '0',
      BlackAfAmerican: '1',
      White: '0',
      RaceNone: '',
      VeteranStatus: '0',
      YearEnteredService: '',
      DateCreated: '2026-01-05 09:30:00',
      DateUpdated: '2026-02-10 12:00:00',
      DateDeleted: '',
    });
    const adult = one(clients, 'PersonalID', fx.ADULT.id);
    // General Rule 7: a placeholder SSN is null, and no SSN was reported.
    expect(adult).toMatchObject({
      SSN: '',
      SSNDataQuality: '99',
      BlackAfAmerican: '0',
      RaceNone: '9',
    });
  });

  it('Enrollment.csv: 3.10, 3.15, 3.16 EnrollmentCoC for the HoH only, 3.917 and 3.08 from the Entry', async () => {
    const enrollments = table(await run(), 'Enrollment');
    const hoh = one(enrollments, 'EnrollmentID', fx.HOH_ENROLLMENT.id);
    expect(hoh).toMatchObject({
      PersonalID: fx.HOH.id,
      ProjectID: fx.PROVIDER.id,
      EntryDate: '2026-01-05',
      HouseholdID: fx.HOH_ENROLLMENT.householdId,
      RelationshipToHoH: '1',
      EnrollmentCoC: 'MN-500',
      LivingSituation: '116',
      LengthOfStay: '3',
      LOSUnderThreshold: '',
      DateToStreetESSH: '2025-10-01',
      TimesHomelessPastThreeYears: '1',
      MonthsHomelessPastThreeYears: '104',
      DisablingCondition: '1',
      MoveInDate: '',
      DateCreated: '2026-01-05 09:30:00',
      DateUpdated: '2026-03-20 14:00:00',
    });
    const adult = one(enrollments, 'EnrollmentID', fx.ADULT_ENROLLMENT.id);
    expect(adult).toMatchObject({
      RelationshipToHoH: '3',
      EnrollmentCoC: '',
      DisablingCondition: '0',
    });
    // 3.08 not answered: a non-nullable list field is exported as 99.
    const child = one(enrollments, 'EnrollmentID', fx.CHILD_ENROLLMENT.id);
    expect(child).toMatchObject({ DisablingCondition: '99', LivingSituation: '' });
  });

  it('Enrollment.csv: 4.13 DateOfEngagement only for Street Outreach / NbN shelters (W-ENG-1)', async () => {
    const engaged = (records: ReturnType<typeof fx.fixtureRecords>) => ({
      ...records,
      enrollment: records.enrollment.map((e) =>
        e.record.id === fx.HOH_ENROLLMENT.id
          ? { ...e, record: { ...e.record, dateOfEngagement: '2026-01-20' } }
          : e.record.id === fx.ADULT_ENROLLMENT.id
            ? // After the period's end: not exported yet.
              { ...e, record: { ...e.record, dateOfEngagement: '2026-04-10' } }
            : e,
      ),
    });
    const outreach = { ...fx.PROVIDER, projectType: 4, residentialAffiliation: null };
    const files = await exportFiles(memoryExportSource(engaged(fx.fixtureRecords()), fx.USERS), {
      ...fx.PARAMS,
      providers: [outreach],
    });
    const rows = table(files, 'Enrollment');
    expect(one(rows, 'EnrollmentID', fx.HOH_ENROLLMENT.id).DateOfEngagement).toBe('2026-01-20');
    expect(one(rows, 'EnrollmentID', fx.ADULT_ENROLLMENT.id).DateOfEngagement).toBe('');
    // The same data on a Services Only project: 4.13 is not collected there, so never exported.
    const sso = table(
      await exportFiles(memoryExportSource(engaged(fx.fixtureRecords()), fx.USERS), fx.PARAMS),
      'Enrollment',
    );
    expect(one(sso, 'EnrollmentID', fx.HOH_ENROLLMENT.id).DateOfEngagement).toBe('');
  });

  it('Exit.csv (3.11, 3.12): OtherDestination only for Destination 17 (3.12.B), subsidy only for 435', async () => {
    const exits = table(await run(), 'Exit');
    expect(exits).toHaveLength(2);
    expect(one(exits, 'EnrollmentID', fx.HOH_ENROLLMENT.id)).toMatchObject({
      ExitID: fx.HOH_ENROLLMENT.id,
      ExitDate: '2026-03-20',
      Destination: '17',
      OtherDestination: 'Staying with a cousin',
      DestinationSubsidyType: '',
      // The Exit assessment's metadata.
      DateCreated: '2026-03-20 14:00:00',
      UserID: fx.USERS[1]!.id,
    });
    expect(one(exits, 'EnrollmentID', fx.ADULT_ENROLLMENT.id)).toMatchObject({
      Destination: '435',
      DestinationSubsidyType: '431',
      OtherDestination: '',
    });
  });

  it('IncomeBenefits.csv (4.02–4.04): money with 2 decimals, sources 0/1 under Yes, amounts only for Yes', async () => {
    const rows = table(await run(), 'IncomeBenefits');
    const entry = one(rows, 'IncomeBenefitsID', fx.HOH_ENTRY.id);
    expect(entry).toMatchObject({
      EnrollmentID: fx.HOH_ENROLLMENT.id,
      PersonalID: fx.HOH.id,
      InformationDate: '2026-01-05',
      DataCollectionStage: '1',
      IncomeFromAnySource: '1',
      TotalMonthlyIncome: '1200.00',
      Earned: '1',
      EarnedAmount: '1200.00',
      SSI: '0',
      SSIAmount: '',
      Unemployment: '0',
      BenefitsFromAnySource: '1',
      SNAP: '1',
      WIC: '0',
      InsuranceFromAnySource: '1',
      Medicaid: '1',
      Medicare: '0',
    });
    const update = one(rows, 'IncomeBenefitsID', fx.HOH_UPDATE.id);
    // Total not answered at the update: the sum of the amounts.
    expect(update).toMatchObject({
      DataCollectionStage: '2',
      EarnedAmount: '1450.50',
      TotalMonthlyIncome: '1450.50',
    });
    const adultEntry = one(rows, 'IncomeBenefitsID', fx.ADULT_ENTRY.id);
    expect(adultEntry).toMatchObject({ IncomeFromAnySource: '0', Earned: '', EarnedAmount: '' });
    const exit = one(rows, 'IncomeBenefitsID', fx.HOH_EXIT.id);
    expect(exit).toMatchObject({
      DataCollectionStage: '3',
      IncomeFromAnySource: '0',
      Medicaid: '1',
    });
    expect(rows.filter((r) => r.EnrollmentID === fx.DELETED_ENROLLMENT.id)).toEqual([]);
  });

  it('combines assessments with the same EnrollmentID, InformationDate and stage into one row', async () => {
    const rows = table(await run(), 'IncomeBenefits').filter(
      (r) => r.EnrollmentID === fx.ADULT_ENROLLMENT.id && r.DataCollectionStage === '2',
    );
    const lowest = [fx.ADULT_UPDATE_A.id, fx.ADULT_UPDATE_B.id].sort()[0];
    expect(rows).toEqual([
      expect.objectContaining({
        IncomeBenefitsID: lowest,
        Unemployment: '1',
        UnemploymentAmount: '300.00',
        Medicaid: '1',
        DateCreated: '2026-02-10 11:00:00',
        DateUpdated: '2026-02-10 12:30:00',
        UserID: fx.USERS[1]!.id,
      }),
    ]);
  });

  it('HealthAndDV.csv (4.11) and Disabilities.csv (4.05–4.10) from the answers', async () => {
    const files = await run();
    const dv = table(files, 'HealthAndDV');
    expect(one(dv, 'HealthAndDVID', fx.HOH_ENTRY.id)).toMatchObject({
      DomesticViolenceSurvivor: '1',
      WhenOccurred: '3',
      CurrentlyFleeing: '0',
      DataCollectionStage: '1',
    });
    expect(one(dv, 'HealthAndDVID', fx.ADULT_ENTRY.id)).toMatchObject({
      DomesticViolenceSurvivor: '0',
      WhenOccurred: '',
    });
    expect(dv.filter((r) => r.PersonalID === fx.CHILD.id)).toEqual([]);
    const disabilities = table(files, 'Disabilities');
    expect(disabilities).toHaveLength(2);
    expect(one(disabilities, 'DisabilityType', '5')).toMatchObject({
      DisabilitiesID: derivedId(`disabilities:${fx.HOH_ENTRY.id}:5`),
      EnrollmentID: fx.HOH_ENROLLMENT.id,
      DisabilityResponse: '1',
      IndefiniteAndImpairs: '1',
      TCellCount: '',
      ViralLoad: '',
      DataCollectionStage: '1',
    });
    expect(one(disabilities, 'DisabilityType', '9')).toMatchObject({
      DisabilityResponse: '0',
      IndefiniteAndImpairs: '',
    });
  });

  it('CurrentLivingSituation.csv (4.12): every column from the record, none after the period', async () => {
    const rows = table(await run(), 'CurrentLivingSituation');
    expect(rows.map((r) => r.CurrentLivingSitID).sort()).toEqual(
      [fx.CLS_HOH.id, fx.CLS_ADULT.id].sort(),
    );
    expect(one(rows, 'CurrentLivingSitID', fx.CLS_HOH.id)).toMatchObject({
      EnrollmentID: fx.HOH_ENROLLMENT.id,
      InformationDate: '2026-02-10',
      CurrentLivingSituation: '116',
      LocationDetails: 'Near the library',
    });
  });

  it('reporting period: enrollments active in it, their clients; deleted and other providers left out', async () => {
    const files = await run();
    const enrollmentIds = table(files, 'Enrollment').map((e) => e.EnrollmentID);
    expect(enrollmentIds.sort()).toEqual(
      [fx.HOH_ENROLLMENT.id, fx.ADULT_ENROLLMENT.id, fx.CHILD_ENROLLMENT.id].sort(),
    );
    expect(table(files, 'Client').map((c) => c.PersonalID)).not.toContain(fx.OUTSIDE.id);
    // A period covering only the old stay exports only it.
    const old = await run({ startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(table(old, 'Enrollment').map((e) => e.EnrollmentID)).toEqual([fx.OLD_ENROLLMENT.id]);
    expect(table(old, 'Client').map((c) => c.PersonalID)).toEqual([fx.OUTSIDE.id]);
    expect(table(old, 'Exit')[0]).toMatchObject({ Destination: '30' });
    // Exits after the end of the period are not exported (no InformationDate after the end).
    const early = await run({ endDate: '2026-03-01' });
    expect(table(early, 'Exit')).toEqual([]);
    expect(table(early, 'Enrollment')).toHaveLength(3);
  });

  it('hashed export (HashStatus 4): SHA-256 names and last-4 + SHA-256 SSN', async () => {
    const clients = table(await run({ hash: true }), 'Client');
    const hoh = one(clients, 'PersonalID', fx.HOH.id);
    expect(hoh.FirstName).toMatch(/^[0-9a-f]{64}$/);
    expect(hoh.LastName).toMatch(/^[0-9a-f]{64}$/);
    expect(hoh.MiddleName).toBe('');
    expect(hoh.SSN).toMatch(/^4567[0-9a-f]{64}$/);
    expect(one(clients, 'PersonalID', fx.ADULT.id).SSN).toBe('');
  });

  it('Eva structure checks: no error or high finding on the hashed export; only 126 unhashed', async () => {
    const hashed = checkHmisStructure(await run({ hash: true }));
    expect(hashed.filter((f) => f.severity !== 'warning')).toEqual([]);
    const plain = checkHmisStructure(await run());
    expect(plain.filter((f) => f.severity !== 'warning').map((f) => f.checkId)).toEqual(['126']);
  });

  it('reads records() page by page: rows are yielded before the last page is read', async () => {
    const base = memoryExportSource(fx.fixtureRecords(), fx.USERS, { pageSize: 1 });
    const pagesRead = new Map<string, number>();
    const source: HmisExportSource = {
      ...base,
      records(type) {
        const pages = base.records(type);
        return {
          async *[Symbol.asyncIterator]() {
            for await (const page of pages) {
              expect(page.length).toBeLessThanOrEqual(1);
              pagesRead.set(type, (pagesRead.get(type) ?? 0) + 1);
              yield page;
            }
          },
        };
      },
    };
    const totals = { client: 4, enrollment: 6, assessment: 8 } as const;
    const readAtFirstRow = new Map<string, number>();
    for await (const file of hmisExportFiles(source, fx.PARAMS)) {
      const type = {
        'Client.csv': 'client',
        'Enrollment.csv': 'enrollment',
        'IncomeBenefits.csv': 'assessment',
      }[file.name] as keyof typeof totals | undefined;
      const before = type === undefined ? 0 : (pagesRead.get(type) ?? 0);
      let line = 0;
      for await (const row of file.rows) {
        expect(row.length).toBeGreaterThan(0);
        if (++line === 2 && type !== undefined) {
          readAtFirstRow.set(type, (pagesRead.get(type) ?? 0) - before);
        }
      }
    }
    for (const [type, total] of Object.entries(totals)) {
      expect(readAtFirstRow.get(type), type).toBeGreaterThan(0);
      expect(readAtFirstRow.get(type), type).toBeLessThan(total);
    }
  });

  it('refuses a bad period or an unknown time zone before reading anything', () => {
    const source = memoryExportSource({}, []);
    expect(() => hmisExportFiles(source, { ...fx.PARAMS, endDate: '2025-12-31' })).toThrow(
      /ends before it starts/,
    );
    expect(() => hmisExportFiles(source, { ...fx.PARAMS, timeZone: 'Mars/Olympus' })).toThrow(
      /time zone/,
    );
  });
});
