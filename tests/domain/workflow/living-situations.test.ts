// One grouping of the HUD living-situation codes for every screen: the contact's 4.12 choices, the
// exit's Destinations and exit Current Living Situation.
import { describe, expect, it } from 'vitest';
import {
  LIVING_SITUATIONS,
  isValidFor,
  livingSituationGroup,
  type LivingSituationUse,
} from '../../../src/domain/codes';
import {
  LIVING_SITUATION_GROUP_TITLES,
  livingSituationOptionGroups,
} from '../../../src/domain/workflow/living-situations';

const USES: readonly LivingSituationUse[] = ['current', 'destination', 'prior'];
const codesOf = (groups: ReturnType<typeof livingSituationOptionGroups>) =>
  groups.flatMap((g) => g.options.map((o) => o.code));

describe('livingSituationOptionGroups', () => {
  it.each(USES)('offers every code valid for %s, and only those, each once', (use) => {
    const codes = codesOf(livingSituationOptionGroups(use));
    const valid = LIVING_SITUATIONS.filter((s) => isValidFor(s.code, use)).map((s) => s.code);
    expect([...codes].sort((a, b) => a - b)).toEqual([...valid].sort((a, b) => a - b));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('keeps only the codes HUD allows for the element', () => {
    const current = codesOf(livingSituationOptionGroups('current'));
    expect(current).toContain(37); // Worker unable to determine: 4.12 only
    expect(current).not.toContain(312); // Destination only
    expect(current).not.toContain(24); // Deceased: Destination only
    const destination = codesOf(livingSituationOptionGroups('destination'));
    expect(destination).toContain(24);
    expect(destination).toContain(312);
    expect(destination).not.toContain(335); // Prior and Current only
    expect(destination).not.toContain(37);
    const prior = codesOf(livingSituationOptionGroups('prior'));
    expect(prior).toContain(335);
    expect(prior).not.toContain(17); // Other: Current and Destination only
    expect(prior).not.toContain(24);
  });

  it('puts each code in its own group, with the label of the HUD list, in HUD order', () => {
    for (const use of USES) {
      for (const g of livingSituationOptionGroups(use)) {
        expect(g.options.every((o) => livingSituationGroup(o.code) === g.group)).toBe(true);
        const hudOrder = LIVING_SITUATIONS.filter(
          (s) => s.group === g.group && isValidFor(s.code, use),
        ).map(({ code, label }) => ({ code, label }));
        expect(g.options).toEqual(hudOrder);
      }
    }
  });

  it('orders the groups homeless, institutional, temporary, permanent, other', () => {
    expect(livingSituationOptionGroups('current').map((g) => g.group)).toEqual([
      'homeless',
      'institutional',
      'temporary',
      'permanent',
      'other',
    ]);
    expect(livingSituationOptionGroups('destination', {}).map((g) => g.group)).toEqual([
      'homeless',
      'institutional',
      'temporary',
      'permanent',
      'other',
    ]);
  });

  it('moves the `first` group to the front and keeps the others in order', () => {
    expect(
      livingSituationOptionGroups('destination', { first: 'permanent' }).map((g) => g.group),
    ).toEqual(['permanent', 'homeless', 'institutional', 'temporary', 'other']);
    expect(livingSituationOptionGroups('current', { first: 'other' }).map((g) => g.group)).toEqual([
      'other',
      'homeless',
      'institutional',
      'temporary',
      'permanent',
    ]);
    expect(
      livingSituationOptionGroups('current', { first: 'homeless' }).map((g) => g.group),
    ).toEqual(['homeless', 'institutional', 'temporary', 'permanent', 'other']);
    expect(livingSituationOptionGroups('current', { first: undefined })).toEqual(
      livingSituationOptionGroups('current'),
    );
  });

  it('titles every group from one table, the words the screens show', () => {
    expect(LIVING_SITUATION_GROUP_TITLES).toEqual({
      homeless: 'Homeless situations',
      institutional: 'Institutional situations',
      temporary: 'Temporary housing',
      permanent: 'Permanent housing',
      other: 'Other or not known',
    });
    for (const use of USES) {
      for (const g of livingSituationOptionGroups(use)) {
        expect(g.title).toBe(LIVING_SITUATION_GROUP_TITLES[g.group]);
      }
    }
  });

  it('leaves out groups without a code for the element', () => {
    for (const use of USES) {
      expect(livingSituationOptionGroups(use).every((g) => g.options.length > 0)).toBe(true);
    }
  });
});
