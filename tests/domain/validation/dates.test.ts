import { describe, expect, it } from 'vitest';
import { validateEnrollmentDates, validateInformationDate } from '../../../src/domain/validation';
import { TODAY, summary } from './fixtures';

const open = { projectStartDate: '2025-01-10', exitDate: null };
const closed = { projectStartDate: '2025-01-10', exitDate: '2025-05-31' };

describe('information dates inside the enrollment', () => {
  it('projectStartDate ≤ date ≤ today for an open enrollment (boundaries included)', () => {
    for (const date of ['2025-01-10', '2025-03-01', TODAY]) {
      expect(validateInformationDate(date, open, TODAY)).toEqual([]);
    }
  });

  it('a date before the project start is an error', () => {
    expect(validateInformationDate('2025-01-09', open, TODAY)).toEqual([
      {
        field: 'informationDate',
        rule: 'information-date',
        severity: 'error',
        message:
          "The date (January 9, 2025) is before the client's project start date (January 10, 2025).",
      },
    ]);
  });

  it('a date after the exit date is an error; the exit date itself is fine', () => {
    expect(validateInformationDate('2025-05-31', closed, TODAY)).toEqual([]);
    expect(validateInformationDate('2025-06-01', closed, TODAY)[0]?.message).toBe(
      "The date (June 1, 2025) is after the client's exit date (May 31, 2025).",
    );
  });

  it('a date in the future is an error (given today)', () => {
    expect(validateInformationDate('2025-06-16', open, TODAY)[0]?.message).toBe(
      'The date (June 16, 2025) is in the future.',
    );
  });

  it('names the field it was given', () => {
    expect(validateInformationDate('2024-01-01', open, TODAY, 'contactDate')[0]?.field).toBe(
      'contactDate',
    );
  });
});

describe('3.11: exit date not before project start', () => {
  it('an exit on or after the start is fine', () => {
    expect(validateEnrollmentDates(closed, TODAY)).toEqual([]);
    expect(
      validateEnrollmentDates({ projectStartDate: '2025-01-10', exitDate: '2025-01-10' }, TODAY),
    ).toEqual([]);
    expect(validateEnrollmentDates(open, TODAY)).toEqual([]);
  });

  it('an exit before the start is an error', () => {
    expect(
      validateEnrollmentDates({ projectStartDate: '2025-01-10', exitDate: '2025-01-09' }, TODAY),
    ).toEqual([
      {
        field: 'exitDate',
        rule: '3.11',
        severity: 'error',
        message:
          'The exit date (January 9, 2025) is before the project start date (January 10, 2025).',
      },
    ]);
  });

  it('3.10 / 3.11: neither date may be in the future', () => {
    expect(
      summary(
        validateEnrollmentDates({ projectStartDate: '2025-07-01', exitDate: '2025-07-02' }, TODAY),
      ),
    ).toEqual(['error 3.10 projectStartDate', 'error 3.11 exitDate']);
  });
});
