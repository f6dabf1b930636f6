// How dates, times and people are written on screen.
// Every conversion is src/domain/clock/time.ts's; this file only names them for the screens.
import { daysBetween, formatInstant, formatLocalDate } from '../domain/clock/time';
import { localDateOf } from '../domain/records';

/** "Mar 4, 2026" for a YYYY-MM-DD local date. */
export const formatDate = (date: string | null | undefined): string => formatLocalDate(date);

/** "Mar 4, 2026, 2:05 PM" for an instant (ms or ISO), in the CoC's time zone. */
export const formatDateTime = (at: number | string | null | undefined): string => formatInstant(at);

/** Whole calendar days from one local date to another (0 = the same day). */
export { daysBetween };

/** "just now", "5 minutes ago", "3 hours ago", "2 days ago". */
export function ago(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} days ago`;
}

/** A person's name as a case manager reads it: "Robin Testperson", or a placeholder. */
export function personName(
  person: { firstName?: unknown; lastName?: unknown } | Record<string, unknown> | null | undefined,
): string {
  const first = typeof person?.firstName === 'string' ? person.firstName : '';
  const last = typeof person?.lastName === 'string' ? person.lastName : '';
  const name = `${first} ${last}`.trim();
  return name || 'Name not recorded';
}

export function todayIn(now: number): string {
  return localDateOf(new Date(now));
}
