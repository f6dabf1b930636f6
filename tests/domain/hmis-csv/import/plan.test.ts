// The HMIS CSV import's pure half on the exporter's synthetic household: what each file maps to
// (the inverse of the export), how HMIS ids become record ids, and every kind of bad input,
// each reported with file, line and column and stopping the whole import.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hmisDateTimeMillis,
  importedRecordId,
  planHmisImport,
  type HmisImportPlan,
  type ImportWrite,
} from '../../../../src/domain/hmis-csv/import';
import { derivedId, singletonAssessmentId } from '../../../../src/domain/records';
import { copy, exportedFiles, fx, lineOf, setCell, type Files } from './fixture';

const PROVIDER_ID = derivedId('test:import-provider');
const plan = (files: Files, extra = {}) =>
  planHmisImport(files, { providerId: PROVIDER_ID, ...extra });

function okPlan(files: Files): HmisImportPlan {
  const result = plan(files);
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.plan;
}

const write = (p: HmisImportPlan, type: ImportWrite['type'], id: string) => {
  const found = p.writes.find((w) => w.type === type && w.id === id);
  expect(found, `${type} ${id}`).toBeDefined();
  return found!;
};

function problemsOf(files: Files) {
  const result = plan(files);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('planHmisImport: mapping (the inverse of the export)', () => {
  it('Client.csv → clients with 3.01–3.07 and 4.21; Fieldnote ids are kept as they are', async () => {
    const p = okPlan(await exportedFiles());
    const hoh = write(p, 'client', fx.HOH.id);
    expect(hoh.fields).toMatchObject({
      firstName: 'Alex',
      ssn: '501234567',
      ssnDataQuality: 1,
      dob: '1990-04-01',
      race: [3],
      raceNone: null,
      veteranStatus: 0,
    });
    expect(hoh.createDefaults).toEqual({ phone: null, email: null, address: null });
    // The placeholder SSN was exported as null with "Data not collected".
    expect(write(p, 'client', fx.ADULT.id).fields).toMatchObject({
      ssn: null,
      ssnDataQuality: 99,
      race: [],
      raceNone: 9,
    });
    // OUTSIDE's only enrollment ended before the period, so the export left the client out.
    expect(p.writes.some((w) => w.id === fx.OUTSIDE.id)).toBe(false);
  });

  it('Enrollment.csv → enrollment (3.10, 3.15, 3.16 EnrollmentCoC, 5.09) into the chosen provider, and its Entry answers', async () => {
    const p = okPlan(await exportedFiles());
    const e = write(p, 'enrollment', fx.HOH_ENROLLMENT.id);
    expect(e.fields).toMatchObject({
      clientId: fx.HOH.id,
      providerId: PROVIDER_ID,
      householdId: fx.HOH_ENROLLMENT.householdId,
      relationshipToHoH: 1,
      projectStartDate: '2026-01-05',
      enrollmentCoc: 'MN-500',
    });
    const entry = write(p, 'assessment', singletonAssessmentId(fx.HOH_ENROLLMENT.id, 1));
    expect(entry.fields).toMatchObject({
      dataCollectionStage: 1,
      'answers.livingSituation': 116,
      'answers.disablingCondition': 1,
      'answers.dateToStreetESSH': '2025-10-01',
    });
  });

  it('Enrollment.csv 4.13 DateOfEngagement → dateOfEngagement; an empty one clears nothing (W-ENG-3)', async () => {
    const files = await exportedFiles();
    const line = lineOf(files, 'Enrollment.csv', 'EnrollmentID', fx.HOH_ENROLLMENT.id);
    setCell(files, 'Enrollment.csv', line, 'DateOfEngagement', '2026-01-20');
    const p = okPlan(files);
    const hoh = write(p, 'enrollment', fx.HOH_ENROLLMENT.id);
    expect(hoh.fields).toMatchObject({ dateOfEngagement: '2026-01-20' });
    expect(write(p, 'enrollment', fx.ADULT_ENROLLMENT.id).fields).not.toHaveProperty(
      'dateOfEngagement',
    );
  });

  it('Exit.csv → the enrollment exit fields, 3.12.B OtherDestination with Destination 17 (M5 group)', async () => {
    const p = okPlan(await exportedFiles());
    const e = write(p, 'enrollment', fx.HOH_ENROLLMENT.id);
    expect(e.fields).toMatchObject({
      exitDate: '2026-03-20',
      destination: 17,
      otherDestination: 'Staying with a cousin',
    });
    expect(write(p, 'enrollment', fx.ADULT_ENROLLMENT.id).fields).toMatchObject({
      destination: 435,
      destinationSubsidyType: 431,
      otherDestination: null,
    });
    // exitReason is Fieldnote's own: null on a create, the stored one on a patch.
    expect(e.createDefaults.exitReason).toBeNull();
    expect(e.sources.map((s) => s.file)).toEqual(['Enrollment.csv', 'Exit.csv']);
  });

  it('IncomeBenefits, HealthAndDV and Disabilities → one assessment per enrollment, date and stage (4.02–4.11, 4.05–4.10)', async () => {
    const p = okPlan(await exportedFiles());
    const entry = write(p, 'assessment', singletonAssessmentId(fx.HOH_ENROLLMENT.id, 1));
    expect(entry.fields).toMatchObject({
      'answers.incomeFromAnySource': 1,
      'answers.earned': 1,
      'answers.earnedAmount': 1200,
      'answers.snap': 1,
      'answers.medicaid': 1,
      'answers.domesticViolenceSurvivor': 1,
      'answers.whenOccurred': 3,
      'answers.physicalDisability': 1,
      'answers.physicalDisabilityIndefinite': 1,
      'answers.mentalHealthDisorder': 0,
    });
    expect(entry.fields['answers.mentalHealthDisorderIndefinite']).toBeUndefined();
    const exit = write(p, 'assessment', singletonAssessmentId(fx.HOH_ENROLLMENT.id, 3));
    expect(exit.fields).toMatchObject({
      dataCollectionStage: 3,
      informationDate: '2026-03-20',
      'answers.medicaid': 1,
    });
    const update = write(p, 'assessment', fx.HOH_UPDATE.id);
    expect(update.fields).toMatchObject({ dataCollectionStage: 2, 'answers.earnedAmount': 1450.5 });
  });

  it('CurrentLivingSituation.csv → 4.12 records', async () => {
    const files = await exportedFiles();
    const p = okPlan(files);
    const [header, first] = files.get('CurrentLivingSituation.csv')!;
    const id = first![header!.indexOf('CurrentLivingSitID')]!;
    const cls = write(p, 'currentLivingSituation', id);
    expect(cls.fields.enrollmentId).toMatch(/^[0-9a-f]{32}$/);
    expect(typeof cls.fields.currentLivingSituation).toBe('number');
  });

  it('metadata follows the rows: DateCreated, DateUpdated (the clock of M2) and UserID', async () => {
    const files = await exportedFiles();
    const p = okPlan(files);
    const line = lineOf(files, 'Client.csv', 'PersonalID', fx.HOH.id);
    const [header] = files.get('Client.csv')!;
    const row = files.get('Client.csv')![line - 1]!;
    const hoh = write(p, 'client', fx.HOH.id);
    expect(hoh.updatedAt).toBe(
      hmisDateTimeMillis(row[header!.indexOf('DateUpdated')]!, 'America/Chicago'),
    );
    expect(hoh.createdAt).toBe(
      hmisDateTimeMillis(row[header!.indexOf('DateCreated')]!, 'America/Chicago'),
    );
    expect(hoh.userId).toBe(row[header!.indexOf('UserID')]);
  });

  it('User.csv users are planned with their names; a non-Fieldnote UserID gets a derived id', async () => {
    const p = okPlan(await exportedFiles());
    expect(p.users.find((u) => u.id === fx.USERS[0]!.id)).toMatchObject({
      displayName: 'Robin Q. Example',
      email: 'robin@example.org',
    });
    const system = p.users.find((u) => !/^[0-9a-f]{32}$/.test(u.hmisId));
    expect(system?.id).toBe(importedRecordId(p.sourceKey, 'User', system!.hmisId));
  });

  it('reports rows read, imported and skipped per file, with reasons', async () => {
    const files = await exportedFiles();
    const p = okPlan(files);
    const clients = files.get('Client.csv')!.length - 1;
    expect(p.counts['Client.csv']).toEqual({ read: clients, mapped: clients, skipped: 0 });
    expect(p.counts['Project.csv']).toMatchObject({ read: 1, skipped: 1 });
    expect(p.notes.some((n) => n.file === 'Project.csv' && /admin CLI/.test(n.message))).toBe(true);
  });
});

describe('planHmisImport: external ids', () => {
  it('an HMIS id that is not a Fieldnote id becomes a derived id, the same on every import, and the mapping is kept', async () => {
    const files = copy(await exportedFiles());
    const hmisId = 'HMIS-778';
    for (const file of [
      'Client.csv',
      'Enrollment.csv',
      'Exit.csv',
      'IncomeBenefits.csv',
      'HealthAndDV.csv',
      'Disabilities.csv',
      'CurrentLivingSituation.csv',
    ]) {
      const rows = files.get(file)!;
      const at = rows[0]!.indexOf('PersonalID');
      for (const row of rows.slice(1)) if (row[at] === fx.HOH.id) row[at] = hmisId;
    }
    const a = okPlan(files);
    const b = okPlan(copy(files));
    const id = importedRecordId(a.sourceKey, 'Client', hmisId);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(id).not.toBe(hmisId);
    expect(write(a, 'enrollment', fx.HOH_ENROLLMENT.id).fields.clientId).toBe(id);
    expect(b.writes.map((w) => w.id)).toEqual(a.writes.map((w) => w.id));
    expect(a.externalIds).toContainEqual({
      file: 'Client.csv',
      hmisId,
      recordType: 'client',
      recordId: id,
    });
  });

  it('the source key is ImplementationID and SourceID, not ExportID (a later export maps to the same records)', async () => {
    const files = await exportedFiles();
    const later = await exportedFiles({ exportId: 'f'.repeat(32) });
    expect(okPlan(later).sourceKey).toBe(okPlan(files).sourceKey);
  });
});

describe('planHmisImport: bad input imports nothing, each problem located', () => {
  it('Eva 125: a missing file', async () => {
    const files = copy(await exportedFiles());
    files.delete('Exit.csv');
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('Exit.csv') }),
    );
  });

  it('Eva 12/82: a missing or extra column, named with its file and column', async () => {
    const files = copy(await exportedFiles());
    const rows = files.get('Enrollment.csv')!;
    const at = rows[0]!.indexOf('EntryDate');
    for (const row of rows) row.splice(at, 1);
    const problems = problemsOf(files);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'Enrollment.csv', line: 1, column: 'EntryDate' }),
    );
  });

  it('Eva 54 and M9: a code outside its HUD list (Destination 999)', async () => {
    const files = copy(await exportedFiles());
    const line = lineOf(files, 'Exit.csv', 'EnrollmentID', fx.HOH_ENROLLMENT.id);
    setCell(files, 'Exit.csv', line, 'Destination', '999');
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: 'Exit.csv', line, column: 'Destination' }),
    );
  });

  it('M9: an answer code outside its list (LivingSituation) and an income source code outside 1.7', async () => {
    const files = copy(await exportedFiles());
    const line = lineOf(
      files,
      'IncomeBenefits.csv',
      'IncomeBenefitsID',
      singletonAssessmentId(fx.HOH_ENROLLMENT.id, 1),
    );
    setCell(files, 'IncomeBenefits.csv', line, 'SNAP', '7');
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: 'IncomeBenefits.csv', line, column: 'SNAP' }),
    );
  });

  it('Eva 11: a bad date, and a DOB that is not on the calendar', async () => {
    const files = copy(await exportedFiles());
    const line = lineOf(files, 'Client.csv', 'PersonalID', fx.HOH.id);
    setCell(files, 'Client.csv', line, 'DOB', '1990-02-30');
    const problems = problemsOf(files);
    const found = problems.find((p) => p.file === 'Client.csv' && p.column === 'DOB');
    expect(found?.line).toBe(line);
    // The DOB itself is never repeated in a message.
    expect(JSON.stringify(problems)).not.toContain('1990-02-30');
  });

  it('Eva 124: an FY2024 export is named as such', async () => {
    const files = copy(await exportedFiles());
    setCell(files, 'Export.csv', 2, 'CSVVersion', '2024 v1.3');
    const fy2024 = readFileSync(path.join(import.meta.dirname, 'fy2024-client-columns.txt'), 'utf8')
      .trim()
      .split(',');
    const rows = files.get('Client.csv')!;
    files.set('Client.csv', [fy2024, ...rows.slice(1).map((r) => r.slice(0, fy2024.length))]);
    const problems = problemsOf(files);
    expect(problems[0]).toMatchObject({ file: 'Client.csv', line: 1 });
    expect(problems[0]!.message).toMatch(/not an HMIS CSV FY2026 export.*FY2024 columns/);
  });

  it('a hashed export (HashStatus 4) cannot seed a caseload', async () => {
    const files = copy(await exportedFiles());
    setCell(files, 'Export.csv', 2, 'HashStatus', '4');
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({
        file: 'Export.csv',
        column: 'HashStatus',
        message: expect.stringMatching(/hashed/),
      }),
    );
  });

  it('Eva 9: an enrollment whose client is not in Client.csv', async () => {
    const files = copy(await exportedFiles());
    const line = lineOf(files, 'Enrollment.csv', 'EnrollmentID', fx.HOH_ENROLLMENT.id);
    setCell(files, 'Enrollment.csv', line, 'PersonalID', 'nobody');
    expect(problemsOf(files)).toContainEqual(
      expect.objectContaining({ file: 'Enrollment.csv', line, column: 'PersonalID' }),
    );
  });

  it('bounds the rows with a clear message', async () => {
    const result = planHmisImport(await exportedFiles(), { providerId: PROVIDER_ID, maxRows: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/at most 5/);
  });

  it('several projects: --project chooses one, others are skipped with the reason', async () => {
    const files = copy(await exportedFiles());
    const project = files.get('Project.csv')!;
    const second = [...project[1]!];
    second[0] = 'P2';
    project.push(second);
    const none = plan(files);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0]!.message).toMatch(/Choose one with --project/);
    const line = lineOf(files, 'Enrollment.csv', 'EnrollmentID', fx.CHILD_ENROLLMENT.id);
    setCell(files, 'Enrollment.csv', line, 'ProjectID', 'P2');
    setCell(files, 'Enrollment.csv', line, 'HouseholdID', 'H2'); // Eva 98: one project per household
    const chosen = plan(files, { projectId: fx.PROVIDER.id });
    expect(chosen.ok).toBe(true);
    if (chosen.ok) {
      expect(chosen.plan.writes.some((w) => w.id === fx.CHILD_ENROLLMENT.id)).toBe(false);
      expect(chosen.plan.notes).toContainEqual(
        expect.objectContaining({ file: 'Enrollment.csv', line, column: 'ProjectID' }),
      );
    }
  });
});

describe('hmisDateTimeMillis', () => {
  it('reads a CoC wall-clock time in its zone, standard and daylight time', () => {
    expect(hmisDateTimeMillis('2026-01-15 09:30:00', 'America/Chicago')).toBe(
      Date.UTC(2026, 0, 15, 15, 30),
    );
    expect(hmisDateTimeMillis('2026-07-15 09:30:00', 'America/Chicago')).toBe(
      Date.UTC(2026, 6, 15, 14, 30),
    );
  });
});
