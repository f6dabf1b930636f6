import { describe, expect, it } from 'vitest';
import {
  DISCHARGE_STATUS_LIST,
  IS_VETERAN,
  MILITARY_BRANCH_LIST,
  NO_YES_REASONS_FOR_MISSING,
  VETERAN_STATUS_LIST,
} from '../../../src/domain/codes';
import { line, pairs, parseCodeLabels, section } from './reference';

describe('3.07 Veteran Status and V1 (reference §1.14)', () => {
  it('3.07 VeteranStatus uses list 1.8 (0/1/8/9/99)', () => {
    expect(section('1.14')).toContain('`VeteranStatus` uses list 1.8');
    expect(VETERAN_STATUS_LIST.id).toBe('3.07');
    expect(VETERAN_STATUS_LIST.codes).toEqual(NO_YES_REASONS_FOR_MISSING.codes);
  });

  it('V1 fields apply only when VeteranStatus = 1', () => {
    expect(section('1.14')).toContain('null for clients where Veteran Status is not equal to 1');
    expect(IS_VETERAN).toBe(1);
  });

  it('V1.11 MilitaryBranch has exactly the reference codes and labels', () => {
    expect(MILITARY_BRANCH_LIST.id).toBe('V1.11');
    expect(pairs(MILITARY_BRANCH_LIST)).toEqual(
      parseCodeLabels(line('- **V1.11 MilitaryBranch:**')),
    );
  });

  it('V1.12 DischargeStatus has exactly the reference codes and labels', () => {
    expect(DISCHARGE_STATUS_LIST.id).toBe('V1.12');
    expect(pairs(DISCHARGE_STATUS_LIST)).toEqual(
      parseCodeLabels(line('- **V1.12 DischargeStatus:**')),
    );
  });
});
