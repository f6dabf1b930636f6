// What the server adds to a device's mutation before merging it: who sent it, the clock it is
// ordered by (M2's guard against a device clock far ahead), and whether it is a resolution (M3).
import { effectiveHlc } from '../clock/hlc';
import type { Mutation } from '../protocol/mutation';

export interface StampedMutation extends Mutation {
  userId: string;
  /** The device's clock, or the server's time when the device's ran more than 5 minutes ahead. */
  effectiveHlc: string;
  clockAhead: boolean;
  /** A supervisor's resolution of a conflict: starts a new generation of the groups it sets (M3). */
  resolution: boolean;
}

export function stampMutation(
  mutation: Mutation,
  userId: string,
  serverMillis: number,
  resolution = false,
): StampedMutation {
  const { hlc, clockAhead } = effectiveHlc(mutation.hlc, serverMillis);
  return { ...mutation, userId, effectiveHlc: hlc, clockAhead, resolution };
}
