import { describe, expect, it } from 'vitest';
import { validateEnrollmentAssessments } from '../../../src/domain/validation';
import { assessment, enrollment, exited, summary } from './fixtures';

describe('5.03.1: at most one entry and one exit assessment per enrollment', () => {
  const e = exited();
  const at = (dataCollectionStage: number, informationDate: string) =>
    assessment({ enrollmentId: e.id, dataCollectionStage, informationDate });

  it('one entry, any number of updates and annuals, one exit: fine', () => {
    expect(
      validateEnrollmentAssessments(
        [at(1, '2025-01-10'), at(2, '2025-02-01'), at(2, '2025-03-01'), at(3, '2025-05-31')],
        e,
      ),
    ).toEqual([]);
  });

  it('two entry assessments: an error on each, with their dates', () => {
    const a = at(1, '2025-01-10');
    const b = at(1, '2025-01-12');
    const issues = validateEnrollmentAssessments([a, b], e).filter((i) => i.rule === '5.03.1');
    expect(issues.map((i) => i.recordId)).toEqual([a.id, b.id]);
    expect(issues[0]?.message).toBe(
      'This enrollment has 2 entry assessments (January 10, 2025 and January 12, 2025). An enrollment has only one entry assessment: keep one and make the others updates or remove them.',
    );
  });

  it('two exit assessments: an error on each', () => {
    const issues = validateEnrollmentAssessments([at(3, '2025-05-31'), at(3, '2025-05-31')], e);
    expect(summary(issues)).toEqual([
      'error 5.03.1 dataCollectionStage',
      'error 5.03.1 dataCollectionStage',
    ]);
  });

  it('only the given enrollment’s assessments count', () => {
    const other = assessment({ dataCollectionStage: 1, informationDate: '2025-01-10' });
    expect(validateEnrollmentAssessments([at(1, '2025-01-10'), other], e)).toEqual([]);
  });
});

describe('CSV-2026: entry dated on the project start, exit on the exit date', () => {
  it('warns when the entry assessment is not dated on the project start', () => {
    const e = enrollment();
    const issues = validateEnrollmentAssessments(
      [assessment({ enrollmentId: e.id, dataCollectionStage: 1, informationDate: '2025-01-12' })],
      e,
    );
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: '5.03.1-date',
        message:
          'The entry assessment is dated January 12, 2025; it should be dated on the project start date (January 10, 2025).',
      }),
    ]);
  });

  it('warns when the exit assessment is not dated on the exit date, or the client has not exited', () => {
    const e = exited();
    expect(
      summary(
        validateEnrollmentAssessments(
          [
            assessment({
              enrollmentId: e.id,
              dataCollectionStage: 3,
              informationDate: '2025-05-30',
            }),
          ],
          e,
        ),
      ),
    ).toEqual(['warning 5.03.1-date informationDate']);
    const open = enrollment();
    expect(
      validateEnrollmentAssessments(
        [
          assessment({
            enrollmentId: open.id,
            dataCollectionStage: 3,
            informationDate: '2025-05-30',
          }),
        ],
        open,
      )[0]?.message,
    ).toBe('There is an exit assessment but the client has not exited yet: add the exit date.');
  });
});

describe('annual assessment within 30 days of the project start anniversary', () => {
  const e = enrollment({ projectStartDate: '2023-03-15' });
  const annual = (informationDate: string) =>
    assessment({ enrollmentId: e.id, dataCollectionStage: 5, informationDate });

  it('30 days either side of an anniversary is fine', () => {
    for (const d of ['2024-02-14', '2024-03-15', '2024-04-14', '2025-03-01']) {
      expect(validateEnrollmentAssessments([annual(d)], e), d).toEqual([]);
    }
  });

  it('further away is a warning naming the anniversary', () => {
    expect(validateEnrollmentAssessments([annual('2024-04-15')], e)[0]?.message).toBe(
      'The annual assessment is dated April 15, 2024, 31 days from the anniversary of the project start (March 15, 2024). It should be within 30 days of it.',
    );
    expect(summary(validateEnrollmentAssessments([annual('2023-09-01')], e))).toEqual([
      'warning 5.03.1-annual informationDate',
    ]);
  });

  it('follows the head of household’s anniversary when given', () => {
    expect(
      validateEnrollmentAssessments([annual('2024-06-01')], e, { anniversaryFrom: '2023-06-01' }),
    ).toEqual([]);
  });

  it('a February 29 start has its anniversary on February 28 in other years', () => {
    const leap = enrollment({ projectStartDate: '2024-02-29' });
    const within = assessment({
      enrollmentId: leap.id,
      dataCollectionStage: 5,
      informationDate: '2025-03-30',
    });
    expect(validateEnrollmentAssessments([within], leap)).toEqual([]);
    const late = assessment({
      enrollmentId: leap.id,
      dataCollectionStage: 5,
      informationDate: '2025-03-31',
    });
    expect(validateEnrollmentAssessments([late], leap)[0]?.message).toMatch(
      /31 days from the anniversary of the project start \(February 28, 2025\)/,
    );
  });
});
