// The sync engine: pushes the outbox, then pulls the provider's changes. No React and no DOM:
// it runs in the page and in the service worker, with everything it touches injected.
import type { z } from 'zod';
import {
  lastSyncAt,
  oldestPendingAt,
  pendingCount,
  setLastSyncAt,
  pendingOutbox,
  pullCursor,
  receiveServerClock,
  settlePushResults,
  storePulledPage,
  deviceId as deviceIdOf,
  type DeviceDatabase,
  type OutboxRow,
} from '../db';
import {
  MAX_PULL_LIMIT,
  MAX_PUSH_BATCH,
  PROTOCOL_VERSION,
  protocolErrorSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '../domain/protocol';
import { createSyncStatusStore, type SyncStatusStore } from './status';

/** The part of a fetch Response the engine reads. */
export interface ResponseLike {
  status: number;
  text(): Promise<string>;
}

/** A fetch-like function (the real `fetch`, or a test's in-process server). */
export type Transport = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<ResponseLike>;

export interface SyncAuth {
  getAccessToken(): string | null | Promise<string | null>;
  /** Gets a new access token; false when the server refused (the user must sign in again). */
  refresh(): Promise<boolean>;
}

/** Runs `fn` only if the named lock is free; never waits for it. */
export type LockFn = <T>(
  name: string,
  fn: () => Promise<T>,
) => Promise<{ acquired: true; value: T } | { acquired: false }>;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type SyncOutcome =
  | 'ok'
  | 'busy'
  | 'no_provider'
  | 'offline'
  | 'error'
  | 'signed_out'
  | 'update_required'
  | 'needs_attention';

export interface SyncEngineDeps {
  db: DeviceDatabase;
  transport: Transport;
  auth: SyncAuth;
  /** The provider the user enters data as; null before one is chosen. */
  providerId: () => string | null;
  /** Prefix of the API's URLs ('' for the same origin). */
  baseUrl?: string;
  now?: () => number;
  /** In [0, 1): jitter for the retry delay. */
  random?: () => number;
  lock?: LockFn;
  timers?: Timers;
  status?: SyncStatusStore;
  pushBatchSize?: number;
  pullLimit?: number;
  retry?: { baseMs: number; maxMs: number };
}

export const SYNC_LOCK_NAME = 'fieldnote-sync';

/**
 * Another tab or the service worker holds the sync lock: try again this soon, so this tab's
 * counts and status catch up with what the other one sent (its own queue may also be new).
 */
export const BUSY_RETRY_MS = 2_000;

type FailureKind =
  | 'network'
  | 'server'
  | 'invalid_response'
  | 'http'
  | 'signed_out'
  | 'update_required'
  | 'needs_attention';

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

const heldLocks = new Set<string>();

/** A lock within this JavaScript realm (when the Web Locks API is missing). */
export const inProcessLock: LockFn = async (name, fn) => {
  if (heldLocks.has(name)) return { acquired: false };
  heldLocks.add(name);
  try {
    return { acquired: true, value: await fn() };
  } finally {
    heldLocks.delete(name);
  }
};

/** Web Locks across tabs and the service worker when available, else the in-process lock. */
export function defaultLock(): LockFn {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks?.request) return inProcessLock;
  return async (name, fn) => {
    let result: { acquired: true; value: Awaited<ReturnType<typeof fn>> } | null = null;
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock) result = { acquired: true, value: await fn() };
    });
    return result ?? { acquired: false };
  };
}

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SyncEngine {
  readonly status: SyncStatusStore;
  private readonly db: DeviceDatabase;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly lock: LockFn;
  private readonly timers: Timers;
  private readonly batchSize: number;
  private readonly pullLimit: number;
  private readonly retry: { baseMs: number; maxMs: number };
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private failures = 0;
  private retryHandle: unknown = null;

  constructor(private readonly deps: SyncEngineDeps) {
    this.db = deps.db;
    this.status = deps.status ?? createSyncStatusStore();
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.lock = deps.lock ?? defaultLock();
    this.timers = deps.timers ?? defaultTimers;
    this.batchSize = Math.min(deps.pushBatchSize ?? MAX_PUSH_BATCH, MAX_PUSH_BATCH);
    this.pullLimit = Math.min(deps.pullLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
    this.retry = deps.retry ?? { baseMs: 5_000, maxMs: 5 * 60_000 };
  }

  /**
   * Pushes the outbox and pulls changes. A call while a sync runs makes that sync run once more
   * (a change saved during it is pushed too); another tab or the service worker holding the lock
   * makes it return 'busy'.
   */
  sync(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<SyncOutcome> => {
      let outcome: SyncOutcome;
      do {
        this.again = false;
        const locked = await this.lock(SYNC_LOCK_NAME, () => this.once());
        outcome = locked.acquired ? locked.value : 'busy';
      } while (this.again && outcome === 'ok');
      if (outcome === 'busy') this.scheduleBusyRetry();
      return outcome;
    };
    this.running = run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Cancels a scheduled retry (sign-out, teardown). */
  stop(): void {
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = null;
    this.status.setState({ nextRetryAt: null });
  }

  /** Re-reads the counts the status shows (after a save, for instance). */
  async refreshCounts(): Promise<void> {
    const [pending, oldest, conflicts, rejected, lastSync] = await Promise.all([
      pendingCount(this.db),
      oldestPendingAt(this.db),
      this.db.conflicts.count(),
      this.db.rejected.count(),
      lastSyncAt(this.db),
    ]);
    this.status.setState({
      lastSuccessAt: this.status.getState().lastSuccessAt ?? lastSync,
      pendingCount: pending,
      oldestPendingAt: oldest,
      openConflicts: conflicts,
      rejectedCount: rejected,
    });
  }

  private async once(): Promise<SyncOutcome> {
    const providerId = this.deps.providerId();
    if (!providerId) return 'no_provider';
    this.stop();
    this.status.setState({ phase: 'syncing', progress: { pushed: 0, toPush: 0, pulledPages: 0 } });
    try {
      const deviceId = await deviceIdOf(this.db);
      await this.push(deviceId);
      await this.pull(deviceId, providerId);
      this.failures = 0;
      const at = this.now();
      await setLastSyncAt(this.db, at);
      this.status.setState({ phase: 'idle', lastSuccessAt: at, lastError: null });
      return 'ok';
    } catch (error) {
      return this.fail(error);
    } finally {
      this.status.setState({ progress: null });
      await this.refreshCounts();
    }
  }

  private fail(error: unknown): SyncOutcome {
    const failure =
      error instanceof SyncFailure
        ? error
        : new SyncFailure('http', error instanceof Error ? error.message : String(error));
    this.status.setState({ lastError: failure.message });
    // Retrying cannot fix these; the queue waits for the person (sign in, update, switch provider).
    if (
      failure.kind === 'signed_out' ||
      failure.kind === 'update_required' ||
      failure.kind === 'needs_attention'
    ) {
      this.status.setState({ phase: failure.kind });
      return failure.kind;
    }
    const offline = failure.kind === 'network';
    this.status.setState({ phase: offline ? 'offline' : 'error' });
    this.scheduleRetry();
    return offline ? 'offline' : 'error';
  }

  private scheduleBusyRetry(): void {
    if (this.retryHandle !== null) return;
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null;
      void this.sync();
    }, BUSY_RETRY_MS);
  }

  private scheduleRetry(): void {
    this.failures += 1;
    const ceiling = Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** (this.failures - 1));
    const delay = Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null;
      void this.sync();
    }, delay);
    this.status.setState({ nextRetryAt: this.now() + delay });
  }

  private async push(deviceId: string): Promise<void> {
    const entries = await pendingOutbox(this.db);
    let pushed = 0;
    this.progress({ toPush: entries.length });
    // Oldest first, in batches of one provider (each change is pushed as the provider it was made as).
    const batches: OutboxRow[][] = [];
    for (const entry of entries) {
      const last = batches.at(-1);
      if (last && last.length < this.batchSize && last[0]!.providerId === entry.providerId) {
        last.push(entry);
      } else {
        batches.push([entry]);
      }
    }
    const send = (batch: OutboxRow[]) =>
      this.call(
        '/api/sync/push',
        {
          protocolVersion: PROTOCOL_VERSION,
          providerId: batch[0]!.providerId,
          deviceId,
          mutations: batch.map((e) => e.mutation),
        },
        pushResponseSchema,
      );
    // Pipelined: a batch is sent once the server has answered the one before it (so the server
    // still receives them in outbox order) while the device settles that answer. If settling
    // fails, the batch in flight is not settled either and is pushed again next time (the server
    // recognises mutations it already has).
    let next = batches.length ? send(batches[0]!) : null;
    for (let i = 0; next; i++) {
      const response = await next;
      const batch = batches[i]!;
      next = i + 1 < batches.length ? quiet(send(batches[i + 1]!)) : null;
      await settlePushResults(this.db, batch, response.results);
      await receiveServerClock(this.db, response.serverHlc);
      pushed += batch.length;
      this.progress({ pushed });
    }
  }

  private async pull(deviceId: string, providerId: string): Promise<void> {
    const fetchPage = (cursor: string | null) =>
      this.call(
        '/api/sync/pull',
        { protocolVersion: PROTOCOL_VERSION, providerId, deviceId, cursor, limit: this.pullLimit },
        pullResponseSchema,
      );
    // Pipelined: the next page is requested as soon as a page arrives, and a page is handed to
    // the database while the one before it is still being written. Each page is stored with its
    // cursor in one transaction, in order, and only after the page before it (`after`), so an
    // interrupted pull resumes after the last stored page and never skips one.
    let after = await pullCursor(this.db, providerId);
    let next = fetchPage(after);
    let previous: Promise<void> | null = null;
    let pages = 0;
    const stored = () => {
      pages += 1;
      this.progress({ pulledPages: pages });
    };
    try {
      for (;;) {
        const page = await next;
        if (page.hasMore) next = quiet(fetchPage(page.cursor));
        const current = quiet(
          storePulledPage(this.db, providerId, page.changes, page.cursor, { after }),
        );
        after = page.cursor;
        const before = previous;
        previous = current;
        if (before) {
          await before;
          stored();
        }
        if (!page.hasMore) {
          previous = null;
          await current;
          stored();
          await receiveServerClock(this.db, page.serverHlc);
          return;
        }
      }
    } finally {
      // After a failure, a store still in flight completes (or refuses, out of order) first.
      if (previous) await previous.catch(() => {});
    }
  }

  private progress(
    patch: Partial<NonNullable<ReturnType<SyncStatusStore['getState']>['progress']>>,
  ) {
    const current = this.status.getState().progress ?? { pushed: 0, toPush: 0, pulledPages: 0 };
    this.status.setState({ progress: { ...current, ...patch } });
  }

  /**
   * One API call. Only a response that parses as the protocol's schema counts: a captive portal
   * answering 200 with its own page is a failure. A 401 refreshes the token once and retries.
   */
  private async call<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    let refreshed = false;
    for (;;) {
      const token = await this.deps.auth.getAccessToken();
      if (token === null) {
        if (!refreshed && (await this.refresh())) {
          refreshed = true;
          continue;
        }
        throw new SyncFailure('signed_out', 'Sign in again to sync.');
      }
      let status: number;
      let text: string;
      try {
        const response = await this.deps.transport(`${this.deps.baseUrl ?? ''}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        status = response.status;
        text = await response.text();
      } catch (error) {
        throw new SyncFailure(
          'network',
          `Could not reach the server${error instanceof Error ? ` (${error.message})` : ''}.`,
        );
      }
      if (status === 401) {
        if (!refreshed && (await this.refresh())) {
          refreshed = true;
          continue;
        }
        throw new SyncFailure('signed_out', 'Your session has ended; sign in again to sync.');
      }
      if (status === 426) {
        throw new SyncFailure(
          'update_required',
          messageOf(text) ??
            'This app is out of date; update it. Your unsynced changes stay on this device.',
        );
      }
      if (status === 403) {
        throw new SyncFailure(
          'needs_attention',
          messageOf(text) ??
            'The server refused these changes for this provider. They stay on this device.',
        );
      }
      if (status >= 500 || status === 408 || status === 429) {
        throw new SyncFailure('server', `The server could not sync right now (${status}).`);
      }
      if (status !== 200) {
        throw new SyncFailure('http', messageOf(text) ?? `The server refused to sync (${status}).`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new SyncFailure(
          'invalid_response',
          'The network answered with something other than the Fieldnote server (a Wi-Fi sign-in page?).',
        );
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new SyncFailure(
          'invalid_response',
          'The server answered with an unexpected response.',
        );
      }
      return parsed.data;
    }
  }

  private async refresh(): Promise<boolean> {
    try {
      return await this.deps.auth.refresh();
    } catch (error) {
      throw new SyncFailure(
        'network',
        `Could not renew the session${error instanceof Error ? ` (${error.message})` : ''}.`,
      );
    }
  }
}

/**
 * A request started ahead of its turn: if the step before it fails, nobody awaits it, so its
 * failure must not surface as an unhandled rejection. Awaiting it still gives its outcome.
 */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function messageOf(text: string): string | null {
  try {
    const parsed = protocolErrorSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.message : null;
  } catch {
    return null;
  }
}
