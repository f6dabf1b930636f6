// Sign-in throttling, two layers:
//
// 1. Account lockout (shared by all instances, kept on the user row): after MAX_FAILED_SIGN_INS
//    wrong passwords in a row the account is locked for LOCKOUT_MS (user.lockedUntil). While it is
//    locked no password is checked, not even the right one. A successful sign-in resets the count.
//    Unknown usernames get the same treatment in memory (per instance), so that lockout does not
//    reveal which usernames exist.
// 2. A per-IP rate limit on sign-in attempts (in memory, so PER INSTANCE: with N instances behind
//    a load balancer a client gets up to N times the limit). It slows a password-spraying client
//    that tries many usernames. Note that behind a reverse proxy every client shares the proxy's
//    address unless Fastify is told to trust it.
import type { UserRow } from '../storage/types';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;
export const IP_ATTEMPTS_PER_WINDOW = 20;
export const IP_WINDOW_MS = 60 * 1000;

/** The instant until which the account is locked, or null. */
export function lockedUntil(user: Pick<UserRow, 'lockedUntil'>, nowMs: number): Date | null {
  if (user.lockedUntil === null) return null;
  const until = Date.parse(user.lockedUntil);
  return Number.isFinite(until) && until > nowMs ? new Date(until) : null;
}

/**
 * The user row after one more failed sign-in: the count goes up, and reaching the maximum locks
 * the account (and starts the count again for after the lock).
 */
export function afterFailedSignIn(
  user: UserRow,
  nowMs: number,
): { user: UserRow; locked: boolean } {
  const failures = user.failedSignIns + 1;
  const at = new Date(nowMs).toISOString();
  if (failures >= MAX_FAILED_SIGN_INS) {
    return {
      user: {
        ...user,
        failedSignIns: 0,
        lockedUntil: new Date(nowMs + LOCKOUT_MS).toISOString(),
        updatedAt: at,
      },
      locked: true,
    };
  }
  return {
    user: { ...user, failedSignIns: failures, lockedUntil: null, updatedAt: at },
    locked: false,
  };
}

export function afterSuccessfulSignIn(user: UserRow, nowMs: number): UserRow {
  if (user.failedSignIns === 0 && user.lockedUntil === null) return user;
  return { ...user, failedSignIns: 0, lockedUntil: null, updatedAt: new Date(nowMs).toISOString() };
}

/** A fixed-window counter per key, in memory, bounded in size. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one attempt; returns how long to wait when the key is over its limit. */
  hit(key: string, nowMs: number): { allowed: true } | { allowed: false; retryAfterMs: number } {
    let window = this.windows.get(key);
    if (!window || nowMs - window.start >= this.windowMs) {
      if (!window && this.windows.size >= this.maxKeys) this.prune(nowMs);
      window = { start: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.limit) {
      return { allowed: false, retryAfterMs: window.start + this.windowMs - nowMs };
    }
    return { allowed: true };
  }

  private prune(nowMs: number): void {
    for (const [key, window] of this.windows) {
      if (nowMs - window.start >= this.windowMs) this.windows.delete(key);
    }
    // Still full (a flood of distinct keys): forget the oldest half rather than grow.
    if (this.windows.size >= this.maxKeys) {
      let drop = Math.ceil(this.windows.size / 2);
      for (const key of this.windows.keys()) {
        if (drop-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}

/**
 * Lockout for usernames that do not exist, mirroring the real one in memory, so that "locked"
 * answers do not tell an attacker which usernames are real.
 */
export class PhantomLockouts {
  private readonly entries = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(private readonly maxKeys = 10_000) {}

  lockedUntil(username: string, nowMs: number): Date | null {
    const entry = this.entries.get(username);
    return entry && entry.lockedUntil > nowMs ? new Date(entry.lockedUntil) : null;
  }

  /** Records a failure; returns the lock end when this failure locks the name. */
  fail(username: string, nowMs: number): Date | null {
    if (!this.entries.has(username) && this.entries.size >= this.maxKeys) {
      for (const [key, entry] of this.entries) {
        if (entry.lockedUntil <= nowMs && entry.failures === 0) this.entries.delete(key);
      }
      if (this.entries.size >= this.maxKeys) this.entries.clear();
    }
    const entry = this.entries.get(username) ?? { failures: 0, lockedUntil: 0 };
    entry.failures += 1;
    let locked: Date | null = null;
    if (entry.failures >= MAX_FAILED_SIGN_INS) {
      entry.failures = 0;
      entry.lockedUntil = nowMs + LOCKOUT_MS;
      locked = new Date(entry.lockedUntil);
    }
    this.entries.set(username, entry);
    return locked;
  }
}
