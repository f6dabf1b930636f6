// HMIS record metadata (DateCreated, DateUpdated, UserID, DateDeleted), derived by the server from
// the merge, never sent by devices. The record state keeps only the write that holds each field
// group now, so the first write (DateCreated) would be lost from it: the server stores the
// metadata beside the state and moves it on with every write that changes the record.
//
// Times are the writes' effective clocks (the device's clock, bounded by the server's: M2), so
// DateCreated says when the case manager recorded it, not when the device next had signal.
import { parseHlc } from '../clock/hlc';
import type { RecordMeta } from '../records/metadata';
import { DELETED_GROUP, type RecordState } from './state';
import { sameValue } from './values';

export type { RecordMeta };

/** An effective HLC as an ISO instant. */
export function hlcInstant(hlc: string): string {
  return new Date(parseHlc(hlc).millis).toISOString();
}

/** Whether a write changed what a record holds: any value, version or the deleted flag. */
export function stateChanged(before: RecordState | null, after: RecordState): boolean {
  if (!before) return true;
  if (before.deleted !== after.deleted) return true;
  const groups = new Set([...Object.keys(before.versions), ...Object.keys(after.versions)]);
  for (const g of groups) {
    if (before.versions[g]?.mutationId !== after.versions[g]?.mutationId) return true;
  }
  const fields = new Set([...Object.keys(before.fields), ...Object.keys(after.fields)]);
  for (const f of fields) if (!sameValue(before.fields[f], after.fields[f])) return true;
  return false;
}

/**
 * The metadata after a write by `userId` at `at` (ISO) turned `before` into `after`. A write that
 * changed nothing (it lost, or set what was there) leaves the metadata as it was.
 */
export function nextRecordMeta(
  previous: RecordMeta | null,
  before: RecordState | null,
  after: RecordState,
  write: { at: string; userId: string },
): RecordMeta {
  if (!previous || !before) {
    return {
      dateCreated: write.at,
      dateUpdated: write.at,
      userId: write.userId,
      dateDeleted: after.deleted ? write.at : null,
    };
  }
  if (!stateChanged(before, after)) return previous;
  const dateDeleted = !after.deleted ? null : before.deleted ? previous.dateDeleted : write.at;
  return {
    // A write made offline before the first one that reached the server is still later news.
    dateCreated: write.at < previous.dateCreated ? write.at : previous.dateCreated,
    dateUpdated: write.at > previous.dateUpdated ? write.at : previous.dateUpdated,
    userId: write.userId,
    dateDeleted,
  };
}

/**
 * The metadata of a record stored before metadata was kept (migration 009): the earliest and the
 * latest of its versions, the latest one's user, and the delete's own version. The first write
 * may since have been replaced, so DateCreated can be later than it was; nothing better is known.
 */
export function metaFromVersions(state: RecordState): RecordMeta {
  const versions = Object.values(state.versions);
  if (versions.length === 0) {
    const epoch = new Date(0).toISOString();
    return { dateCreated: epoch, dateUpdated: epoch, userId: '', dateDeleted: null };
  }
  const byClock = [...versions].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const first = byClock[0]!;
  const last = byClock[byClock.length - 1]!;
  const deleted = state.versions[DELETED_GROUP];
  return {
    dateCreated: hlcInstant(first.hlc),
    dateUpdated: hlcInstant(last.hlc),
    userId: last.userId,
    dateDeleted: state.deleted ? hlcInstant((deleted ?? last).hlc) : null,
  };
}
