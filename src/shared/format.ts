// How dates, times and people are written on screen.
import { localDateOf } from '../domain/records';

/** "Mar 4, 2026" for a YYYY-MM-DD local date. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "Mar 4, 2026, 2:05 PM" for an instant (ms or ISO), in Minnesota time. */
export function formatDateTime(at: number | string | null | undefined): string {
  if (at === null || at === undefined) return '—';
  return new Date(at).toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'America/Chicago',
  });
}

/** Whole days from a local date to today (0 = today). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

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
