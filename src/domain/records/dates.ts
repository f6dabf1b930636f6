// Calendar dates are local dates in the CoC's time zone (HMIS dates carry no zone). Instants
// (when something happened or was recorded) are ISO 8601 UTC strings.
import { z } from 'zod';

export const DEFAULT_TIME_ZONE = 'America/Chicago';

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant in the given time zone. */
export function localDateOf(
  instant: Date | string,
  timeZone: string = DEFAULT_TIME_ZONE,
): LocalDate {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  // Building a formatter costs far more than using one, so keep one per zone. en-CA is YYYY-MM-DD.
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(date);
}

/** Local dates compare correctly as strings; these helpers say so by name. */
export function isBefore(a: LocalDate, b: LocalDate): boolean {
  return a < b;
}

export function isOnOrBefore(a: LocalDate, b: LocalDate): boolean {
  return a <= b;
}
