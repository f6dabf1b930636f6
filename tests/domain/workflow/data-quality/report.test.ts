// dataQualityReport: completeness per HUD element, timeliness, Eva findings by check, annual
// assessments, per case manager, every finding linked to the screen that fixes it.
import { describe, expect, it } from 'vitest';
import { singletonAssessmentId } from '../../../../src/domain/records';
import {
  dataQualityReport,
  timelinessBucket,
  type CompletenessRow,
  type DataQualityReport,
} from '../../../../src/domain/workflow/data-quality';
import {
  CM_A,
  CM_B,
  FULL_ENTRY_ANSWERS,
  assignment,
  client,
  dayMs,
  enrollment,
  entry,
  id,
  input,
  rec,
} from './fixture';

const row = (r: DataQualityReport, element: string): CompletenessRow => {
  const found = r.all.completeness.find((c) => c.element === element);
  if (!found) throw new Error(`no row ${element}`);
  return found;
};

describe('completeness per HUD element', () => {
  it('3.02 SSN counts answered, 8, 9, 99 and missing; each not answered is a finding linking to the client profile', () => {
    const report = dataQualityReport(
      input({
        clients: [
          rec(client('a')),
          rec(client('b', { ssn: null, ssnDataQuality: 8 })),
          rec(client('c', { ssn: null, ssnDataQuality: 9 })),
          rec(client('d', { ssn: null, ssnDataQuality: 99 })),
          rec(client('e', { ssn: null, ssnDataQuality: 1 })),
        ],
        enrollments: ['a', 'b', 'c', 'd', 'e'].map((n) =>
          rec(enrollment(n, { householdId: id(`h-${n}`) })),
        ),
      }),
    );
    expect(row(report, '3.02')).toMatchObject({
      answered: 1,
      dontKnow: 1,
      refused: 1,
      notCollected: 1,
      missing: 1,
      total: 5,
    });
    const ssn = report.all.findings.filter((f) => f.ref === '3.02');
    expect(ssn).toHaveLength(4);
    expect(ssn.find((f) => f.clientId === id('e'))).toMatchObject({
      severity: 'error',
      link: { screen: 'client', clientId: id('e') },
    });
    // Findings name no one: ids and codes only.
    for (const f of report.all.findings) expect(f.message).not.toContain('Test');
  });

  it('3.01 name, 3.03 DOB, 3.04 race (RaceNone), 4.21 sex follow their data-quality codes', () => {
    const report = dataQualityReport(
      input({
        clients: [rec(client('a', { firstName: null, dob: null, race: [], raceNone: 9, sex: 8 }))],
        enrollments: [rec(enrollment('a'))],
      }),
    );
    expect(row(report, '3.01')).toMatchObject({ missing: 1, answered: 0 });
    expect(row(report, '3.03')).toMatchObject({ missing: 1 });
    expect(row(report, '3.04')).toMatchObject({ refused: 1 });
    expect(row(report, '4.21')).toMatchObject({ dontKnow: 1 });
  });

  it('3.07 veteran status and 3.917 are asked of adults and the HoH only; 3.16 of the HoH only', () => {
    const report = dataQualityReport(
      input({
        clients: [
          rec(client('hoh')),
          rec(client('child', { dob: '2019-06-01', veteranStatus: 99 })),
        ],
        enrollments: [
          rec(enrollment('hoh')),
          rec(enrollment('child', { relationshipToHoH: 2, enrollmentCoc: null })),
        ],
        assessments: [
          rec(entry('hoh', FULL_ENTRY_ANSWERS)),
          rec(entry('child', { disablingCondition: 0 })),
        ],
      }),
    );
    expect(row(report, '3.07')).toMatchObject({ total: 1, answered: 1 });
    expect(row(report, '3.917')).toMatchObject({ total: 1, answered: 1 });
    expect(row(report, '3.16')).toMatchObject({ total: 1, answered: 1 });
    expect(row(report, '3.08')).toMatchObject({ total: 2, answered: 2 });
    // 4.04 is asked of everyone: the child's entry has none.
    expect(row(report, '4.04 entry')).toMatchObject({ total: 2, answered: 1, missing: 1 });
    const insurance = report.all.findings.find((f) => f.ref === '4.04 entry');
    expect(insurance?.link).toEqual({ screen: 'backfill', enrollmentId: id('enrollment-child') });
  });

  it('an enrollment with no Entry assessment counts every entry element missing, linked to backfill', () => {
    const report = dataQualityReport(
      input({ clients: [rec(client('a'))], enrollments: [rec(enrollment('a'))] }),
    );
    for (const e of ['3.08', '3.917', '4.02 entry', '4.03 entry', '4.05', '4.10', '4.11']) {
      expect(row(report, e)).toMatchObject({ missing: 1, total: 1 });
    }
  });

  it('4.02–4.04 at exit and 3.12 destination are asked of exited enrollments only; 30 counts as not collected', () => {
    const exited = enrollment('a', { exitDate: '2026-03-01', destination: 30 });
    const report = dataQualityReport(
      input({
        clients: [rec(client('a')), rec(client('b'))],
        enrollments: [rec(exited), rec(enrollment('b', { householdId: id('h-b') }))],
        assessments: [
          rec({
            id: singletonAssessmentId(id('enrollment-a'), 3),
            enrollmentId: id('enrollment-a'),
            dataCollectionStage: 3,
            informationDate: '2026-03-01',
            answers: { incomeFromAnySource: 8 },
          }),
        ],
      }),
    );
    expect(row(report, '3.12')).toMatchObject({ total: 1, notCollected: 1 });
    expect(row(report, '4.02 exit')).toMatchObject({ total: 1, dontKnow: 1 });
    expect(row(report, '4.03 exit')).toMatchObject({ total: 1, missing: 1 });
    const exitFinding = report.all.findings.find((f) => f.ref === '4.02 exit');
    expect(exitFinding?.link).toEqual({ screen: 'exit', enrollmentId: id('enrollment-a') });
  });

  it('4.12 counts each CLS of the HoH and adults in the period and links to the contact screen', () => {
    const cls = (n: string, code: unknown, date: string) =>
      rec({
        id: id(`cls-${n}-${date}`),
        enrollmentId: id(`enrollment-${n}`),
        informationDate: date,
        currentLivingSituation: code,
      });
    const report = dataQualityReport(
      input({
        clients: [rec(client('a')), rec(client('kid', { dob: '2020-01-01' }))],
        enrollments: [rec(enrollment('a')), rec(enrollment('kid', { relationshipToHoH: 2 }))],
        currentLivingSituations: [
          cls('a', 116, '2026-02-01'),
          cls('a', 99, '2026-02-10'),
          cls('a', 116, '2025-12-01'), // before the period
          cls('kid', 99, '2026-02-10'), // a child: not asked
        ],
      }),
    );
    expect(row(report, '4.12')).toMatchObject({ total: 2, answered: 1, notCollected: 1 });
    expect(report.all.findings.find((f) => f.ref === '4.12')?.link).toEqual({
      screen: 'contact',
      enrollmentId: id('enrollment-a'),
    });
  });

  it('only enrollments of the chosen providers active in the period are counted', () => {
    const report = dataQualityReport(
      input({
        clients: [rec(client('a')), rec(client('b')), rec(client('c'))],
        enrollments: [
          rec(enrollment('a')),
          rec(enrollment('b', { providerId: id('other'), householdId: id('h-b') })),
          rec(enrollment('c', { exitDate: '2025-12-01', householdId: id('h-c') })),
        ],
      }),
    );
    expect(report.all.enrollments).toBe(1);
    expect(row(report, '3.02').total).toBe(1);
  });
});

