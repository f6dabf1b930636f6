// Who an assessment is about: one rule for the Entry, the contact's Update and the Exit.
import { describe, expect, it } from 'vitest';
import {
  ADULT_AGE,
  ageOn,
  assessmentFormContext,
  assessmentSubject,
  isAdultOn,
} from '../../../src/domain/workflow/form-context';

const TODAY = '2026-03-10';

describe('ageOn', () => {
  it('counts whole years to the date, the birthday included', () => {
    expect(ageOn('2008-03-10', '2026-03-09')).toBe(17);
    expect(ageOn('2008-03-10', '2026-03-10')).toBe(18);
    expect(ageOn('2008-03-10', '2026-03-11')).toBe(18);
    expect(ageOn('2008-12-31', '2026-03-10')).toBe(17);
    expect(ageOn('2008-01-01', '2026-12-31')).toBe(18);
  });

  it('handles a leap-day birthday: 18 on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('is null when the date of birth or the date is not a real calendar date', () => {
    expect(ageOn(null, TODAY)).toBeNull();
    expect(ageOn(undefined, TODAY)).toBeNull();
    expect(ageOn('', TODAY)).toBeNull();
    expect(ageOn('not a date', TODAY)).toBeNull();
    expect(ageOn('2008-3-10', TODAY)).toBeNull();
    expect(ageOn('2008-02-30', TODAY)).toBeNull();
    expect(ageOn(20080310, TODAY)).toBeNull();
    expect(ageOn('2008-03-10', '')).toBeNull();
    expect(ageOn('2008-03-10', '2026-13-01')).toBeNull();
  });
});

describe('isAdultOn', () => {
  it('is 18 or older on the date', () => {
    expect(ADULT_AGE).toBe(18);
    expect(isAdultOn('2008-03-11', TODAY)).toBe(false);
    expect(isAdultOn('2008-03-10', TODAY)).toBe(true);
    expect(isAdultOn('1990-01-01', TODAY)).toBe(true);
    expect(isAdultOn('2018-06-01', TODAY)).toBe(false);
  });

  it('counts an unknown date of birth (or date) as adult, so no adult question is skipped', () => {
    expect(isAdultOn(null, TODAY)).toBe(true);
    expect(isAdultOn(undefined, TODAY)).toBe(true);
    expect(isAdultOn('not a date', TODAY)).toBe(true);
    expect(isAdultOn('2018-02-30', TODAY)).toBe(true);
    expect(isAdultOn('2018-06-01', '')).toBe(true);
  });
});

describe('assessmentSubject', () => {
  it('is the head of household only for 3.15 = 1 (Self)', () => {
    const on = TODAY;
    expect(assessmentSubject({ relationshipToHoH: 1, dob: null, on }).isHeadOfHousehold).toBe(true);
    for (const relationshipToHoH of [2, 3, 4, 5, 99, null, undefined, '1']) {
      expect(assessmentSubject({ relationshipToHoH, dob: null, on }).isHeadOfHousehold).toBe(false);
    }
  });

  it('is an adult by the date of birth on the assessment date', () => {
    expect(assessmentSubject({ relationshipToHoH: 2, dob: '2010-03-11', on: TODAY })).toEqual({
      isHeadOfHousehold: false,
      isAdult: false,
    });
    expect(
      assessmentSubject({ relationshipToHoH: 2, dob: '2008-03-10', on: '2026-03-10' }).isAdult,
    ).toBe(true);
    expect(
      assessmentSubject({ relationshipToHoH: 2, dob: '2008-03-10', on: '2026-03-09' }).isAdult,
    ).toBe(false);
  });
});

describe('assessmentFormContext', () => {
  it('is the project type, the subject on the date, and today', () => {
    expect(
      assessmentFormContext({
        relationshipToHoH: 1,
        dob: '1990-01-01',
        on: '2026-03-02',
        projectType: 6,
        today: TODAY,
      }),
    ).toEqual({
      projectType: 6,
      subject: { isHeadOfHousehold: true, isAdult: true },
      today: TODAY,
    });
  });

  it('decides the age on `on`, not today', () => {
    const context = (on: string) =>
      assessmentFormContext({
        relationshipToHoH: 2,
        dob: '2008-03-05',
        on,
        projectType: 4,
        today: TODAY,
      });
    expect(context('2026-03-02').subject).toEqual({ isHeadOfHousehold: false, isAdult: false });
    expect(context(TODAY).subject).toEqual({ isHeadOfHousehold: false, isAdult: true });
  });

  it('an unknown project type is null; an unknown date of birth an adult', () => {
    for (const projectType of [null, undefined]) {
      expect(
        assessmentFormContext({
          relationshipToHoH: null,
          dob: null,
          on: TODAY,
          projectType,
          today: TODAY,
        }),
      ).toEqual({
        projectType: null,
        subject: { isHeadOfHousehold: false, isAdult: true },
        today: TODAY,
      });
    }
  });
});
