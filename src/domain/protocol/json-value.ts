// JSON values as a device may send them in a mutation's fields and `seen`: bounded in depth, size
// and node count, and checked without recursion. A recursive schema (z.lazy) walks a value on the
// call stack, so a 3 KB body of arrays nested 1,300 deep overflowed it and the server answered
// 500; this check keeps its own stack, so nesting of any depth is refused with a clear message.
//
// Fieldnote's own values are at most two levels deep (a field's list of codes; an answer's list),
// so the bounds are far above anything the app writes and far below anything that could hurt.
import { z } from 'zod';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const JSON_LIMITS = Object.freeze({
  /** Levels of arrays and objects: `[[1]]` is 2. */
  maxDepth: 8,
  /** Values in all, containers included. */
  maxNodes: 2_000,
  maxStringLength: 4_000,
  maxArrayLength: 100,
  maxKeys: 100,
  maxKeyLength: 64,
});

/** Keys JavaScript gives a meaning to: never data, and a trap for code that merges objects. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with a value as a JSON value within JSON_LIMITS, or null when nothing is. */
export function jsonValueProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (++nodes > JSON_LIMITS.maxNodes) {
      return `A value may hold at most ${JSON_LIMITS.maxNodes} items in all.`;
    }
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'string') {
      if (v.length > JSON_LIMITS.maxStringLength) {
        return `A text value may be at most ${JSON_LIMITS.maxStringLength} characters long.`;
      }
      if (v.includes('\u0000')) return 'A text value may not contain a NUL character.';
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return 'Numbers must be finite.';
      continue;
    }
    if (typeof v !== 'object') return 'Not a JSON value.';
    if (depth >= JSON_LIMITS.maxDepth) {
      return `A value may be nested at most ${JSON_LIMITS.maxDepth} levels deep.`;
    }
    if (Array.isArray(v)) {
      if (v.length > JSON_LIMITS.maxArrayLength) {
        return `A list may hold at most ${JSON_LIMITS.maxArrayLength} items.`;
      }
      for (const item of v as unknown[]) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return 'Not a JSON value.';
    const keys = Object.keys(v);
    if (keys.length > JSON_LIMITS.maxKeys) {
      return `An object may hold at most ${JSON_LIMITS.maxKeys} keys.`;
    }
    for (const key of keys) {
      if (key.length > JSON_LIMITS.maxKeyLength) {
        return `A key may be at most ${JSON_LIMITS.maxKeyLength} characters long.`;
      }
      if (RESERVED_KEYS.has(key)) return `"${key}" cannot be used as a key.`;
      stack.push({ value: (v as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return null;
}

export function isJsonValue(value: unknown): value is JsonValue {
  return jsonValueProblem(value) === null;
}

/** A bounded JSON value (see JSON_LIMITS), checked without recursion. */
export const jsonValueSchema: z.ZodType<JsonValue> = z.custom<JsonValue>().superRefine((v, ctx) => {
  const problem = jsonValueProblem(v);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
