// The PBKDF2 password verifier accounts had before encryption at rest (accounts database
// version 1). It is only ever checked once more: at the first unlock after the upgrade, to let
// a person in offline and seal their data under a new data key, after which it is deleted.
import type { PasswordVerifier } from '../accounts';
import { fromBase64, toBase64 } from './cipher';

async function pbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** A verifier as version 1 made them (tests of the upgrade). */
export async function makeLegacyVerifier(
  password: string,
  iterations = 1_000,
): Promise<PasswordVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    salt: toBase64(salt),
    hash: toBase64(await pbkdf2(password, salt, iterations)),
    iterations,
  };
}

export async function checkLegacyVerifier(
  password: string,
  verifier: PasswordVerifier,
): Promise<boolean> {
  const hash = await pbkdf2(password, fromBase64(verifier.salt), verifier.iterations);
  const expected = fromBase64(verifier.hash);
  if (hash.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < hash.length; i++) diff |= hash[i]! ^ expected[i]!;
  return diff === 0;
}
