import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  HmisValueError,
  formatHmisValue,
  hashName,
  hashSsn,
  hmisValueProblem,
  maxLengthOf,
  parseHmisValue,
  sha256Hex,
  soundex,
  ssnForExport,
} from '../../../src/domain/hmis-csv';

describe('formatHmisValue', () => {
  it('writes null and undefined as the empty field for every type', () => {
    for (const type of ['I', 'M', 'M+', 'D', 'T', 'S', 'S32'] as const) {
      expect(formatHmisValue(type, null)).toBe('');
      expect(formatHmisValue(type, undefined)).toBe('');
    }
  });

  it('writes non-negative integers (I)', () => {
    expect(formatHmisValue('I', 0)).toBe('0');
    expect(formatHmisValue('I', 99)).toBe('99');
    expect(formatHmisValue('I', '007')).toBe('7');
    expect(() => formatHmisValue('I', -1)).toThrow(/non-negative whole number/);
    expect(() => formatHmisValue('I', 1.5)).toThrow(HmisValueError);
    expect(() => formatHmisValue('I', 'one')).toThrow(/"one"/);
  });

  it('writes money with exactly 2 decimals, no commas or symbol (M, M+)', () => {
    expect(formatHmisValue('M', 1200)).toBe('1200.00');
    expect(formatHmisValue('M', 12.5)).toBe('12.50');
    expect(formatHmisValue('M', 1.005)).toBe('1.01');
    expect(formatHmisValue('M', 0.1 + 0.2)).toBe('0.30');
    expect(formatHmisValue('M', -12.345)).toBe('-12.35');
    expect(formatHmisValue('M', -0.001)).toBe('0.00');
    expect(formatHmisValue('M', 1234567.891)).toBe('1234567.89');
    expect(formatHmisValue('M', '45.5')).toBe('45.50');
    expect(() => formatHmisValue('M+', -1)).toThrow(/negative/);
    expect(() => formatHmisValue('M', '$1,200')).toThrow(/not an amount of money/);
    expect(() => formatHmisValue('M', Number.NaN)).toThrow(HmisValueError);
  });

  it('writes dates as YYYY-MM-DD and refuses other forms', () => {
    expect(formatHmisValue('D', '2026-03-02')).toBe('2026-03-02');
    expect(() => formatHmisValue('D', '03/02/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => formatHmisValue('D', '2026-02-30')).toThrow(/not a date on the calendar/);
    expect(() => formatHmisValue('D', new Date())).toThrow(/time zone/);
  });

  it('writes datetimes as local YYYY-MM-DD hh:mm:ss with no zone', () => {
    // 20:05 UTC on 2 March is 14:05 in Minneapolis (CST, UTC-6).
    expect(formatHmisValue('T', '2026-03-02T20:05:09Z')).toBe('2026-03-02 14:05:09');
    expect(formatHmisValue('T', new Date('2026-07-01T05:00:00Z'))).toBe('2026-07-01 00:00:00');
    expect(formatHmisValue('T', new Date('2026-03-02T20:05:09Z'), { timeZone: 'UTC' })).toBe(
      '2026-03-02 20:05:09',
    );
    expect(formatHmisValue('T', '2026-03-02 14:05:00')).toBe('2026-03-02 14:05:00');
    expect(() => formatHmisValue('T', '2026-03-02')).toThrow(/datetime/);
    expect(() => formatHmisValue('T', '2026-03-02 25:00:00')).toThrow(/not a real date and time/);
    expect(() => formatHmisValue('T', new Date(Number.NaN))).toThrow(HmisValueError);
  });

  it('writes strings, stripping < > [ ] { } and enforcing S# lengths in characters', () => {
    expect(formatHmisValue('S50', 'Ana <María> [x] {y}')).toBe('Ana María x y');
    expect(formatHmisValue('S50', 'He said "hi", then left')).toBe('He said "hi", then left');
    expect(formatHmisValue('S5', 'ñññññ')).toBe('ñññññ');
    expect(formatHmisValue('S2', '😀😀')).toBe('😀😀');
    expect(() => formatHmisValue('S9', '1234567890')).toThrow(/10 characters.*S9 allows \(9\)/);
    expect(formatHmisValue('S', 'x'.repeat(5000))).toHaveLength(5000);
    expect(() => formatHmisValue('S32', 5)).toThrow(/not text/);
  });

  it('knows the length of S# types', () => {
    expect(maxLengthOf('S32')).toBe(32);
    expect(maxLengthOf('S')).toBeNull();
    expect(maxLengthOf('I')).toBeNull();
  });
});

describe('parseHmisValue', () => {
  it('reads the empty field as null', () => {
    expect(parseHmisValue('I', '')).toBeNull();
    expect(parseHmisValue('S32', '')).toBeNull();
  });

  it('reads what formatHmisValue writes', () => {
    expect(parseHmisValue('I', '99')).toBe(99);
    expect(parseHmisValue('M', '-12.50')).toBe(-12.5);
    expect(parseHmisValue('M+', '1200')).toBe(1200);
    expect(parseHmisValue('D', '2026-03-02')).toBe('2026-03-02');
    expect(parseHmisValue('T', '2026-03-02 14:05:00')).toBe('2026-03-02 14:05:00');
    expect(parseHmisValue('S50', 'Ana')).toBe('Ana');
  });

  it('says what is wrong with a bad field', () => {
    expect(() => parseHmisValue('I', '1.0')).toThrow(/not an integer \(I\)/);
    expect(() => parseHmisValue('I', '-1')).toThrow(HmisValueError);
    expect(() => parseHmisValue('I', '1\u200B')).toThrow(/not an integer/);
    expect(() => parseHmisValue('M', '1,200.00')).toThrow(/no commas/);
    expect(() => parseHmisValue('M', '1.234')).toThrow(/at most 2 decimals/);
    expect(() => parseHmisValue('M+', '-1.00')).toThrow(/not negative/);
    expect(() => parseHmisValue('D', '2026-3-2')).toThrow(/YYYY-MM-DD/);
    expect(() => parseHmisValue('D', '2026-03-02 00:00:00')).toThrow(/YYYY-MM-DD/);
    expect(() => parseHmisValue('T', '2026-03-02T14:05:00')).toThrow(/hh:mm:ss/);
    expect(() => parseHmisValue('S5', '123456')).toThrow(/longer than S5/);
  });

  it('reports problems as text through hmisValueProblem', () => {
    expect(hmisValueProblem('I', '3')).toBeNull();
    expect(hmisValueProblem('D', '02-03-2026')).toMatch(/YYYY-MM-DD/);
  });

  it('keeps the failing type and value on the error', () => {
    try {
      parseHmisValue('D', 'soon');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HmisValueError);
      expect((error as HmisValueError).type).toBe('D');
      expect((error as HmisValueError).value).toBe('soon');
    }
  });
});

describe('client identifiers for export', () => {
  it('exports placeholder and empty SSNs as null (General Rule 7)', () => {
    expect(ssnForExport('000000000')).toBeNull();
    expect(ssnForExport('123456789')).toBeNull();
    expect(ssnForExport('xxxxxxxxx')).toBeNull();
    expect(ssnForExport('')).toBeNull();
    expect(ssnForExport(null)).toBeNull();
    expect(ssnForExport('012-34-5678')).toBe('012345678');
    expect(ssnForExport('01234xxXX')).toBe('01234xxxx');
    expect(() => ssnForExport('12345')).toThrow(/9 digits/);
  });

  it('computes American Soundex', () => {
    const cases: [string, string][] = [
      ['Robert', 'R163'],
      ['Rupert', 'R163'],
      ['Rubin', 'R150'],
      ['Ashcraft', 'A261'],
      ['Tymczak', 'T522'],
      ['Pfister', 'P236'],
      ['Honeyman', 'H555'],
      ['Lee', 'L000'],
      ["O'Néil", 'O540'],
      ['', ''],
      ['123', ''],
    ];
    for (const [name, code] of cases) expect(soundex(name), name).toBe(code);
  });

  it('computes SHA-256 as node:crypto does', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    for (const text of [
      'R163',
      'María José',
      '😀',
      'x'.repeat(55),
      'y'.repeat(64),
      'z'.repeat(1000),
    ]) {
      expect(sha256Hex(text), text).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('hashes names as SHA-256 of Soundex and SSNs as last 4 + SHA-256', () => {
    expect(hashName('Robert')).toBe(sha256Hex('R163'));
    expect(hashName('Rupert')).toBe(hashName('Robert'));
    expect(hashName('')).toBeNull();
    expect(hashName(null)).toBeNull();
    expect(hashSsn('012345678')).toBe(`5678${sha256Hex('012345678')}`);
    expect(hashSsn('000000000')).toBeNull();
  });
});
