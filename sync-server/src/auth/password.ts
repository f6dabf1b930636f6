// Password hashing with scrypt (node:crypto), memory-hard: N=2^15, r=8, p=1 takes 32 MiB and
// some tens of milliseconds per hash. Stored as `scrypt$N$r$p$salt$hash` (salt and hash in
// base64url), so the parameters can be raised later without breaking existing hashes.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer passwords are refused before hashing (a megabyte "password" is an attack, not a choice). */
export const MAX_PASSWORD_LENGTH = 1024;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT_PARAMS: ScryptParams = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });

/**
 * The parameters new hashes get. Test runs (NODE_ENV=test) may lower N with
 * FIELDNOTE_TEST_SCRYPT_LOG2_N (vitest.config.ts sets 10), so that the many sign-ins of the test
 * suite stay cheap on a busy 2-core machine; outside tests the variable is ignored. Verification
 * always uses the parameters stored with the hash.
 */
export function defaultScryptParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const log2 = Number(env.FIELDNOTE_TEST_SCRYPT_LOG2_N);
  if (env.NODE_ENV === 'test' && Number.isInteger(log2) && log2 >= 4 && log2 < 15) {
    return { ...PRODUCTION_SCRYPT_PARAMS, N: 2 ** log2 };
  }
  return PRODUCTION_SCRYPT_PARAMS;
}

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; allow twice that (Node's default cap is 32 MiB).
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `A password has at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim() === '') return 'A password cannot be only spaces.';
  return null;
}

export async function hashPassword(
  password: string,
  params: ScryptParams = defaultScryptParams(),
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await scryptAsync(password, salt, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

function parseHash(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((s) => (/^\d{1,8}$/.test(s!) ? Number(s) : NaN)) as [
    number,
    number,
    number,
  ];
  // Bounds keep a corrupt row from making a sign-in allocate gigabytes.
  const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length < 16) return null;
  return { params: { N, r, p }, salt, key };
}

/** Constant-time check of `password` against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of a real verification, for sign-ins with an unknown username, so that
 * response times do not tell which usernames exist.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword('fieldnote-dummy-password-never-matches');
  await verifyPassword(password, await dummyHash);
  return false;
}

// No 0/O, 1/l/I: generated passwords are read aloud and typed from a terminal.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of `length` characters (about 5.8 bits each; 20 characters ≈ 116 bits). */
export function generatePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
