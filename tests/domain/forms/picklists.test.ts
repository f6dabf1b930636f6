import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PICKLISTS,
  DEFAULT_PICKLIST_REGISTRY,
  PICKLIST_IDS,
  PicklistError,
  buildPicklistRegistry,
  safeBuildPicklistRegistry,
} from '../../../src/domain/forms';
import type { Picklist } from '../../../src/domain/forms';

const docStatus = DEFAULT_PICKLISTS.find((l) => l.id === PICKLIST_IDS.documentationStatus)!;

function problemsOf(overrides: unknown, defaults?: readonly Picklist[]): readonly string[] {
  const result = safeBuildPicklistRegistry(overrides, defaults);
  if (result.ok) throw new Error('expected the overrides to be rejected');
  return result.problems;
}

describe('default local picklists', () => {
  it('defines every local list the forms and contacts need', () => {
    expect(DEFAULT_PICKLISTS.map((l) => l.id).sort()).toEqual(Object.values(PICKLIST_IDS).sort());
  });

  it('uses string slug codes, never numbers, so local answers cannot collide with HUD codes', () => {
    for (const list of DEFAULT_PICKLISTS) {
      for (const option of list.options) {
        expect(typeof option.code).toBe('string');
        expect(option.code).toMatch(/^[a-z0-9]+(?:[_-][a-z0-9]+)*$/);
      }
    }
  });

  it('is plain JSON data (survives a JSON round trip unchanged)', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_PICKLISTS))).toEqual(DEFAULT_PICKLISTS);
  });

  it('housing documentation status is has it / working on it / does not have / not needed', () => {
    expect(docStatus.options.map((o) => o.label)).toEqual([
      'Has it',
      'Working on it',
      'Does not have',
      'Not needed',
    ]);
  });

  it('legal involvement kinds cover probation/parole, pending charges, warrants, convictions, evictions', () => {
    expect(
      DEFAULT_PICKLIST_REGISTRY.require(PICKLIST_IDS.legalInvolvementKind).options.map(
        (o) => o.code,
      ),
    ).toEqual([
      'probation_or_parole',
      'pending_charges',
      'open_warrants',
      'conviction_affecting_housing',
      'eviction_history',
    ]);
  });
});

describe('PicklistRegistry', () => {
  it('looks up lists, codes and labels', () => {
    const r = DEFAULT_PICKLIST_REGISTRY;
    expect(r.get('documentation-status')?.name).toBe('Housing documentation status');
    expect(r.get('no-such-list')).toBeUndefined();
    expect(r.has('documentation-status', 'working_on_it')).toBe(true);
    expect(r.has('documentation-status', 'lost')).toBe(false);
    expect(r.has('no-such-list', 'has')).toBe(false);
    expect(r.labelOf('documentation-status', 'not_needed')).toBe('Not needed');
    expect(() => r.require('no-such-list')).toThrow(/Unknown picklist "no-such-list"/);
  });

  it('is frozen: a registry cannot be changed after it is built', () => {
    const list = DEFAULT_PICKLIST_REGISTRY.require('documentation-status');
    expect(Object.isFrozen(list)).toBe(true);
    expect(Object.isFrozen(list.options)).toBe(true);
  });
});

