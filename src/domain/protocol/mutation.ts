// A mutation is one change a device made to one record while possibly offline. It names only the
// fields it sets (M1) and says what the device saw of them before the change, so the server can
// tell a backfill of an empty field from an overwrite of a real answer (M4).
import { z } from 'zod';
import { idSchema } from '../records/ids';
import { recordTypeSchema } from '../records';
import { hlcStringSchema } from '../clock/hlc';
import { jsonValueSchema } from './json-value';

export type { JsonValue } from './json-value';

export const deviceIdSchema = z
  .string()
  .regex(/^[0-9a-z_-]{1,64}$/, 'A device id is 1–64 lowercase letters, digits, - or _');

/** Field names are flat paths: `firstName`, or `answers.<fieldId>` for an assessment's answers. */
export const fieldPathSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63})?$/, 'Not a field name');

export const MUTATION_OPS = ['create', 'patch', 'delete', 'restore'] as const;

/** More fields than any record has (an assessment's answers are one field each). */
export const MAX_MUTATION_FIELDS = 500;

/**
 * What identifies a mutation and orders it: all written by the app itself, never typed by a
 * person. A mutation whose envelope is valid but whose content is not is rejected on its own
 * (M9: stored, reported, its sequence number consumed); one without a valid envelope cannot be
 * placed in its device's sequence, and its whole push is refused.
 */
const envelopeShape = {
  mutationId: idSchema,
  deviceId: deviceIdSchema,
  /** Per-device sequence number, 1, 2, 3, ...: the server applies a device's mutations in this order (M8). */
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  hlc: hlcStringSchema,
  recordType: recordTypeSchema,
  recordId: idSchema,
  op: z.enum(MUTATION_OPS),
};

export const mutationEnvelopeSchema = z.object(envelopeShape);
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;

const fieldValuesSchema = z
  .record(fieldPathSchema, jsonValueSchema)
  .refine((o) => Object.keys(o).length <= MAX_MUTATION_FIELDS, {
    message: `A change sets at most ${MAX_MUTATION_FIELDS} fields`,
  });

export const mutationSchema = z
  .object({
    ...envelopeShape,
    fields: fieldValuesSchema,
    /** For each field set: the value the device saw before this change (null when empty). */
    seen: fieldValuesSchema,
  })
  .superRefine((m, ctx) => {
    if (!m.hlc.endsWith(`-${m.deviceId}`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['hlc'],
        message: 'The clock value must carry the device id',
      });
    }
    if ((m.op === 'delete' || m.op === 'restore') && Object.keys(m.fields).length > 0) {
      ctx.addIssue({ code: 'custom', path: ['fields'], message: `A ${m.op} sets no fields` });
    }
    if (m.op === 'patch' && Object.keys(m.fields).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['fields'],
        message: 'A patch sets at least one field',
      });
    }
    for (const key of Object.keys(m.seen)) {
      if (!Object.hasOwn(m.fields, key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['seen', key],
          message: 'seen names a field the mutation does not set',
        });
      }
    }
  });

export type Mutation = z.infer<typeof mutationSchema>;
export type MutationOp = Mutation['op'];

/**
 * A mutation as the server takes it in: valid, or with a valid envelope and a problem (M9). For a
 * rejected one `mutation` is the envelope with no fields: what is stored of it, since its content
 * may be anything (a value nested a million levels deep); the device keeps the original.
 */
export type IncomingMutation =
  | { readonly mutation: Mutation; readonly problem: null }
  | { readonly mutation: Mutation; readonly problem: string };

/** null when not even the envelope is valid (see mutationEnvelopeSchema). */
export function parseIncomingMutation(raw: unknown): IncomingMutation | null {
  const parsed = mutationSchema.safeParse(raw);
  if (parsed.success) return { mutation: parsed.data, problem: null };
  const envelope = mutationEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return null;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return {
    mutation: { ...envelope.data, fields: {}, seen: {} },
    problem: `This change cannot be saved as sent (${where}${issue?.message ?? 'not valid'}).`,
  };
}
