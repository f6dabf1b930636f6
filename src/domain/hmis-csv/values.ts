// HMIS CSV values by data type: formatting a domain value as the text of one CSV field, and
// parsing a field back (for import and for the structure check). The rules are CSV-2026's "Data
// Types" and "General Rules" (hmis-data-standards.md §2.2):
//   I   integer, non-negative                        "3"
//   M   money, 2 decimals, no commas or symbol, ±    "-12.50"
//   M+  the same, non-negative                       "1200.00"
//   D   date YYYY-MM-DD                              "2026-03-02"
//   T   datetime YYYY-MM-DD hh:mm:ss, local time     "2026-03-02 14:05:00" (no zone is written)
//   S#  string of at most # characters; S when the length is not known
// Null is the empty field. Strings lose < > [ ] { } (CSV-2026 strips them); quoting is the CSV
// writer's job (sync-server/src/hmis/csv-zip.ts), not this module's.
// Pure: Intl and Date are ECMAScript, no DOM or Node APIs.
import { DEFAULT_TIME_ZONE } from '../clock/time';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { pad2, zonedParts } from '../clock/zoned';
import type { HmisDataType } from './columns';

/** A value the formatter accepts. Dates and datetimes may be strings or Date objects. */
export type HmisInputValue = string | number | Date | null | undefined;

/** A parsed field: numbers for I and M, strings for D, T and S, null for an empty field. */
export type HmisParsedValue = string | number | null;

export class HmisValueError extends Error {
  constructor(
    message: string,
    readonly type: HmisDataType,
    readonly value: unknown,
  ) {
    super(message);
    this.name = 'HmisValueError';
  }
}

/** Characters CSV-2026 does not allow in strings; Eva FY2026 flags them (check 134). */
export const IMPERMISSIBLE_CHARACTERS = /[[\]<>{}]/g;

export interface FormatOptions {
  /**
   * Time zone for a datetime given as a Date or an ISO instant with an offset: HMIS datetimes are
   * local to the CoC and carry no zone. Defaults to America/Chicago (Hennepin County).
   */
  readonly timeZone?: string;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const INTEGER_RE = /^\d+$/;
const MONEY_RE = /^-?\d+(\.\d{1,2})?$/;

const maxLengths = new Map<HmisDataType, number | null>();

/** The maximum length of an S# type, or null for S and non-string types. */
export function maxLengthOf(type: HmisDataType): number | null {
  let max = maxLengths.get(type);
  if (max === undefined) {
    const match = /^S(\d+)$/.exec(type);
    max = match ? Number(match[1]) : null;
    maxLengths.set(type, max);
  }
  return max;
}

export function isStringType(type: HmisDataType): boolean {
  return type === 'S' || /^S\d+$/.test(type);
}

/** Text of one CSV field for a value of the given type; '' for null. Throws HmisValueError. */
export function formatHmisValue(
  type: HmisDataType,
  value: HmisInputValue,
  options: FormatOptions = {},
): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'I':
      return formatInteger(value);
    case 'M':
    case 'M+':
      return formatMoney(type, value);
    case 'D':
      return formatDate(value);
    case 'T':
      return formatDatetime(value, options.timeZone ?? DEFAULT_TIME_ZONE);
    default:
      return formatString(type, value);
  }
}

/** A field's text as a value of the given type; null for ''. Throws HmisValueError. */
export function parseHmisValue(type: HmisDataType, text: string): HmisParsedValue {
  if (text === '') return null;
  switch (type) {
    case 'I':
      if (!INTEGER_RE.test(text)) {
        throw new HmisValueError(
          `"${shown(text)}" is not an integer (I): use digits only, for example 1 or 99.`,
          type,
          text,
        );
      }
      return Number(text);
    case 'M':
    case 'M+': {
      if (!MONEY_RE.test(text) || (type === 'M+' && text.startsWith('-'))) {
        throw new HmisValueError(
          `"${shown(text)}" is not money (${type}): use digits with at most 2 decimals and no commas or currency symbol${type === 'M+' ? ', not negative' : ''}, for example 1250.00.`,
          type,
          text,
        );
      }
      return Number(text);
    }
    case 'D':
      checkDate(text, type);
      return text;
    case 'T':
      checkDatetime(text, type);
      return text;
    default:
      checkString(type, text);
      return text;
  }
}

