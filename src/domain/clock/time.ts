// The one date and time module (issue 12), on date-fns and @date-fns/tz: local dates
// ('YYYY-MM-DD', a day in the CoC's calendar, with no time or zone), instants (UTC milliseconds or
// ISO 8601) and the CoC's time zone between them (America/Chicago unless configured: the server's
// HMIS_TIME_ZONE, a caller's `timeZone`). Every screen, workflow rule and export that turns one
// into the other, counts days or years, or writes a date for people goes through here.
//
// Wall-clock times that do not exist or exist twice (daylight saving time):
//  - In the spring-forward gap (America/Chicago, the second Sunday of March, 2:00 to 2:59 does not
//    happen) a typed time is moved forward by the length of the gap: 2:30 becomes 3:30 CDT, the
//    instant a clock that was not changed would have shown 2:30. A contact typed as 2:30 that
//    night is stored as 08:30 UTC and shown back as 3:30. (Temporal calls this 'compatible'.)
//  - In the fall-back fold (the first Sunday of November, 1:00 to 1:59 happens twice) a typed time
//    is the first of the two, in daylight time (1:30 CDT, 06:30 UTC).
// Local dates never meet either: day and year arithmetic is date-fns's calendar arithmetic on
// local midnights, which counts calendar days (not 24-hour spans) whatever the zone of the
// machine that runs it.
//
// Speed: a TZDate conversion costs about 22 µs, Intl with a cached formatter about 3 µs. Screens
// and workflow rules convert a few values at a time and use TZDate (instantOfLocal). The bulk
// paths that convert hundreds of thousands of HMIS datetimes (the export's formatting, the
// import's parsing) use zoned.ts's cached offsets, which give the same instants (a test pins it).
import { TZDate } from '@date-fns/tz';
import {
  addDays as addDaysTo,
  addMonths as addMonthsTo,
  differenceInCalendarDays,
  differenceInYears,
  format,
} from 'date-fns';
import { pad2, zonedParts } from './zoned';

/** The CoC's time zone where none is configured (Hennepin County, Minnesota). */
export const DEFAULT_TIME_ZONE = 'America/Chicago';

/** A local date, 'YYYY-MM-DD'. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True for a real calendar date written 'YYYY-MM-DD' (not 2026-02-30). */
export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = LOCAL_DATE.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
}

/** The local date as this machine's local midnight, for date-fns's calendar arithmetic. */
function dayOf(date: LocalDate): Date {
  const m = LOCAL_DATE.exec(date);
  if (m === null) throw new RangeError(`Not a local date: ${date}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function toMillis(instant: number | string | Date): number {
  return instant instanceof Date
    ? instant.getTime()
    : typeof instant === 'number'
      ? instant
      : Date.parse(instant);
}

/** The local date of an instant in the zone. */
export function localDateAt(
  instant: number | string | Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): LocalDate {
  const z = zonedParts(toMillis(instant), timeZone);
  return `${z.year}-${pad2(z.month)}-${pad2(z.day)}`;
}

/** 'HH:mm' of an instant in the zone. */
export function localTimeAt(
  instant: number | string | Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const z = zonedParts(toMillis(instant), timeZone);
  return `${pad2(z.hour)}:${pad2(z.minute)}`;
}

/**
 * The instant (UTC milliseconds) of a wall-clock date and time ('HH:mm' or 'HH:mm:ss') in the
 * zone; null when either is not real. A time in the spring-forward gap moves forward by the gap,
 * a time in the fall-back fold is the first of the two (see the header).
 */
export function instantOfLocal(
  date: LocalDate,
  time: string,
  timeZone: string = DEFAULT_TIME_ZONE,
): number | null {
  if (!isLocalDate(date)) return null;
  const t = LOCAL_TIME.exec(time);
  if (t === null) return null;
  const [h, mi, s] = [Number(t[1]), Number(t[2]), Number(t[3] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return null;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(y, mo - 1, d, h, mi, s, timeZone).getTime();
}

/** Whole calendar days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(dayOf(to), dayOf(from));
}

/** The local date `days` after (or before, when negative) a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return format(addDaysTo(dayOf(date), days), 'yyyy-MM-dd');
}

/** The local date `months` after a local date; the 31st of a shorter month is its last day. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  return format(addMonthsTo(dayOf(date), months), 'yyyy-MM-dd');
}

/**
 * Age in whole years on a date: a birthday counts on the day, one on 29 February on 1 March in
 * other years; negative when the date is before the birth; null when either is not a real date.
 */
export function ageOn(dob: unknown, on: unknown): number | null {
  if (!isLocalDate(dob) || !isLocalDate(on)) return null;
  // Before the birth, counted the same way backwards: -1 in the year before it, and so on.
  if (on < dob) return -differenceInYears(dayOf(dob), dayOf(on)) - 1;
  return differenceInYears(dayOf(on), dayOf(dob));
}

/** "Mar 4, 2026" for a local date ('—' for none; the text itself when it is not a date). */
export function formatLocalDate(date: LocalDate | null | undefined): string {
  if (!date) return '—';
  if (!isLocalDate(date)) return date;
  return format(dayOf(date), 'MMM d, yyyy');
}

/** "Mar 4, 2026, 2:05 PM" for an instant in the zone ('—' for none). */
export function formatInstant(
  instant: number | string | Date | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  if (instant === null || instant === undefined) return '—';
  const at = toMillis(instant);
  if (Number.isNaN(at)) return String(instant);
  return format(new TZDate(at, timeZone), 'MMM d, yyyy, h:mm a');
}
