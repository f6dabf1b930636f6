import { describe, expect, it } from 'vitest';
import { HEAD_OF_HOUSEHOLD, RELATIONSHIP_TO_HOH_LIST } from '../../../src/domain/codes';
import { onlyTable, pairs } from './reference';

// §1.7: | Code | GR-lists label | CSV-2026 label |. We use HUD's list labels (GR-lists column).
describe('3.15.1 Relationship to Head of Household (reference §1.7)', () => {
  it('has exactly the reference codes with the GR-lists labels', () => {
    const table = onlyTable('1.7');
    expect(table.header[1]).toBe('GR-lists label');
    const expected = table.rows.map((r) => ({ code: Number(r[0]), label: r[1]! }));
    expect(pairs(RELATIONSHIP_TO_HOH_LIST)).toEqual(expected);
  });

  it('identifies the head of household as code 1 (exactly one per household)', () => {
    expect(HEAD_OF_HOUSEHOLD).toBe(1);
    expect(RELATIONSHIP_TO_HOH_LIST.codes[0]).toEqual({
      code: 1,
      label: 'Self (head of household)',
    });
  });

  it('has no 8/9 answers: only 99 Data not collected', () => {
    const codes = RELATIONSHIP_TO_HOH_LIST.codes.map((c) => c.code);
    expect(codes).toContain(99);
    expect(codes).not.toContain(8);
    expect(codes).not.toContain(9);
  });
});
