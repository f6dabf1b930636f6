// Calendar dates are local dates in the CoC's time zone (HMIS dates carry no zone). Instants
// (when something happened or was recorded) are ISO 8601 UTC strings.
// Conversions and arithmetic are clock/time.ts's; these are the schemas.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isLocalDate, localDateAt } from '../clock/time';

export { DEFAULT_TIME_ZONE };

const isRealDate = (value: string): boolean => isLocalDate(value);

const DATE_MESSAGE = 'Use a date in the form YYYY-MM-DD, for example 2026-03-02.';

export const localDateSchema = z
  .string({ error: DATE_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine(isRealDate, 'This date does not exist on the calendar.');

export type LocalDate = z.infer<typeof localDateSchema>;

export const instantSchema = z.iso.datetime({
  offset: true,
  error: 'Use a date and time in ISO 8601 form, for example 2026-04-10T16:30:00Z.',
});

export type Instant = z.infer<typeof instantSchema>;

/** The local calendar date of an instant in the given time zone (clock/time.ts localDateAt). */
export function localDateOf(
  instant: Date | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): LocalDate {
  return localDateAt(instant, timeZone);
}

/** Local dates compare correctly as strings; these helpers say so by name. */
export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return a < b;
}

export function isOnOrBefore(a: LocalDate, b: LocalDate): boolean {
  return a <= b;
}
