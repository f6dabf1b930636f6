// The key-encryption key: Argon2id(password, salt), memory-hard, so a stolen device database
// can only be attacked at the KDF's cost (the design in ../shared/reference/
// device-privacy-design.md: m = 19 MiB, t = 2, p = 1 is about one second on a low-end phone).
// There is no separate password verifier: unwrapping the data key with this key (an AEAD's
// integrity check) is the offline password check, so nothing on the device can be attacked
// faster than the KDF.
//
// Calibration: the first sign-in on a device times a derivation with the baseline and raises
// the iteration count (at most twice, each from the times measured) towards about a second on
// this device: a fast laptop gets more iterations, a slow phone never fewer than the baseline.
// The parameters are stored with the wrapped key.
import { fromBase64, toBase64 } from './cipher';

export interface KdfParams {
  alg: 'argon2id';
  /** Memory in KiB. */
  m: number;
  /** Iterations. */
  t: number;
  /** Parallelism. */
  p: number;
  /** base64 of 16 random bytes. */
  salt: string;
}

/** The baseline (OWASP's second Argon2id configuration; the design's choice for phones). */
export const BASELINE_KDF = { m: 19 * 1024, t: 2, p: 1 } as const;
/** The most iterations calibration will choose (a derivation on a fast machine stays bounded). */
const MAX_ITERATIONS = 32;
/** What calibration aims for on this device. */
const TARGET_MS = 900;

export type KdfTuning = Pick<KdfParams, 'm' | 't' | 'p'>;

export async function deriveKey(password: string, params: KdfParams): Promise<Uint8Array> {
  const { argon2Key } = await import('./argon2');
  return argon2Key(password, fromBase64(params.salt), params);
}

/** Fetches the KDF's code ahead of need (the sign-in screen calls it when it opens). */
export function preloadKdf(): void {
  void import('./argon2').catch(() => undefined);
}

/**
 * New parameters for this device: a fresh salt, and the baseline's memory with as many
 * iterations as fit in about a second here. `tuning` fixes them instead (tests use a cheap one).
 */
export async function newKdfParams(
  password: string,
  options: {
    tuning?: KdfTuning;
    now?: () => number;
    /** The derivation (tests give a model of its cost). */
    derive?: (password: string, params: KdfParams) => Promise<Uint8Array>;
  } = {},
): Promise<{ params: KdfParams; key: Uint8Array }> {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  if (options.tuning) {
    const params: KdfParams = { alg: 'argon2id', salt, ...options.tuning };
    return { params, key: await deriveKey(password, params) };
  }
  const now = options.now ?? (() => performance.now());
  const derive = options.derive ?? deriveKey;
  const time = async (params: KdfParams) => {
    const started = now();
    const key = await derive(password, params);
    return { params, key, ms: now() - started };
  };
  let last = await time({ alg: 'argon2id', salt, ...BASELINE_KDF });
  // A derivation costs a fixed setup (allocating the memory, instantiating the module) plus a
  // share per iteration: the second estimate uses the slope between two measured runs, so the
  // fixed part is not taken for iterations (which would stop well short of the target).
  let previous: typeof last | null = null;
  for (let round = 0; round < 2; round++) {
    const perIteration = previous
      ? (last.ms - previous.ms) / (last.params.t - previous.params.t)
      : last.ms / last.params.t;
    if (!(perIteration > 0)) break;
    const t = Math.min(
      MAX_ITERATIONS,
      Math.floor(last.params.t + (TARGET_MS - last.ms) / perIteration),
    );
    if (t <= last.params.t) break;
    previous = last;
    last = await time({ ...last.params, t });
  }
  return { params: last.params, key: last.key };
}
