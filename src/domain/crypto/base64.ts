// Standard base64 (RFC 4648 §4, with padding) for the sealed outbox's keys, IVs, ciphertexts and
// signatures. Written out rather than through btoa/atob: those take "binary strings", which would
// mean building a 1 MB string a character at a time for a large ciphertext, and atob quietly
// accepts input without padding or with whitespace. Decoding here is strict: anything that is not
// exactly what encodeBase64 makes comes back as null, so a tampered field is refused, not guessed.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Each 6-bit value's character code. */
const CODES = Uint8Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);
const ascii = new TextDecoder();

/** Each character code's 6-bit value, or -1 for a character outside the alphabet. */
const VALUES = (() => {
  const values = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  return values;
})();

export function encodeBase64(bytes: Uint8Array): string {
  // ASCII codes into a byte array, decoded once: a character at a time into a string took
  // 150-300 ms for a megabyte, this takes a few.
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let at = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const rest = bytes.length - i;
    const b0 = bytes[i]!;
    const b1 = rest > 1 ? bytes[i + 1]! : 0;
    const b2 = rest > 2 ? bytes[i + 2]! : 0;
    out[at++] = CODES[b0 >> 2]!;
    out[at++] = CODES[((b0 & 3) << 4) | (b1 >> 4)]!;
    out[at++] = rest > 1 ? CODES[((b1 & 15) << 2) | (b2 >> 6)]! : PAD;
    out[at++] = rest > 2 ? CODES[b2 & 63]! : PAD;
  }
  return ascii.decode(out);
}

/** The bytes of a padded base64 text, or null when it is not one (or has non-zero spare bits). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const v0 = valueAt(text, i);
    const v1 = valueAt(text, i + 1);
    const v2 = last && padding === 2 ? 0 : valueAt(text, i + 2);
    const v3 = last && padding >= 1 ? 0 : valueAt(text, i + 3);
    if (v0 < 0 || v1 < 0 || v2 < 0 || v3 < 0) return null;
    const n = (v0 << 18) | (v1 << 12) | (v2 << 6) | v3;
    bytes[at++] = n >> 16;
    if (last && padding === 2) {
      if ((n & 0xffff) !== 0) return null;
      break;
    }
    bytes[at++] = (n >> 8) & 0xff;
    if (last && padding === 1) {
      if ((n & 0xff) !== 0) return null;
      break;
    }
    bytes[at++] = n & 0xff;
  }
  return bytes;
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? VALUES[code]! : -1;
}
