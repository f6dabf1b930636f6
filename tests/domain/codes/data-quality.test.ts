import { describe, expect, it } from 'vitest';
import {
  DOB_DATA_QUALITY_LIST,
  NAME_DATA_QUALITY_LIST,
  SSN_DATA_QUALITY_LIST,
} from '../../../src/domain/codes';
import { onlyTable, pairs } from './reference';

// §1.11: | List | 1 | 2 | 8 | 9 | 99 |, where "same" repeats the cell above.
const table = onlyTable('1.11');
const codes = table.header.slice(1).map(Number);
const byList = new Map<string, { code: number; label: string }[]>();
let previous: string[] = [];
for (const row of table.rows) {
  const labels = row.slice(1).map((cell, i) => (cell === 'same' ? previous[i]! : cell));
  byList.set(
    row[0]!.split(' ')[0]!,
    labels.map((label, i) => ({ code: codes[i]!, label })),
  );
  previous = labels;
}

describe('name, SSN and DOB data quality (reference §1.11)', () => {
  it.each([
    ['3.01.5', NAME_DATA_QUALITY_LIST],
    ['3.02.2', SSN_DATA_QUALITY_LIST],
    ['3.03.2', DOB_DATA_QUALITY_LIST],
  ])('list %s has exactly the reference codes and labels', (id, list) => {
    expect(list.id).toBe(id);
    expect(pairs(list)).toEqual(byList.get(id));
  });

  it('reads the reference table as three lists of codes 1, 2, 8, 9, 99', () => {
    expect(codes).toEqual([1, 2, 8, 9, 99]);
    expect([...byList.keys()]).toEqual(['3.01.5', '3.02.2', '3.03.2']);
  });
});
