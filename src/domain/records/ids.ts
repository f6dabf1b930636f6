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
 */
export function derivedId(name: string): Id {
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  for (const byte of new TextEncoder().encode(name)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  const hex = hash.toString(16).padStart(32, '0');
  return `${hex.slice(0, 12)}8${hex.slice(13)}`;
}