describe('picklist overrides as data', () => {
  it('replaces a list’s options and name from JSON, without touching code', () => {
    const overrides = JSON.parse(
      JSON.stringify([
        {
          id: 'documentation-status',
          name: 'Document status (Hennepin)',
          options: [
            { code: 'has', label: 'In hand' },
            { code: 'working_on_it', label: 'Requested' },
            { code: 'does_not_have', label: 'Missing' },
            { code: 'not_needed', label: 'Not needed' },
            { code: 'expired', label: 'Expired' },
          ],
        },
      ]),
    ) as unknown;
    const r = buildPicklistRegistry(overrides);
    expect(r.require('documentation-status').name).toBe('Document status (Hennepin)');
    expect(r.labelOf('documentation-status', 'has')).toBe('In hand');
    expect(r.has('documentation-status', 'expired')).toBe(true);
    // Other lists keep their defaults.
    expect(r.require('housing-type')).toEqual(DEFAULT_PICKLIST_REGISTRY.require('housing-type'));
    // The defaults themselves are untouched.
    expect(DEFAULT_PICKLIST_REGISTRY.has('documentation-status', 'expired')).toBe(false);
  });

  it('keeps the name when the override gives none', () => {
    const r = buildPicklistRegistry([{ id: 'documentation-status', options: docStatus.options }]);
    expect(r.require('documentation-status').name).toBe(docStatus.name);
  });

  it('retired options stay valid for stored answers but are not offered', () => {
    const r = buildPicklistRegistry([
      {
        id: 'documentation-status',
        options: [
          ...docStatus.options.filter((o) => o.code !== 'not_needed'),
          { code: 'not_needed', label: 'Not needed', retired: true },
        ],
      },
    ]);
    expect(r.has('documentation-status', 'not_needed')).toBe(true);
    expect(r.activeOptions('documentation-status').map((o) => o.code)).not.toContain('not_needed');
  });

  it('rejects an override for an unknown list, naming it and the known lists', () => {
    const problems = problemsOf([
      { id: 'shoe-size', options: [{ code: 'large', label: 'Large' }] },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Override "shoe-size": there is no picklist with this id/);
    expect(problems[0]).toMatch(/documentation-status/);
  });

  it('rejects duplicate codes with a clear message', () => {
    const problems = problemsOf([
      {
        id: 'documentation-status',
        options: [...docStatus.options, { code: 'has', label: 'Has it (again)' }],
      },
    ]);
    expect(problems.join('\n')).toMatch(
      /Override "documentation-status".*The code "has" appears more than once/,
    );
  });

  it('rejects numeric codes: local picklists use string slugs', () => {
    const problems = problemsOf([
      { id: 'housing-type', options: [{ code: 1, label: 'Apartment' }] },
    ]);
    expect(problems.join('\n')).toMatch(/Override "housing-type"/);
  });

  it('rejects codes that are not slugs, and blank labels', () => {
    const problems = problemsOf([
      {
        id: 'housing-type',
        options: [
          { code: 'Big House', label: 'Big house' },
          { code: 'hut', label: '  ' },
        ],
      },
    ]);
    expect(problems.join('\n')).toMatch(/lowercase slug/);
    expect(problems.join('\n')).toMatch(/needs a label/);
  });

  it('rejects an override that drops a code stored answers may use, suggesting to retire it', () => {
    const problems = problemsOf([
      {
        id: 'documentation-status',
        options: docStatus.options.filter((o) => o.code !== 'not_needed'),
      },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/the code "not_needed" \(Not needed\) is missing.*"retired": true/),
    ]);
  });

  it('rejects overriding the same list twice, and a list whose options are all retired', () => {
    const twice = problemsOf([
      { id: 'documentation-status', options: docStatus.options },
      { id: 'documentation-status', options: docStatus.options },
    ]);
    expect(twice.join('\n')).toMatch(/overridden more than once/);
    const allRetired = problemsOf([
      {
        id: 'documentation-status',
        options: docStatus.options.map((o) => ({ ...o, retired: true })),
      },
    ]);
    expect(allRetired.join('\n')).toMatch(/At least one option must not be retired/);
  });

  it('rejects input that is not a list of overrides, and unknown properties', () => {
    expect(problemsOf({ id: 'documentation-status' }).length).toBeGreaterThan(0);
    expect(
      problemsOf([{ id: 'documentation-status', options: docStatus.options, colour: 'red' }]).join(
        '\n',
      ),
    ).toMatch(/documentation-status/);
  });

  it('buildPicklistRegistry throws a PicklistError listing every problem', () => {
    let thrown: unknown;
    try {
      buildPicklistRegistry([
        { id: 'shoe-size', options: [{ code: 'large', label: 'Large' }] },
        { id: 'documentation-status', options: [{ code: 'has', label: 'Has it' }] },
      ]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PicklistError);
    const problems = (thrown as PicklistError).problems;
    expect(problems.some((p) => p.includes('shoe-size'))).toBe(true);
    expect(problems.some((p) => p.includes('"working_on_it"'))).toBe(true);
  });

  it('checks the defaults too (duplicate codes in a default list)', () => {
    const bad: Picklist[] = [
      {
        id: 'x',
        name: 'X',
        options: [
          { code: 'a', label: 'A' },
          { code: 'a', label: 'A again' },
        ],
      },
    ];
    expect(problemsOf([], bad).join('\n')).toMatch(/Default picklist "x".*appears more than once/);
  });
});
