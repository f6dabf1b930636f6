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

/** The wall-clock year, month (1–12), day, hour (0–23), minute and second of `at` (ms) in `timeZone`. */
export function zonedParts(at: number, timeZone: string): ZonedParts {
  const n = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (p.type in n) n[p.type as keyof typeof n] = Number(p.value);
  }
  return n;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