describe('timeliness', () => {
  it('buckets days as 0, 1–3, 4–6, 7–10, 11+', () => {
    expect([0, -2, 1, 3, 4, 6, 7, 10, 11, 40].map(timelinessBucket)).toEqual([
      '0',
      '0',
      '1–3',
      '1–3',
      '4–6',
      '4–6',
      '7–10',
      '7–10',
      '11+',
      '11+',
    ]);
  });

  it('counts days from the contact time (local date) to the first write, and synced vs pending by age', () => {
    const contact = (n: string, at: string, over: Parameters<typeof rec>[1]) =>
      rec({ id: id(`contact-${n}`), enrollmentId: id('enrollment-a'), contactAt: at }, over);
    const report = dataQualityReport(
      input({
        clients: [rec(client('a'))],
        enrollments: [rec(enrollment('a'), { firstWriteAt: dayMs('2026-01-05') })],
        contacts: [
          // 23:30 in Minneapolis on Feb 1 is Feb 2 in UTC: the local date counts.
          contact('late-night', '2026-02-02T05:30:00Z', { firstWriteAt: dayMs('2026-02-02') }),
          contact('week', '2026-02-10T15:00:00Z', { firstWriteAt: dayMs('2026-02-17') }),
          contact('pending', '2026-02-25T15:00:00Z', {
            firstWriteAt: dayMs('2026-03-09'),
            synced: false,
            pendingSince: dayMs('2026-03-09'),
          }),
        ],
      }),
    );
    expect(report.all.timeliness.entry).toEqual({
      '0': 1,
      '1–3': 1,
      '4–6': 0,
      '7–10': 1,
      '11+': 1,
    });
    expect(report.all.timeliness.synced).toBe(3);
    expect(report.all.timeliness.pending).toEqual({
      '0': 0,
      '1–3': 0,
      '4–6': 0,
      '7–10': 0,
      '11+': 1,
    });
  });
});

