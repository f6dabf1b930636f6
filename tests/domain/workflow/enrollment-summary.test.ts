import { describe, expect, it } from 'vitest';
import {
  activeAssignments,
  anyPending,
  contactsNewestFirst,
  currentLivingSituationLabel,
  daysAgoText,
  daysSince,
  daysSinceLastContact,
  destinationLabel,
  enrollmentStatus,
  exitReasonLabel,
  funderLabel,
  lastContact,
  latestCurrentLivingSituation,
  noteExcerpt,
  orderHousehold,
  otherLocalEnrollments,
  projectTypeLabel,
  relationshipLabel,
  statusText,
} from '../../../src/domain/workflow/enrollment-summary';

const TODAY = '2026-03-10';

describe('enrollmentStatus and statusText', () => {
  it('an open enrollment is active since its project start', () => {
    const status = enrollmentStatus({ projectStartDate: '2026-03-02', exitDate: null });
    expect(status).toEqual({ kind: 'active', since: '2026-03-02' });
    expect(statusText(status)).toBe('Active since 2026-03-02');
    expect(statusText(status, (d) => `[${d}]`)).toBe('Active since [2026-03-02]');
  });

  it('an exited one says when, with the Destination (3.12.1) and the reason in words', () => {
    const status = enrollmentStatus({
      projectStartDate: '2026-01-05',
      exitDate: '2026-03-09',
      destination: 116,
      exitReason: 'lost_contact',
    });
    expect(status).toMatchObject({
      kind: 'exited',
      on: '2026-03-09',
      destination: 116,
      exitReason: 'lost_contact',
      exitReasonLabel: 'No longer receiving case management or cannot be located',
    });
    expect(status.kind === 'exited' && status.destinationLabel).toMatch(
      /not meant for habitation/i,
    );
    expect(statusText(status)).toBe('Exited on 2026-03-09');
  });

  it('labels of unknown codes are null, not made up', () => {
    expect(destinationLabel(12345)).toBeNull();
    expect(destinationLabel(null)).toBeNull();
    expect(exitReasonLabel('gone_fishing')).toBeNull();
    expect(exitReasonLabel('housed')).toBe('Housed');
  });
});

describe('orderHousehold', () => {
  it('head of household, partner, other members, then children, oldest first', () => {
    const member = (id: string, rel: number | null, dob: string | null, first = 'A') => ({
      enrollment: { id, relationshipToHoH: rel },
      client: { dob, firstName: first, lastName: 'Testperson' },
    });
    const ordered = orderHousehold([
      member('c1', 2, '2018-01-01'),
      member('c2', 2, '2014-06-01'),
      member('u', null, null),
      member('p', 3, '1991-01-01'),
      member('h', 1, '1990-01-01'),
      member('r', 4, null),
    ]);
    expect(ordered.map((m) => m.enrollment.id)).toEqual(['h', 'p', 'r', 'c2', 'c1', 'u']);
  });

  it('relationship labels are HUD 3.15.1’s', () => {
    expect(relationshipLabel(1)).toBe('Self (head of household)');
    expect(relationshipLabel(2)).toBe('Child');
    expect(relationshipLabel(null)).toBe('Relationship not recorded');
  });
});

