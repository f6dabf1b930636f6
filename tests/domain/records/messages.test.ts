// Record schemas speak a case manager's words: whatever a wrong value looks like, the message
// that comes back (and may reach a case manager as a rejection reason) is never zod's default.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  RECORD_SCHEMAS,
  RECORD_TYPES,
  contactSchema,
  enrollmentSchema,
} from '../../../src/domain/records';

const ZOD_WORDS = /Invalid input|Invalid option|Invalid|expected|received|Too small|Too big/i;

/** Values of every wrong shape, at least one of which is the wrong type for any field. */
const WRONG: readonly unknown[] = [
  undefined,
  true,
  {},
  [],
  [true],
  ['x'],
  [{}],
  '',
  'not-a-value',
  'x'.repeat(5000),
  1.5,
  -1,
  999,
  Number.NaN,
  { line1: 5 },
];

describe('record schema messages', () => {
  it.each(RECORD_TYPES)(
    'every field of a %s answers a wrong value with a sentence, never zod’s default wording',
    (type) => {
      const shape = RECORD_SCHEMAS[type].shape as Record<string, z.ZodType>;
      for (const [field, schema] of Object.entries(shape)) {
        let rejected = 0;
        for (const value of WRONG) {
          const parsed = schema.safeParse(value);
          if (parsed.success) continue;
          rejected += 1;
          for (const issue of parsed.error.issues) {
            expect(issue.message, `${type}.${field} = ${JSON.stringify(value)}`).not.toMatch(
              ZOD_WORDS,
            );
            expect(issue.message.length, `${type}.${field}`).toBeGreaterThan(10);
          }
        }
        expect(rejected, `${type}.${field} rejects some wrong value`).toBeGreaterThan(0);
      }
    },
  );

  it('a Destination code names the field and the value', () => {
    const issue = enrollmentSchema.shape.destination.safeParse(999).error?.issues[0];
    expect(issue?.message).toBe(
      'Choose one of the listed answers for Destination (999 is not one of them).',
    );
  });

  it('an empty contact kind asks how the contact happened', () => {
    expect(contactSchema.shape.kind.safeParse('').error?.issues[0]?.message).toBe(
      'Choose how the contact happened (in person, phone, …).',
    );
  });
});