describe('per case manager (Case Managers tab)', () => {
  it('splits by assignment open in the period; a handover shows on both; unassigned last', () => {
    const report = dataQualityReport(
      input({
        clients: [
          rec(client('a', { ssnDataQuality: 99, ssn: null })),
          rec(client('b')),
          rec(client('c')),
        ],
        enrollments: [
          rec(enrollment('a')),
          rec(enrollment('b', { householdId: id('h-b') })),
          rec(enrollment('c', { householdId: id('h-c') })),
        ],
        assignments: [
          assignment('a', CM_A, { endDate: '2026-02-01' }),
          assignment('a', CM_B, { startDate: '2026-02-01' }),
          assignment('b', CM_B),
          // Ended before the period: not on anyone's caseload in it.
          assignment('c', CM_A, { startDate: '2025-01-01', endDate: '2025-06-01' }),
        ],
      }),
    );
    const counts = new Map([
      [CM_A, 1],
      [CM_B, 2],
    ]);
    expect(report.caseManagers.map((s) => [s.caseManagerId, s.enrollments])).toEqual([
      ...[CM_A, CM_B].sort().map((cm) => [cm, counts.get(cm)]),
      [null, 1],
    ]);
    const a = report.caseManagers.find((s) => s.caseManagerId === CM_A)!;
    expect(a.completeness.find((r) => r.element === '3.02')).toMatchObject({ notCollected: 1 });
    expect(report.all.enrollments).toBe(3);
  });
});

describe('Eva findings by check', () => {
  it('"everyone" uses the exact counts; case managers count the findings on their enrollments; links by file and check', () => {
    const finding = (
      checkId: string,
      file: string,
      enrollmentId: string | null,
      personalId: string | null,
    ) => ({
      checkId,
      severity: 'error' as const,
      title: `Check ${checkId}`,
      message: 'Fix it.',
      file,
      line: 2,
      personalId,
      enrollmentId,
    });
    const report = dataQualityReport(
      input({
        clients: [rec(client('a')), rec(client('b'))],
        enrollments: [rec(enrollment('a')), rec(enrollment('b', { householdId: id('h-b') }))],
        assignments: [assignment('a', CM_A), assignment('b', CM_B)],
        eva: {
          findings: [
            finding('89', 'IncomeBenefits.csv', id('enrollment-a'), id('a')),
            finding('87', 'IncomeBenefits.csv', id('enrollment-b'), id('b')),
            finding('78', 'Client.csv', null, id('a')),
            finding('5', 'ProjectCoC.csv', null, null),
          ],
          byCheck: [
            { checkId: '5', title: 'Check 5', severity: 'high', count: 1 },
            { checkId: '87', title: 'Check 87', severity: 'error', count: 40 },
          ],
          truncated: true,
        },
      }),
    );
    expect(report.evaTruncated).toBe(true);
    expect(report.all.eva.map((r) => [r.checkId, r.count])).toEqual([
      ['5', 1],
      ['87', 40],
    ]);
    const a = report.caseManagers.find((s) => s.caseManagerId === CM_A)!;
    expect(a.eva.map((r) => [r.checkId, r.count])).toEqual([
      ['78', 1],
      ['89', 1],
    ]);
    const links = Object.fromEntries(
      report.all.findings.filter((f) => f.kind === 'eva').map((f) => [f.ref, f.link]),
    );
    expect(links).toEqual({
      '89': { screen: 'exit', enrollmentId: id('enrollment-a') },
      '87': { screen: 'backfill', enrollmentId: id('enrollment-b') },
      '78': { screen: 'client', clientId: id('a') },
      '5': null,
    });
  });
});

describe('annual assessments (W-ANNUAL-2)', () => {
  it('counts due and late by the HoH anniversary, each linking to the annual assessment screen', () => {
    const report = dataQualityReport(
      input({
        today: '2026-03-10',
        clients: [rec(client('due')), rec(client('late')), rec(client('done'))],
        enrollments: [
          rec(enrollment('due', { projectStartDate: '2025-03-20', householdId: id('h1') })),
          rec(enrollment('late', { projectStartDate: '2025-01-10', householdId: id('h2') })),
          rec(enrollment('done', { projectStartDate: '2025-03-01', householdId: id('h3') })),
        ],
        assessments: [
          rec({
            id: id('annual-done'),
            enrollmentId: id('enrollment-done'),
            dataCollectionStage: 5,
            informationDate: '2026-03-02',
            answers: {},
          }),
        ],
        assignments: [assignment('due', CM_A)],
      }),
    );
    expect(report.all.annual).toEqual({ due: 1, late: 1 });
    const annual = report.all.findings.filter((f) => f.kind === 'annual');
    expect(annual.map((f) => f.link)).toEqual(
      expect.arrayContaining([
        { screen: 'annual', enrollmentId: id('enrollment-due') },
        { screen: 'annual', enrollmentId: id('enrollment-late') },
      ]),
    );
    expect(report.caseManagers.find((s) => s.caseManagerId === CM_A)!.annual).toEqual({
      due: 1,
      late: 0,
    });
  });
});
