// Issue 12, "One date and time module": src/domain/clock/time.ts on date-fns and @date-fns/tz,
// America/Chicago by default, with what happens to a wall-clock time that does not exist (the
// spring-forward gap) or exists twice (the fall-back fold) written down and pinned here.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIME_ZONE,
  addDays,
  addMonths,
  ageOn,
  daysBetween,
  formatInstant,
  formatLocalDate,
  instantOfLocal,
  isLocalDate,
  localDateAt,
  localTimeAt,
} from '../../../src/domain/clock/time';
import { hmisDateTimeMillis } from '../../../src/domain/hmis-csv/import/ids';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('one date and time module', () => {
  it('is America/Chicago unless told otherwise', () => {
    expect(DEFAULT_TIME_ZONE).toBe('America/Chicago');
    expect(localDateAt('2026-07-04T03:00:00Z')).toBe('2026-07-03');
    expect(localDateAt('2026-07-04T03:00:00Z', 'UTC')).toBe('2026-07-04');
    expect(localTimeAt('2026-01-15T18:05:00Z')).toBe('12:05');
  });

  it('turns a wall-clock time into its instant, in winter and in summer', () => {
    expect(iso(instantOfLocal('2026-01-15', '12:05'))).toBe('2026-01-15T18:05:00.000Z');
    expect(iso(instantOfLocal('2026-07-15', '12:05'))).toBe('2026-07-15T17:05:00.000Z');
    expect(iso(instantOfLocal('2026-07-15', '12:05', 'America/New_York'))).toBe(
      '2026-07-15T16:05:00.000Z',
    );
  });

  it('moves a time in the spring-forward gap forward by the gap (2:30 is 3:30 CDT)', () => {
    const at = instantOfLocal('2026-03-08', '02:30');
    expect(iso(at)).toBe('2026-03-08T08:30:00.000Z');
    expect(localTimeAt(at!)).toBe('03:30');
  });

  it('takes the first of the two times in the fall-back fold (1:30 CDT)', () => {
    expect(iso(instantOfLocal('2026-11-01', '01:30'))).toBe('2026-11-01T06:30:00.000Z');
  });

  it('refuses dates and times that are not real', () => {
    expect(instantOfLocal('2026-02-30', '10:00')).toBeNull();
    expect(instantOfLocal('2026-03-01', '24:00')).toBeNull();
    expect(instantOfLocal('2026-03-01', '9:00')).toBeNull();
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
  });

  it('gives the bulk HMIS path the same instants around both transitions', () => {
    for (const [date, time] of [
      ['2026-03-08', '01:59'],
      ['2026-03-08', '02:30'],
      ['2026-03-08', '03:00'],
      ['2026-11-01', '00:59'],
      ['2026-11-01', '01:30'],
      ['2026-11-01', '02:00'],
      ['2026-06-01', '12:00'],
    ] as const) {
      expect(hmisDateTimeMillis(`${date} ${time}:00`, DEFAULT_TIME_ZONE), `${date} ${time}`).toBe(
        instantOfLocal(date, time),
      );
    }
  });

  it('counts calendar days, across daylight saving time too', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2);
    expect(addDays('2026-03-07', 30)).toBe('2026-04-06');
    expect(addDays('2026-03-07', -7)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-03-01', 12)).toBe('2026-03-01');
  });

  it('counts age in whole years, a birthday on the day', () => {
    expect(ageOn('2000-05-17', '2026-05-17')).toBe(26);
    expect(ageOn('2000-05-17', '2026-05-16')).toBe(25);
    expect(ageOn('2016-02-29', '2017-02-28')).toBe(0);
    expect(ageOn('2016-02-29', '2017-03-01')).toBe(1);
    expect(ageOn('2010-05-17', '2009-05-18')).toBe(-1);
    expect(ageOn('2010-05-17', '2009-05-16')).toBe(-2);
    expect(ageOn(null, '2026-01-01')).toBeNull();
    expect(ageOn('2026-13-01', '2026-01-01')).toBeNull();
  });

  it('writes dates and times for people', () => {
    expect(formatLocalDate('2026-03-04')).toBe('Mar 4, 2026');
    expect(formatLocalDate(null)).toBe('—');
    expect(formatInstant('2026-03-04T20:05:00Z')).toBe('Mar 4, 2026, 2:05 PM');
    expect(formatInstant(Date.parse('2026-07-04T16:00:00Z'))).toBe('Jul 4, 2026, 11:00 AM');
    expect(formatInstant(undefined)).toBe('—');
  });
});
