// M10: two client records created offline for the same person are both kept and flagged. A pair
// is a possible duplicate when it has the same name and date of birth, or the same full SSN.
import type { FieldValues } from './state';

/** SSNs that are placeholders, not a person's number (HMIS CSV general rule 7 and common fillers). */
const PLACEHOLDER_SSNS = new Set(['000000000', '111111111', '123456789', '999999999']);

/**
 * A name as compared and searched, the one normaliser of the device and the server (M10 keys,
 * search keys and search queries): lowercase, accents folded (NFD, then the combining marks
 * removed), letters only. "José" → "jose", "Mary-Jo O'Néil" → "maryjooneil"; anything but a
 * string → "". Letters of any script are kept, so a name in another alphabet is not erased.
 */
export function normalizeName(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}]/gu, '');
}

export function fullSsn(fields: FieldValues): string | null {
  const ssn = fields.ssn;
  if (typeof ssn !== 'string' || !/^\d{9}$/.test(ssn) || PLACEHOLDER_SSNS.has(ssn)) return null;
  if (ssn.startsWith('000') || ssn.startsWith('666') || ssn.startsWith('9')) return null;
  return ssn;
}

/** The key the server indexes clients by to find candidates: normalised first + last name + DOB. */
export function nameDobKey(fields: FieldValues): string | null {
  const first = normalizeName(fields.firstName);
  const last = normalizeName(fields.lastName);
  const dob = fields.dob;
  if (!first || !last || typeof dob !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(dob)) return null;
  return `${first}|${last}|${dob}`;
}

export function isPossibleDuplicate(a: FieldValues, b: FieldValues): boolean {
  const keyA = nameDobKey(a);
  if (keyA !== null && keyA === nameDobKey(b)) return true;
  const ssnA = fullSsn(a);
  return ssnA !== null && ssnA === fullSsn(b);
}
