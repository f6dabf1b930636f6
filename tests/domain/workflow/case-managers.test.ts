// The Case Managers tab (RULES.md W-CM-1..5): active on a date, end and start date rules, one
// assignment at a time per case manager, and the changes of ending and adding. Hand off (W-CM-6)
// is case-managers-handoff.test.ts.
import { describe, expect, it } from 'vitest';
import {
  assignmentFrom,
  assignmentStatus,
  endAssignmentChanges,
  hasEndedBy,
  isActiveOn,
  newAssignmentChange,
  validateEndDate,
  validateNewAssignment,
  type Assignment,
} from '../../../src/domain/workflow/case-managers';
import {
  handoffChanges,
  myAssignmentsToEnd,
  type HandoffInput,
} from '../../../src/domain/workflow/case-managers-handoff';

const TODAY = '2026-03-10';
const id = (n: number) => n.toString(16).padStart(32, '0');
const ME = id(0xa1);
const PAT = id(0xa2);
const LEE = id(0xa3);
const HEAD = id(0xe1);
const CHILD = id(0xe2);
const EXITED = id(0xe3);

function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: id(1),
    enrollmentId: HEAD,
    caseManagerId: ME,
    startDate: '2026-03-02',
    endDate: null,
    ...overrides,
  };
}

const enrollments = [
  { id: HEAD, projectStartDate: '2026-03-02', exitDate: null },
  { id: CHILD, projectStartDate: '2026-03-02', exitDate: null },
  { id: EXITED, projectStartDate: '2026-01-05', exitDate: '2026-02-20' },
];

describe('active and status', () => {
  it('W-CM-1: active from the start date, ended on the end date (an end today has ended today)', () => {
    const a = assignment({ endDate: '2026-03-08' });
    expect(isActiveOn(a, '2026-03-01')).toBe(false);
    expect(isActiveOn(a, '2026-03-02')).toBe(true);
    expect(isActiveOn(a, '2026-03-07')).toBe(true);
    expect(isActiveOn(a, '2026-03-08')).toBe(false);
    expect(hasEndedBy(a, '2026-03-08')).toBe(true);
    expect(hasEndedBy(a, '2026-03-07')).toBe(false);
    expect(isActiveOn(assignment(), '2030-01-01')).toBe(true);
    // Started and ended the same day: never active.
    expect(isActiveOn(assignment({ startDate: TODAY, endDate: TODAY }), TODAY)).toBe(false);
  });

  it('W-CM-1: the status is active exactly when isActiveOn, else ended or upcoming', () => {
    expect(assignmentStatus(assignment(), TODAY)).toBe('active');
    expect(assignmentStatus(assignment({ endDate: TODAY }), TODAY)).toBe('ended');
    expect(assignmentStatus(assignment({ endDate: '2026-03-11' }), TODAY)).toBe('active');
    expect(assignmentStatus(assignment({ startDate: '2026-03-11' }), TODAY)).toBe('upcoming');
    for (const endDate of [null, '2026-03-09', TODAY, '2026-03-11']) {
      for (const startDate of ['2026-03-02', TODAY, '2026-03-11']) {
        const a = assignment({ startDate, endDate });
        expect(assignmentStatus(a, TODAY) === 'active').toBe(isActiveOn(a, TODAY));
      }
    }
  });

  it('reads an assignment from a stored record, or null when it is not one', () => {
    expect(assignmentFrom({ ...assignment(), pending: true, deleted: false })).toEqual(
      assignment(),
    );
    expect(assignmentFrom({ id: id(1), enrollmentId: HEAD })).toBeNull();
  });
});

describe('W-CM-2 validateEndDate', () => {
  const a = assignment();
  it('accepts a date from the start to today', () => {
    expect(validateEndDate({ assignment: a, endDate: '2026-03-02', today: TODAY })).toEqual([]);
    expect(validateEndDate({ assignment: a, endDate: TODAY, today: TODAY })).toEqual([]);
  });

  it('explains an end before the start, in the future, missing or already ended', () => {
    const msg = (endDate: string, x = a) =>
      validateEndDate({ assignment: x, endDate, today: TODAY }).map((i) => i.message);
    expect(msg('2026-03-01')).toEqual([
      'The end date cannot be before the assignment started (March 2, 2026).',
    ]);
    expect(msg('2026-03-11')).toEqual([
      'The end date cannot be in the future. End the assignment on or before today (March 10, 2026).',
    ]);
    expect(msg('')).toEqual(['Enter the end date.']);
    expect(msg('2026-02-31')).toEqual([expect.stringContaining('not a real date')]);
    expect(msg(TODAY, assignment({ endDate: '2026-03-05' }))).toEqual([
      'This assignment has already ended.',
    ]);
  });
});

