import { describe, expect, it } from 'vitest';
import {
  conditionFields,
  describeCondition,
  evaluateCondition,
  isEmptyAnswer,
} from '../../../src/domain/forms';
import type { Condition, ConditionWords } from '../../../src/domain/forms';

describe('isEmptyAnswer', () => {
  it('null, absent, blank text and an empty list are empty; 0, false and 99 are answers', () => {
    for (const v of [null, undefined, '', '   ', []]) expect(isEmptyAnswer(v)).toBe(true);
    for (const v of [0, false, 99, 'x', [1]]) expect(isEmptyAnswer(v)).toBe(false);
  });
});

describe('evaluateCondition (showWhen rules as data)', () => {
  const answers = { a: 1, b: 'has', m: [1, 3], money: 250, blank: null };

  it('equals / notEquals / in / notIn', () => {
    expect(evaluateCondition({ field: 'a', equals: 1 }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'a', equals: 0 }, answers)).toBe(false);
    expect(evaluateCondition({ field: 'b', equals: 'has' }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'a', notEquals: 0 }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'a', in: [0, 1] }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'a', notIn: [8, 9, 99] }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'a', notIn: [1] }, answers)).toBe(false);
  });

  it('comparisons with an empty answer are false, even notEquals and notIn', () => {
    for (const c of [
      { field: 'blank', equals: 1 },
      { field: 'blank', notEquals: 1 },
      { field: 'blank', in: [1] },
      { field: 'blank', notIn: [1] },
      { field: 'missing', notIn: [1] },
      { field: 'blank', greaterThan: 0 },
      { field: 'blank', includes: 1 },
    ] as Condition[]) {
      expect(evaluateCondition(c, answers)).toBe(false);
    }
    expect(evaluateCondition({ not: { field: 'blank', equals: 1 } }, answers)).toBe(true);
  });

  it('includes (multi-select), greaterThan (numbers), answered', () => {
    expect(evaluateCondition({ field: 'm', includes: 3 }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'm', includes: 2 }, answers)).toBe(false);
    expect(evaluateCondition({ field: 'money', greaterThan: 0 }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'money', greaterThan: 250 }, answers)).toBe(false);
    expect(evaluateCondition({ field: 'a', answered: true }, answers)).toBe(true);
    expect(evaluateCondition({ field: 'blank', answered: true }, answers)).toBe(false);
    expect(evaluateCondition({ field: 'missing', answered: false }, answers)).toBe(true);
  });

  it('all / any / not combinators', () => {
    const yes: Condition = { field: 'a', equals: 1 };
    const no: Condition = { field: 'a', equals: 0 };
    expect(evaluateCondition({ all: [yes, yes] }, answers)).toBe(true);
    expect(evaluateCondition({ all: [yes, no] }, answers)).toBe(false);
    expect(evaluateCondition({ any: [no, yes] }, answers)).toBe(true);
    expect(evaluateCondition({ any: [no, no] }, answers)).toBe(false);
    expect(evaluateCondition({ not: no }, answers)).toBe(true);
  });

  it('context variables: projectType in a list; unknown project type compares false', () => {
    const shelter: Condition = { context: 'projectType', in: [0, 1] };
    expect(evaluateCondition(shelter, {}, { projectType: 1 })).toBe(true);
    expect(evaluateCondition(shelter, {}, { projectType: 6 })).toBe(false);
    expect(evaluateCondition(shelter, {}, {})).toBe(false);
    expect(evaluateCondition(shelter, {}, { projectType: null })).toBe(false);
  });

  it('does not read inherited properties as answers', () => {
    expect(evaluateCondition({ field: 'toString', answered: true }, {})).toBe(false);
  });

  it('conditionFields lists the fields a rule reads', () => {
    expect(
      conditionFields({
        all: [
          { field: 'a', equals: 1 },
          { any: [{ field: 'b', in: ['x'] }, { not: { field: 'c', answered: true } }] },
          { context: 'projectType', in: [1] },
        ],
      }),
    ).toEqual(['a', 'b', 'c']);
  });
});

describe('describeCondition', () => {
  const words: ConditionWords = {
    fieldLabel: (id) => ({ earned: 'Earned income', area: 'Preferred areas' })[id] ?? id,
    optionLabel: (_id, v) => ({ 1: 'Yes', 0: 'No', north: 'North' })[String(v)],
    contextValueLabel: (_v, n) => (n === 14 ? 'Coordinated Entry' : undefined),
  };

  it('says a rule in case-manager words', () => {
    expect(describeCondition({ field: 'earned', equals: 1 }, words)).toBe('Earned income is Yes');
    expect(describeCondition({ field: 'earned', in: [0, 1, 8] }, words)).toBe(
      'Earned income is No, Yes or 8',
    );
    expect(describeCondition({ field: 'area', includes: 'north' }, words)).toBe(
      'Preferred areas includes North',
    );
    expect(describeCondition({ field: 'earned', notIn: [0] }, words)).toBe(
      'Earned income is answered and is not No',
    );
    expect(describeCondition({ context: 'projectType', in: [14] }, words)).toBe(
      'the project type is Coordinated Entry',
    );
    expect(
      describeCondition(
        {
          all: [
            { field: 'earned', equals: 1 },
            { field: 'area', answered: true },
          ],
        },
        words,
      ),
    ).toBe('Earned income is Yes and Preferred areas is answered');
  });
});
