import { describe, expect, it } from 'vitest';
import {
  DISABILITY_SUBSTANCE_USE,
  DISABILITY_TYPE_LIST,
  SUBSTANCE_USE_RESPONSE_LIST,
  disabilityResponseListId,
} from '../../../src/domain/codes';
import { block, listAfter, pairs } from './reference';

describe('1.3 DisabilityType and 4.10.2 substance use response (reference §1.15)', () => {
  it('1.3 DisabilityType has exactly the reference codes and labels', () => {
    expect(DISABILITY_TYPE_LIST.id).toBe('1.3');
    expect(pairs(DISABILITY_TYPE_LIST)).toEqual(listAfter('**1.3 DisabilityType:**'));
  });

  it('4.10.2 has exactly the reference codes and labels', () => {
    expect(SUBSTANCE_USE_RESPONSE_LIST.id).toBe('4.10.2');
    expect(pairs(SUBSTANCE_USE_RESPONSE_LIST)).toEqual(listAfter('**4.10.2**'));
  });

  it('substance use disorder is answered with 4.10.2; every other disability with list 1.8', () => {
    expect(block('**4.10.2**')).toContain('All other disabilities use list 1.8');
    expect(DISABILITY_SUBSTANCE_USE).toBe(10);
    for (const { code } of DISABILITY_TYPE_LIST.codes) {
      expect(disabilityResponseListId(code)).toBe(code === 10 ? '4.10.2' : '1.8');
    }
  });
});
