import { describe, expect, it } from 'vitest';
import {
  NEEDS_CONTACT_AFTER_DAYS,
  daysSinceContact,
  isActiveAssignment,
  missingEntryCount,
  needsContact,
  summarizeHousehold,
  matchesSearch,
  type CaseloadHouseholdSource,
  type CaseloadMemberSource,
  type CaseloadRow,
} from '../../../src/domain/workflow/caseload';
import { caseloadView } from '../../../src/domain/workflow/caseload-view';
import { newId } from '../../../src/domain/records';
import { getList, labelOf } from '../../../src/domain/codes';

const TODAY = '2026-03-10';
const ME = newId();
const CONTEXT = { today: TODAY, projectType: 6 };

function member(
  overrides: Partial<CaseloadMemberSource> & {
    relationshipToHoH?: number;
    firstName?: string;
    lastName?: string;
    dob?: string;
    exitDate?: string | null;
    householdId?: string;
  } = {},
): CaseloadMemberSource {
  const clientId = newId();
  return {
    enrollment: {
      id: newId(),
      clientId,
      householdId: overrides.householdId ?? 'h',
      relationshipToHoH: overrides.relationshipToHoH ?? 1,
      exitDate: overrides.exitDate ?? null,
      pending: false,
    },
    client: {
      id: clientId,
      firstName: overrides.firstName ?? 'Robin',
      lastName: overrides.lastName ?? 'Testperson',
      dob: overrides.dob ?? '1990-05-17',
      pending: false,
    },
    entry: overrides.entry,
    contacts: overrides.contacts ?? [],
    currentLivingSituations: overrides.currentLivingSituations ?? [],
    others: overrides.others ?? [],
  };
}

function household(members: CaseloadMemberSource[]): CaseloadHouseholdSource {
  return {
    householdId: String(members[0]!.enrollment.householdId),
    assignedEnrollmentIds: [members[0]!.enrollment.id],
    members,
  };
}

function row(overrides: Partial<CaseloadRow>): CaseloadRow {
  return {
    enrollmentId: newId(),
    householdId: newId(),
    clientId: null,
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
    searchKeys: ['robintestperson', 'testpersonrobin'],
    ...overrides,
  };
}

describe('assignments', () => {
  it("W-CM-1: counts only the person's assignments active today (an end today has ended)", () => {
    const a = { id: newId(), caseManagerId: ME, startDate: '2026-01-01' };
    expect(isActiveAssignment({ ...a, endDate: null }, ME, TODAY)).toBe(true);
    expect(isActiveAssignment({ ...a, endDate: '2026-03-11' }, ME, TODAY)).toBe(true);
    expect(isActiveAssignment({ ...a, endDate: TODAY }, ME, TODAY)).toBe(false);
    expect(isActiveAssignment({ ...a, endDate: '2026-02-01' }, ME, TODAY)).toBe(false);
    expect(isActiveAssignment({ ...a, endDate: null }, newId(), TODAY)).toBe(false);
    expect(isActiveAssignment({ ...a, endDate: null, deleted: true }, ME, TODAY)).toBe(false);
    expect(isActiveAssignment({ ...a, startDate: '2026-03-11', endDate: null }, ME, TODAY)).toBe(
      false,
    );
  });
});

describe('contacts', () => {
  it('counts days to today in Minnesota time', () => {
    // 2026-03-10 03:00 UTC is still March 9 in Minneapolis.
    expect(daysSinceContact('2026-03-10T03:00:00Z', TODAY)).toBe(1);
    expect(daysSinceContact('2026-03-10T15:00:00Z', TODAY)).toBe(0);
    expect(daysSinceContact(null, TODAY)).toBeNull();
  });

  it(`needs a contact after ${NEEDS_CONTACT_AFTER_DAYS} days without one, or with none, unless exited`, () => {
    expect(needsContact({ exitDate: null, daysSinceContact: NEEDS_CONTACT_AFTER_DAYS })).toBe(
      false,
    );
    expect(needsContact({ exitDate: null, daysSinceContact: NEEDS_CONTACT_AFTER_DAYS + 1 })).toBe(
      true,
    );
    expect(needsContact({ exitDate: null, daysSinceContact: null })).toBe(true);
    expect(needsContact({ exitDate: '2026-03-01', daysSinceContact: null })).toBe(false);
  });
});

