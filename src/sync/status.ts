// The sync status the screens show, as a framework-free store (zustand/vanilla), so the same
// engine can run in the page and in the service worker.
import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * needs_attention: the server refused for a reason retrying cannot fix (403: no longer a member of
 * the provider the changes were made as); the queue is kept until someone acts.
 */
export type SyncPhase =
  'idle' | 'syncing' | 'offline' | 'error' | 'signed_out' | 'update_required' | 'needs_attention';

export interface SyncStatus {
  online: boolean;
  phase: SyncPhase;
  pendingCount: number;
  /** When the oldest unsynced change was made (ms), or null. */
  oldestPendingAt: number | null;
  lastSuccessAt: number | null;
  /** A running sync: mutations pushed so far of those queued at its start, pull pages stored. */
  progress: { pushed: number; toPush: number; pulledPages: number } | null;
  lastError: string | null;
  /** When the next attempt after a failure is scheduled (ms), or null. */
  nextRetryAt: number | null;
  openConflicts: number;
  rejectedCount: number;
}

export type SyncStatusStore = StoreApi<SyncStatus>;

export function createSyncStatusStore(initial: Partial<SyncStatus> = {}): SyncStatusStore {
  return createStore<SyncStatus>()(() => ({
    online: true,
    phase: 'idle',
    pendingCount: 0,
    oldestPendingAt: null,
    lastSuccessAt: null,
    progress: null,
    lastError: null,
    nextRetryAt: null,
    openConflicts: 0,
    rejectedCount: 0,
    ...initial,
  }));
}
