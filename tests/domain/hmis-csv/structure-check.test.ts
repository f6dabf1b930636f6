// The port of Eva's file-structure checks: for each check, a file set that passes (the valid
// export below gives no findings at all) and one that triggers it, named by Eva's check id.
import { describe, expect, it } from 'vitest';
import {
  CURRENT_LIVING_SITUATION_LIST,
  DESTINATION_LIST,
  PRIOR_LIVING_SITUATION_LIST,
  SEX_LIST,
} from '../../../src/domain/codes';
import {
  HMIS_FILES,
  checkHmisStructure,
  hmisFile,
  type HmisFileName,
  type StructureFinding,
} from '../../../src/domain/hmis-csv';

type Files = Map<string, string[][]>;
const HASH = 'a3f1'.repeat(16);

function defaultValue(file: HmisFileName, column: string): string {
  const spec = hmisFile(file).columns.find((c) => c.name === column)!;
  if (column === 'ExportID') return 'EXP1';
  if (column === 'UserID') return 'U1';
  if (spec.nullable) return '';
  switch (spec.type) {
    case 'I':
      return '1';
    case 'M':
    case 'M+':
      return '0.00';
    case 'D':
      return '2026-01-15';
    case 'T':
      return '2026-01-15 09:30:00';
    default:
      return 'x';
  }
}

function row(file: HmisFileName, values: Record<string, string>): string[] {
  return hmisFile(file).columns.map((c) => values[c.name] ?? defaultValue(file, c.name));
}

const first = (list: { codes: readonly { code: number }[] }) => String(list.codes[0]!.code);

/** A small export that Eva's structure checks pass: no findings. */
function validExport(): Files {
  const rows: Partial<Record<HmisFileName, Record<string, string>[]>> = {
    Export: [
      {
        SourceType: '3',
        ExportDate: '2026-04-01 12:00:00',
        ExportStartDate: '2025-10-01',
        ExportEndDate: '2026-03-31',
        CSVVersion: '2026 v1.0',
        ExportPeriodType: '3',
        ExportDirective: '2',
        HashStatus: '4',
        ImplementationID: 'fieldnote-hennepin',
      },
    ],
    Organization: [
      { OrganizationID: 'ORG1', OrganizationName: 'Family Services', VictimServiceProvider: '0' },
    ],
    User: [{ UserID: 'U1' }],
    Project: [{ ProjectID: 'P1', OrganizationID: 'ORG1', ProjectName: 'Family Case Management' }],
    Client: [
      {
        PersonalID: 'C1',
        FirstName: HASH,
        LastName: HASH,
        SSN: `1234${HASH}`,
        Sex: first(SEX_LIST),
      },
      { PersonalID: 'C2', FirstName: HASH, Sex: first(SEX_LIST) },
    ],
    Enrollment: [
      {
        EnrollmentID: 'E1',
        PersonalID: 'C1',
        ProjectID: 'P1',
        HouseholdID: 'H1',
        RelationshipToHoH: '1',
        LivingSituation: first(PRIOR_LIVING_SITUATION_LIST),
        DisablingCondition: '0',
      },
      {
        EnrollmentID: 'E2',
        PersonalID: 'C2',
        ProjectID: 'P1',
        HouseholdID: 'H1',
        RelationshipToHoH: '2',
        LivingSituation: first(PRIOR_LIVING_SITUATION_LIST),
        DisablingCondition: '99',
      },
    ],
    Exit: [
      { ExitID: 'X1', EnrollmentID: 'E1', PersonalID: 'C1', Destination: first(DESTINATION_LIST) },
    ],
    CurrentLivingSituation: [
      {
        CurrentLivingSitID: 'CLS1',
        EnrollmentID: 'E1',
        PersonalID: 'C1',
        CurrentLivingSituation: first(CURRENT_LIVING_SITUATION_LIST),
      },
    ],
  };
  return new Map(
    HMIS_FILES.map((f) => [
      f.fileName,
      [f.columns.map((c) => c.name), ...(rows[f.name] ?? []).map((r) => row(f.name, r))],
    ]),
  );
}

/** Sets one field of a data row (line 2 is the first data row). */
function set(files: Files, file: string, line: number, column: string, value: string): Files {
  const rows = files.get(file)!;
  const at = rows[0]!.indexOf(column);
  if (at < 0) throw new Error(`${file} has no column ${column}`);
  rows[line - 1]![at] = value;
  return files;
}

function addRow(files: Files, file: HmisFileName, values: Record<string, string>): Files {
  files.get(`${file}.csv`)!.push(row(file, values));
  return files;
}

const ids = (findings: StructureFinding[]) => findings.map((f) => f.checkId);
const only = (findings: StructureFinding[], id: string) => findings.filter((f) => f.checkId === id);

