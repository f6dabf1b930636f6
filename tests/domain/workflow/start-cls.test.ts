// 4.12 at a member's start (W-START-2) and 3.16 Enrollment CoC choices (W-START-1, Eva 27).
import { describe, expect, it } from 'vitest';
import {
  defaultEnrollmentCoc,
  effectiveEnrollmentCoc,
  enrollmentCocIssues,
  enrollmentCocOptions,
} from '../../../src/domain/workflow/enrollment-coc';
import {
  asksStartCls,
  emptyStartCls,
  startClsQuestions,
  startClsValues,
  updateStartCls,
} from '../../../src/domain/workflow/start-cls';

describe('W-START-1 Enrollment CoC options', () => {
  it('lists the project CoCs once, the provider cocCode first, ignoring malformed codes', () => {
    expect(enrollmentCocOptions({ cocCode: 'MN-500', cocCodes: ['MN-500', 'MN-501'] })).toEqual([
      'MN-500',
      'MN-501',
    ]);
    expect(enrollmentCocOptions({ cocCode: 'MN-503' })).toEqual(['MN-503']);
    expect(enrollmentCocOptions({ cocCode: null, cocCodes: ['mn500'] })).toEqual([]);
    expect(defaultEnrollmentCoc({ cocCodes: ['MN-501', 'MN-500'] })).toBe('MN-501');
    expect(defaultEnrollmentCoc({})).toBeNull();
  });

  it('keeps a valid choice, falls back to the first CoC, and warns when there is none', () => {
    expect(effectiveEnrollmentCoc('MN-501', ['MN-500', 'MN-501'])).toBe('MN-501');
    expect(effectiveEnrollmentCoc(null, ['MN-500', 'MN-501'])).toBe('MN-500');
    expect(effectiveEnrollmentCoc('MN-501', [])).toBeNull();
    expect(enrollmentCocIssues(null, ['MN-500'])).toEqual([]);
    expect(enrollmentCocIssues(null, [])).toEqual([
      { severity: 'warning', message: expect.stringMatching(/export needs it \(Eva 27\)/) },
    ]);
  });
});

describe('W-START-2 Current Living Situation at the start', () => {
  it('is asked of the head of household and adults (unknown age counts as adult)', () => {
    expect(asksStartCls({ relationshipToHoH: 1, dob: '2012-01-01' }, '2026-03-02')).toBe(true);
    expect(asksStartCls({ relationshipToHoH: 3, dob: '1990-01-01' }, '2026-03-02')).toBe(true);
    expect(asksStartCls({ relationshipToHoH: 2, dob: '2012-01-01' }, '2026-03-02')).toBe(false);
    expect(asksStartCls({ relationshipToHoH: 2, dob: null }, '2026-03-02')).toBe(true);
  });

  it('uses the contact’s 4.12 rules: dependent answers dropped when they no longer apply', () => {
    let cls = updateStartCls(emptyStartCls(), { currentLivingSituation: 302 }, 6);
    expect(startClsQuestions(cls, 6)).toMatchObject({
      leaveSituation14Days: true,
      followUps: false,
    });
    cls = updateStartCls(cls, { leaveSituation14Days: 1, subsequentResidence: 0 }, 6);
    expect(startClsQuestions(cls, 6).followUps).toBe(true);
    cls = updateStartCls(cls, { currentLivingSituation: 116 }, 6);
    expect(cls).toMatchObject({ leaveSituation14Days: null, subsequentResidence: null });
    expect(startClsValues(emptyStartCls(), 6)).toBeNull();
  });
});
