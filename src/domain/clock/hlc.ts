// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so that events
// are totally ordered, respect causality across devices, and stay close to real time.
//
// Serialised as `<15-digit ms>-<5-digit counter>-<node>`: fixed-width, so the strings sort in
// the same order as the clocks they encode. <node> is the device id, which breaks ties.
import { z } from 'zod';

export interface Hlc {
  readonly millis: number;
  readonly counter: number;
  readonly node: string;
}

/** A device's clock may run at most this far ahead of the server's (merge rule M2). */
export const MAX_DRIFT_MS = 5 * 60 * 1000;
const MAX_COUNTER = 99_999;
const MILLIS_WIDTH = 15;
const COUNTER_WIDTH = 5;

export const HLC_PATTERN = /^\d{15}-\d{5}-[0-9a-z_-]{1,64}$/;
export const hlcStringSchema = z.string().regex(HLC_PATTERN, 'Not a hybrid logical clock value');

export class ClockDriftError extends Error {
  constructor(
    readonly remoteMillis: number,
    readonly localMillis: number,
  ) {
    super(
      `A clock is ${Math.round((remoteMillis - localMillis) / 1000)} s ahead of this one (at most ${MAX_DRIFT_MS / 1000} s allowed)`,
    );
    this.name = 'ClockDriftError';
  }
}

export function formatHlc(hlc: Hlc): string {
  if (!Number.isSafeInteger(hlc.millis) || hlc.millis < 0) throw new Error('Bad HLC millis');
  if (hlc.counter < 0 || hlc.counter > MAX_COUNTER) throw new Error('Bad HLC counter');
  return `${String(hlc.millis).padStart(MILLIS_WIDTH, '0')}-${String(hlc.counter).padStart(COUNTER_WIDTH, '0')}-${hlc.node}`;
}

export function parseHlc(value: string): Hlc {
  if (!HLC_PATTERN.test(value)) throw new Error(`Not an HLC: ${value}`);
  const millis = Number(value.slice(0, MILLIS_WIDTH));
  const counter = Number(value.slice(MILLIS_WIDTH + 1, MILLIS_WIDTH + 1 + COUNTER_WIDTH));
  const node = value.slice(MILLIS_WIDTH + COUNTER_WIDTH + 2);
  return { millis, counter, node };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A device's clock. `now` is injected so tests control time; it defaults to Date.now.
 * `tick()` stamps a local event; `receive()` folds in a clock seen from elsewhere (a pull).
 */
export class HybridLogicalClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
    last?: string,
  ) {
    if (!/^[0-9a-z_-]{1,64}$/.test(node)) throw new Error(`Bad HLC node id: ${node}`);
    this.last = last ? { ...parseHlc(last), node } : { millis: 0, counter: 0, node };
  }

  /** The serialised state, to persist between sessions. */
  get state(): string {
    return formatHlc(this.last);
  }

  tick(): string {
    const wall = this.now();
    if (wall > this.last.millis) {
      this.last = { millis: wall, counter: 0, node: this.node };
    } else {
      this.last = {
        millis: this.last.millis,
        counter: this.bump(this.last.counter),
        node: this.node,
      };
    }
    return formatHlc(this.last);
  }

  /**
   * Merge a remote clock. A remote clock more than MAX_DRIFT_MS ahead of our wall clock is refused
   * (ClockDriftError): adopting it would drag this device's clock into the future with it.
   */
  receive(remote: string): string {
    const r = parseHlc(remote);
    const wall = this.now();
    if (r.millis - wall > MAX_DRIFT_MS) throw new ClockDriftError(r.millis, wall);
    const millis = Math.max(wall, this.last.millis, r.millis);
    let counter: number;
    if (millis === this.last.millis && millis === r.millis) {
      counter = this.bump(Math.max(this.last.counter, r.counter));
    } else if (millis === this.last.millis) {
      counter = this.bump(this.last.counter);
    } else if (millis === r.millis) {
      counter = this.bump(r.counter);
    } else {
      counter = 0;
    }
    this.last = { millis, counter, node: this.node };
    return formatHlc(this.last);
  }

  private bump(counter: number): number {
    if (counter >= MAX_COUNTER)
      throw new Error('HLC counter overflow: too many events in one millisecond');
    return counter + 1;
  }
}

/**
 * The clock value the server orders a mutation by (merge rule M2): the device's own clock, unless
 * it is more than MAX_DRIFT_MS ahead of the server's time, in which case the server's time is used
 * and the mutation is flagged.
 */
export function effectiveHlc(
  deviceHlc: string,
  serverMillis: number,
): { hlc: string; clockAhead: boolean } {
  const parsed = parseHlc(deviceHlc);
  if (parsed.millis - serverMillis > MAX_DRIFT_MS) {
    return {
      hlc: formatHlc({ millis: serverMillis, counter: 0, node: parsed.node }),
      clockAhead: true,
    };
  }
  return { hlc: deviceHlc, clockAhead: false };
}
