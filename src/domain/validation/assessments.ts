// 5.03.1 Data collection stages of one enrollment's assessments (CSV-2026 "Enrollment Files"):
//  - at most one entry (stage 1) and one exit (stage 3) assessment per enrollment (updates and
//    annual assessments may repeat);
//  - the entry assessment's information date should equal the project start date and the exit
//    assessment's the exit date (CSV-2026 "should": warnings);
//  - an exit assessment belongs to an exited enrollment (warning: the exit date may come next);
//  - an annual assessment is due within 30 days of an anniversary of the project start (warning).
//    HUD assesses every member on the head of household's anniversary: pass its start date as
//    `anniversaryFrom` for other members.
import { addDays, daysBetween } from '../clock/time';
import { STAGE_ANNUAL, STAGE_ENTRY, STAGE_EXIT } from '../codes';
import type { Assessment, Enrollment } from '../records';
import { RULES, errorIssue, formatDate, warningIssue } from './types';
import type { LocalDateString, ValidationIssue } from './types';
import { andList } from './words';

export type AssessmentStageInfo = Pick<
  Assessment,
  'id' | 'enrollmentId' | 'dataCollectionStage' | 'informationDate'
>;

export interface EnrollmentAssessmentsOptions {
  /** The start date whose anniversaries annual assessments follow (the HoH's); default: this enrollment's. */
  readonly anniversaryFrom?: LocalDateString;
}

/** HUD: an annual assessment is no more than 30 days before or after the anniversary. */
export const ANNUAL_WINDOW_DAYS = 30;

/** The local date `days` days after `date` (before, when negative): clock/time.ts. */
export { addDays };

/** The anniversary of `start` in `year` (Feb 29 falls on Feb 28 in other years). */
export function anniversary(start: LocalDateString, year: number): LocalDateString {
  const [, m, d] = start.split('-').map(Number) as [number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The anniversary of start (the first one at the earliest) nearest to date, and how many days away it is. */
function nearestAnniversary(
  start: LocalDateString,
  date: LocalDateString,
): { days: number; nearest: LocalDateString } {
  const year = Number(date.slice(0, 4));
  const firstYear = Number(start.slice(0, 4)) + 1;
  let nearest = anniversary(start, Math.max(firstYear, year - 1));
  for (const y of [year, year + 1]) {
    if (y < firstYear) continue;
    const c = anniversary(start, y);
    if (Math.abs(daysBetween(date, c)) < Math.abs(daysBetween(date, nearest))) nearest = c;
  }
  return { days: Math.abs(daysBetween(date, nearest)), nearest };
}

const ONCE_PER_ENROLLMENT = [
  { stage: STAGE_ENTRY, noun: 'entry' },
  { stage: STAGE_EXIT, noun: 'exit' },
] as const;

export function validateEnrollmentAssessments(
  assessments: readonly AssessmentStageInfo[],
  enrollment: Pick<Enrollment, 'id' | 'projectStartDate' | 'exitDate'>,
  options: EnrollmentAssessmentsOptions = {},
): ValidationIssue[] {
  const mine = assessments.filter((a) => a.enrollmentId === enrollment.id);
  const issues: ValidationIssue[] = [];

  for (const { stage, noun } of ONCE_PER_ENROLLMENT) {
    const atStage = mine.filter((a) => a.dataCollectionStage === stage);
    if (atStage.length > 1) {
      const dates = andList(atStage.map((a) => formatDate(a.informationDate)));
      for (const a of atStage) {
        issues.push(
          errorIssue(
            'dataCollectionStage',
            RULES.oneEntryOneExit,
            `This enrollment has ${atStage.length} ${noun} assessments (${dates}). An enrollment has only one ${noun} assessment: keep one and make the others updates or remove them.`,
            a.id,
          ),
        );
      }
    }
  }

  for (const a of mine) {
    if (
      a.dataCollectionStage === STAGE_ENTRY &&
      a.informationDate !== enrollment.projectStartDate
    ) {
      issues.push(
        warningIssue(
          'informationDate',
          RULES.stageInformationDate,
          `The entry assessment is dated ${formatDate(a.informationDate)}; it should be dated on the project start date (${formatDate(enrollment.projectStartDate)}).`,
          a.id,
        ),
      );
    }
    if (a.dataCollectionStage === STAGE_EXIT) {
      if (enrollment.exitDate === null) {
        issues.push(
          warningIssue(
            'dataCollectionStage',
            RULES.stageInformationDate,
            'There is an exit assessment but the client has not exited yet: add the exit date.',
            a.id,
          ),
        );
      } else if (a.informationDate !== enrollment.exitDate) {
        issues.push(
          warningIssue(
            'informationDate',
            RULES.stageInformationDate,
            `The exit assessment is dated ${formatDate(a.informationDate)}; it should be dated on the exit date (${formatDate(enrollment.exitDate)}).`,
            a.id,
          ),
        );
      }
    }
    if (a.dataCollectionStage === STAGE_ANNUAL) {
      const from = options.anniversaryFrom ?? enrollment.projectStartDate;
      const { days, nearest } = nearestAnniversary(from, a.informationDate);
      if (days > ANNUAL_WINDOW_DAYS) {
        issues.push(
          warningIssue(
            'informationDate',
            RULES.annualAssessmentWindow,
            `The annual assessment is dated ${formatDate(a.informationDate)}, ${days} days from the anniversary of the project start (${formatDate(nearest)}). It should be within ${ANNUAL_WINDOW_DAYS} days of it.`,
            a.id,
          ),
        );
      }
    }
  }
  return issues;
}
