// W-START-3 (Eva 84 "Incorrect DOB or Entry Date"): nobody is born after their project start.
// Checked wherever a date of birth or a project start date is entered: a quick-created member at
// project start, an existing client joining a household, and every Client Profile edit (against
// the project start of each of the client's enrollments on this device).
import { formatDate } from '../validation';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The message when the DOB is after the project start date; null when fine or not comparable. */
export function dobAfterStartMessage(
  dob: string | null | undefined,
  projectStartDate: string | null | undefined,
  name = 'the client',
): string | null {
  if (!dob || !projectStartDate || !DATE.test(dob) || !DATE.test(projectStartDate)) return null;
  if (dob <= projectStartDate) return null;
  return `The date of birth of ${name} (${formatDate(dob)}) is after the project start date (${formatDate(projectStartDate)}). Correct the date of birth, or the project start date of that enrollment.`;
}

/**
 * The profile edit's check: the DOB against the earliest project start among the client's
 * enrollments (the one it contradicts first), or null.
 */
export function dobAfterEnrollmentsMessage(
  dob: string | null | undefined,
  projectStartDates: readonly (string | null | undefined)[],
): string | null {
  const starts = projectStartDates.filter(
    (d): d is string => typeof d === 'string' && DATE.test(d),
  );
  if (starts.length === 0) return null;
  const earliest = starts.reduce((a, b) => (b < a ? b : a));
  if (!dob || !DATE.test(dob) || dob <= earliest) return null;
  return `The date of birth (${formatDate(dob)}) cannot be after the project start date of an enrollment of this client (${formatDate(earliest)}). Check the date of birth.`;
}
