// The Case Managers tab's view-model (RULES.md W-CM-1..6): rows and the active count from the
// records, who can be chosen, and what each form saves with its message. Synthetic ids only.
import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/workflow/case-managers';
import {
  addCaseManagerSave,
  caseManagersView,
  endAssignmentSave,
  handOffSave,
  type CaseManagersInput,
} from '../../../src/domain/workflow/case-managers-view';
import { activeAssignments } from '../../../src/domain/workflow/enrollment-summary';
import { isActiveAssignment } from '../../../src/domain/workflow/caseload';

const TODAY = '2026-03-10';
const id = (n: number) => n.toString(16).padStart(32, '0');
const ME = id(0xa1);
const PAT = id(0xa2);
const FORMER = id(0xa3);
const HEAD = id(0xe1);
const CHILD = id(0xe2);

function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: id(1),
    enrollmentId: HEAD,
    caseManagerId: ME,
    startDate: '2026-03-04',
    endDate: null,
    ...overrides,
  };
}

const former = assignment({
  id: id(9),
  caseManagerId: FORMER,
  startDate: '2026-03-02',
  endDate: TODAY,
});
const mineHead = assignment();
const mineChild = assignment({ id: id(2), enrollmentId: CHILD });

function input(overrides: Partial<CaseManagersInput> = {}): CaseManagersInput {
  return {
    enrollmentId: HEAD,
    enrollments: [
      { id: HEAD, projectStartDate: '2026-03-02', exitDate: null },
      { id: CHILD, projectStartDate: '2026-03-02', exitDate: null },
    ],
    householdAssignments: [mineHead, mineChild, former],
    me: { id: ME, displayName: 'Test Casemanager' },
    members: [
      { id: ME, displayName: 'Test Casemanager', role: 'case_manager' },
      { id: PAT, displayName: 'Pat Example', role: 'case_manager' },
    ],
    today: TODAY,
    formatDate: (d) => `<${d}>`,
    ...overrides,
  };
}

describe('caseManagersView', () => {
  it('W-CM-1: rows of this enrollment, oldest first; an end today reads Ended and is not counted', () => {
    const view = caseManagersView(input());
    expect(view.rows.map((r) => [r.name, r.badge, r.dates, r.canEnd])).toEqual([
      [`Case manager (id …${FORMER.slice(-6)})`, 'Ended', `From <2026-03-02> to <${TODAY}>`, false],
      ['Test Casemanager (you)', 'Active', 'From <2026-03-04>', true],
    ]);
    expect(view.activeCount).toBe(1);
    expect(view.canHandOff).toBe(true);
  });

  it('W-CM-1: the tab, the enrollment screen and the caseload agree on every end date', () => {
    for (const endDate of [null, '2026-03-09', TODAY, '2026-03-11']) {
      for (const startDate of ['2026-03-02', TODAY, '2026-03-11']) {
        const a = assignment({ startDate, endDate });
        const tab = caseManagersView(input({ householdAssignments: [a] })).activeCount;
        expect(activeAssignments([a], TODAY).length).toBe(tab);
        expect(isActiveAssignment(a, ME, TODAY)).toBe(tab === 1);
      }
    }
  });

  it('offers me and the members to add, the others to hand off, and offline those on record', () => {
    const view = caseManagersView(input());
    expect(view.addPeople.map((p) => p.label)).toEqual(['Test Casemanager (you)', 'Pat Example']);
    expect(view.handOffPeople).toEqual([{ value: PAT, label: 'Pat Example' }]);
    const offline = caseManagersView(input({ members: null }));
    expect(offline.handOffPeople).toEqual([
      { value: FORMER, label: `Case manager (id …${FORMER.slice(-6)})` },
    ]);
  });

  it('W-CM-6: no hand-off without an assignment of mine active today', () => {
    const ended = assignment({ endDate: TODAY });
    expect(caseManagersView(input({ householdAssignments: [ended] })).canHandOff).toBe(false);
  });
});

describe('saves', () => {
  it('W-CM-6: hand off for the whole household, in one list of changes, with its message', () => {
    const r = handOffSave(input(), { to: PAT, date: TODAY, wholeHousehold: true });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join());
    expect(r.changes.map((c) => [c.op, c.op === 'create' ? c.fields.enrollmentId : c.id])).toEqual([
      ['create', HEAD],
      ['create', CHILD],
      ['patch', mineHead.id],
      ['patch', mineChild.id],
    ]);
    expect(r.message).toBe(
      `Handed off to Pat Example from <${TODAY}> for 2 household members. Your assignment ended on <${TODAY}> for 2 household members.`,
    );
    const one = handOffSave(input(), { to: PAT, date: TODAY, wholeHousehold: false });
    expect(one.ok && one.message).toBe(
      `Handed off to Pat Example from <${TODAY}>. Your assignment ended on <${TODAY}>.`,
    );
  });

  it('W-CM-6: refuses a hand-off to myself', () => {
    expect(handOffSave(input(), { to: ME, date: TODAY, wholeHousehold: true })).toEqual({
      ok: false,
      issues: [expect.objectContaining({ field: 'caseManagerId' })],
    });
  });

  it('W-CM-4: add ends no one', () => {
    const r = addCaseManagerSave(input(), {
      caseManagerId: PAT,
      startDate: TODAY,
      wholeHousehold: true,
    });
    if (!r.ok) throw new Error('refused');
    expect(r.changes.every((c) => c.op === 'create')).toBe(true);
    expect(r.message).toBe(`Pat Example added from <${TODAY}> for 2 household members.`);
  });

  it('W-CM-5: end for the household', () => {
    const r = endAssignmentSave(input(), {
      assignment: mineHead,
      endDate: TODAY,
      wholeHousehold: true,
    });
    if (!r.ok) throw new Error('refused');
    expect(r.changes.map((c) => c.id)).toEqual([mineHead.id, mineChild.id]);
    expect(r.message).toBe(
      `Test Casemanager (you): assignment ended on <${TODAY}> for 2 household members.`,
    );
  });
});
