// The caseload screen's view-model: what is due for each household (no contact in 30 days, an
// annual assessment due or late, missing Entry answers, changes the server rejected), the filters
// with their counts ("All" by default), and the list sorted by what is due. Pure: the rows come
// from caseload.ts (summarizeHousehold), the rejected changes from the device's outbox.
import { matchesSearch, type CaseloadRow } from './caseload';
import { foldName } from './client-match';

/** What can be due for a household, most urgent first (the list's order). */
export const DUE_KINDS = ['no-contact', 'annual', 'missing-entry', 'rejected'] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export const CASELOAD_VIEW_FILTERS = ['all', ...DUE_KINDS, 'exited'] as const;
export type CaseloadViewFilter = (typeof CASELOAD_VIEW_FILTERS)[number];

export const CASELOAD_VIEW_FILTER_LABELS: Readonly<Record<CaseloadViewFilter, string>> = {
  all: 'All',
  'no-contact': 'No contact in 30 days',
  annual: 'Annual assessment due',
  'missing-entry': 'Missing Entry answers',
  rejected: 'Rejected changes',
  exited: 'Exited',
};

export function isCaseloadViewFilter(value: unknown): value is CaseloadViewFilter {
  return typeof value === 'string' && (CASELOAD_VIEW_FILTERS as readonly string[]).includes(value);
}

/** A change the server rejected, as the device keeps it (only what is needed to place it). */
export interface RejectedRef {
  readonly providerId?: string;
  readonly mutation: {
    readonly recordType: string;
    readonly recordId: string;
    readonly fields?: Readonly<Record<string, unknown>>;
  };
  /** The record as the device shows it now, if it exists. */
  readonly view?: Readonly<Record<string, unknown>> | null;
}

/** A household row with what is due for it. */
export interface CaseloadViewRow extends CaseloadRow {
  /** Rejected changes to the household's records (or its members' client records). */
  rejectedChanges: number;
  /** What is due, most urgent first; empty when nothing is. */
  due: DueKind[];
}

export interface CaseloadViewModel {
  /** How many households each filter shows. */
  counts: Record<CaseloadViewFilter, number>;
  /** The households shown under the filter and search, in the list's order. */
  shown: CaseloadViewRow[];
  total: number;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The enrollment and the client a rejected change is about (either may be unknown). */
export function rejectedTarget(ref: RejectedRef): {
  enrollmentId: string | null;
  clientId: string | null;
} {
  const { recordType, recordId, fields } = ref.mutation;
  const read = (key: string) => text(ref.view?.[key]) ?? text(fields?.[key]);
  if (recordType === 'client') return { enrollmentId: null, clientId: recordId };
  if (recordType === 'enrollment') return { enrollmentId: recordId, clientId: read('clientId') };
  return { enrollmentId: read('enrollmentId'), clientId: read('clientId') };
}

/**
 * How many rejected changes belong to a household: those about one of its enrollments, or, for
 * a record with no enrollment (a client), about one of its members.
 */
export function rejectedCount(row: CaseloadRow, rejected: readonly RejectedRef[]): number {
  const enrollments = new Set(row.memberEnrollmentIds ?? [row.enrollmentId]);
  const clients = new Set(row.memberClientIds ?? (row.clientId ? [row.clientId] : []));
  let count = 0;
  for (const ref of rejected) {
    const target = rejectedTarget(ref);
    if (target.enrollmentId !== null) {
      if (enrollments.has(target.enrollmentId)) count += 1;
    } else if (target.clientId !== null && clients.has(target.clientId)) count += 1;
  }
  return count;
}

/** What is due for a household, most urgent first. An exited household is due nothing new. */
export function dueOf(row: CaseloadRow, rejectedChanges: number): DueKind[] {
  const due: DueKind[] = [];
  if (row.needsContact) due.push('no-contact');
  if (row.annualAssessment.kind === 'due' || row.annualAssessment.kind === 'late') {
    due.push('annual');
  }
  if (row.missingEntryAnswers > 0) due.push('missing-entry');
  if (rejectedChanges > 0) due.push('rejected');
  return due;
}

export function withDue(row: CaseloadRow, rejected: readonly RejectedRef[]): CaseloadViewRow {
  const rejectedChanges = rejectedCount(row, rejected);
  return { ...row, rejectedChanges, due: dueOf(row, rejectedChanges) };
}

/** Whether a row belongs under a filter. */
export function inViewFilter(row: CaseloadViewRow, filter: CaseloadViewFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'exited') return row.exitDate !== null;
  return row.due.includes(filter);
}

/** The most urgent thing due, as a rank (DUE_KINDS order; nothing due ranks last). */
function urgency(row: CaseloadViewRow): number {
  const first = row.due[0];
  return first === undefined ? DUE_KINDS.length : DUE_KINDS.indexOf(first);
}

/** Annual assessments: late before due, the earliest due date first. */
function annualKey(row: CaseloadViewRow): string {
  const a = row.annualAssessment;
  if (a.kind === 'late') return '0';
  if (a.kind === 'due') return `1${a.dueBy}`;
  return '2';
}

/**
 * The list's order, by what is due: open households before exited ones; then by the most urgent
 * thing due (no contact in 30 days, annual assessment, missing Entry answers, rejected changes,
 * nothing); then those with more things due; then a late annual assessment before one due, the
 * earliest due first; then the longest since a contact (never counts as longest); then by name.
 */
export function compareByDue(a: CaseloadViewRow, b: CaseloadViewRow): number {
  const byExit = Number(a.exitDate !== null) - Number(b.exitDate !== null);
  if (byExit) return byExit;
  const byUrgency = urgency(a) - urgency(b);
  if (byUrgency) return byUrgency;
  const byCount = b.due.length - a.due.length;
  if (byCount) return byCount;
  const byAnnual = annualKey(a).localeCompare(annualKey(b));
  if (byAnnual) return byAnnual;
  const da = a.daysSinceContact ?? Number.POSITIVE_INFINITY;
  const db = b.daysSinceContact ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? 1 : -1;
  return (
    foldName(a.lastName).localeCompare(foldName(b.lastName)) ||
    foldName(a.firstName).localeCompare(foldName(b.firstName)) ||
    a.enrollmentId.localeCompare(b.enrollmentId)
  );
}

/** Everything the caseload screen shows for its rows, rejected changes, filter and search. */
export function caseloadView(
  rows: readonly CaseloadRow[],
  rejected: readonly RejectedRef[],
  filter: CaseloadViewFilter = 'all',
  search = '',
): CaseloadViewModel {
  const all = rows.map((row) => withDue(row, rejected));
  const counts = Object.fromEntries(CASELOAD_VIEW_FILTERS.map((f) => [f, 0])) as Record<
    CaseloadViewFilter,
    number
  >;
  for (const row of all) {
    for (const f of CASELOAD_VIEW_FILTERS) if (inViewFilter(row, f)) counts[f] += 1;
  }
  const shown = all
    .filter((row) => inViewFilter(row, filter) && matchesSearch(row, search))
    .sort(compareByDue);
  return { counts, shown, total: all.length };
}
