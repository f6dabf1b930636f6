// Timeliness: how many days after the contact or information date a record was first written in
// Fieldnote, and whether it has reached the server. The event date is the contact's time (its
// local date), the information date of an assessment or Current Living Situation, and the project
// start of an enrollment. The first write is the earliest clock of the record's versions on the
// device, so a record entered on a phone offline counts from when it was typed, not when it
// synced. The device does not learn when the server received a record, so synced records are
// counted, and those still waiting in the outbox are bucketed by how long they have waited since
// the event.
import { localDateOf } from '../../records/dates';
import { daysBetweenDates } from '../caseload';
import type { ScopedEnrollment } from './scope';
import {
  TIMELINESS_BUCKETS,
  type BucketCounts,
  type DataQualityInput,
  type DqRecord,
  type Timeliness,
  type TimelinessBucket,
} from './types';

/** 0, 1–3, 4–6, 7–10, 11+ days (a negative gap, an entry dated ahead, counts as 0). */
export function timelinessBucket(days: number): TimelinessBucket {
  if (days <= 0) return '0';
  if (days <= 3) return '1–3';
  if (days <= 6) return '4–6';
  if (days <= 10) return '7–10';
  return '11+';
}

const emptyBuckets = (): Record<TimelinessBucket, number> =>
  Object.fromEntries(TIMELINESS_BUCKETS.map((b) => [b, 0])) as Record<TimelinessBucket, number>;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The local date a record's event happened on, or null when it has none. */
function eventDate(record: DqRecord, timeZone: string): string | null {
  const v = record.view;
  if (typeof v.contactAt === 'string') {
    const at = Date.parse(v.contactAt);
    return Number.isNaN(at) ? null : localDateOf(new Date(at), timeZone);
  }
  const date = v.informationDate ?? v.projectStartDate;
  return typeof date === 'string' && LOCAL_DATE.test(date) ? date : null;
}

export function timeliness(
  enrollments: readonly ScopedEnrollment[],
  input: Pick<DataQualityInput, 'period' | 'timeZone' | 'today'>,
): Timeliness {
  const entry = emptyBuckets();
  const pending = emptyBuckets();
  let synced = 0;
  const seen = new Set<string>();
  const count = (r: DqRecord) => {
    if (seen.has(r.view.id)) return;
    seen.add(r.view.id);
    const date = eventDate(r, input.timeZone);
    if (date === null || date < input.period.startDate || date > input.period.endDate) return;
    if (r.firstWriteAt !== null) {
      const written = localDateOf(new Date(r.firstWriteAt), input.timeZone);
      entry[timelinessBucket(daysBetweenDates(date, written))] += 1;
    }
    if (r.pendingSince !== null)
      pending[timelinessBucket(daysBetweenDates(date, input.today))] += 1;
    else if (r.synced) synced += 1;
  };
  for (const s of enrollments) {
    count(s.record);
    for (const r of s.assessments) count(r);
    for (const r of s.cls) count(r);
    for (const r of s.contacts) count(r);
  }
  return { entry: entry as BucketCounts, synced, pending: pending as BucketCounts };
}
