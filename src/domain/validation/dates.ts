// Dates of an enrollment and of the records inside it. All dates are local 'YYYY-MM-DD' dates in
// the CoC's time zone, so they compare as strings; `today` is the caller's local date
// (records/dates.ts localDateOf(new Date())).
//  - 3.10 / 3.11: the exit date is not before the project start; neither is in the future.
//  - Information dates (assessments, current living situations) fall inside the enrollment:
//    projectStartDate ≤ date ≤ exitDate (when exited), and not after today (CSV-2026: "entry date ≤
//    date ≤ min(today, exit date)").
import type { Enrollment } from '../records';
import { RULES, errorIssue, formatDate } from './types';
import type { LocalDateString, ValidationIssue } from './types';

export type EnrollmentDates = Pick<Enrollment, 'projectStartDate' | 'exitDate'>;

/** 3.10 / 3.11: project start and exit dates of one enrollment. */
export function validateEnrollmentDates(
  enrollment: EnrollmentDates,
  today: LocalDateString,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { projectStartDate: start, exitDate: exit } = enrollment;
  if (start > today) {
    issues.push(
      errorIssue(
        'projectStartDate',
        RULES.projectStartDate,
        `The project start date (${formatDate(start)}) is in the future. Use the date the client started working with the program.`,
      ),
    );
  }
  if (exit !== null) {
    if (exit < start) {
      issues.push(
        errorIssue(
          'exitDate',
          RULES.exitDate,
          `The exit date (${formatDate(exit)}) is before the project start date (${formatDate(start)}).`,
        ),
      );
    }
    if (exit > today) {
      issues.push(
        errorIssue(
          'exitDate',
          RULES.exitDate,
          `The exit date (${formatDate(exit)}) is in the future. Record the exit on or after the day the client leaves.`,
        ),
      );
    }
  }
  return issues;
}

/**
 * An information date (of an assessment, a current living situation, a contact) must fall inside
 * the enrollment and not in the future.
 */
export function validateInformationDate(
  date: LocalDateString,
  enrollment: EnrollmentDates,
  today: LocalDateString,
  field = 'informationDate',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (date < enrollment.projectStartDate) {
    issues.push(
      errorIssue(
        field,
        RULES.informationDate,
        `The date (${formatDate(date)}) is before the client's project start date (${formatDate(enrollment.projectStartDate)}).`,
      ),
    );
  }
  if (enrollment.exitDate !== null && date > enrollment.exitDate) {
    issues.push(
      errorIssue(
        field,
        RULES.informationDate,
        `The date (${formatDate(date)}) is after the client's exit date (${formatDate(enrollment.exitDate)}).`,
      ),
    );
  }
  if (date > today) {
    issues.push(
      errorIssue(field, RULES.informationDate, `The date (${formatDate(date)}) is in the future.`),
    );
  }
  return issues;
}
