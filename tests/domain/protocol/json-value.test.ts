// Bounded JSON values (issue 9): checked without recursion, so no depth overflows the stack, and
// with limits far above what the app writes. M9: a mutation with a valid envelope and bad content
// is still identified, so the server can reject it on its own.
import { describe, expect, it } from 'vitest';
import {
  JSON_LIMITS,
  jsonValueProblem,
  jsonValueSchema,
  mutationSchema,
  parseIncomingMutation,
} from '../../../src/domain/protocol';
import { Device, clientFields, testId } from '../merge/fixtures';

function nestedArrays(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

describe('bounded JSON values', () => {
  it('accepts what the app writes: scalars, lists of codes, small objects', () => {
    for (const v of [null, true, 0, -1.5, '', 'José García', [1, 2, 99], { a: [1, { b: 'x' }] }]) {
      expect(jsonValueProblem(v)).toBeNull();
    }
    expect(jsonValueSchema.safeParse(nestedArrays(JSON_LIMITS.maxDepth)).success).toBe(true);
  });

  it('refuses nesting past the limit at any depth without overflowing the stack', () => {
    expect(jsonValueProblem(nestedArrays(JSON_LIMITS.maxDepth + 1))).toMatch(/nested at most 8/);
    // A million levels: parsed from text (JSON.parse is not recursive), checked iteratively.
    const deep = JSON.parse('['.repeat(1_000_000) + ']'.repeat(1_000_000)) as unknown;
    expect(jsonValueProblem(deep)).toMatch(/nested at most/);
    const objects = JSON.parse('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)) as unknown;
    expect(jsonValueSchema.safeParse(objects).success).toBe(false);
  });

  it('refuses huge strings, NUL bytes, long or reserved keys, wide lists and non-JSON values', () => {
    expect(jsonValueProblem('x'.repeat(JSON_LIMITS.maxStringLength + 1))).toMatch(/characters/);
    expect(jsonValueProblem('a\u0000b')).toMatch(/NUL/);
    expect(jsonValueProblem(JSON.parse('{"__proto__":{"x":1}}'))).toMatch(/__proto__/);
    expect(jsonValueProblem({ constructor: 1 })).toMatch(/constructor/);
    expect(jsonValueProblem({ ['k'.repeat(65)]: 1 })).toMatch(/key/);
    expect(jsonValueProblem(Array.from({ length: 101 }, () => 0))).toMatch(/at most 100 items/);
    expect(jsonValueProblem(Number.POSITIVE_INFINITY)).toMatch(/finite/);
    expect(jsonValueProblem(new Date())).toBe('Not a JSON value.');
    expect(jsonValueProblem(undefined)).toBe('Not a JSON value.');
    // Many small values: the node count bounds the work.
    const wide = Array.from({ length: 100 }, () => Array.from({ length: 100 }, () => 1));
    expect(jsonValueProblem(wide)).toMatch(/at most 2000 items in all/);
  });
});

describe('M9: a mutation with a valid envelope and bad content', () => {
  const device = new Device('dev-json', testId('user-json'));
  const good = device.create('client', testId('client-json'), clientFields());

  it('is identified, stored as its envelope with no fields, and told why', () => {
    const bad = { ...good, fields: { firstName: nestedArrays(50_000) } };
    expect(mutationSchema.safeParse(bad).success).toBe(false);
    const incoming = parseIncomingMutation(bad);
    expect(incoming).not.toBeNull();
    expect(incoming!.mutation).toEqual({ ...good, fields: {}, seen: {} });
    expect(incoming!.problem).toMatch(/^This change cannot be saved as sent \(fields\.firstName: /);
  });

  it('passes a valid mutation through, and gives up on one without an envelope', () => {
    expect(parseIncomingMutation(good)).toEqual({ mutation: good, problem: null });
    expect(parseIncomingMutation({ ...good, seq: 0 })).toBeNull();
    expect(parseIncomingMutation({ ...good, mutationId: 'not an id' })).toBeNull();
    expect(parseIncomingMutation(nestedArrays(10_000))).toBeNull();
  });

  it('checks seen against fields by own keys only', () => {
    const sneaky = {
      ...good,
      op: 'patch',
      fields: { phone: '6125550100' },
      seen: { constructor: null },
    };
    expect(mutationSchema.safeParse(sneaky).success).toBe(false);
  });
});
