import { describe, expect, it } from 'vitest';
import {
  COORDINATED_ENTRY,
  FUNDER_KIND_LIST,
  PROJECT_TYPE_LIST,
  RRH_SUBTYPE_LIST,
  RAPID_RE_HOUSING,
  labelOf,
} from '../../../src/domain/codes';
import { REFERENCE, listAfter, pairs } from './reference';

describe('2.02.6 ProjectType and 2.02.A RRHSubType (reference §1.15)', () => {
  it('2.02.6 has exactly the reference codes and labels', () => {
    expect(PROJECT_TYPE_LIST.id).toBe('2.02.6');
    expect(pairs(PROJECT_TYPE_LIST)).toEqual(listAfter('**2.02.6 ProjectType:**'));
  });

  it('Coordinated Entry is 14, the project type that gets 4.12.3 VerifiedBy', () => {
    expect(COORDINATED_ENTRY).toBe(14);
    expect(labelOf(PROJECT_TYPE_LIST, COORDINATED_ENTRY)).toBe('Coordinated Entry');
    expect(REFERENCE).toContain('**Null unless ProjectType = 14** (Coordinated Entry)');
    expect(labelOf(PROJECT_TYPE_LIST, RAPID_RE_HOUSING)).toBe('PH – Rapid Re-Housing');
  });

  it('2.02.A has exactly the reference codes and labels', () => {
    expect(RRH_SUBTYPE_LIST.id).toBe('2.02.A');
    expect(pairs(RRH_SUBTYPE_LIST)).toEqual(listAfter('**2.02.A RRHSubType:**'));
  });
});

describe('local funder/program kinds (not HUD 2.06.1)', () => {
  it('is marked local by its id and name, and lists Case Management, ESG, PATH, YHDP, CES', () => {
    expect(FUNDER_KIND_LIST.id).toBe('local:funder');
    expect(FUNDER_KIND_LIST.name).toMatch(/local/);
    expect(FUNDER_KIND_LIST.codes.map((c) => c.label)).toEqual([
      'Case Management',
      'ESG',
      'PATH',
      'YHDP',
      'CES',
    ]);
  });
});