describe('checkHmisStructure', () => {
  it('passes a valid export with no findings', () => {
    expect(checkHmisStructure(validExport())).toEqual([]);
  });

  it('accepts a plain object as well as a Map', () => {
    expect(checkHmisStructure(Object.fromEntries(validExport()))).toEqual([]);
  });

  it('Eva 6: null where nulls are not allowed, high priority by column', () => {
    const findings = checkHmisStructure(set(validExport(), 'Enrollment.csv', 2, 'EntryDate', ''));
    expect(only(findings, '6')).toEqual([
      expect.objectContaining({
        severity: 'high',
        file: 'Enrollment.csv',
        line: 2,
        column: 'EntryDate',
      }),
    ]);
    const general = checkHmisStructure(
      set(validExport(), 'Organization.csv', 2, 'DateCreated', ''),
    );
    expect(only(general, '6')).toEqual([expect.objectContaining({ severity: 'error' })]);
  });

  it('Eva 7: duplicate PersonalIDs in Client.csv', () => {
    const files = addRow(validExport(), 'Client', { PersonalID: 'C1', FirstName: HASH, Sex: '0' });
    expect(only(checkHmisStructure(files), '7')).toEqual([
      expect.objectContaining({
        severity: 'high',
        file: 'Client.csv',
        line: 4,
        column: 'PersonalID',
      }),
    ]);
  });

  it('Eva 8: duplicate EnrollmentIDs', () => {
    const files = addRow(validExport(), 'Enrollment', {
      EnrollmentID: 'E1',
      PersonalID: 'C1',
      ProjectID: 'P1',
      HouseholdID: 'H9',
      RelationshipToHoH: '1',
      LivingSituation: first(PRIOR_LIVING_SITUATION_LIST),
      DisablingCondition: '0',
    });
    expect(ids(checkHmisStructure(files))).toEqual(['8']);
  });

  it('Eva 9: a PersonalID in Enrollment.csv missing from Client.csv', () => {
    const findings = checkHmisStructure(
      set(validExport(), 'Enrollment.csv', 3, 'PersonalID', 'C9'),
    );
    expect(only(findings, '9')).toEqual([
      expect.objectContaining({ severity: 'high', line: 3, column: 'PersonalID' }),
    ]);
  });

  it('Eva 10: a ProjectID in Enrollment.csv missing from Project.csv', () => {
    const findings = checkHmisStructure(set(validExport(), 'Enrollment.csv', 2, 'ProjectID', 'P9'));
    expect(only(findings, '10')).toEqual([expect.objectContaining({ severity: 'high', line: 2 })]);
  });

  it('Eva 11 and 47: date formats, high priority by column', () => {
    const hp = checkHmisStructure(
      set(validExport(), 'Enrollment.csv', 2, 'EntryDate', '01/15/2026'),
    );
    expect(ids(hp)).toEqual(['11']);
    expect(hp[0]!.message).toMatch(/EntryDate in row 2 of Enrollment\.csv: .*YYYY-MM-DD/);
    const general = checkHmisStructure(
      set(validExport(), 'Client.csv', 2, 'DateUpdated', '2026-01-15T09:30:00Z'),
    );
    expect(general).toEqual([
      expect.objectContaining({ checkId: '47', severity: 'error', column: 'DateUpdated' }),
    ]);
  });

  it('Eva 12 and 82: missing, misspelt and extra columns', () => {
    const files = validExport();
    const client = files.get('Client.csv')!;
    client[0] = client[0]!.map((c) => (c === 'HispanicLatinao' ? 'HispanicLatinaeo' : c));
    const enrollment = files.get('Enrollment.csv')!;
    const at = enrollment[0]!.indexOf('EntryDate');
    for (const r of enrollment) r.splice(at, 1);
    const user = files.get('User.csv')!;
    user[0]!.push('Notes');
    user[1]!.push('');
    const findings = checkHmisStructure(files);
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          checkId: '12',
          severity: 'high',
          file: 'Enrollment.csv',
          column: 'EntryDate',
        }),
        expect.objectContaining({
          checkId: '12',
          severity: 'high',
          file: 'Client.csv',
          column: 'HispanicLatinao',
        }),
        expect.objectContaining({ checkId: '82', file: 'Client.csv', column: 'HispanicLatinaeo' }),
        expect.objectContaining({
          checkId: '82',
          severity: 'error',
          file: 'User.csv',
          column: 'Notes',
        }),
      ]),
    );
  });

  it('Eva 12: header case matters', () => {
    const files = validExport();
    const exit = files.get('Exit.csv')!;
    exit[0] = exit[0]!.map((c) => (c === 'ExitDate' ? 'exitdate' : c));
    const found = only(checkHmisStructure(files), '12');
    expect(found[0]!.message).toMatch(
      /spells the column ExitDate as exitdate; column names are case-sensitive/,
    );
  });

  it('Eva 13 and 48: incorrect data types, including hidden characters and lengths', () => {
    const hp = checkHmisStructure(
      set(validExport(), 'Enrollment.csv', 2, 'RelationshipToHoH', '1\u200B'),
    );
    expect(hp).toEqual([expect.objectContaining({ checkId: '13', severity: 'high' })]);
    expect(hp[0]!.message).toMatch(/zero-width/);
    const general = checkHmisStructure(
      set(validExport(), 'Export.csv', 2, 'ExportDirective', 'two'),
    );
    expect(general).toEqual([expect.objectContaining({ checkId: '48', severity: 'error' })]);
    const long = checkHmisStructure(set(validExport(), 'User.csv', 2, 'UserPhone', '612555010099'));
    expect(ids(long)).toEqual(['48']);
  });

  it('Eva 13/48 length: hashed name and SSN fields may exceed their unhashed lengths', () => {
    const files = set(validExport(), 'Export.csv', 2, 'HashStatus', '1');
    set(files, 'Client.csv', 2, 'FirstName', 'Ana');
    set(files, 'Client.csv', 2, 'LastName', 'x'.repeat(51));
    set(files, 'Client.csv', 2, 'SSN', '');
    set(files, 'Client.csv', 3, 'FirstName', 'Bo');
    expect(ids(checkHmisStructure(files))).toEqual(['48', '126']);
  });

  it('Eva 49: ExportID mismatch in any file', () => {
    const findings = checkHmisStructure(set(validExport(), 'Client.csv', 3, 'ExportID', 'EXP2'));
    expect(findings).toEqual([
      expect.objectContaining({ checkId: '49', severity: 'error', file: 'Client.csv', line: 3 }),
    ]);
  });

  it('Eva 50: invalid values in Client.csv', () => {
    const findings = checkHmisStructure(set(validExport(), 'Client.csv', 2, 'VeteranStatus', '7'));
    expect(findings).toEqual([
      expect.objectContaining({ checkId: '50', severity: 'error', column: 'VeteranStatus' }),
    ]);
    expect(ids(checkHmisStructure(set(validExport(), 'Client.csv', 2, 'White', '99')))).toEqual([
      '50',
    ]);
  });

  it.each([
    ['51', 'Enrollment.csv', 'DisablingCondition', '2'],
    ['52', 'Enrollment.csv', 'LivingSituation', '17'],
    ['53', 'Enrollment.csv', 'RelationshipToHoH', '6'],
    ['54', 'Exit.csv', 'Destination', '1'],
    ['55', 'CurrentLivingSituation.csv', 'CurrentLivingSituation', '999'],
  ])('Eva %s: invalid %s %s', (id, file, column, value) => {
    expect(checkHmisStructure(set(validExport(), file, 2, column, value))).toEqual([
      expect.objectContaining({ checkId: id, severity: 'error', file, line: 2, column }),
    ]);
  });

  it('Eva 98: a HouseholdID reused on readmission or in another project', () => {
    const base = {
      PersonalID: 'C1',
      HouseholdID: 'H1',
      RelationshipToHoH: '1',
      LivingSituation: first(PRIOR_LIVING_SITUATION_LIST),
      DisablingCondition: '0',
    };
    const readmitted = addRow(validExport(), 'Enrollment', {
      ...base,
      EnrollmentID: 'E3',
      ProjectID: 'P1',
      EntryDate: '2026-03-01',
    });
    expect(only(checkHmisStructure(readmitted), '98')).toEqual([
      expect.objectContaining({ severity: 'high', line: 4, column: 'HouseholdID' }),
    ]);
    const other = addRow(validExport(), 'Project', {
      ProjectID: 'P2',
      OrganizationID: 'ORG1',
      ProjectName: 'Shelter',
    });
    addRow(other, 'Enrollment', { ...base, PersonalID: 'C2', EnrollmentID: 'E3', ProjectID: 'P2' });
    expect(only(checkHmisStructure(other), '98')[0]!.message).toMatch(
      /used in project P1 and again in project P2/,
    );
  });

  it('Eva 101: no enrollment records', () => {
    const files = validExport();
    files.set('Enrollment.csv', files.get('Enrollment.csv')!.slice(0, 1));
    files.set('Exit.csv', files.get('Exit.csv')!.slice(0, 1));
    files.set('CurrentLivingSituation.csv', files.get('CurrentLivingSituation.csv')!.slice(0, 1));
    expect(checkHmisStructure(files)).toEqual([
      expect.objectContaining({ checkId: '101', severity: 'high', file: 'Enrollment.csv' }),
    ]);
  });

  it('Eva 122: files inside a folder', () => {
    const files = new Map([...validExport()].map(([name, rows]) => [`export/${name}`, rows]));
    const findings = checkHmisStructure(files);
    expect(new Set(ids(findings))).toEqual(new Set(['122']));
    expect(findings).toHaveLength(24);
  });

  it('Eva 124: CSVVersion not FY2026', () => {
    const findings = checkHmisStructure(
      set(validExport(), 'Export.csv', 2, 'CSVVersion', '2024 v1.3'),
    );
    expect(findings).toEqual([expect.objectContaining({ checkId: '124', severity: 'high' })]);
  });

  it('Eva 125: missing files', () => {
    const files = validExport();
    files.delete('Disabilities.csv');
    files.delete('Event.csv');
    const findings = checkHmisStructure(files);
    expect(findings).toEqual([
      expect.objectContaining({ checkId: '125', severity: 'high', file: null }),
    ]);
    expect(findings[0]!.message).toMatch(/Disabilities\.csv, Event\.csv/);
  });

  it('Eva 126: unhashed or not SHA-256', () => {
    const unhashed = checkHmisStructure(set(validExport(), 'Export.csv', 2, 'HashStatus', '1'));
    expect(only(unhashed, '126')).toEqual([
      expect.objectContaining({ severity: 'high', file: 'Export.csv', column: 'HashStatus' }),
    ]);
    const plain = checkHmisStructure(set(validExport(), 'Client.csv', 3, 'FirstName', 'Maria'));
    expect(plain).toEqual([
      expect.objectContaining({ checkId: '126', file: 'Client.csv', line: 3 }),
    ]);
  });

  it('Eva 134: impermissible characters', () => {
    const findings = checkHmisStructure(
      set(validExport(), 'Project.csv', 2, 'ProjectName', 'Family <CM>'),
    );
    expect(findings).toEqual([
      expect.objectContaining({ checkId: '134', severity: 'error', column: 'ProjectName' }),
    ]);
  });

  it('Eva 140: Export.csv with more or fewer than one row', () => {
    const two = validExport();
    two.get('Export.csv')!.push([...two.get('Export.csv')![1]!]);
    expect(ids(checkHmisStructure(two))).toEqual(['140']);
    const none = validExport();
    none.set('Export.csv', none.get('Export.csv')!.slice(0, 1));
    expect(checkHmisStructure(none)).toEqual([
      expect.objectContaining({ checkId: '140', message: expect.stringMatching(/no row/) }),
    ]);
  });

  it('fieldnote/row-length: a row with the wrong number of fields', () => {
    const files = validExport();
    files.get('User.csv')![1]!.push('extra');
    expect(ids(checkHmisStructure(files))).toEqual(['fieldnote/row-length']);
  });

  it('fieldnote/duplicate-id, foreign-key and exit-count', () => {
    const dup = addRow(validExport(), 'User', { UserID: 'U1' });
    expect(ids(checkHmisStructure(dup))).toEqual(['fieldnote/duplicate-id']);
    const orphan = set(validExport(), 'Exit.csv', 2, 'EnrollmentID', 'E9');
    expect(only(checkHmisStructure(orphan), 'fieldnote/foreign-key')[0]!.message).toMatch(
      /EnrollmentID "E9" in row 2 of Exit\.csv has no row in Enrollment\.csv/,
    );
    const user = set(validExport(), 'Project.csv', 2, 'UserID', 'U7');
    expect(ids(checkHmisStructure(user))).toEqual(['fieldnote/foreign-key']);
    const twoExits = addRow(validExport(), 'Exit', {
      ExitID: 'X2',
      EnrollmentID: 'E1',
      PersonalID: 'C1',
      Destination: first(DESTINATION_LIST),
    });
    expect(ids(checkHmisStructure(twoExits))).toEqual(['fieldnote/exit-count']);
  });

  it('fieldnote/export-range: ExportStartDate after ExportEndDate', () => {
    const files = set(validExport(), 'Export.csv', 2, 'ExportStartDate', '2026-04-01');
    expect(ids(checkHmisStructure(files))).toEqual(['fieldnote/export-range']);
  });

  it('leaves rows with a DateDeleted out of the duplicate and parent checks', () => {
    const files = addRow(validExport(), 'Client', {
      PersonalID: 'C1',
      FirstName: HASH,
      Sex: '0',
      DateDeleted: '2026-02-01 10:00:00',
    });
    expect(checkHmisStructure(files)).toEqual([]);
  });

  it('reports an empty file as lacking its header', () => {
    const files = validExport();
    files.set('Event.csv', []);
    expect(checkHmisStructure(files)).toEqual([
      expect.objectContaining({ checkId: '12', file: 'Event.csv', line: null }),
    ]);
  });
});
