import { describe, expect, it } from 'vitest';
import { WHEN_DV_OCCURRED_LIST } from '../../../src/domain/codes';
import { listAfter, pairs } from './reference';

describe('4.11.A WhenDVOccurred (reference §1.15)', () => {
  it('has exactly the reference codes and labels', () => {
    expect(WHEN_DV_OCCURRED_LIST.id).toBe('4.11.A');
    expect(pairs(WHEN_DV_OCCURRED_LIST)).toEqual(listAfter('**4.11.A WhenDVOccurred:**'));
  });
});
