import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ClockDriftError,
  HybridLogicalClock,
  MAX_DRIFT_MS,
  compareHlc,
  effectiveHlc,
  formatHlc,
  parseHlc,
} from '../../../src/domain/clock/hlc';

describe('hybrid logical clock', () => {
  it('serialises to strings that sort in clock order', () => {
    fc.assert(
      fc.property(
        fc.record({
          millis: fc.integer({ min: 0, max: 2 ** 47 }),
          counter: fc.integer({ min: 0, max: 99_999 }),
        }),
        fc.record({
          millis: fc.integer({ min: 0, max: 2 ** 47 }),
          counter: fc.integer({ min: 0, max: 99_999 }),
        }),
        (a, b) => {
          const sa = formatHlc({ ...a, node: 'dev-a' });
          const sb = formatHlc({ ...b, node: 'dev-a' });
          const expected = Math.sign(a.millis - b.millis || a.counter - b.counter);
          expect(Math.sign(compareHlc(sa, sb))).toBe(expected);
          expect(parseHlc(sa)).toEqual({ ...a, node: 'dev-a' });
        },
      ),
    );
  });

  it('is strictly increasing on one device even when the wall clock stands still or goes back', () => {
    let now = 1_000_000;
    const clock = new HybridLogicalClock('dev-a', () => now);
    const stamps = [clock.tick(), clock.tick()];
    now -= 50_000; // the device clock is set back
    stamps.push(clock.tick(), clock.tick());
    now += 100_000;
    stamps.push(clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('after receiving a remote clock, the next local event is ordered after it (causality)', () => {
    const a = new HybridLogicalClock('dev-a', () => 5_000);
    const b = new HybridLogicalClock('dev-b', () => 4_000);
    const remote = a.tick();
    b.receive(remote);
    expect(compareHlc(b.tick(), remote)).toBe(1);
  });

  it('keeps its state across sessions', () => {
    const a = new HybridLogicalClock('dev-a', () => 10);
    a.tick();
    a.tick();
    const restored = new HybridLogicalClock('dev-a', () => 10, a.state);
    expect(compareHlc(restored.tick(), a.state)).toBe(1);
  });

  it('refuses a remote clock more than 5 minutes ahead (M2 guard), so one bad device cannot drag others into the future', () => {
    const local = new HybridLogicalClock('dev-a', () => 1_000_000);
    const far = formatHlc({ millis: 1_000_000 + MAX_DRIFT_MS + 1, counter: 0, node: 'dev-b' });
    expect(() => local.receive(far)).toThrow(ClockDriftError);
    const near = formatHlc({ millis: 1_000_000 + MAX_DRIFT_MS, counter: 0, node: 'dev-b' });
    expect(() => local.receive(near)).not.toThrow();
  });

  it('M2: the server orders a mutation from a clock far ahead at its own time, and flags it', () => {
    const ahead = formatHlc({ millis: 10_000_000, counter: 3, node: 'dev-b' });
    expect(effectiveHlc(ahead, 10_000_000 - MAX_DRIFT_MS - 1)).toEqual({
      hlc: formatHlc({ millis: 10_000_000 - MAX_DRIFT_MS - 1, counter: 0, node: 'dev-b' }),
      clockAhead: true,
    });
    expect(effectiveHlc(ahead, 10_000_000 - MAX_DRIFT_MS)).toEqual({
      hlc: ahead,
      clockAhead: false,
    });
  });

  it('rejects malformed clock strings and node ids', () => {
    expect(() => parseHlc('yesterday')).toThrow();
    expect(() => new HybridLogicalClock('Device A')).toThrow();
  });
});
