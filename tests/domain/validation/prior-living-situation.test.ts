import { describe, expect, it } from 'vitest';
import {
  expectedLosUnderThreshold,
  validatePriorLivingSituation,
} from '../../../src/domain/validation';
import { summary } from './fixtures';

describe('3.917.2A LOSUnderThreshold agrees with 3.917.2 length of stay', () => {
  it('institutions: under 90 days is 10, 11, 2, 3', () => {
    expect([10, 11, 2, 3, 4, 5].map((los) => expectedLosUnderThreshold(207, los))).toEqual([
      1, 1, 1, 1, 0, 0,
    ]);
  });

  it('temporary, permanent and 8/9/99 situations: under 7 nights is 10, 11', () => {
    for (const pls of [302, 410, 99]) {
      expect([10, 11, 2, 3, 4, 5].map((los) => expectedLosUnderThreshold(pls, los))).toEqual([
        1, 1, 0, 0, 0, 0,
      ]);
    }
  });

  it('cannot be told for homeless situations or an unknown length of stay', () => {
    expect(expectedLosUnderThreshold(116, 10)).toBeNull();
    expect(expectedLosUnderThreshold(207, 8)).toBeNull();
    expect(expectedLosUnderThreshold(null, 10)).toBeNull();
  });

  it('a contradicting answer is a warning', () => {
    expect(
      validatePriorLivingSituation({ livingSituation: 207, lengthOfStay: 5, losUnderThreshold: 1 }),
    ).toEqual([
      {
        field: 'losUnderThreshold',
        rule: '3.917.2A',
        severity: 'warning',
        message:
          'The length of stay ("One year or longer") means the stay was not under 90 days, but the answer to “was the stay short” is Yes. Check both answers.',
      },
    ]);
    expect(
      summary(
        validatePriorLivingSituation({
          livingSituation: 314,
          lengthOfStay: 11,
          losUnderThreshold: 0,
        }),
      ),
    ).toEqual(['warning 3.917.2A losUnderThreshold']);
    expect(
      validatePriorLivingSituation({
        livingSituation: 314,
        lengthOfStay: 11,
        losUnderThreshold: 1,
      }),
    ).toEqual([]);
    expect(
      validatePriorLivingSituation({
        livingSituation: 314,
        lengthOfStay: 11,
        losUnderThreshold: 99,
      }),
    ).toEqual([]);
  });
});

describe('3.917.3 homelessness start date not after the project start', () => {
  it('a later date is a warning (Eva "Homelessness Start Date Later Than Entry")', () => {
    expect(
      summary(validatePriorLivingSituation({ dateToStreetESSH: '2025-01-11' }, '2025-01-10')),
    ).toEqual(['warning 3.917.3 dateToStreetESSH']);
    expect(validatePriorLivingSituation({ dateToStreetESSH: '2025-01-10' }, '2025-01-10')).toEqual(
      [],
    );
    expect(validatePriorLivingSituation({ dateToStreetESSH: '2025-01-11' })).toEqual([]);
  });
});
