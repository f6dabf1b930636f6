// Bench 5, the unlock: deriving the key-encryption key with Argon2id (src/db/crypto/kdf.ts,
// hash-wasm) and unwrapping the data key with it (data-key.ts), the real code paths. Also what
// the KDF's first use in a page costs (its chunk and WebAssembly), and what calibration (the
// first sign-in on a device) picks here. The driver throttles the CPU around these calls.
import { newKey, open, seal, toBase64 } from '../../../src/db/crypto/cipher';
import { createDataKey, unwrapDataKey } from '../../../src/db/crypto/data-key';
import { deriveKey, newKdfParams, type KdfParams } from '../../../src/db/crypto/kdf';
import { newId } from '../../../src/domain/records';
import type { CalibrationFigures, KdfLoadFigures, KdfSetting, UnlockFigures } from './api';

/** Synthetic: no real person's password. */
const PASSWORD = 'synthetic-bench-unlock-password';
const now = () => performance.now();

/** Set once anything here has run the KDF: the first-load figure is only valid before that. */
let kdfUsed = false;

const settingOf = (p: Pick<KdfParams, 'm' | 't' | 'p'>): KdfSetting => ({ m: p.m, t: p.t, p: p.p });

export async function benchKdfLoad(): Promise<KdfLoadFigures> {
  if (kdfUsed) throw new Error('kdfLoad must run before any other KDF use in this page');
  kdfUsed = true;
  let t = now();
  await import('../../../src/db/crypto/argon2');
  const importMs = now() - t;
  // The smallest parameters hash-wasm takes: the derivation itself is negligible, so the first
  // call is the WebAssembly's decoding and compilation (hash-wasm caches the compiled module).
  const tiny: KdfParams = {
    alg: 'argon2id',
    m: 8,
    t: 1,
    p: 1,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(16))),
  };
  t = now();
  await deriveKey(PASSWORD, tiny);
  const firstDeriveMs = now() - t;
  t = now();
  await deriveKey(PASSWORD, tiny);
  const secondDeriveMs = now() - t;
  return { importMs, firstDeriveMs, secondDeriveMs };
}

export async function benchCalibrate(): Promise<CalibrationFigures> {
  kdfUsed = true;
  const t = now();
  const { params } = await newKdfParams(PASSWORD);
  return { chosen: settingOf(params), ms: now() - t };
}

/** The unwrap's own step (unwrapDataKey after the derivation): opening a sealed 32-byte key. */
function unwrapOnly(key: Uint8Array): number {
  const kek = newKey();
  const sealed = seal(kek, key, 'fieldnote:data-key:bench');
  const rounds = 1_000;
  const t = now();
  for (let i = 0; i < rounds; i++) open(kek, sealed, 'fieldnote:data-key:bench');
  return (now() - t) / rounds;
}

export async function benchUnlock(setting: KdfSetting, runs: number): Promise<UnlockFigures> {
  kdfUsed = true;
  const userId = newId();
  const { key, wrapped } = await createDataKey(userId, PASSWORD, { tuning: setting });
  const figures: UnlockFigures = {
    setting: settingOf(wrapped.kdf),
    deriveMs: [],
    unlockMs: [],
    unwrapOnlyMs: unwrapOnly(key),
    keyMatched: true,
  };
  for (let i = 0; i < runs; i++) {
    let t = now();
    (await deriveKey(PASSWORD, wrapped.kdf)).fill(0);
    figures.deriveMs.push(now() - t);
    t = now();
    const unwrapped = await unwrapDataKey(userId, wrapped, PASSWORD);
    figures.unlockMs.push(now() - t);
    if (!unwrapped || unwrapped.some((b, j) => b !== key[j])) figures.keyMatched = false;
  }
  return figures;
}
