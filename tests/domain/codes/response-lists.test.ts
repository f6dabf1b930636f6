import { describe, expect, it } from 'vitest';
import {
  MISSING_DATA_ANSWERS,
  MISSING_DATA_CODES,
  NO_YES_LIST,
  NO_YES_MISSING,
  NO_YES_REASONS_FOR_MISSING,
  RACE_NONE,
  withMissingData,
} from '../../../src/domain/codes';
import { onlyTable, pairs, parseCodeLabels } from './reference';

// §1.1 "Generic response lists": | List | Name | Codes |
const rowFor = (id: string) => {
  const row = onlyTable('1.1').rows.find((r) => r[0] === id);
  if (!row) throw new Error(`No row ${id} in §1.1`);
  return { name: row[1]!, codes: parseCodeLabels(row[2]!, false) };
};

describe('HUD generic response lists (reference §1.1)', () => {
  it.each([
    ['1.7', NO_YES_MISSING],
    ['1.8', NO_YES_REASONS_FOR_MISSING],
    ['1.10', NO_YES_LIST],
    ['1.6', RACE_NONE],
  ])('list %s has exactly the reference codes and labels', (id, list) => {
    expect(list.id).toBe(id);
    expect(pairs(list)).toEqual(rowFor(id).codes);
  });

  it('uses the reference list names', () => {
    expect(NO_YES_MISSING.name).toBe(rowFor('1.7').name);
    expect(NO_YES_REASONS_FOR_MISSING.name).toBe(rowFor('1.8').name);
    expect(NO_YES_LIST.name).toBe(rowFor('1.10').name);
    expect(rowFor('1.6').name).toMatch(/^RaceNone/);
    expect(RACE_NONE.name).toBe('RaceNone');
  });

  it('keeps the three yes/no lists apart: 1.8 has 8/9/99, 1.7 only 99, 1.10 none', () => {
    const codes = (l: typeof NO_YES_LIST) => l.codes.map((c) => c.code);
    expect(codes(NO_YES_REASONS_FOR_MISSING)).toEqual([0, 1, 8, 9, 99]);
    expect(codes(NO_YES_MISSING)).toEqual([0, 1, 99]);
    expect(codes(NO_YES_LIST)).toEqual([0, 1]);
  });

  it('uses the FY2024+ label "Client prefers not to answer" for 9, not "Client refused"', () => {
    expect(NO_YES_REASONS_FOR_MISSING.codes.find((c) => c.code === 9)?.label).toBe(
      'Client prefers not to answer',
    );
  });

  it('MISSING_DATA_ANSWERS are the codes of MISSING_DATA_CODES, in order', () => {
    expect(MISSING_DATA_ANSWERS.map((c) => c.code)).toEqual([...MISSING_DATA_CODES]);
  });

  it("withMissingData appends 8, 9, 99 after a list's own answers", () => {
    expect(withMissingData([{ code: 1, label: 'A' }]).map((c) => c.code)).toEqual([1, 8, 9, 99]);
  });
});
