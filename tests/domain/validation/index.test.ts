import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKLIST_REGISTRY } from '../../../src/domain/forms';
import {
  hasErrors,
  validateAssessment,
  validateCurrentLivingSituation,
  validateEnrollment,
  validateExit,
} from '../../../src/domain/validation';
import { completeEntry } from '../forms/fixtures';
import { TODAY, assessment, cls, enrollment, exited, summary } from './fixtures';

describe('validateEnrollment', () => {
  it('combines the date and destination rules', () => {
    expect(validateEnrollment(exited(), { today: TODAY })).toEqual([]);
    expect(
      summary(
        validateEnrollment(exited({ exitDate: '2025-01-01', destination: 336 }), { today: TODAY }),
      ),
    ).toEqual(['error 3.11 exitDate', 'error 3.12.1 destination']);
  });
});

describe('validateCurrentLivingSituation', () => {
  it('checks the information date and the 4.12 dependent fields', () => {
    const e = enrollment();
    const record = cls({
      informationDate: '2024-12-31',
      currentLivingSituation: 116,
      leaveSituation14Days: 0,
      verifiedBy: 'CES',
    });
    expect(
      summary(
        validateCurrentLivingSituation(record, { enrollment: e, projectType: 6, today: TODAY }),
      ),
    ).toEqual([
      'error information-date informationDate',
      'error 4.12.B leaveSituation14Days',
      'error 4.12.3 verifiedBy',
    ]);
    expect(
      validateCurrentLivingSituation(cls(), { enrollment: e, projectType: 6, today: TODAY }),
    ).toEqual([]);
  });
});

describe('validateAssessment', () => {
  const e = enrollment();

  it('a complete, consistent entry assessment has no issues (with the form check too)', () => {
    const a = assessment({
      dataCollectionStage: 1,
      informationDate: e.projectStartDate,
      answers: completeEntry(),
    });
    expect(
      validateAssessment(a, {
        enrollment: e,
        today: TODAY,
        picklists: DEFAULT_PICKLIST_REGISTRY,
        formContext: { projectType: 6 },
      }),
    ).toEqual([]);
  });

  it('runs the answer rules: income conflicts, totals, dependent fields, 3.917', () => {
    const answers = {
      ...completeEntry(),
      totalMonthlyIncome: 1000,
      livingSituation: 207,
      lengthOfStay: 5,
      losUnderThreshold: 1,
      previousStreetESSH: 1,
    };
    const a = assessment({ dataCollectionStage: 1, informationDate: e.projectStartDate, answers });
    expect(summary(validateAssessment(a, { enrollment: e, today: TODAY }))).toEqual([
      'error 4.02.18 totalMonthlyIncome',
      'warning 3.917.2A losUnderThreshold',
    ]);
  });

  it('with picklists, form issues come first as rule "form:<code>"', () => {
    const a = assessment({
      dataCollectionStage: 1,
      informationDate: '2025-01-09',
      answers: { ...completeEntry(), earned: 0 },
    });
    const issues = validateAssessment(a, {
      enrollment: e,
      today: TODAY,
      picklists: DEFAULT_PICKLIST_REGISTRY,
    });
    expect(summary(issues)).toEqual([
      'error information-date informationDate',
      'error form:hidden earnedAmount',
      'error 4.02.amount earnedAmount',
    ]);
    expect(hasErrors(issues)).toBe(true);
  });

  it('allowIncomplete accepts a draft', () => {
    const a = assessment({
      dataCollectionStage: 1,
      informationDate: e.projectStartDate,
      answers: {},
    });
    expect(
      validateAssessment(a, {
        enrollment: e,
        today: TODAY,
        picklists: DEFAULT_PICKLIST_REGISTRY,
        allowIncomplete: true,
      }),
    ).toEqual([]);
  });
});

describe('validateExit', () => {
  it('compares the enrollment’s CLS on the exit date with the Destination', () => {
    const e = exited({ destination: 410 });
    const mismatch = cls({
      enrollmentId: e.id,
      informationDate: e.exitDate!,
      currentLivingSituation: 101,
    });
    const otherEnrollment = cls({ informationDate: e.exitDate!, currentLivingSituation: 410 });
    expect(summary(validateExit(e, [mismatch, otherEnrollment]))).toEqual([
      'error exit-cls-destination currentLivingSituation',
    ]);
    const match = cls({
      enrollmentId: e.id,
      informationDate: e.exitDate!,
      currentLivingSituation: 411,
    });
    expect(validateExit(e, [match])).toEqual([]);
    expect(hasErrors(validateExit(e, []))).toBe(false);
  });
});