/** The problem with a field's text for its type, or null when it is fine. */
export function hmisValueProblem(type: HmisDataType, text: string): string | null {
  try {
    parseHmisValue(type, text);
    return null;
  } catch (error) {
    if (error instanceof HmisValueError) return error.message;
    throw error;
  }
}

function formatInteger(value: string | number | Date): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && INTEGER_RE.test(value)) return String(Number(value));
  throw new HmisValueError(
    `${describe(value)} is not a non-negative whole number, so it cannot be written as an integer (I).`,
    'I',
    value,
  );
}

function formatMoney(type: 'M' | 'M+', value: string | number | Date): string {
  const amount = typeof value === 'string' && MONEY_RE.test(value.trim()) ? Number(value) : value;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    throw new HmisValueError(
      `${describe(value)} is not an amount of money (${type}).`,
      type,
      value,
    );
  }
  if (type === 'M+' && amount < 0) {
    throw new HmisValueError(`${amount} is negative; ${type} money may not be.`, type, value);
  }
  // toPrecision(15) removes binary noise first, so 1.005 rounds to 1.01 as a person expects.
  const cents = Math.round(Number((Math.abs(amount) * 100).toPrecision(15)));
  const sign = amount < 0 && cents !== 0 ? '-' : '';
  return `${sign}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function formatDate(value: string | number | Date): string {
  if (typeof value === 'string') {
    checkDate(value, 'D');
    return value;
  }
  throw new HmisValueError(
    `${describe(value)} is not a date: pass a local date as YYYY-MM-DD (a Date object has no calendar date until a time zone is chosen).`,
    'D',
    value,
  );
}

function formatDatetime(value: string | number | Date, timeZone: string): string {
  if (typeof value === 'string' && DATETIME_RE.test(value)) {
    checkDatetime(value, 'T');
    return value;
  }
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(value)
        ? new Date(value)
        : null;
  if (date === null || Number.isNaN(date.getTime())) {
    throw new HmisValueError(
      `${describe(value)} is not a datetime: pass a Date, an ISO instant with a zone (2026-03-02T20:05:00Z) or local "YYYY-MM-DD hh:mm:ss".`,
      'T',
      value,
    );
  }
  const z = zonedParts(date.getTime(), timeZone);
  return `${z.year}-${pad2(z.month)}-${pad2(z.day)} ${pad2(z.hour)}:${pad2(z.minute)}:${pad2(z.second)}`;
}

function formatString(type: HmisDataType, value: string | number | Date): string {
  if (typeof value !== 'string') {
    throw new HmisValueError(`${describe(value)} is not text (${type}).`, type, value);
  }
  const text = value.replace(IMPERMISSIBLE_CHARACTERS, '');
  checkString(type, text);
  return text;
}

function checkDate(text: string, type: HmisDataType): void {
  const m = DATE_RE.exec(text);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new HmisValueError(
      m
        ? `"${shown(text)}" is not a date on the calendar.`
        : `"${shown(text)}" is not a date in the form YYYY-MM-DD, for example 2026-03-02.`,
      type,
      text,
    );
  }
}

function checkDatetime(text: string, type: HmisDataType): void {
  const m = DATETIME_RE.exec(text);
  const ok =
    m !== null &&
    isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60;
  if (!ok) {
    throw new HmisValueError(
      m
        ? `"${shown(text)}" is not a real date and time.`
        : `"${shown(text)}" is not a datetime in the form YYYY-MM-DD hh:mm:ss, for example 2026-03-02 14:05:00.`,
      type,
      text,
    );
  }
}

function checkString(type: HmisDataType, text: string): void {
  const max = maxLengthOf(type);
  // Length in characters (code points), not UTF-16 units; never more than the units, so a text
  // within the limit in units (almost every one) needs no counting.
  if (max === null || text.length <= max) return;
  const length = [...text].length;
  if (length > max) {
    throw new HmisValueError(
      `Text of ${length} characters is longer than ${type} allows (${max}).`,
      type,
      text,
    );
  }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether y-m-d is on the (proleptic Gregorian) calendar, as Date.UTC would round-trip it: years
 * before 100 are not (Date.UTC reads them as 19xx). Arithmetic rather than a Date, since the
 * structure check runs it for every date of a county's export.
 */
function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${shown(value)}"`;
  if (value instanceof Date)
    return `Date ${Number.isNaN(value.getTime()) ? 'Invalid' : value.toISOString()}`;
  return String(value);
}

