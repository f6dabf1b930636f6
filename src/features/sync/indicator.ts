// What the header's sync indicator says for a sync status. The visible text changes with every
// progress tick and minute; `kind` changes only when the state does, and is what screen readers
// are told about (so they are not flooded).
import type { SyncStatus } from '../../sync';
import { plural, shortDuration } from './words';

export type IndicatorKind =
  'signed_out' | 'attention' | 'syncing' | 'offline' | 'pending' | 'synced' | 'never';

export interface Indicator {
  kind: IndicatorKind;
  /** What the header shows (and what screen readers read as the link's name). */
  text: string;
  /** The same in a few words, for the header on a phone. */
  short: string;
  /** What a screen reader hears when the kind changes. */
  announcement: string;
}

export function indicatorOf(s: SyncStatus, now: number): Indicator {
  if (s.phase === 'signed_out') {
    return {
      kind: 'signed_out',
      text: 'Sign in again to sync',
      short: 'Sign in',
      announcement: 'Sign in again to sync. Your changes stay on this device.',
    };
  }
  if (s.phase === 'update_required' || s.phase === 'needs_attention' || s.rejectedCount > 0) {
    return {
      kind: 'attention',
      text: 'Needs attention',
      short: 'Attention',
      announcement: 'Sync needs attention. Open the sync page to see why.',
    };
  }
  if (s.phase === 'syncing') {
    const p = s.progress;
    return {
      kind: 'syncing',
      text: p && p.toPush > 0 ? `Syncing ${p.pushed} of ${p.toPush}…` : 'Syncing…',
      short: 'Syncing…',
      announcement: 'Syncing.',
    };
  }
  if (!s.online || s.phase === 'offline') {
    const oldest =
      s.oldestPendingAt === null ? '' : ` (oldest ${shortDuration(now - s.oldestPendingAt)})`;
    return {
      kind: 'offline',
      text: s.pendingCount > 0 ? `Offline · ${s.pendingCount} pending${oldest}` : 'Offline',
      short: s.pendingCount > 0 ? `Offline · ${s.pendingCount}` : 'Offline',
      announcement: 'Offline. Your changes are kept on this device.',
    };
  }
  if (s.pendingCount > 0) {
    return {
      kind: 'pending',
      text: `${s.pendingCount} pending`,
      short: `${s.pendingCount} pending`,
      announcement: `${plural(s.pendingCount, 'change')} waiting to sync.`,
    };
  }
  if (s.lastSuccessAt !== null) {
    const ago =
      now - s.lastSuccessAt < 60_000 ? 'just now' : `${shortDuration(now - s.lastSuccessAt)} ago`;
    return {
      kind: 'synced',
      text: `Synced ${ago}`,
      short: 'Synced',
      announcement: 'All changes synced.',
    };
  }
  return { kind: 'never', text: 'Not synced yet', short: 'Not synced', announcement: '' };
}
