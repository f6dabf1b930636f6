// Whether a new client may be someone already recorded: how alike two clients are, in points and
// plain reasons, and when the New client form has enough to ask (issue 12: as soon as the first
// name, last name and date of birth are typed). Names are compared folded, with the Levenshtein
// distance of the maintained fastest-levenshtein package. Pure.
import { fullSsn } from '../merge';
import { foldName, nameDistance, ssnLast4Of, type ClientKeys } from './client-query';

/** A candidate is shown as a possible duplicate from this score (out of 100). */
export const DUPLICATE_MIN_SCORE = 40;

export const MATCH_POINTS = {
  sameName: 40,
  similarName: 30,
  swappedName: 30,
  initialAndLastName: 25,
  sameLastName: 10,
  sameDob: 35,
  similarDob: 10,
  sameSsn: 60,
  sameSsnLast4: 30,
} as const;

/**
 * Two folded names are close: equal; one starts the other ("Rob"/"Robin", "Garcia"/
 * "Garcialopez", 3 letters or more); or at most 2 edits apart (1 for names under 5 letters, so
 * "Ann"/"Amy" are not close). An edit is an insertion, deletion or substitution (Levenshtein):
 * a swap of two neighbouring letters is 2.
 */
export function namesClose(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  const allowed = shorter >= 5 ? 2 : shorter >= 3 ? 1 : 0;
  return allowed > 0 && nameDistance(a, b) <= allowed;
}

function nameMatch(a: ClientKeys, b: ClientKeys): { reason: string; points: number } | null {
  const af = foldName(a.firstName);
  const al = foldName(a.lastName);
  const bf = foldName(b.firstName);
  const bl = foldName(b.lastName);
  if (af && al && af === bf && al === bl)
    return { reason: 'Same name', points: MATCH_POINTS.sameName };
  if (af && al && namesClose(af, bf) && namesClose(al, bl))
    return { reason: 'Similar name', points: MATCH_POINTS.similarName };
  if (af && al && namesClose(af, bl) && namesClose(al, bf))
    return { reason: 'First and last names swapped', points: MATCH_POINTS.swappedName };
  if (al && al === bl && af && af[0] === bf[0])
    return { reason: 'Same last name and first initial', points: MATCH_POINTS.initialAndLastName };
  if (al && al === bl) return { reason: 'Same last name', points: MATCH_POINTS.sameLastName };
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dobMatch(a: unknown, b: unknown): { reason: string; points: number } | null {
  if (typeof a !== 'string' || typeof b !== 'string') return null;
  const ma = DATE.exec(a);
  const mb = DATE.exec(b);
  if (!ma || !mb) return null;
  if (a === b) return { reason: 'Same date of birth', points: MATCH_POINTS.sameDob };
  const [, ya, mo, da] = ma;
  const [, yb, mob, db] = mb;
  const differing = [ya !== yb, mo !== mob, da !== db].filter(Boolean).length;
  const swapped = ya === yb && mo === db && da === mob;
  if (differing === 1 || swapped)
    return { reason: 'Similar date of birth', points: MATCH_POINTS.similarDob };
  return null;
}

export interface MatchScore {
  /** 0–100: higher is more likely the same person. */
  score: number;
  /** In plain words, strongest first: "Same date of birth", "Similar name", … */
  reasons: string[];
}

/** How alike a new client and an existing one are. */
export function scoreMatch(input: ClientKeys, candidate: ClientKeys): MatchScore {
  const parts: { reason: string; points: number }[] = [];
  const name = nameMatch(input, candidate);
  if (name) parts.push(name);
  const dob = dobMatch(input.dob, candidate.dob);
  if (dob) parts.push(dob);
  const ssnA = typeof input.ssn === 'string' ? fullSsn({ ssn: input.ssn }) : null;
  const ssnB = typeof candidate.ssn === 'string' ? fullSsn({ ssn: candidate.ssn }) : null;
  if (ssnA && ssnA === ssnB) {
    parts.push({ reason: 'Same SSN', points: MATCH_POINTS.sameSsn });
  } else {
    const last4 = ssnLast4Of(input);
    if (last4 && last4 === ssnLast4Of(candidate))
      parts.push({ reason: 'Same last 4 of SSN', points: MATCH_POINTS.sameSsnLast4 });
  }
  parts.sort((x, y) => y.points - x.points);
  return {
    score: Math.min(
      100,
      parts.reduce((sum, p) => sum + p.points, 0),
    ),
    reasons: parts.map((p) => p.reason),
  };
}

export interface Candidate<T> extends MatchScore {
  client: T;
}

/** The candidates that may be the same person as the new client, most likely first. */
export function possibleDuplicates<T extends ClientKeys & { id: string }>(
  input: ClientKeys,
  candidates: readonly T[],
  minScore: number = DUPLICATE_MIN_SCORE,
): Candidate<T>[] {
  const seen = new Set<string>();
  const out: Candidate<T>[] = [];
  for (const client of candidates) {
    if (seen.has(client.id)) continue;
    seen.add(client.id);
    const match = scoreMatch(input, client);
    if (match.score >= minScore) out.push({ client, ...match });
  }
  return out.sort((a, b) => b.score - a.score || a.client.id.localeCompare(b.client.id));
}

/** Cheap test for the device scan: could this name score at all against the input's name? */
export function nameMayMatch(input: ClientKeys, candidate: ClientKeys): boolean {
  return nameMatch(input, candidate) !== null;
}

/** What the New client form has typed so far, as far as the duplicate check reads it. */
export interface DuplicateCheckFields {
  firstName: string;
  lastName: string;
  dob: string;
  ssn: string;
}

/**
 * The keys to check for possible duplicates while the New client form is being filled: as soon
 * as a first name, a last name and a full date of birth are typed (issue 12), with the SSN once
 * it is 9 digits or x's; null until then.
 */
export function earlyDuplicateKeys(form: DuplicateCheckFields): ClientKeys | null {
  const firstName = form.firstName.trim();
  const lastName = form.lastName.trim();
  const dob = form.dob.trim();
  if (!foldName(firstName) || !foldName(lastName) || !DATE.test(dob)) return null;
  const ssn = form.ssn.replace(/[\s-]/g, '').toLowerCase();
  return /^[0-9x]{9}$/.test(ssn) && /\d/.test(ssn)
    ? { firstName, lastName, dob, ssn }
    : { firstName, lastName, dob };
}
