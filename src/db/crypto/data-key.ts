// A person's data key on this device: 32 random bytes made at their first online sign-in here,
// stored only wrapped (sealed) under the key-encryption key derived from their password
// (kdf.ts). Unwrapping it is the password check; a wrong password fails the AEAD tag.
import { DecryptError, newKey, open, seal, toBase64, fromBase64 } from './cipher';
import { deriveKey, newKdfParams, type KdfParams, type KdfTuning } from './kdf';

export interface WrappedKey {
  kdf: KdfParams;
  /** base64 of the sealed data key. */
  wrapped: string;
}

const aadOf = (userId: string) => `fieldnote:data-key:${userId}`;

/** A new data key, wrapped under the password. */
export async function createDataKey(
  userId: string,
  password: string,
  options: { tuning?: KdfTuning } = {},
): Promise<{ key: Uint8Array; wrapped: WrappedKey }> {
  const key = newKey();
  return { key, wrapped: await wrapDataKey(userId, key, password, options) };
}

/** The data key wrapped under a (new) password with fresh KDF parameters. */
export async function wrapDataKey(
  userId: string,
  key: Uint8Array,
  password: string,
  options: { tuning?: KdfTuning } = {},
): Promise<WrappedKey> {
  const { params, key: kek } = await newKdfParams(password, options);
  try {
    return { kdf: params, wrapped: toBase64(seal(kek, key, aadOf(userId))) };
  } finally {
    kek.fill(0);
  }
}

/** The data key, or null when the password is wrong. */
export async function unwrapDataKey(
  userId: string,
  wrapped: WrappedKey,
  password: string,
): Promise<Uint8Array | null> {
  const kek = await deriveKey(password, wrapped.kdf);
  try {
    return open(kek, fromBase64(wrapped.wrapped), aadOf(userId));
  } catch (error) {
    if (error instanceof DecryptError) return null;
    throw error;
  } finally {
    kek.fill(0);
  }
}
