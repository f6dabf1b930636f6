// Date arithmetic on HMIS CSV dates (YYYY-MM-DD strings, compared as strings), pure and UTC.
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
export const NO_END = '9999-12-31';

/** The YYYY-MM-DD part of a date or datetime, or null when it is not one. */
export function dateOf(text: string | undefined): string | null {
  const m = DATE.exec(text ?? '');
  return m === null ? null : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whole years from `dob` to `on` (age at that date), or null when either is not a date. */
export function ageAt(dob: string | null, on: string | null): number | null {
  if (dob === null || on === null) return null;
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const epochDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Days from a to b (b − a). */
export const daysBetween = (a: string, b: string) => epochDay(b) - epochDay(a);

export function addDays(date: string, days: number): string {
  return new Date((epochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Whole calendar months from the month of a to the month of b. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}
