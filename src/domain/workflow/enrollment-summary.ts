// What the enrollment screen says about an enrollment at a glance: its status (active, or exited
// with Destination and reason), the household in a stable order, the last contact and how long
// ago it was, the latest Current Living Situation, the active case managers, and the words for
// codes (relationship, project type, funder). Pure: the screen formats dates and lays it out.
import { daysBetween } from '../clock/time';
import { getList, labelOf } from '../codes';
import { EXIT_REASON_LABELS, localDateOf, type ExitReason } from '../records';
import { isActiveOn } from './case-managers';

type Fields = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

// ---- status ----------------------------------------------------------------------------------

export type EnrollmentStatus =
  | { readonly kind: 'active'; readonly since: string | null }
  | {
      readonly kind: 'exited';
      readonly since: string | null;
      readonly on: string;
      readonly destination: number | null;
      /** HUD 3.12.1 label, or null when no Destination is recorded. */
      readonly destinationLabel: string | null;
      readonly exitReason: string | null;
      readonly exitReasonLabel: string | null;
    };

export function exitReasonLabel(reason: unknown): string | null {
  return typeof reason === 'string' && Object.hasOwn(EXIT_REASON_LABELS, reason)
    ? EXIT_REASON_LABELS[reason as ExitReason]
    : null;
}

export function destinationLabel(code: unknown): string | null {
  return typeof code === 'number' ? (labelOf(getList('3.12.1'), code) ?? null) : null;
}

/** Active since the project start, or exited on the exit date (with Destination and reason). */
export function enrollmentStatus(enrollment: Fields): EnrollmentStatus {
  const since = str(enrollment.projectStartDate);
  const exitDate = str(enrollment.exitDate);
  if (exitDate === null) return { kind: 'active', since };
  const destination = num(enrollment.destination);
  const reason = str(enrollment.exitReason);
  return {
    kind: 'exited',
    since,
    on: exitDate,
    destination,
    destinationLabel: destinationLabel(destination),
    exitReason: reason,
    exitReasonLabel: exitReasonLabel(reason),
  };
}

/** "Active since Mar 4, 2026" / "Exited on Mar 9, 2026" (dates written by `formatDate`). */
export function statusText(
  status: EnrollmentStatus,
  formatDate: (date: string) => string = (d) => d,
): string {
  if (status.kind === 'exited') return `Exited on ${formatDate(status.on)}`;
  return status.since ? `Active since ${formatDate(status.since)}` : 'Active';
}

// ---- household -------------------------------------------------------------------------------

/** 3.15.1 label: "Self (head of household)", "Child", ... */
export function relationshipLabel(code: unknown): string {
  return (
    (typeof code === 'number' ? labelOf(getList('3.15.1'), code) : undefined) ??
    'Relationship not recorded'
  );
}

/** Head of household, spouse or partner, other relatives, unrelated members, children, unknown. */
const RELATIONSHIP_RANK: Readonly<Record<number, number>> = { 1: 0, 3: 1, 4: 2, 5: 3, 2: 4, 99: 5 };

export interface HouseholdEntry {
  readonly enrollment: Fields;
  readonly client?: Fields | undefined;
}

/**
 * The household in the order a case manager reads it: head of household first, then by
 * relationship (partner, relatives, unrelated members, children), then oldest first, then name.
 */
export function orderHousehold<T extends HouseholdEntry>(members: readonly T[]): T[] {
  const rank = (m: T) => {
    const code = num(m.enrollment.relationshipToHoH);
    return code === null ? 6 : (RELATIONSHIP_RANK[code] ?? 6);
  };
  const dob = (m: T) => str(m.client?.dob) ?? '9999-99-99';
  const name = (m: T) => `${str(m.client?.lastName) ?? ''} ${str(m.client?.firstName) ?? ''}`;
  return [...members].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      dob(a).localeCompare(dob(b)) ||
      name(a).localeCompare(name(b)) ||
      String(a.enrollment.id).localeCompare(String(b.enrollment.id)),
  );
}

// ---- contacts and living situation -----------------------------------------------------------

