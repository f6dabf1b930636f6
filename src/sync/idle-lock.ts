// When an unlocked page locks itself: after `idleMs` without input (the server's policy: 15
// minutes by default, shorter on a device marked as shared), and at the end of the unlock
// window (12 hours) even with someone at the screen. Pure timing, no DOM: the app feeds it
// activity and gives it a clock and timers, and tests give fake ones.
export interface IdleLockOptions {
  idleMs: number;
  /** The end of the unlock window (ms since the epoch). */
  unlockedUntil: number;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  onLock: (reason: 'idle' | 'expired') => void;
}

/** Timers never wait longer than this (some browsers overflow above 2^31 ms). */
const MAX_TIMER_MS = 60 * 60_000;

export class IdleLock {
  private lastActivity: number;
  private timer: unknown = null;
  private locked = false;

  constructor(private readonly options: IdleLockOptions) {
    this.lastActivity = options.now();
    this.schedule();
  }

  /** Someone used the page (a key, a tap, a scroll). */
  activity(): void {
    if (this.locked) return;
    this.lastActivity = this.options.now();
  }

  /** Checks now (the page became visible again after the device slept, say). */
  check(): void {
    if (this.locked) return;
    const now = this.options.now();
    if (now >= this.options.unlockedUntil) return this.lock('expired');
    if (now - this.lastActivity >= this.options.idleMs) return this.lock('idle');
    this.schedule();
  }

  dispose(): void {
    if (this.timer !== null) this.options.clearTimer(this.timer);
    this.timer = null;
    this.locked = true;
  }

  private schedule(): void {
    if (this.timer !== null) this.options.clearTimer(this.timer);
    const now = this.options.now();
    const due = Math.min(this.lastActivity + this.options.idleMs, this.options.unlockedUntil);
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, due - now));
    this.timer = this.options.setTimer(() => {
      this.timer = null;
      this.check();
    }, wait);
  }

  private lock(reason: 'idle' | 'expired'): void {
    this.dispose();
    this.options.onLock(reason);
  }
}