describe('W-CM-2, W-CM-3 validateNewAssignment', () => {
  const base = {
    caseManagerId: PAT,
    startDate: TODAY,
    enrollment: enrollments[0]!,
    assignments: [assignment()],
    today: TODAY,
    nameOf: (cm: string) => (cm === PAT ? 'Pat Example' : 'Someone'),
  };

  it('accepts another case manager from today', () => {
    expect(validateNewAssignment(base)).toEqual([]);
  });

  it('needs a person and a start date inside the enrollment, not in the future', () => {
    expect(validateNewAssignment({ ...base, caseManagerId: null })).toEqual([
      { field: 'caseManagerId', message: 'Choose the case manager to add.' },
    ]);
    expect(validateNewAssignment({ ...base, startDate: '2026-03-01' })).toEqual([
      {
        field: 'startDate',
        message: 'The start date cannot be before the project start date (March 2, 2026).',
      },
    ]);
    expect(validateNewAssignment({ ...base, startDate: '2026-03-11' })[0]?.message).toMatch(
      /cannot be in the future/,
    );
    expect(
      validateNewAssignment({ ...base, enrollment: enrollments[2]!, startDate: '2026-02-25' }),
    ).toEqual([
      {
        field: 'startDate',
        message: "The start date cannot be after the client's exit date (February 20, 2026).",
      },
    ]);
  });

  it('W-CM-3: refuses a second assignment of the same person at the same time', () => {
    expect(validateNewAssignment({ ...base, caseManagerId: ME })).toEqual([
      {
        field: 'caseManagerId',
        message: 'Someone is already a case manager on this enrollment (since March 2, 2026).',
      },
    ]);
    const ended = assignment({ caseManagerId: PAT, endDate: '2026-03-05' });
    expect(
      validateNewAssignment({ ...base, assignments: [ended], startDate: '2026-03-04' }),
    ).toEqual([
      {
        field: 'caseManagerId',
        message:
          'Pat Example was already a case manager on this enrollment from March 2, 2026 to March 5, 2026: choose a start date on or after March 5, 2026.',
      },
    ]);
    // From the day the earlier assignment ended, the same person may be added again.
    expect(
      validateNewAssignment({ ...base, assignments: [ended], startDate: '2026-03-05' }),
    ).toEqual([]);
    // Assignments of other enrollments do not count.
    expect(
      validateNewAssignment({
        ...base,
        assignments: [assignment({ caseManagerId: PAT, enrollmentId: CHILD })],
      }),
    ).toEqual([]);
  });
});

describe('W-CM-5 endAssignmentChanges', () => {
  const mine = assignment();
  const childMine = assignment({ id: id(2), enrollmentId: CHILD });
  const childLater = assignment({ id: id(3), enrollmentId: EXITED, startDate: '2026-03-09' });
  const childPat = assignment({ id: id(4), enrollmentId: CHILD, caseManagerId: PAT });
  const all = [mine, childMine, childLater, childPat];

  it('ends only the chosen assignment for one member', () => {
    const r = endAssignmentChanges({
      assignment: mine,
      endDate: '2026-03-08',
      householdAssignments: all,
      wholeHousehold: false,
    });
    expect(r.changes).toEqual([
      {
        type: 'caseManagerAssignment',
        id: mine.id,
        op: 'patch',
        fields: { endDate: '2026-03-08' },
      },
    ]);
  });

  it('ends the same person’s open assignments across the household, skipping later starts', () => {
    const r = endAssignmentChanges({
      assignment: mine,
      endDate: '2026-03-08',
      householdAssignments: all,
      wholeHousehold: true,
    });
    expect(r.changes.map((c) => c.id)).toEqual([mine.id, childMine.id]);
    expect(r.skipped).toEqual([childLater]);
  });
});

describe('W-CM-4 handoffChanges', () => {
  let n = 0;
  const makeId = () => id(0x100 + (n += 1));
  const base: HandoffInput = {
    enrollmentId: HEAD,
    caseManagerId: PAT,
    startDate: TODAY,
    enrollments,
    householdAssignments: [
      assignment(),
      assignment({ id: id(2), enrollmentId: CHILD }),
      assignment({ id: id(5), enrollmentId: EXITED, startDate: '2026-01-05' }),
    ],
    wholeHousehold: true,
    endMineFor: ME,
    makeId,
  };

  it('adds the new case manager to every open member and ends mine on the same day', () => {
    const r = handoffChanges(base);
    expect(r.added).toEqual([HEAD, CHILD]);
    expect(r.skipped).toEqual([EXITED]);
    expect(r.changes.filter((c) => c.op === 'create').map((c) => c.fields)).toEqual([
      { enrollmentId: HEAD, caseManagerId: PAT, startDate: TODAY, endDate: null },
      { enrollmentId: CHILD, caseManagerId: PAT, startDate: TODAY, endDate: null },
    ]);
    // Mine end on the day the new one starts, including on the exited member's enrollment.
    expect(r.changes.filter((c) => c.op === 'patch')).toEqual([
      { type: 'caseManagerAssignment', id: id(1), op: 'patch', fields: { endDate: TODAY } },
      { type: 'caseManagerAssignment', id: id(2), op: 'patch', fields: { endDate: TODAY } },
      { type: 'caseManagerAssignment', id: id(5), op: 'patch', fields: { endDate: TODAY } },
    ]);
  });

  it('for one member only, and without ending mine', () => {
    const r = handoffChanges({ ...base, wholeHousehold: false, endMineFor: null });
    expect(r.added).toEqual([HEAD]);
    expect(r.changes).toEqual([newAssignmentChange(HEAD, PAT, TODAY, r.changes[0]!.id)]);
  });

  it('skips members who already have that case manager', () => {
    const r = handoffChanges({
      ...base,
      endMineFor: null,
      householdAssignments: [
        ...base.householdAssignments,
        assignment({ id: id(6), enrollmentId: CHILD, caseManagerId: PAT }),
      ],
    });
    expect(r.added).toEqual([HEAD]);
    expect(r.skipped).toEqual([CHILD, EXITED]);
  });

  it('never ends my own assignment when I add myself', () => {
    expect(myAssignmentsToEnd({ ...base, caseManagerId: ME })).toEqual([]);
    // Nor one that starts after the handoff date.
    expect(
      myAssignmentsToEnd({
        ...base,
        startDate: '2026-03-05',
        householdAssignments: [assignment({ startDate: '2026-03-06' })],
      }),
    ).toEqual([]);
    expect(myAssignmentsToEnd({ ...base, caseManagerId: LEE }).length).toBe(3);
  });
});
