import { describe, expect, it } from 'vitest';
import { SEX_COLUMN, SEX_LIST } from '../../../src/domain/codes';
import { REFERENCE, listAfter, pairs } from './reference';

describe('4.21 Sex, new in FY2026 (reference §1.13)', () => {
  it('has exactly the reference codes and labels: 0 Female, 1 Male, 8, 9, 99', () => {
    expect(SEX_LIST.id).toBe('4.21');
    expect(pairs(SEX_LIST)).toEqual(listAfter('**FY2026 4.21 Sex**'));
  });

  it('is the Client.csv column `Sex`', () => {
    expect(SEX_COLUMN).toBe('Sex');
    expect(REFERENCE).toContain('Client.csv column `Sex`');
  });
});
