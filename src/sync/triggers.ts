// When to sync: after each save, on start, when the network comes back, when the app becomes
// visible, and every 5 minutes while it is open (iOS has no Background Sync); plus the handler
// for the service worker's `sync` event. Event targets and timers are injected for tests.
import { saveChange, type Change, type ChangeContext } from '../db';
import type { Mutation } from '../domain/protocol';
import type { SyncEngine, SyncOutcome } from './engine';

export const PERIODIC_SYNC_MS = 5 * 60_000;

/** The Background Sync tag a save registers and the service worker's `sync` handler answers. */
export const BACKGROUND_SYNC_TAG = 'fieldnote-sync';

export interface TriggerDeps {
  /** Fires `online` and `offline` (the window, or the service worker's global scope). */
  target?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** Fires `visibilitychange` and has `visibilityState` (absent in a service worker). */
  visibility?:
    | (Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: string })
    | null;
  /** Whether the device believes it is online (navigator.onLine). */
  isOnline?: () => boolean;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  intervalMs?: number;
}

export interface SyncTriggers {
  /** Saves a change through the one write path, then syncs in the background. */
  save(db: Parameters<typeof saveChange>[0], change: Change, ctx: ChangeContext): Promise<Mutation>;
  /** Call after a save made elsewhere. */
  afterSave(): void;
  dispose(): void;
}

export function installSyncTriggers(engine: SyncEngine, deps: TriggerDeps = {}): SyncTriggers {
  const g = globalThis as {
    document?: TriggerDeps['visibility'];
    navigator?: { onLine?: boolean };
  };
  const target = deps.target === undefined ? (globalThis as unknown as EventTarget) : deps.target;
  const visibility = deps.visibility === undefined ? (g.document ?? null) : deps.visibility;
  const isOnline = deps.isOnline ?? (() => g.navigator?.onLine ?? true);
  const setIntervalFn =
    deps.setInterval ?? ((fn: () => void, ms: number) => globalThis.setInterval(fn, ms));
  const clearIntervalFn =
    deps.clearInterval ??
    ((h: unknown) => globalThis.clearInterval(h as ReturnType<typeof setInterval>));

  const kick = () => {
    if (isOnline()) void engine.sync();
  };
  const onOnline = () => {
    engine.status.setState({ online: true });
    void engine.sync();
  };
  const onOffline = () => engine.status.setState({ online: false, phase: 'offline' });
  const onVisibility = () => {
    if (visibility?.visibilityState === 'visible') kick();
  };

  target?.addEventListener('online', onOnline);
  target?.addEventListener('offline', onOffline);
  visibility?.addEventListener('visibilitychange', onVisibility);
  const interval = setIntervalFn(kick, deps.intervalMs ?? PERIODIC_SYNC_MS);
  engine.status.setState({ online: isOnline() });
  void engine.refreshCounts();
  kick(); // on start

  const afterSave = () => {
    void engine.refreshCounts().then(kick);
  };

  return {
    async save(db, change, ctx) {
      const mutation = await saveChange(db, change, ctx);
      afterSave();
      return mutation;
    },
    afterSave,
    dispose() {
      target?.removeEventListener('online', onOnline);
      target?.removeEventListener('offline', onOffline);
      visibility?.removeEventListener('visibilitychange', onVisibility);
      clearIntervalFn(interval);
      engine.stop();
    },
  };
}

/**
 * For the service worker's `sync` event: `event.waitUntil(backgroundSync(engine))`. Rejects when
 * the sync did not complete, so the browser tries again later.
 */
export async function backgroundSync(engine: SyncEngine): Promise<SyncOutcome> {
  const outcome = await engine.sync();
  if (outcome === 'offline' || outcome === 'error') {
    throw new Error(`Sync did not complete (${outcome}); the browser will retry.`);
  }
  return outcome;
}