describe('summarizeHousehold', () => {
  it('shows the head of household, the size, the last contact and Current Living Situation', () => {
    const child = member({ relationshipToHoH: 2, firstName: 'Kit', dob: '2018-01-01' });
    const head = member({ firstName: 'Robin' });
    const headWithRecords: CaseloadMemberSource = {
      ...head,
      contacts: [
        { id: newId(), contactAt: '2026-02-01T18:00:00Z' },
        { id: newId(), contactAt: '2026-03-05T18:00:00Z' },
      ],
      currentLivingSituations: [
        {
          id: newId(),
          enrollmentId: head.enrollment.id,
          informationDate: '2026-02-01',
          currentLivingSituation: 116,
        },
        {
          id: newId(),
          enrollmentId: head.enrollment.id,
          informationDate: '2026-03-05',
          currentLivingSituation: 101,
        },
      ],
    };
    const summary = summarizeHousehold(
      {
        householdId: 'h',
        assignedEnrollmentIds: [child.enrollment.id],
        members: [child, headWithRecords],
      },
      CONTEXT,
    );
    expect(summary).toMatchObject({
      enrollmentId: head.enrollment.id,
      firstName: 'Robin',
      householdSize: 2,
      lastContactDate: '2026-03-05',
      daysSinceContact: 5,
      needsContact: false,
      lastLivingSituation: labelOf(getList('4.12.2'), 101),
      pending: false,
      exitDate: null,
    });
  });

  it('flags unsynced records anywhere in the household', () => {
    const head = member();
    const child = member({ relationshipToHoH: 2 });
    const synced = summarizeHousehold(household([head, child]), CONTEXT);
    expect(synced.pending).toBe(false);
    const withPendingContact = {
      ...child,
      contacts: [{ id: newId(), contactAt: '2026-03-01T18:00:00Z', pending: true }],
    };
    expect(summarizeHousehold(household([head, withPendingContact]), CONTEXT).pending).toBe(true);
    const withPendingClient = { ...head, client: { ...head.client!, pending: true } };
    expect(summarizeHousehold(household([withPendingClient]), CONTEXT).pending).toBe(true);
  });

  it('counts missing Entry answers over every member, fewer for a child', () => {
    const adult = member();
    const child = member({ relationshipToHoH: 2, dob: '2018-01-01' });
    const adultMissing = missingEntryCount(adult, CONTEXT);
    const childMissing = missingEntryCount(child, CONTEXT);
    expect(adultMissing).toBeGreaterThan(0);
    expect(childMissing).toBeLessThan(adultMissing);
    expect(summarizeHousehold(household([adult, child]), CONTEXT).missingEntryAnswers).toBe(
      adultMissing + childMissing,
    );
  });

  it('counts missing answers by the age at project start, as the enrollment screen does', () => {
    // 17 at project start, 18 today: the Entry describes a child.
    const teen = member({ relationshipToHoH: 2, dob: '2008-02-01' });
    teen.enrollment = { ...teen.enrollment, projectStartDate: '2026-01-15' };
    const asChild = member({ relationshipToHoH: 2, dob: '2015-01-01' });
    const asAdult = member({ relationshipToHoH: 2, dob: '1990-01-01' });
    expect(missingEntryCount(teen, CONTEXT)).toBe(missingEntryCount(asChild, CONTEXT));
    expect(missingEntryCount(teen, CONTEXT)).toBeLessThan(missingEntryCount(asAdult, CONTEXT));
  });

  it('is exited when the head of household has an exit date', () => {
    const summary = summarizeHousehold(household([member({ exitDate: '2026-03-01' })]), CONTEXT);
    expect(summary.exitDate).toBe('2026-03-01');
    expect(summary.needsContact).toBe(false);
  });
});

describe('W-ANNUAL-2: annual assessment on the caseload', () => {
  const started = (m: CaseloadMemberSource, projectStartDate: string): CaseloadMemberSource => ({
    ...m,
    enrollment: { ...m.enrollment, projectStartDate },
  });
  const annual = (m: CaseloadMemberSource, informationDate: string) => ({
    id: newId(),
    enrollmentId: m.enrollment.id,
    dataCollectionStage: 5,
    informationDate,
  });

  it('none for a stay under a year', () => {
    const h = started(member(), '2025-06-01');
    expect(summarizeHousehold(household([h]), CONTEXT).annualAssessment).toEqual({ kind: 'none' });
  });

  it('due by the window’s close on the HoH’s anniversary, for the household', () => {
    // HoH started 2025-03-20: the window is 2026-02-18 … 2026-04-19; TODAY is 2026-03-10.
    const h = started(member(), '2025-03-20');
    const child = started(member({ relationshipToHoH: 2, dob: '2019-01-01' }), '2025-05-01');
    expect(summarizeHousehold(household([h, child]), CONTEXT).annualAssessment).toEqual({
      kind: 'due',
      dueBy: '2026-04-19',
    });
  });

  it('done only when every open member has one in the window; late after the window', () => {
    const h = started(member(), '2025-03-20');
    const child = started(member({ relationshipToHoH: 2, dob: '2019-01-01' }), '2025-05-01');
    const withHead = [{ ...h, others: [annual(h, '2026-03-01')] }, child];
    expect(summarizeHousehold(household(withHead), CONTEXT).annualAssessment.kind).toBe('due');
    const both = [withHead[0]!, { ...child, others: [annual(child, '2026-03-01')] }];
    expect(summarizeHousehold(household(both), CONTEXT).annualAssessment).toEqual({ kind: 'done' });
    const old = started(member(), '2025-01-10');
    expect(summarizeHousehold(household([old]), CONTEXT).annualAssessment.kind).toBe('late');
  });

  it('an exited household has none', () => {
    const h = started(member({ exitDate: '2026-03-01' }), '2025-03-20');
    expect(summarizeHousehold(household([h]), CONTEXT).annualAssessment).toEqual({ kind: 'none' });
  });

  it('with a federal funder, missing 4.05–4.10 Entry answers count', () => {
    const h = member();
    const county = missingEntryCount(h, CONTEXT);
    expect(missingEntryCount(h, { ...CONTEXT, federal: true })).toBe(county + 6);
  });
});

describe('search', () => {
  const rows = [
    row({ lastName: 'Alpha' }),
    row({ lastName: 'Bravo', searchKeys: ['bravorobin'] }),
    row({
      lastName: 'Foxtrot',
      searchKeys: ['averyfoxtrot', 'foxtrotavery', 'josefoxtrot', 'foxtrotjose'],
    }),
  ];

  it('searches any member name, ignoring case and accents', () => {
    expect(rows.filter((r) => matchesSearch(r, 'JOSÉ')).map((r) => r.lastName)).toEqual([
      'Foxtrot',
    ]);
    expect(caseloadView(rows, [], 'all', 'josé').shown.map((r) => r.lastName)).toEqual(['Foxtrot']);
    expect(caseloadView(rows, [], 'all', '  ').shown.length).toBe(3);
  });
});
