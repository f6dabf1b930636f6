// The contact's date and time: a local date and clock time in the CoC's time zone, turned into the
// instant the contact record stores (and back, for the form's defaults).
import { pad2, zonedParts } from '../clock/zoned';
import { DEFAULT_TIME_ZONE } from '../records';

/** A local date 'YYYY-MM-DD'. */
export const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** "HH:MM" of an instant in the CoC's time zone. */
export function localTimeOf(at: number | string | Date, timeZone = DEFAULT_TIME_ZONE): string {
  const date = at instanceof Date ? at : new Date(at);
  const z = zonedParts(date.getTime(), timeZone);
  return `${pad2(z.hour)}:${pad2(z.minute)}`;
}

function zoneOffsetMs(at: number, timeZone: string): number {
  const z = zonedParts(at, timeZone);
  const asUtc = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/**
 * The instant (ISO 8601, UTC) of a local date and time in the CoC's time zone; null when either is
 * not a real date / time.
 */
export function contactInstant(
  date: string,
  time: string,
  timeZone = DEFAULT_TIME_ZONE,
): string | null {
  const d = LOCAL_DATE.exec(date);
  const t = TIME.exec(time);
  if (d === null || t === null) return null;
  const [y, mo, day, h, mi] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as number[];
  if (h! > 23 || mi! > 59) return null;
  const guess = Date.UTC(y!, mo! - 1, day!, h!, mi!);
  const check = new Date(guess);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== day!) return null;
  let at = guess - zoneOffsetMs(guess, timeZone);
  const again = guess - zoneOffsetMs(at, timeZone);
  if (again !== at) at = again;
  return new Date(at).toISOString();
}