describe('contacts', () => {
  const contacts = [
    { id: 'a', contactAt: '2026-03-01T15:00:00Z', currentLivingSituationId: 'cls-a' },
    // 08:30 in Minneapolis on Mar 8, written with an offset.
    { id: 'b', contactAt: '2026-03-08T08:30:00-06:00', currentLivingSituationId: 'cls-b' },
    { id: 'c', contactAt: '2026-03-08T13:00:00Z', currentLivingSituationId: 'cls-c' },
  ];

  it('newest first by time, whatever the offset they were written with', () => {
    expect(contactsNewestFirst(contacts).map((c) => c.id)).toEqual(['b', 'c', 'a']);
    expect(lastContact(contacts)?.id).toBe('b');
    expect(lastContact([])).toBeUndefined();
  });

  it('days since the last contact, in local dates', () => {
    expect(daysSinceLastContact(contacts, TODAY)).toBe(2);
    expect(daysSinceLastContact([], TODAY)).toBeNull();
    // 03:00 UTC on Mar 10 is still Mar 9 in Minneapolis.
    expect(daysSinceLastContact([{ contactAt: '2026-03-10T03:00:00Z' }], TODAY)).toBe(1);
    expect(daysSince('2026-02-28', '2026-03-01')).toBe(1);
  });

  it('says the days in words', () => {
    expect(daysAgoText(0)).toBe('today');
    expect(daysAgoText(1)).toBe('yesterday');
    expect(daysAgoText(12)).toBe('12 days ago');
    expect(daysAgoText(-2)).toBe('in 2 days');
  });

  it('the latest Current Living Situation: newest date, then the later contact that day', () => {
    const situations = [
      { id: 'cls-a', informationDate: '2026-03-01', currentLivingSituation: 116 },
      { id: 'cls-c', informationDate: '2026-03-08', currentLivingSituation: 101 },
      { id: 'cls-b', informationDate: '2026-03-08', currentLivingSituation: 118 },
    ];
    expect(latestCurrentLivingSituation(situations, contacts)?.id).toBe('cls-b');
    expect(latestCurrentLivingSituation([])).toBeUndefined();
    expect(currentLivingSituationLabel(101)).toMatch(/shelter/i);
    expect(currentLivingSituationLabel('x')).toBeNull();
  });

  it('note excerpts are short, cut at a word', () => {
    expect(noteExcerpt('  Met at   the library.  ')).toBe('Met at the library.');
    expect(noteExcerpt(null)).toBeNull();
    expect(noteExcerpt('   ')).toBeNull();
    const long = 'word '.repeat(60);
    const excerpt = noteExcerpt(long, 50)!;
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(excerpt.endsWith('word…')).toBe(true);
  });
});

describe('case managers, other enrollments, sync', () => {
  it('W-CM-1 active assignments: started, and not ended by today (an end today has ended)', () => {
    const all = [
      { id: '1', startDate: '2026-01-01', endDate: null },
      { id: '2', startDate: '2026-01-01', endDate: '2026-03-09' },
      { id: '3', startDate: '2026-03-10', endDate: '2026-03-10' },
      { id: '4', startDate: '2026-03-11', endDate: null },
      { id: '5', startDate: '2026-03-01', endDate: '2026-03-10' },
      { id: '6', startDate: '2026-03-10', endDate: '2026-03-11' },
    ];
    expect(activeAssignments(all, TODAY).map((a) => a.id)).toEqual(['1', '6']);
  });

  it('project type and funder words', () => {
    expect(projectTypeLabel(4)).toBe('Street Outreach');
    expect(projectTypeLabel(999)).toBeNull();
    expect(funderLabel(2)).toBe('ESG');
    expect(funderLabel('3')).toBe('PATH');
    expect(funderLabel('case_management')).toBe('case_management');
  });

  it('other local enrollments: not this one, open first, newest start first', () => {
    const list = [
      { id: 'this', projectStartDate: '2026-03-01', exitDate: null },
      { id: 'old-exited', projectStartDate: '2025-01-01', exitDate: '2025-06-01' },
      { id: 'open-old', projectStartDate: '2025-10-01', exitDate: null },
      { id: 'open-new', projectStartDate: '2026-02-01', exitDate: null },
    ];
    expect(otherLocalEnrollments(list, 'this').map((e) => e.id)).toEqual([
      'open-new',
      'open-old',
      'old-exited',
    ]);
  });

  it('anyPending', () => {
    expect(anyPending([{ pending: false }, undefined, null])).toBe(false);
    expect(anyPending([{ pending: false }, { pending: true }])).toBe(true);
  });
});
