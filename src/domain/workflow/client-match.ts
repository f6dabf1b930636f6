// Finding and recording a client: how names are compared and searched, how a possible duplicate
// is scored before a new client is created, and the rules of the client form (universal data
// elements with their data quality, contact information): defaults, checks, hints, and which
// fields a save changes. Pure: the screens in src/features/clients call these.
import { z } from 'zod';
import { fullSsn, normalizeName, FIELD_GROUPS } from '../merge';
import type { JsonValue } from '../protocol/mutation';
import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
  FULL_REPORTED,
  PARTIAL_REPORTED,
} from '../codes';
import { clientSchema, type Client } from '../records';
import { dobAfterEnrollmentsMessage } from './dob-rules';

// ---- names -----------------------------------------------------------------------------------

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

/** The last 4 of an SSN when they are digits ("xxxxx1234" → "1234"), else null. */
export function ssnLast4Of(keys: ClientKeys): string | null {
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

/**
 * Does a client match a search? Every given criterion must hold: names match from their start
 * (case and accents ignored, as the server's search does), DOB and last 4 exactly.
 */
export function matchesQuery(client: ClientKeys, query: ClientQuery): boolean {
  const first = foldName(query.firstName);
  const last = foldName(query.lastName);
  if (first && !foldName(client.firstName).startsWith(first)) return false;
  if (last && !foldName(client.lastName).startsWith(last)) return false;
  if (query.dob && client.dob !== query.dob) return false;
  if (query.ssnLast4 && ssnLast4Of(client) !== query.ssnLast4) return false;
  return true;
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

// ---- search results ---------------------------------------------------------------------------

/** A client found on this device. */
export interface LocalFound {
  client: ClientKeys & { id: string };
  /** The client has an enrollment at the provider the person enters data as. */
  enrolledHere: boolean;
}

/** A client found by the server's search (recognition fields only). */
export interface ServerFound {
  id: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  ssnLast4: string | null;
  providers: { id: string; name: string }[];
}

export interface FoundClient {
  id: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  ssnLast4: string | null;
  /** On this device: open its profile. Server only: start a project entry to bring it here. */
  onDevice: boolean;
  /** Only known for clients on this device. */
  enrolledHere: boolean | null;
  /** Providers that served the person (from the server); null when the server did not answer. */
  providers: { id: string; name: string }[] | null;
}

const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Local and server results as one list, one entry per client id, by last then first name. */
export function mergeFound(
  local: readonly LocalFound[],
  server: readonly ServerFound[] | null,
): FoundClient[] {
  const byId = new Map<string, FoundClient>();
  for (const l of local) {
    byId.set(l.client.id, {
      id: l.client.id,
      firstName: strOrNull(l.client.firstName),
      lastName: strOrNull(l.client.lastName),
      dob: strOrNull(l.client.dob),
      ssnLast4: ssnLast4Of(l.client),
      onDevice: true,
      enrolledHere: l.enrolledHere,
      providers: null,
    });
  }
  for (const s of server ?? []) {
    const known = byId.get(s.id);
    if (known) {
      known.providers = s.providers;
      known.ssnLast4 ??= s.ssnLast4;
      continue;
    }
    byId.set(s.id, {
      id: s.id,
      firstName: s.firstName,
      lastName: s.lastName,
      dob: s.dob,
      ssnLast4: s.ssnLast4,
      onDevice: false,
      enrolledHere: null,
      providers: s.providers,
    });
  }
  return [...byId.values()].sort(
    (a, b) =>
      foldName(a.lastName).localeCompare(foldName(b.lastName)) ||
      foldName(a.firstName).localeCompare(foldName(b.firstName)) ||
      a.id.localeCompare(b.id),
  );
}

// ---- possible duplicates ----------------------------------------------------------------------

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
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each count 1 ("Robin"/"Robyn" 1, "Tset"/"Test" 1).
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Two folded names are close: equal; one starts the other ("Rob"/"Robin", "Garcia"/
 * "Garcialopez", 3 letters or more); or at most 2 edits apart (1 for names under 5 letters, so
 * "Ann"/"Amy" are not close).
 */
export function namesClose(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  const allowed = shorter >= 5 ? 2 : shorter >= 3 ? 1 : 0;
  return allowed > 0 && editDistance(a, b) <= allowed;
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

// ---- the client form --------------------------------------------------------------------------

/** The client form as typed: text as text, unanswered choices as null. */
export interface ClientForm {
  firstName: string;
  middleName: string;
  lastName: string;
  nameSuffix: string;
  nameDataQuality: number | null;
  ssn: string;
  ssnDataQuality: number | null;
  dob: string;
  dobDataQuality: number | null;
  race: number[];
  raceNone: number | null;
  additionalRaceEthnicity: string;
  sex: number | null;
  veteranStatus: number | null;
  phone: string;
  email: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  zip: string;
}

export type ClientFormField = keyof ClientForm;

/** The client record without its id. */
export type ClientValues = Omit<Client, 'id'>;

export function emptyClientForm(prefill: Partial<ClientForm> = {}): ClientForm {
  return {
    firstName: '',
    middleName: '',
    lastName: '',
    nameSuffix: '',
    nameDataQuality: null,
    ssn: '',
    ssnDataQuality: null,
    dob: '',
    dobDataQuality: null,
    race: [],
    raceNone: null,
    additionalRaceEthnicity: '',
    sex: null,
    veteranStatus: null,
    phone: '',
    email: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    state: '',
    zip: '',
    ...prefill,
  };
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const code = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The form for an existing client record (a view: any missing field reads as empty). */
export function clientFormFromRecord(record: Readonly<Record<string, unknown>>): ClientForm {
  const address = (
    record.address && typeof record.address === 'object' ? record.address : {}
  ) as Record<string, unknown>;
  return {
    firstName: text(record.firstName),
    middleName: text(record.middleName),
    lastName: text(record.lastName),
    nameSuffix: text(record.nameSuffix),
    nameDataQuality: code(record.nameDataQuality),
    ssn: text(record.ssn),
    ssnDataQuality: code(record.ssnDataQuality),
    dob: text(record.dob),
    dobDataQuality: code(record.dobDataQuality),
    race: Array.isArray(record.race) ? record.race.filter((r) => typeof r === 'number') : [],
    raceNone: code(record.raceNone),
    additionalRaceEthnicity: text(record.additionalRaceEthnicity),
    sex: code(record.sex),
    veteranStatus: code(record.veteranStatus),
    phone: text(record.phone),
    email: text(record.email),
    addressLine1: text(address.line1),
    addressLine2: text(address.line2),
    city: text(address.city),
    state: text(address.state),
    zip: text(address.zip),
  };
}

/** The record field group each form field belongs to (a save sends whole groups). */
export const FORM_FIELD_GROUP: Readonly<Record<ClientFormField, string>> = {
  firstName: 'name',
  middleName: 'name',
  lastName: 'name',
  nameSuffix: 'name',
  nameDataQuality: 'name',
  ssn: 'ssn',
  ssnDataQuality: 'ssn',
  dob: 'dob',
  dobDataQuality: 'dob',
  race: 'race',
  raceNone: 'race',
  additionalRaceEthnicity: 'race',
  sex: 'sex',
  veteranStatus: 'veteranStatus',
  phone: 'phone',
  email: 'email',
  addressLine1: 'address',
  addressLine2: 'address',
  city: 'address',
  state: 'address',
  zip: 'address',
};

/** The record fields of a group: the merge's field groups, else the field itself. */
export function groupRecordFields(group: string): readonly string[] {
  return FIELD_GROUPS.client[group] ?? [group];
}

/** SSN as stored: digits and x only ("123-45-67xx" → "1234567xx"). */
export function cleanSsn(value: string): string {
  return value.replace(/[\s-]/g, '').toLowerCase();
}

/** Phone as stored: digits only, without a leading US country code 1. */
export function cleanPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** Whole years from a date of birth to today; null when the date is not a date. */
export function ageOn(dob: unknown, today: string): number | null {
  if (typeof dob !== 'string') return null;
  const b = DATE.exec(dob);
  const t = DATE.exec(today);
  if (!b || !t) return null;
  let age = Number(t[1]) - Number(b[1]);
  if (t[2]! + t[3]! < b[2]! + b[3]!) age -= 1;
  return age;
}

export const ADULT_AGE = 18;

const MISSING = [CLIENT_DOESNT_KNOW, CLIENT_PREFERS_NOT_TO_ANSWER, DATA_NOT_COLLECTED];
const isMissingCode = (v: number | null) => v !== null && MISSING.includes(v);

export interface ClientIssue {
  field: ClientFormField;
  message: string;
}

const trimmedOrNull = (v: string): string | null => (v.trim() ? v.trim() : null);

/** Zod paths of clientSchema → the form field they are shown on. */
function formFieldOfPath(path: readonly PropertyKey[]): ClientFormField | null {
  const [head, sub] = path;
  if (head === 'address') {
    const map: Record<string, ClientFormField> = {
      line1: 'addressLine1',
      line2: 'addressLine2',
      city: 'city',
      state: 'state',
      zip: 'zip',
    };
    return typeof sub === 'string' ? (map[sub] ?? 'addressLine1') : 'addressLine1';
  }
  return typeof head === 'string' && head in FORM_FIELD_GROUP ? (head as ClientFormField) : null;
}

/**
 * The record the form describes, with data quality derived where the person left it (a first
 * and last name → "Full name reported"; 9 digits → "Full SSN reported", some x's → "Approximate
 * or partial"; a date of birth → "Full DOB reported"; a child's Veteran Status → "Data not
 * collected"), and every problem a case manager must fix, by field.
 */
export function clientFromForm(
  form: ClientForm,
  options: {
    today: string;
    /** W-START-3 (Eva 84): project start dates of the client's enrollments on this device. */
    projectStartDates?: readonly (string | null | undefined)[];
  },
): { values: ClientValues; issues: ClientIssue[] } {
  const issues: ClientIssue[] = [];
  const issue = (field: ClientFormField, message: string) => issues.push({ field, message });

  // 3.01 Name
  const firstName = trimmedOrNull(form.firstName);
  const lastName = trimmedOrNull(form.lastName);
  let nameDataQuality = form.nameDataQuality;
  const anyName = Boolean(firstName || lastName);
  if (nameDataQuality === null) {
    if (firstName && lastName) nameDataQuality = FULL_REPORTED;
    else if (anyName)
      issue(
        'nameDataQuality',
        'Choose the name data quality: only part of the name is entered (a street or code name is "Partial").',
      );
    else issue('nameDataQuality', "Enter the client's name, or choose why it is missing.");
  } else if (nameDataQuality === FULL_REPORTED && !(firstName && lastName)) {
    issue(
      'nameDataQuality',
      'A full name has a first and a last name: add the missing one, or choose "Partial, street name, or code name reported".',
    );
  } else if (isMissingCode(nameDataQuality) && anyName) {
    issue(
      'nameDataQuality',
      'A name is entered: choose "Full name reported" or "Partial, street name, or code name reported".',
    );
  } else if (nameDataQuality === PARTIAL_REPORTED && !anyName) {
    issue('firstName', 'Enter the part of the name the client gave (first or last name).');
  }

  // 3.02 SSN
  const ssn = cleanSsn(form.ssn) || null;
  let ssnDataQuality = form.ssnDataQuality;
  const ssnWellFormed = ssn !== null && /^[0-9x]{9}$/.test(ssn);
  if (ssn !== null && !ssnWellFormed) {
    issue('ssn', 'An SSN is 9 digits; use x for each digit you do not know.');
  } else if (ssn !== null && /^x{9}$/.test(ssn)) {
    issue('ssn', 'No digit of the SSN is entered: clear it and choose why it is missing.');
  }
  if (ssnDataQuality === null) {
    if (ssnWellFormed) ssnDataQuality = ssn.includes('x') ? PARTIAL_REPORTED : FULL_REPORTED;
    else if (ssn === null) issue('ssnDataQuality', 'Enter the SSN, or choose why it is missing.');
  } else if (isMissingCode(ssnDataQuality) && ssn !== null) {
    issue(
      'ssnDataQuality',
      'An SSN is entered: choose "Full SSN reported" or "Approximate or partial SSN reported".',
    );
  } else if (!isMissingCode(ssnDataQuality) && ssn === null) {
    issue('ssn', 'Enter the SSN (x for unknown digits), or choose why it is missing.');
  }

  // 3.03 Date of birth
  const dob = form.dob.trim() || null;
  let dobDataQuality = form.dobDataQuality;
  if (dob !== null && !DATE.test(dob)) {
    issue('dob', 'Enter the date of birth as a full date.');
  } else if (dob !== null && dob > options.today) {
    issue('dob', 'The date of birth cannot be after today.');
  } else {
    const afterStart = dobAfterEnrollmentsMessage(dob, options.projectStartDates ?? []);
    if (afterStart) issue('dob', afterStart);
  }
  if (dobDataQuality === null) {
    if (dob !== null) dobDataQuality = FULL_REPORTED;
    else issue('dobDataQuality', 'Enter the date of birth, or choose why it is missing.');
  } else if (isMissingCode(dobDataQuality) && dob !== null) {
    issue(
      'dobDataQuality',
      'A date of birth is entered: choose "Full DOB reported" or "Approximate or partial DOB reported".',
    );
  } else if (!isMissingCode(dobDataQuality) && dob === null) {
    issue(
      'dob',
      'Enter the date of birth (an approximate date is fine), or choose why it is missing.',
    );
  }

  // 3.04 Race and ethnicity
  const race = [...new Set(form.race)];
  const raceNone = race.length ? null : form.raceNone;
  if (!race.length && raceNone === null) {
    issue('race', 'Choose at least one race and ethnicity, or why it is missing.');
  }

  // 4.21 Sex
  if (form.sex === null) issue('sex', "Choose the client's sex, or why it is missing.");

  // 1.8 Veteran Status: asked of adults; a child's is "Data not collected".
  let veteranStatus = form.veteranStatus;
  const age = ageOn(dob, options.today);
  if (veteranStatus === null) {
    if (age !== null && age < ADULT_AGE) veteranStatus = DATA_NOT_COLLECTED;
    else issue('veteranStatus', 'Choose whether the client is a veteran, or why it is missing.');
  }

  // Contact information
  const phone = cleanPhone(form.phone) || null;
  if (form.phone.trim() && phone?.length !== 10) {
    issue('phone', 'A phone number is 10 digits, with the area code.');
  }
  const email = form.email.trim() || null;
  const addressParts = {
    line1: trimmedOrNull(form.addressLine1),
    line2: trimmedOrNull(form.addressLine2),
    city: trimmedOrNull(form.city),
    state: trimmedOrNull(form.state)?.toUpperCase() ?? null,
    zip: trimmedOrNull(form.zip),
  };
  const address = Object.values(addressParts).some((v) => v !== null) ? addressParts : null;
  if (addressParts.state !== null && !/^[A-Z]{2}$/.test(addressParts.state)) {
    issue('state', 'Use the 2-letter state code, e.g. MN.');
  }

  const values: ClientValues = {
    firstName,
    middleName: trimmedOrNull(form.middleName),
    lastName,
    nameSuffix: trimmedOrNull(form.nameSuffix),
    nameDataQuality: nameDataQuality ?? DATA_NOT_COLLECTED,
    ssn: ssnWellFormed ? ssn : null,
    ssnDataQuality: ssnDataQuality ?? DATA_NOT_COLLECTED,
    dob: dob !== null && DATE.test(dob) ? dob : null,
    dobDataQuality: dobDataQuality ?? DATA_NOT_COLLECTED,
    race,
    raceNone,
    additionalRaceEthnicity: trimmedOrNull(form.additionalRaceEthnicity),
    sex: form.sex,
    veteranStatus: veteranStatus ?? DATA_NOT_COLLECTED,
    phone,
    email,
    address,
  };

  // The record schema has the last word (lengths, email, ZIP, codes); fields already explained
  // above are not repeated.
  const parsed = clientSchema.omit({ id: true }).safeParse(values);
  if (!parsed.success) {
    const named = new Set(issues.map((i) => i.field));
    for (const zodIssue of parsed.error.issues) {
      const field = formFieldOfPath(zodIssue.path);
      if (!field || named.has(field)) continue;
      named.add(field);
      const message =
        zodIssue.code === 'too_big' && typeof zodIssue.maximum === 'number'
          ? `Use at most ${zodIssue.maximum} characters.`
          : zodIssue.message;
      issue(field, message.endsWith('.') ? message : `${message}.`);
    }
  }
  return { values, issues };
}

/** Data-quality advice that does not block saving, by field. */
export function dataQualityHints(form: ClientForm): Partial<Record<ClientFormField, string>> {
  const hints: Partial<Record<ClientFormField, string>> = {};
  const ssn = cleanSsn(form.ssn);
  if (form.nameDataQuality === PARTIAL_REPORTED) {
    hints.nameDataQuality =
      'A partial, street or code name is recorded. Record the full legal name when the client shares it.';
  }
  if (form.ssnDataQuality === FULL_REPORTED && ssn.includes('x')) {
    hints.ssnDataQuality =
      'Some digits of the SSN are x (unknown): choose "Approximate or partial SSN reported".';
  } else if (form.ssnDataQuality === PARTIAL_REPORTED && /^\d{9}$/.test(ssn)) {
    hints.ssnDataQuality =
      'All 9 digits are entered: if the client confirmed them, choose "Full SSN reported".';
  } else if (form.ssnDataQuality === PARTIAL_REPORTED) {
    hints.ssnDataQuality = 'The SSN is partial. Fill in the missing digits when you can.';
  }
  if (form.dobDataQuality === PARTIAL_REPORTED) {
    hints.dobDataQuality =
      'The date of birth is approximate. Confirm the exact date when possible (an ID or a benefits letter).';
  }
  return hints;
}

function sameFormValue(a: ClientForm[ClientFormField], b: ClientForm[ClientFormField]): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const x = Array.isArray(a) ? [...a].sort() : [];
    const y = Array.isArray(b) ? [...b].sort() : [];
    return x.length === y.length && x.every((v, i) => v === y[i]);
  }
  return a === b;
}

/** The record field groups the person changed between the form they started from and now. */
export function changedGroups(base: ClientForm, form: ClientForm): string[] {
  const groups = new Set<string>();
  for (const field of Object.keys(FORM_FIELD_GROUP) as ClientFormField[]) {
    if (!sameFormValue(base[field], form[field])) groups.add(FORM_FIELD_GROUP[field]);
  }
  return [...groups];
}

/** Issues of the groups a save sends (an old problem elsewhere never blocks an unrelated edit). */
export function issuesOfGroups(issues: readonly ClientIssue[], groups: readonly string[]) {
  return issues.filter((i) => groups.includes(FORM_FIELD_GROUP[i.field]));
}

/** The flat fields of a patch: every field of each changed group (groups change together). */
export function clientPatchFields(
  values: ClientValues,
  groups: readonly string[],
): Record<string, JsonValue> {
  const fields: Record<string, JsonValue> = {};
  for (const group of groups) {
    for (const field of groupRecordFields(group)) {
      fields[field] = (values as Record<string, unknown>)[field] as JsonValue;
    }
  }
  return fields;
}

/** The flat fields of a create: every field of the record. */
export function clientCreateFields(values: ClientValues): Record<string, JsonValue> {
  return { ...(values as unknown as Record<string, JsonValue>) };
}

/** A zod check that a value is a ClientForm (a restored draft may come from an older version). */
export const clientFormSchema: z.ZodType<ClientForm> = z.object({
  firstName: z.string(),
  middleName: z.string(),
  lastName: z.string(),
  nameSuffix: z.string(),
  nameDataQuality: z.number().nullable(),
  ssn: z.string(),
  ssnDataQuality: z.number().nullable(),
  dob: z.string(),
  dobDataQuality: z.number().nullable(),
  race: z.array(z.number()),
  raceNone: z.number().nullable(),
  additionalRaceEthnicity: z.string(),
  sex: z.number().nullable(),
  veteranStatus: z.number().nullable(),
  phone: z.string(),
  email: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
});
