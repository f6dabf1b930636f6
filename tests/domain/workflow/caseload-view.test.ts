// The caseload's view-model (issue 12): what is due per household, the filters and their counts
// ("All" by default), the order by what is due, and where a rejected change belongs.
import { describe, expect, it } from 'vitest';
import type { CaseloadRow } from '../../../src/domain/workflow/caseload';
import {
  caseloadView,
  dueOf,
  isCaseloadViewFilter,
  rejectedCount,
  rejectedTarget,
  type RejectedRef,
} from '../../../src/domain/workflow/caseload-view';
import { newId } from '../../../src/domain/records';

function row(overrides: Partial<CaseloadRow>): CaseloadRow {
  const enrollmentId = overrides.enrollmentId ?? newId();
  const clientId = overrides.clientId ?? newId();
  return {
    enrollmentId,
    householdId: newId(),
    clientId,
    firstName: 'Robin',
    lastName: 'Testperson',
    householdSize: 1,
    exitDate: null,
    lastContactDate: null,
    daysSinceContact: 3,
    needsContact: false,
    lastLivingSituation: null,
    missingEntryAnswers: 0,
    annualAssessment: { kind: 'none' },
    pending: false,
    searchKeys: [],
    memberEnrollmentIds: [enrollmentId],
    memberClientIds: [clientId],
    ...overrides,
  };
}

const rejectedFor = (recordType: string, fields: Record<string, unknown>): RejectedRef => ({
  mutation: { recordType, recordId: newId(), fields },
  view: null,
});

describe('what is due', () => {
  it('lists no contact, annual assessment (due or late), missing Entry answers, rejected changes', () => {
    expect(dueOf(row({}), 0)).toEqual([]);
    expect(
      dueOf(
        row({
          needsContact: true,
          annualAssessment: { kind: 'late', closed: '2026-02-01' },
          missingEntryAnswers: 2,
        }),
        1,
      ),
    ).toEqual(['no-contact', 'annual', 'missing-entry', 'rejected']);
    expect(dueOf(row({ annualAssessment: { kind: 'due', dueBy: '2026-04-01' } }), 0)).toEqual([
      'annual',
    ]);
    expect(dueOf(row({ annualAssessment: { kind: 'done' } }), 0)).toEqual([]);
  });
});

describe('rejected changes', () => {
  const head = row({});
  it('belong to the household of their enrollment, or of their client when they have none', () => {
    const enrollmentId = head.enrollmentId;
    const clientId = head.clientId!;
    expect(
      rejectedTarget({ mutation: { recordType: 'enrollment', recordId: enrollmentId } }),
    ).toEqual({ enrollmentId, clientId: null });
    expect(rejectedTarget({ mutation: { recordType: 'client', recordId: clientId } })).toEqual({
      enrollmentId: null,
      clientId,
    });
    // The record as the device has it wins over the change's own fields.
    expect(
      rejectedTarget({
        mutation: { recordType: 'contact', recordId: newId(), fields: {} },
        view: { enrollmentId },
      }).enrollmentId,
    ).toBe(enrollmentId);

    const refs: RejectedRef[] = [
      { mutation: { recordType: 'enrollment', recordId: enrollmentId } },
      rejectedFor('contact', { enrollmentId }),
      { mutation: { recordType: 'client', recordId: clientId } },
      // Another household's.
      rejectedFor('contact', { enrollmentId: newId(), clientId }),
      { mutation: { recordType: 'client', recordId: newId() } },
    ];
    expect(rejectedCount(head, refs)).toBe(3);
  });
});

describe('filters and order', () => {
  const recent = row({ lastName: 'Recent', daysSinceContact: 1 });
  const missing = row({ lastName: 'Missing', daysSinceContact: 2, missingEntryAnswers: 3 });
  const late = row({ lastName: 'Late', annualAssessment: { kind: 'late', closed: '2026-01-01' } });
  const dueSoon = row({
    lastName: 'Duesoon',
    annualAssessment: { kind: 'due', dueBy: '2026-03-20' },
  });
  const dueLater = row({
    lastName: 'Duelater',
    annualAssessment: { kind: 'due', dueBy: '2026-04-19' },
  });
  const never = row({ lastName: 'Never', daysSinceContact: null, needsContact: true });
  const overdue = row({ lastName: 'Overdue', daysSinceContact: 45, needsContact: true });
  const overdueAndMissing = row({
    lastName: 'Overduemissing',
    daysSinceContact: 31,
    needsContact: true,
    missingEntryAnswers: 1,
  });
  const rejectedRow = row({ lastName: 'Rejected' });
  const exited = row({ lastName: 'Exited', exitDate: '2026-02-01', missingEntryAnswers: 4 });
  const rows = [
    recent,
    exited,
    missing,
    dueLater,
    late,
    rejectedRow,
    dueSoon,
    overdue,
    never,
    overdueAndMissing,
  ];
  const rejected = [rejectedFor('contact', { enrollmentId: rejectedRow.enrollmentId })];

  it('sorts by what is due: open first, the most urgent, the most things due, then the longest', () => {
    expect(caseloadView(rows, rejected).shown.map((r) => r.lastName)).toEqual([
      'Overduemissing',
      'Never',
      'Overdue',
      'Late',
      'Duesoon',
      'Duelater',
      'Missing',
      'Rejected',
      'Recent',
      'Exited',
    ]);
  });

  it('filters by each thing due and by exited, with counts; All is the default', () => {
    const view = caseloadView(rows, rejected);
    expect(view.counts).toEqual({
      all: 10,
      'no-contact': 3,
      annual: 3,
      'missing-entry': 3,
      rejected: 1,
      exited: 1,
    });
    expect(view.total).toBe(10);
    const names = (filter: Parameters<typeof caseloadView>[2]) =>
      caseloadView(rows, rejected, filter).shown.map((r) => r.lastName);
    expect(names('no-contact')).toEqual(['Overduemissing', 'Never', 'Overdue']);
    expect(names('annual')).toEqual(['Late', 'Duesoon', 'Duelater']);
    expect(names('missing-entry')).toEqual(['Overduemissing', 'Missing', 'Exited']);
    expect(names('rejected')).toEqual(['Rejected']);
    expect(names('exited')).toEqual(['Exited']);
    expect(caseloadView(rows, rejected).shown.find((r) => r.lastName === 'Rejected')).toMatchObject(
      { rejectedChanges: 1, due: ['rejected'] },
    );
  });

  it('knows its filters', () => {
    expect(isCaseloadViewFilter('all')).toBe(true);
    expect(isCaseloadViewFilter('rejected')).toBe(true);
    expect(isCaseloadViewFilter('active')).toBe(false);
    expect(isCaseloadViewFilter(null)).toBe(false);
  });
});
