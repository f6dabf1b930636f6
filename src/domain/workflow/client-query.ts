// What a client search asks for and how a typed name is compared with a stored one, on the
// device and on the server alike (issue 12: "Odesa Quarington" finds "Odessa Quarrington").
// Names are folded first (the merge's normalizeName); the edit distance is the Levenshtein
// distance of the maintained fastest-levenshtein package. Pure.
import { distance } from 'fastest-levenshtein';
import { normalizeName } from '../merge';

/**
 * A name as compared and searched: the shared normalizeName of src/domain/merge (accents folded,
 * lowercase, letters only: "José" → "jose", "Mary-Jo O'Néil" → "maryjooneil"), the same function
 * the server's M10 check and search use, so the device and the server never disagree on a name.
 */
export const foldName: (value: unknown) => string = normalizeName;

/** What a search asks for; empty strings and undefined mean "any". */
export interface ClientQuery {
  firstName?: string;
  lastName?: string;
  /** YYYY-MM-DD */
  dob?: string;
  /** 4 digits */
  ssnLast4?: string;
}

/** The recognisable parts of a client, wherever it comes from (this device or the server). */
export interface ClientKeys {
  firstName?: unknown;
  lastName?: unknown;
  dob?: unknown;
  /** The full SSN (this device's copy) — only its last 4 and, when real, the whole are compared. */
  ssn?: unknown;
  /** The last 4 digits (server results carry only these). */
  ssnLast4?: unknown;
  /** Any other fields of the record (a device view passes as it is). */
  readonly [field: string]: unknown;
}

/**
 * Something with a client's keys: a ClientKeys, or any object with some of its fields (an
 * interface such as FoundClient, which has no index signature).
 */
export type KeyFields =
  ClientKeys | Pick<ClientKeys, 'firstName' | 'lastName' | 'dob' | 'ssn' | 'ssnLast4'>;

/** The last 4 of an SSN when they are digits ("xxxxx1234" → "1234"), else null. */
export function ssnLast4Of(keys: KeyFields): string | null {
  if (typeof keys.ssnLast4 === 'string' && /^\d{4}$/.test(keys.ssnLast4)) return keys.ssnLast4;
  if (typeof keys.ssn !== 'string') return null;
  const last4 = keys.ssn.slice(-4);
  return /^\d{4}$/.test(last4) ? last4 : null;
}

/** True when the query asks for something (the server refuses an empty search too). */
export function hasCriteria(query: ClientQuery): boolean {
  return Boolean(
    foldName(query.firstName) || foldName(query.lastName) || query.dob || query.ssnLast4,
  );
}

/** Problems with a search before it is run, by field. */
export function checkQuery(query: ClientQuery): { field: keyof ClientQuery; message: string }[] {
  const issues: { field: keyof ClientQuery; message: string }[] = [];
  if (!hasCriteria(query)) {
    issues.push({
      field: 'lastName',
      message: 'Enter a name, a date of birth or the last 4 of the SSN to search.',
    });
  }
  if (query.ssnLast4 && !/^\d{4}$/.test(query.ssnLast4)) {
    issues.push({ field: 'ssnLast4', message: 'The last 4 of the SSN are 4 digits.' });
  }
  if (query.dob && !/^\d{4}-\d{2}-\d{2}$/.test(query.dob)) {
    issues.push({ field: 'dob', message: 'Enter the date of birth as a full date.' });
  }
  return issues;
}

// ---- typed names ------------------------------------------------------------------------------

/**
 * The Levenshtein distance of two folded names (insertions, deletions and substitutions each
 * count 1, so a swap of neighbouring letters is 2), from the fastest-levenshtein package: the one
 * edit distance of search and of the duplicate check.
 */
export const nameDistance: (a: string, b: string) => number = distance;

/**
 * How many typing mistakes a searched name may hold, by its folded length: none up to 3 letters
 * (a short name is a prefix search: "Rob" must not find "Bob"), 1 from 4 letters, 2 from 7.
 */
export function searchTypoAllowance(typedLength: number): number {
  return typedLength >= 7 ? 2 : typedLength >= 4 ? 1 : 0;
}

/**
 * How far a typed name is from a stored one, both folded: 0 when the stored name starts with
 * what was typed ("rob" / "robin"), else the Levenshtein distance between the two whole names
 * when it is within searchTypoAllowance ("odesa" / "odessa" 1), else null (no match). A swap of
 * two neighbouring letters counts 2.
 */
export function typedNameEdits(typed: string, stored: string): number | null {
  if (!typed) return 0;
  if (!stored) return null;
  if (stored.startsWith(typed)) return 0;
  const allowed = searchTypoAllowance(typed.length);
  if (allowed === 0) return null;
  const edits = nameDistance(typed, stored);
  return edits <= allowed ? edits : null;
}

/**
 * How close a client is to a search: null when a given criterion fails (names within the typo
 * allowance, DOB and last 4 exactly), else the typing mistakes the names needed (0: every name
 * matches from its start).
 */
export function searchEdits(client: KeyFields, query: ClientQuery): number | null {
  if (query.dob && client.dob !== query.dob) return null;
  if (query.ssnLast4 && ssnLast4Of(client) !== query.ssnLast4) return null;
  let total = 0;
  for (const key of ['firstName', 'lastName'] as const) {
    const edits = typedNameEdits(foldName(query[key]), foldName(client[key]));
    if (edits === null) return null;
    total += edits;
  }
  return total;
}

/**
 * Does a client match a search? Every given criterion must hold: names match from their start
 * or within a typo or two (case and accents ignored, as the server's search does), DOB and last
 * 4 exactly.
 */
export function matchesQuery(client: KeyFields, query: ClientQuery): boolean {
  return searchEdits(client, query) !== null;
}
