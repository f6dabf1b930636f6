import { describe, expect, it } from 'vitest';
import {
  CLS_14_DAY_TRIGGER_CODES,
  CURRENT_LIVING_SITUATION_LIST,
  DESTINATION_LIST,
  LIVING_SITUATIONS,
  LIVING_SITUATION_GROUP_LABELS,
  LIVING_SITUATION_LIST,
  PRIOR_LIVING_SITUATION_LIST,
  RENTAL_SUBSIDY_TYPE_LIST,
  RENTAL_WITH_SUBSIDY,
  asksLeaveSituation14Days,
  isValidFor,
  livingSituation,
  livingSituationGroup,
  needsSubsidyType,
} from '../../../src/domain/codes';
import type { LivingSituationUse } from '../../../src/domain/codes';
import { REFERENCE, onlyTable, pairs, plain, section, tables } from './reference';

// §1.3: | Code | Label (FY2024) | P | C | D | Group |
const reference = onlyTable('1.3').rows.map((r) => ({
  code: Number(r[0]),
  label: r[1]!,
  prior: r[2] === 'X',
  current: r[3] === 'X',
  destination: r[4] === 'X',
  group: r[5]!.toLowerCase(),
}));

const codesFor = (use: LivingSituationUse) =>
  reference.filter((r) => r[use]).map(({ code, label }) => ({ code, label }));

describe('3.12 / 3.917 / 4.12 living situation option list (reference §1.3)', () => {
  it('has exactly the reference codes and labels, in the reference order', () => {
    expect(reference.length).toBe(32);
    expect(pairs(LIVING_SITUATION_LIST)).toEqual(
      reference.map(({ code, label }) => ({ code, label })),
    );
  });

  it('matches the P/C/D applicability matrix and the group of every code', () => {
    expect(
      LIVING_SITUATIONS.map(({ code, label, prior, current, destination, group }) => ({
        code,
        label,
        prior,
        current,
        destination,
        group,
      })),
    ).toEqual(reference);
  });

  it('derives Prior (3.917.1), Current (4.12.2) and Destination (3.12.1) lists of only the applicable codes', () => {
    expect(PRIOR_LIVING_SITUATION_LIST.id).toBe('3.917.1');
    expect(CURRENT_LIVING_SITUATION_LIST.id).toBe('4.12.2');
    expect(DESTINATION_LIST.id).toBe('3.12.1');
    expect(pairs(PRIOR_LIVING_SITUATION_LIST)).toEqual(codesFor('prior'));
    expect(pairs(CURRENT_LIVING_SITUATION_LIST)).toEqual(codesFor('current'));
    expect(pairs(DESTINATION_LIST)).toEqual(codesFor('destination'));
  });

  it('does not allow 335, 336 or 37 as a Destination', () => {
    for (const code of [335, 336, 37]) {
      expect(isValidFor(code, 'destination')).toBe(false);
      expect(DESTINATION_LIST.codes.some((c) => c.code === code)).toBe(false);
    }
  });

  it('allows 312, 313, 327, 422, 423, 426, 24 and 30 only as a Destination', () => {
    for (const code of [312, 313, 327, 422, 423, 426, 24, 30]) {
      expect(isValidFor(code, 'destination')).toBe(true);
      expect(isValidFor(code, 'prior')).toBe(false);
      expect(isValidFor(code, 'current')).toBe(false);
    }
  });

  it('allows 37 "Worker unable to determine" only for Current Living Situation', () => {
    expect(isValidFor(37, 'current')).toBe(true);
    expect(isValidFor(37, 'prior')).toBe(false);
    expect(isValidFor(37, 'destination')).toBe(false);
  });

  it('allows 17 "Other" for Current and Destination but not Prior', () => {
    expect([
      isValidFor(17, 'prior'),
      isValidFor(17, 'current'),
      isValidFor(17, 'destination'),
    ]).toEqual([false, true, true]);
  });

  it('rejects codes that are not in the list for every use', () => {
    for (const use of ['prior', 'current', 'destination'] as const) {
      expect(isValidFor(16, use)).toBe(false); // FY2022 code, now 116
      expect(isValidFor(0, use)).toBe(false);
      expect(isValidFor(500, use)).toBe(false);
    }
    expect(livingSituation(116)?.label).toMatch(/^Place not meant for habitation/);
    expect(livingSituation(16)).toBeUndefined();
  });
});

