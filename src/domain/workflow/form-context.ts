// Who an assessment is about, as the forms need it (FormContext): the provider's project type,
// whether the client is the head of household (3.15 = 1, Self) and whether they are an adult on the
// assessment's date, and today (for dates that may not be in the future). One rule for every
// workflow: the Entry (project start, backfill, caseload), the contact's interim Update, the Exit.
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { FormContext } from '../forms';
import { localDateSchema } from '../records';

/** HUD adults are 18 or older. */
export const ADULT_AGE = 18;

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && localDateSchema.safeParse(value).success;

/**
 * Whole years from a date of birth to a date (both 'YYYY-MM-DD'); null when either is not a real
 * calendar date.
 */
export function ageOn(dob: unknown, date: string): number | null {
  if (!isDate(dob) || !isDate(date)) return null;
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Whether the client is an adult (18 or older) on the date. A date of birth that is not recorded
 * (or not a real date), or a date that is not one, counts as adult: no question asked of adults is
 * skipped for lack of a birthday.
 */
export function isAdultOn(dob: unknown, date: string): boolean {
  const age = ageOn(dob, date);
  return age === null || age >= ADULT_AGE;
}

/** The facts an assessment's subject is decided from. */
export interface AssessmentSubjectInput {
  /** 3.15 RelationshipToHoH of the enrollment (1 = head of household). */
  readonly relationshipToHoH: unknown;
  /** 3.03 date of birth; null / undefined / not a date: unknown. */
  readonly dob: unknown;
  /** The assessment's date ('YYYY-MM-DD'): project start, the contact, the exit. */
  readonly on: string;
}

/** FormContext.subject: head of household by 3.15, adult by the date of birth on `on`. */
export function assessmentSubject(
  input: AssessmentSubjectInput,
): NonNullable<FormContext['subject']> {
  return {
    isHeadOfHousehold: input.relationshipToHoH === HEAD_OF_HOUSEHOLD,
    isAdult: isAdultOn(input.dob, input.on),
  };
}

/** The form context of an assessment of one enrollment on one date. */
export function assessmentFormContext(
  input: AssessmentSubjectInput & {
    /** HUD 2.02.6 ProjectType of the enrollment's project; null / undefined when unknown. */
    readonly projectType: number | null | undefined;
    /** Today's local date. */
    readonly today: string;
  },
): FormContext {
  return {
    projectType: input.projectType ?? null,
    subject: assessmentSubject(input),
    today: input.today,
  };
}