function instant(v: unknown): number {
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** Contacts newest first, by when they happened (instants compared as times, not as text). */
export function contactsNewestFirst<T extends Fields>(contacts: readonly T[]): T[] {
  return [...contacts].sort((a, b) => instant(b.contactAt) - instant(a.contactAt));
}

export function lastContact<T extends Fields>(contacts: readonly T[]): T | undefined {
  return contactsNewestFirst(contacts)[0];
}

/** Whole days from one local date to another (0 = the same day). */
export function daysSince(from: string, today: string): number {
  return daysBetween(from, today);
}

/** Days from the last contact's local date to today; null when there is no contact. */
export function daysSinceLastContact(contacts: readonly Fields[], today: string): number | null {
  const last = lastContact(contacts);
  const at = str(last?.contactAt);
  if (at === null || Number.isNaN(Date.parse(at))) return null;
  return daysSince(localDateOf(at), today);
}

/** "today", "yesterday", "5 days ago" ("in 2 days" for a date after today). */
export function daysAgoText(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 0) return days === -1 ? 'tomorrow' : `in ${-days} days`;
  return `${days} days ago`;
}

/**
 * The latest Current Living Situation: the newest information date; on the same date, the one
 * whose contact happened later.
 */
export function latestCurrentLivingSituation<T extends Fields>(
  situations: readonly T[],
  contacts: readonly Fields[] = [],
): T | undefined {
  const contactTime = new Map<string, number>();
  for (const c of contacts) {
    const id = str(c.currentLivingSituationId);
    if (id !== null) contactTime.set(id, instant(c.contactAt));
  }
  const time = (s: T) => contactTime.get(String(s.id)) ?? -Infinity;
  return [...situations].sort(
    (a, b) =>
      (str(b.informationDate) ?? '').localeCompare(str(a.informationDate) ?? '') ||
      time(b) - time(a),
  )[0];
}

/** 4.12.2 label of a Current Living Situation code. */
export function currentLivingSituationLabel(code: unknown): string | null {
  return typeof code === 'number' ? (labelOf(getList('4.12.2'), code) ?? null) : null;
}

/** The first `max` characters of a note, cut at a word, with an ellipsis when cut. */
export function noteExcerpt(note: unknown, max = 120): string | null {
  if (typeof note !== 'string') return null;
  const text = note.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

// ---- case managers, other enrollments, sync --------------------------------------------------

/** Case manager assignments active today: W-CM-1 (isActiveOn), as the Case Managers tab says. */
export function activeAssignments<T extends Fields>(assignments: readonly T[], today: string): T[] {
  return assignments.filter((a) =>
    isActiveOn({ startDate: str(a.startDate) ?? '', endDate: str(a.endDate) }, today),
  );
}

/** HUD 2.02.6 label of a project type. */
export function projectTypeLabel(code: unknown): string | null {
  return typeof code === 'number' ? (labelOf(getList('2.02.6'), code) ?? null) : null;
}

/** A funder kind from the local list "local:funder" (a code, as a number or a numeric string). */
export function funderLabel(funder: string | number): string {
  const code = typeof funder === 'number' ? funder : /^\d+$/.test(funder) ? Number(funder) : NaN;
  const label = Number.isNaN(code) ? undefined : labelOf(getList('local:funder'), code);
  return label ?? String(funder);
}

/**
 * The client's other enrollments held on this device: every one but `currentId`, open ones
 * first, then newest project start first.
 */
export function otherLocalEnrollments<T extends Fields>(
  enrollments: readonly T[],
  currentId: string,
): T[] {
  return enrollments
    .filter((e) => e.id !== currentId)
    .sort(
      (a, b) =>
        Number(str(a.exitDate) !== null) - Number(str(b.exitDate) !== null) ||
        (str(b.projectStartDate) ?? '').localeCompare(str(a.projectStartDate) ?? ''),
    );
}

/** True when any of the records has changes not yet synced. */
export function anyPending(records: readonly (Fields | null | undefined)[]): boolean {
  return records.some((r) => r?.pending === true);
}