// ---- Client identifiers: placeholder SSNs and hashed exports -----------------------------------
// CSV-2026 General Rule 7: placeholder SSNs are exported as null. Hashed exports (HashStatus 4,
// SHA-256, which Eva requires: check 126) carry SHA-256 of SOUNDEX(name) for names and the last 4
// digits followed by SHA-256 of the SSN (hmis-data-standards.md §1.11, §5). Hashes are written
// as lowercase hexadecimal.

/** Fillers that are not a person's number (General Rule 7 and common practice). */
const PLACEHOLDER_SSNS: ReadonlySet<string> = new Set([
  '000000000',
  '111111111',
  '222222222',
  '333333333',
  '444444444',
  '555555555',
  '666666666',
  '777777777',
  '888888888',
  '999999999',
  '123456789',
  '987654321',
  'xxxxxxxxx',
]);

/** The SSN as Client.csv carries it: 9 digits or x, null for none or a placeholder. */
export function ssnForExport(ssn: string | null | undefined): string | null {
  if (ssn === null || ssn === undefined) return null;
  const value = ssn.replace(/[\s-]/g, '').toLowerCase();
  if (value === '' || PLACEHOLDER_SSNS.has(value)) return null;
  if (!/^[0-9x]{9}$/.test(value)) {
    throw new HmisValueError(
      `"${shown(ssn)}" is not an SSN: use 9 digits, with x for each unknown digit.`,
      'S9',
      ssn,
    );
  }
  return value;
}

const SOUNDEX_CODES: Readonly<Record<string, string>> = {
  B: '1',
  F: '1',
  P: '1',
  V: '1',
  C: '2',
  G: '2',
  J: '2',
  K: '2',
  Q: '2',
  S: '2',
  X: '2',
  Z: '2',
  D: '3',
  T: '3',
  L: '4',
  M: '5',
  N: '5',
  R: '6',
};

/** American Soundex of a name ("Robert" → "R163"); '' when it has no Latin letter. */
export function soundex(name: string): string {
  const letters = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
  const head = letters[0];
  if (head === undefined) return '';
  let code = head;
  let previous = SOUNDEX_CODES[head] ?? '';
  for (const letter of letters.slice(1)) {
    const digit = SOUNDEX_CODES[letter];
    if (digit !== undefined && digit !== previous) code += digit;
    // H and W do not separate two letters with the same code; vowels do.
    if (letter !== 'H' && letter !== 'W') previous = digit ?? '';
    if (code.length === 4) break;
  }
  return code.padEnd(4, '0');
}

/** A name field of a SHA-256 hashed export: SHA-256 of its Soundex, or null for no name. */
export function hashName(name: string | null | undefined): string | null {
  const code = name ? soundex(name) : '';
  return code === '' ? null : sha256Hex(code);
}

/** The SSN field of a SHA-256 hashed export: last 4 characters + SHA-256 of the SSN. */
export function hashSsn(ssn: string | null | undefined): string | null {
  const value = ssnForExport(ssn);
  return value === null ? null : `${value.slice(-4)}${sha256Hex(value)}`;
}

/**
 * SHA-256 of a string's UTF-8 bytes, as lowercase hex, with @noble/hashes: a maintained, audited,
 * dependency-free implementation that is synchronous and runs the same in Node and the browser
 * (src/domain may use neither node:crypto nor the browser's asynchronous crypto.subtle).
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
