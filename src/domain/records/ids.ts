// Record ids are UUIDs generated on the device, written as 32 lowercase hex characters so that
// they fit HMIS's S32 identifiers (PersonalID, EnrollmentID, ...).
import { z } from 'zod';

export const ID_PATTERN = /^[0-9a-f]{32}$/;

const ID_MESSAGE = 'An id is 32 lowercase hexadecimal characters (a UUID without dashes).';

export const idSchema = z.string({ error: ID_MESSAGE }).regex(ID_PATTERN, ID_MESSAGE);

export type Id = z.infer<typeof idSchema>;

/** A new random (version 4) UUID as 32 hex characters. */
export function newId(): Id {
  return crypto.randomUUID().replaceAll('-', '');
}

/** Accepts a dashed or upper-case UUID and returns the canonical 32-hex form. */
export function normalizeId(uuid: string): Id {
  const id = uuid.replaceAll('-', '').toLowerCase();
  if (!ID_PATTERN.test(id)) throw new Error(`Not a UUID: ${uuid}`);
  return id;
}

/**
 * A stable id derived from a name: 128-bit FNV-1a, with the UUID version nibble set to 8 so that a
 * derived id can never equal a random version-4 id. Used for records of which an enrollment has at
 * most one (its Entry and Exit assessments), so that two devices creating one offline produce the
 * same record and merge field by field instead of making a duplicate.
 *
 * Computed on eight 16-bit limbs rather than BigInt (same result, several times faster: an HMIS
 * export derives an id for every Disabilities row). The FNV prime is 2^88 + 0x13b, so
 * hash × prime = hash × 0x13b + (hash << 88), modulo 2^128.
 */
export function derivedId(name: string): Id {
  // The offset basis 0x6c62272e07bb014262b821756295c58d, lowest limb first.
  let h0 = 0xc58d;
  let h1 = 0x6295;
  let h2 = 0x2175;
  let h3 = 0x62b8;
  let h4 = 0x0142;
  let h5 = 0x07bb;
  let h6 = 0x272e;
  let h7 = 0x6c62;
  const bytes = utf8Bytes(name);
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    // Each product is below 2^25 and each carry below 2^10, so every sum is a small integer.
    let v = h0 * 0x13b;
    const n0 = v & 0xffff;
    v = h1 * 0x13b + (v >>> 16);
    const n1 = v & 0xffff;
    v = h2 * 0x13b + (v >>> 16);
    const n2 = v & 0xffff;
    v = h3 * 0x13b + (v >>> 16);
    const n3 = v & 0xffff;
    v = h4 * 0x13b + (v >>> 16);
    const n4 = v & 0xffff;
    v = h5 * 0x13b + (v >>> 16) + ((h0 << 8) & 0xffff);
    const n5 = v & 0xffff;
    v = h6 * 0x13b + (v >>> 16) + (((h1 << 8) | (h0 >>> 8)) & 0xffff);
    const n6 = v & 0xffff;
    v = h7 * 0x13b + (v >>> 16) + (((h2 << 8) | (h1 >>> 8)) & 0xffff);
    h7 = v & 0xffff;
    h0 = n0;
    h1 = n1;
    h2 = n2;
    h3 = n3;
    h4 = n4;
    h5 = n5;
    h6 = n6;
  }
  const hex = [h7, h6, h5, h4, h3, h2, h1, h0].map((l) => l.toString(16).padStart(4, '0')).join('');
  return `${hex.slice(0, 12)}8${hex.slice(13)}`;
}

const encoder = new TextEncoder();

/** The UTF-8 bytes of a string; ASCII (every derived name in practice) without an encoder. */
function utf8Bytes(text: string): ArrayLike<number> {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return encoder.encode(text);
    bytes[i] = code;
  }
  return bytes;
}