describe('living situation groups by code range (Open Path SITUATION_*_RANGE, reference §1.3)', () => {
  it.each([
    [1, 'other'],
    [99, 'other'],
    [100, 'homeless'],
    [199, 'homeless'],
    [200, 'institutional'],
    [299, 'institutional'],
    [300, 'temporary'],
    [399, 'temporary'],
    [400, 'permanent'],
    [499, 'permanent'],
  ])('code %i is in group %s', (code, group) => {
    expect(livingSituationGroup(code)).toBe(group);
  });

  it('has no group outside 1–499 or for non-integers', () => {
    expect(livingSituationGroup(0)).toBeUndefined();
    expect(livingSituationGroup(500)).toBeUndefined();
    expect(livingSituationGroup(-1)).toBeUndefined();
    expect(livingSituationGroup(101.5)).toBeUndefined();
  });

  it('agrees with the summary ranges (reference §0 fact 2)', () => {
    for (const [range, group] of [
      ['100–199', 'homeless'],
      ['200–299', 'institutional'],
      ['300–399', 'temporary'],
      ['400–499', 'permanent'],
      ['1–99', 'other'],
    ] as const) {
      expect(REFERENCE).toContain(`- ${range} ${group}`);
      const [lo, hi] = range.split('–').map(Number);
      expect(livingSituationGroup(lo!)).toBe(group);
      expect(livingSituationGroup(hi!)).toBe(group);
    }
  });

  it('has a message word for every group', () => {
    expect(LIVING_SITUATION_GROUP_LABELS).toEqual({
      homeless: 'homeless',
      institutional: 'institutional',
      temporary: 'temporary',
      permanent: 'permanent',
      other: 'other',
    });
  });
});

describe('3.12.A rental subsidy type (reference §1.4)', () => {
  it('has exactly the reference codes and labels', () => {
    const expected = onlyTable('1.4').rows.map((r) => ({ code: Number(r[0]), label: r[1]! }));
    expect(RENTAL_SUBSIDY_TYPE_LIST.id).toBe('3.12.A');
    expect(pairs(RENTAL_SUBSIDY_TYPE_LIST)).toEqual(expected);
  });

  it('is needed only for 435 "Rental by client, with ongoing housing subsidy"', () => {
    expect(RENTAL_WITH_SUBSIDY).toBe(435);
    expect(livingSituation(435)?.label).toBe('Rental by client, with ongoing housing subsidy');
    expect(section('1.4')).toContain('Null unless Destination = 435');
    expect(LIVING_SITUATIONS.filter((s) => needsSubsidyType(s.code)).map((s) => s.code)).toEqual([
      435,
    ]);
  });
});

describe('4.12.B LeaveSituation14Days trigger codes (CSV-2026 null rule, reference §1.6)', () => {
  const rule = tables(section('1.6'))[0]!.rows.find((r) => r[1] === 'LeaveSituation14Days')!;
  const referenceCodes = /Null unless CLS in ([\d, ]+)/
    .exec(plain(rule[5]!))![1]!
    .split(', ')
    .map(Number);

  it('are exactly the codes of the CSV-2026 null rule', () => {
    expect(referenceCodes).toHaveLength(16);
    expect([...CLS_14_DAY_TRIGGER_CODES]).toEqual(referenceCodes);
  });

  it('are all valid Current Living Situations in the institutional, temporary or permanent groups', () => {
    for (const code of CLS_14_DAY_TRIGGER_CODES) {
      expect(isValidFor(code, 'current')).toBe(true);
      expect(['institutional', 'temporary', 'permanent']).toContain(livingSituationGroup(code));
    }
  });

  it('follow the CSV spec, not Open Path: 17 and 37 do not trigger the 14-day question', () => {
    expect(asksLeaveSituation14Days(17)).toBe(false);
    expect(asksLeaveSituation14Days(37)).toBe(false);
    expect(asksLeaveSituation14Days(116)).toBe(false);
    expect(asksLeaveSituation14Days(435)).toBe(true);
  });
});
