// Wall-clock parts of an instant in a time zone (the CoC's, America/Chicago by default where
// callers choose it), through Intl with one cached formatter per zone. The one place the domain
// asks Intl for zoned parts: HMIS CSV datetimes, contact times and change summaries use it.

export interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Time zone offsets change only at transitions, and every zone's transitions fall on a quarter
 * hour (UTC), so the offset found for one instant holds for its whole 15-minute slot: a county
 * export formats hundreds of thousands of datetimes, and Intl's formatToParts is the slow part.
 */
const SLOT_MS = 15 * 60 * 1000;
const MAX_CACHED_SLOTS = 50_000;
const offsets = new Map<string, Map<number, number>>();

function offsetAt(at: number, timeZone: string): number {
  let slots = offsets.get(timeZone);
  if (slots === undefined) {
    slots = new Map();
    offsets.set(timeZone, slots);
  }
  const slot = Math.floor(at / SLOT_MS);
  let offset = slots.get(slot);
  if (offset === undefined) {
    const start = slot * SLOT_MS;
    const n = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const p of formatterFor(timeZone).formatToParts(new Date(start))) {
      if (p.type in n) n[p.type as keyof typeof n] = Number(p.value);
    }
    offset = Date.UTC(n.year, n.month - 1, n.day, n.hour, n.minute, n.second) - start;
    if (slots.size >= MAX_CACHED_SLOTS) slots.clear();
    slots.set(slot, offset);
  }
  return offset;
}

/** The wall-clock year, month (1–12), day, hour (0–23), minute and second of `at` (ms) in `timeZone`. */
export function zonedParts(at: number, timeZone: string): ZonedParts {
  const local = new Date(at + offsetAt(at, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

const HALF_DAY_MS = 12 * 3600 * 1000;

/**
 * The instant (ms) of a wall-clock time in `timeZone`, the bulk path of clock/time.ts
 * instantOfLocal (same answers, from the cached offsets): a time in a spring-forward gap moves
 * forward by the gap (the offset from before the change applies); a time in a fall-back fold is
 * the first of the two. Zones change offset at most once within 12 hours either side.
 */
export function wallClockMillis(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = offsetAt(wall - HALF_DAY_MS, timeZone);
  const after = offsetAt(wall + HALF_DAY_MS, timeZone);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const fits = (at: number, offset: number) => offsetAt(at, timeZone) === offset;
  const earlyFits = fits(early, before);
  const lateFits = fits(late, after);
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early; // in the gap: the offset from before the change, which lands after the gap
}
