// W-CM-6 Hand off (RULES.md): the new case manager starts on the day and mine ends on it, for one
// enrollment or the whole household, in one list of changes; refused to myself, to nobody, on a
// bad date, or without an assignment of mine to hand off. Synthetic ids only.
import { describe, expect, it } from 'vitest';
import { isActiveOn, type Assignment } from '../../../src/domain/workflow/case-managers';
import { handOff, type HandOffRequest } from '../../../src/domain/workflow/case-managers-handoff';

const TODAY = '2026-03-10';
const id = (n: number) => n.toString(16).padStart(32, '0');
const ME = id(0xa1);
const PAT = id(0xa2);
const HEAD = id(0xe1);
const CHILD = id(0xe2);

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

const mineHead = assignment();
const mineChild = assignment({ id: id(2), enrollmentId: CHILD });

function request(overrides: Partial<HandOffRequest> = {}): HandOffRequest {
  let n = 0;
  return {
    enrollmentId: HEAD,
    to: PAT,
    date: TODAY,
    me: ME,
    enrollments: [
      { id: HEAD, projectStartDate: '2026-03-02', exitDate: null },
      { id: CHILD, projectStartDate: '2026-03-02', exitDate: null },
    ],
    householdAssignments: [mineHead, mineChild],
    wholeHousehold: false,
    today: TODAY,
    nameOf: (cm) => (cm === PAT ? 'Pat Example' : 'Someone'),
    makeId: () => id(0x100 + (n += 1)),
    ...overrides,
  };
}

const messages = (r: ReturnType<typeof handOff>) => r.issues.map((i) => i.message);

describe('W-CM-6 hand off', () => {
  it('on one enrollment: adds the new case manager from the day and ends mine on it', () => {
    const r = handOff(request());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changes).toEqual([
      {
        type: 'caseManagerAssignment',
        id: id(0x101),
        op: 'create',
        fields: { enrollmentId: HEAD, caseManagerId: PAT, startDate: TODAY, endDate: null },
      },
      { type: 'caseManagerAssignment', id: mineHead.id, op: 'patch', fields: { endDate: TODAY } },
    ]);
    expect(r.added).toEqual([HEAD]);
    expect(r.ended).toEqual([mineHead]);
  });

  it('for the whole household: every member gets the new case manager and mine end', () => {
    const r = handOff(request({ wholeHousehold: true }));
    if (!r.ok) throw new Error(messages(r).join());
    expect(r.added).toEqual([HEAD, CHILD]);
    expect(r.ended.map((a) => a.id)).toEqual([mineHead.id, mineChild.id]);
    expect(r.changes.map((c) => [c.op, c.fields.enrollmentId ?? c.id])).toEqual([
      ['create', HEAD],
      ['create', CHILD],
      ['patch', mineHead.id],
      ['patch', mineChild.id],
    ]);
  });

  it('on an earlier date: the new one starts and mine ends on that day (W-CM-1: only theirs is active then)', () => {
    const r = handOff(request({ date: '2026-03-05' }));
    if (!r.ok) throw new Error(messages(r).join());
    const created = r.changes.find((c) => c.op === 'create')!;
    expect(created.fields.startDate).toBe('2026-03-05');
    expect(r.changes.find((c) => c.op === 'patch')!.fields).toEqual({ endDate: '2026-03-05' });
    const after = { ...mineHead, endDate: '2026-03-05' };
    expect(isActiveOn(after, '2026-03-05')).toBe(false);
    expect(isActiveOn(after, '2026-03-04')).toBe(true);
  });

  it('refuses a hand-off to myself or to nobody', () => {
    expect(messages(handOff(request({ to: ME })))).toEqual([
      'You cannot hand off to yourself. Choose the case manager who takes over.',
    ]);
    expect(handOff(request({ to: null }))).toEqual({
      ok: false,
      issues: [{ field: 'caseManagerId', message: 'Choose the case manager who takes over.' }],
    });
  });

  it('refuses a date in the future, before the project start, or before mine started', () => {
    expect(messages(handOff(request({ date: '2026-03-11' })))).toEqual([
      expect.stringContaining('cannot be in the future'),
    ]);
    expect(messages(handOff(request({ date: '2026-03-01' })))).toEqual([
      'The start date cannot be before the project start date (March 2, 2026).',
    ]);
    const later = assignment({ startDate: '2026-03-06' });
    expect(
      messages(handOff(request({ date: '2026-03-04', householdAssignments: [later] }))),
    ).toEqual(['The hand-off date cannot be before your assignment started (March 6, 2026).']);
    expect(messages(handOff(request({ date: '' })))).toEqual(['Enter the start date.']);
  });

  it('refuses without an assignment of mine active that day, or to someone already assigned', () => {
    const ended = assignment({ endDate: '2026-03-08' });
    expect(messages(handOff(request({ householdAssignments: [ended] })))).toEqual([
      expect.stringContaining('You are not a case manager on this enrollment on March 10, 2026'),
    ]);
    const pat = assignment({ id: id(3), caseManagerId: PAT, startDate: '2026-03-04' });
    expect(messages(handOff(request({ householdAssignments: [mineHead, pat] })))).toEqual([
      'Pat Example is already a case manager on this enrollment (since March 4, 2026).',
    ]);
  });
});
