// The inactivity lock and the unlock window (issue 11), on a fake clock.
import { describe, expect, it } from 'vitest';
import { IdleLock } from '../../../src/sync/idle-lock';

function fakeTimers(start: number) {
  let now = start;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Moves the clock on, firing due timers in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}

const MIN = 60_000;

describe('IdleLock', () => {
  it('locks after 15 minutes without input, not before', () => {
    const clock = fakeTimers(1_000_000);
    const locks: string[] = [];
    new IdleLock({
      ...clock,
      idleMs: 15 * MIN,
      unlockedUntil: 1_000_000 + 12 * 60 * MIN,
      onLock: (r) => locks.push(r),
    });
    clock.advance(15 * MIN - 1);
    expect(locks).toEqual([]);
    clock.advance(1);
    expect(locks).toEqual(['idle']);
    expect(clock.pending()).toBe(0);
  });

  it('activity pushes the lock back; a shorter idle time (a shared tablet) locks sooner', () => {
    const clock = fakeTimers(0);
    const locks: string[] = [];
    const lock = new IdleLock({
      ...clock,
      idleMs: 5 * MIN,
      unlockedUntil: 12 * 60 * MIN,
      onLock: (r) => locks.push(r),
    });
    clock.advance(4 * MIN);
    lock.activity();
    clock.advance(4 * MIN);
    expect(locks).toEqual([]);
    clock.advance(MIN);
    expect(locks).toEqual(['idle']);
  });

  it('locks at the end of the 12-hour window even with someone at the screen', () => {
    const clock = fakeTimers(0);
    const locks: string[] = [];
    const lock = new IdleLock({
      ...clock,
      idleMs: 15 * MIN,
      unlockedUntil: 12 * 60 * MIN,
      onLock: (r) => locks.push(r),
    });
    for (let t = 0; t < 12 * 60 - 10; t += 10) {
      clock.advance(10 * MIN);
      lock.activity();
    }
    expect(locks).toEqual([]);
    clock.advance(20 * MIN);
    expect(locks).toEqual(['expired']);
  });

  it('a check after the device slept past the idle time locks at once; dispose stops it', () => {
    const clock = fakeTimers(0);
    const locks: string[] = [];
    const lock = new IdleLock({
      ...clock,
      idleMs: 15 * MIN,
      unlockedUntil: 12 * 60 * MIN,
      onLock: (r) => locks.push(r),
    });
    lock.check();
    expect(locks).toEqual([]);
    lock.dispose();
    clock.advance(60 * MIN);
    expect(locks).toEqual([]);
  });
});
