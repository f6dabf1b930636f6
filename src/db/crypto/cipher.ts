// The device's symmetric cipher: XChaCha20-Poly1305 from @noble/ciphers (audited, synchronous,
// dependency-free). Synchronous matters: Dexie commits a transaction as soon as it awaits
// anything that is not IndexedDB (PrematureCommitError), so WebCrypto, which is asynchronous,
// cannot encrypt a row inside the transaction that writes it (saveChanges merges and writes in
// one). XChaCha's 24-byte random nonce makes a nonce collision negligible for every row a
// device will ever write under one key, and in JavaScript it is several times faster than a
// software AES-GCM.
//
// Sealed bytes: [version 1][24-byte nonce][ciphertext + 16-byte tag]. The additional data
// binds a ciphertext to where it belongs (database, table, row): moved to another row, it fails
// to open.
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';

export const KEY_BYTES = 32;
const NONCE_BYTES = 24;
const VERSION = 1;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A ciphertext that does not open under this key and additional data. */
export class DecryptError extends Error {
  constructor(message = 'The data could not be decrypted with this key.') {
    super(message);
    this.name = 'DecryptError';
  }
}

export function newKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = xchacha20poly1305(key, nonce, encoder.encode(aad)).encrypt(plaintext);
  const out = new Uint8Array(1 + NONCE_BYTES + ciphertext.length);
  out[0] = VERSION;
  out.set(nonce, 1);
  out.set(ciphertext, 1 + NONCE_BYTES);
  return out;
}

/** A Uint8Array, also one made in another realm (IndexedDB's structured clone in a test runner). */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array')
  );
}

export function open(key: Uint8Array, sealed: Uint8Array, aad: string): Uint8Array {
  if (!isBytes(sealed) || sealed.length < 1 + NONCE_BYTES + 16) {
    throw new DecryptError('The sealed data is malformed.');
  }
  if (sealed[0] !== VERSION) throw new DecryptError('The sealed data has an unknown version.');
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  try {
    return xchacha20poly1305(key, nonce, encoder.encode(aad)).decrypt(
      sealed.subarray(1 + NONCE_BYTES),
    );
  } catch {
    throw new DecryptError();
  }
}

export function sealJson(key: Uint8Array, value: unknown, aad: string): Uint8Array {
  return seal(key, encoder.encode(JSON.stringify(value)), aad);
}

export function openJson<T = unknown>(key: Uint8Array, sealed: Uint8Array, aad: string): T {
  return JSON.parse(decoder.decode(open(key, sealed, aad))) as T;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}
