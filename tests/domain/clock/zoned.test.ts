import { describe, expect, it } from 'vitest';
import { zonedParts } from '../../../src/domain/clock/zoned';

/** Intl's own answer, uncached: what zonedParts must equal. */
function reference(at: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const n: Record<string, number> = {};
  for (const p of parts) if (p.type !== 'literal') n[p.type] = Number(p.value);
  return {
    year: n.year,
    month: n.month,
    day: n.day,
    hour: n.hour,
    minute: n.minute,
    second: n.second,
  };
}

describe('zoned wall-clock parts (cached offsets per quarter hour)', () => {
  const zones = [
    'America/Chicago',
    'UTC',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/St_Johns',
  ];
  // Around the 2026 DST changes in the US (March 8, November 1) and Lord Howe (April 5, October 4).
  const around = [
    Date.UTC(2026, 2, 8, 7, 0, 0),
    Date.UTC(2026, 10, 1, 6, 0, 0),
    Date.UTC(2026, 3, 4, 14, 0, 0),
    Date.UTC(2026, 9, 3, 15, 30, 0),
  ];

  it.each(zones)('equals Intl second by second across DST changes in %s', (zone) => {
    for (const centre of around) {
      for (
        let at = centre - 3 * 3_600_000;
        at <= centre + 3 * 3_600_000;
        at += 7 * 60_000 + 13_000
      ) {
        expect(zonedParts(at, zone), new Date(at).toISOString()).toEqual(reference(at, zone));
      }
    }
  });

  it('gives Minneapolis wall time for a UTC instant', () => {
    expect(zonedParts(Date.UTC(2026, 6, 1, 17, 5, 9), 'America/Chicago')).toEqual({
      year: 2026,
      month: 7,
      day: 1,
      hour: 12,
      minute: 5,
      second: 9,
    });
  });
});
