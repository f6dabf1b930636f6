import { describe, expect, it } from 'vitest';
import {
  ADDITIONAL_RACE_ETHNICITY_COLUMN,
  FY2024_COLUMN_RENAMES,
  RACE_ETHNICITY_LIST,
  RACE_ETHNICITY_OPTIONS,
  RACE_NONE,
  RACE_NONE_COLUMN,
} from '../../../src/domain/codes';
import { firstCode, onlyTable, pairs, section } from './reference';

// §1.12: | Column (FY2024) | Label | Open Path id |. The Hispanic row carries its FY2026 column and
// label in parentheses: "(FY2026 name: **`HispanicLatinao`**)", "(FY2026 label: Hispanic/Latina/o)".
const reference = onlyTable('1.12')
  .rows.filter((r) => /^\d$/.test(r[2]!))
  .map((r) => ({
    code: Number(r[2]),
    fy2024Column: firstCode(r[0]!),
    column: /FY2026 name: \*\*`(\w+)`/.exec(r[0]!)?.[1] ?? firstCode(r[0]!),
    label: /FY2026 label: ([^)]+)\)/.exec(r[1]!)?.[1] ?? r[1]!,
  }));

describe('3.04 race and ethnicity, FY2026 (reference §1.12, §2.5)', () => {
  it('has the seven options with HUD ids 1–7, FY2026 columns and FY2026 labels', () => {
    expect(reference).toHaveLength(7);
    const sorted = <T extends { code: number }>(xs: readonly T[]) =>
      [...xs].sort((a, b) => a.code - b.code);
    expect(
      sorted(RACE_ETHNICITY_OPTIONS.map(({ code, column, label }) => ({ code, column, label }))),
    ).toEqual(sorted(reference.map(({ code, column, label }) => ({ code, column, label }))));
  });

  it('uses Hispanic/Latina/o and HispanicLatinao (FY2026), not the FY2024 Hispanic/Latina/e/o', () => {
    const hispanic = RACE_ETHNICITY_OPTIONS.find((o) => o.code === 6);
    expect(hispanic).toEqual({ code: 6, column: 'HispanicLatinao', label: 'Hispanic/Latina/o' });
    expect(RACE_ETHNICITY_LIST.codes.map((c) => c.label)).not.toContain('Hispanic/Latina/e/o');
  });

  it('lists options in FY2026 Client.csv column order', () => {
    const order = /FY2026 order: `([^`]+)`/.exec(section('2.5'))![1]!.split(', ');
    const columns = RACE_ETHNICITY_OPTIONS.map((o) => o.column);
    expect(order.filter((c) => (columns as readonly string[]).includes(c))).toEqual(columns);
    const noneAt = order.indexOf(RACE_NONE_COLUMN);
    expect(order.slice(noneAt - columns.length, noneAt + 2)).toEqual([
      ...columns,
      RACE_NONE_COLUMN,
      ADDITIONAL_RACE_ETHNICITY_COLUMN,
    ]);
  });

  it('exposes list "3.04" of the options, and answers RaceNone with list 1.6 (8/9/99)', () => {
    expect(RACE_ETHNICITY_LIST.id).toBe('3.04');
    expect(pairs(RACE_ETHNICITY_LIST)).toEqual(
      RACE_ETHNICITY_OPTIONS.map(({ code, label }) => ({ code, label })),
    );
    expect(RACE_NONE.codes.map((c) => c.code)).toEqual([8, 9, 99]);
  });

  it('maps the FY2024 column HispanicLatinaeo to the FY2026 column', () => {
    const fy2024 = reference.filter((r) => r.fy2024Column !== r.column);
    expect(fy2024).toEqual([
      expect.objectContaining({ fy2024Column: 'HispanicLatinaeo', column: 'HispanicLatinao' }),
    ]);
    expect(FY2024_COLUMN_RENAMES).toEqual({ HispanicLatinaeo: 'HispanicLatinao' });
  });
});
