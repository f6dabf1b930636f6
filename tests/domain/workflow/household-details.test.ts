// Household-level HUD data after project start: 3.16 Enrollment CoC update (W-HH-6) and 4.13 Date
// of Engagement (W-ENG-1 … W-ENG-3). Synthetic people only.
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS } from '../../../src/domain/records';
import {
  asksDateOfEngagement,
  buildEngagementChanges,
  checkEnrollmentCocUpdate,
  dateOfEngagementIssues,
  engagementMembers,
  enrollmentCocUpdate,
  type HouseholdEnrollment,
} from '../../../src/domain/workflow/household-members';

const TODAY = '2026-06-10';
const id = (n: number) => n.toString(16).padStart(32, '0');

const head: HouseholdEnrollment = {
  enrollmentId: id(11),
  clientId: id(1),
  name: 'Robin Testperson',
  relationshipToHoH: 1,
  projectStartDate: '2026-03-02',
  exitDate: null,
  dob: '1990-05-17',
  enrollmentCoc: 'MN-500',
};
const partner: HouseholdEnrollment = {
  ...head,
  enrollmentId: id(12),
  clientId: id(2),
  name: 'Sam Testperson',
  relationshipToHoH: 3,
  dob: '1992-01-09',
  enrollmentCoc: null,
};
const child: HouseholdEnrollment = {
  ...head,
  enrollmentId: id(13),
  clientId: id(3),
  name: 'Kit Testperson',
  relationshipToHoH: 2,
  dob: '2015-07-01',
  enrollmentCoc: null,
};
const household = [head, partner, child];

describe('W-ENG-1 — 4.13 is asked by Street Outreach and Night-by-Night shelters, of the HoH and adults', () => {
  it('asks it for project types 4 and 1 only', () => {
    expect(asksDateOfEngagement(4)).toBe(true);
    expect(asksDateOfEngagement(1)).toBe(true);
    for (const type of [0, 2, 3, 6, 13, 14, null, undefined]) {
      expect(asksDateOfEngagement(type)).toBe(false);
    }
  });

  it('lists the head of household and the adults, never a child', () => {
    expect(engagementMembers(household, 4).map((m) => m.name)).toEqual([
      'Robin Testperson',
      'Sam Testperson',
    ]);
    expect(engagementMembers(household, 6)).toEqual([]);
  });

  it('counts age at the member’s own project start (17 then: not asked)', () => {
    const turnsAdultLater = { ...child, dob: '2008-06-01' };
    expect(engagementMembers([head, turnsAdultLater], 4)).toEqual([head]);
  });
});

describe('W-ENG-2 — a Date of Engagement falls inside the stay and not in the future', () => {
  it('accepts a date from the project start to today, and an empty one', () => {
    expect(dateOfEngagementIssues(head, '2026-03-02', TODAY)).toEqual([]);
    expect(dateOfEngagementIssues(head, TODAY, TODAY)).toEqual([]);
    expect(dateOfEngagementIssues(head, null, TODAY)).toEqual([]);
    expect(dateOfEngagementIssues(head, '', TODAY)).toEqual([]);
  });

  it('refuses a date before the project start, after the exit, in the future, or not a date', () => {
    const before = dateOfEngagementIssues(head, '2026-03-01', TODAY);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ enrollmentId: head.enrollmentId, severity: 'error' });
    expect(before[0]!.message).toMatch(/before their project start/);
    const exited = { ...head, exitDate: '2026-05-01' };
    expect(dateOfEngagementIssues(exited, '2026-05-02', TODAY)[0]!.message).toMatch(
      /after their exit/,
    );
    expect(dateOfEngagementIssues(head, '2026-06-11', TODAY)[0]!.message).toMatch(/future/);
    expect(dateOfEngagementIssues(head, '2026-02-30', TODAY)[0]!.message).toMatch(/real date/);
  });

  it('the enrollment record accepts a date or null and refuses anything else', () => {
    const schema = RECORD_SCHEMAS.enrollment.shape.dateOfEngagement;
    expect(schema.safeParse('2026-03-05').success).toBe(true);
    expect(schema.safeParse(null).success).toBe(true);
    expect(schema.safeParse(undefined).success).toBe(true);
    expect(schema.safeParse('March 5').success).toBe(false);
  });
});

describe('W-ENG-3 — only changed dates are written, each on its own enrollment', () => {
  it('patches dateOfEngagement alone, and clears with null', () => {
    const recorded = { ...partner, dateOfEngagement: '2026-03-10' };
    const changes = buildEngagementChanges([head, recorded], {
      [head.enrollmentId]: '2026-03-05',
      [recorded.enrollmentId]: '',
    });
    expect(changes).toEqual([
      {
        type: 'enrollment',
        id: head.enrollmentId,
        op: 'patch',
        fields: { dateOfEngagement: '2026-03-05' },
      },
      {
        type: 'enrollment',
        id: recorded.enrollmentId,
        op: 'patch',
        fields: { dateOfEngagement: null },
      },
    ]);
  });

  it('writes nothing for an unchanged or untouched date', () => {
    const recorded = { ...head, dateOfEngagement: '2026-03-05' };
    expect(
      buildEngagementChanges([recorded, partner], { [head.enrollmentId]: '2026-03-05' }),
    ).toEqual([]);
  });
});

describe('W-HH-6 — 3.16 Enrollment CoC update for the head of household', () => {
  const provider = { cocCode: 'MN-500', cocCodes: ['MN-500', 'MN-502'] };

  it('offers the project’s CoCs and starts from the head’s current one', () => {
    const update = enrollmentCocUpdate(household, provider);
    expect(update.head?.enrollmentId).toBe(head.enrollmentId);
    expect(update.current).toBe('MN-500');
    expect(update.options).toEqual(['MN-500', 'MN-502']);
  });

  it('patches only the head’s enrollmentCoc, and nothing when unchanged', () => {
    const update = enrollmentCocUpdate(household, provider);
    expect(checkEnrollmentCocUpdate(update, 'MN-502')).toEqual({
      errors: [],
      changes: [
        {
          type: 'enrollment',
          id: head.enrollmentId,
          op: 'patch',
          fields: { enrollmentCoc: 'MN-502' },
        },
      ],
    });
    expect(checkEnrollmentCocUpdate(update, 'MN-500')).toEqual({ errors: [], changes: [] });
  });

  it('refuses a CoC that is not the project’s, a missing choice, and a household without one open head', () => {
    const update = enrollmentCocUpdate(household, provider);
    expect(checkEnrollmentCocUpdate(update, 'MN-503').errors[0]).toMatch(/MN-500, MN-502/);
    expect(checkEnrollmentCocUpdate(update, null).errors).toHaveLength(1);
    const headless = enrollmentCocUpdate([partner, child], provider);
    expect(headless.head).toBeNull();
    expect(checkEnrollmentCocUpdate(headless, 'MN-500').errors[0]).toMatch(/head of household/);
    const noCoc = enrollmentCocUpdate(household, { cocCode: null, cocCodes: [] });
    expect(checkEnrollmentCocUpdate(noCoc, 'MN-500').errors[0]).toMatch(/administrator/);
  });
});
