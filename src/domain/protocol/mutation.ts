// A mutation is one change a device made to one record while possibly offline. It names only the
// fields it sets (M1) and says what the device saw of them before the change, so the server can
// tell a backfill of an empty field from an overwrite of a real answer (M4).
import { z } from 'zod';
import { idSchema } from '../records/ids';
import { recordTypeSchema } from '../records';
import { hlcStringSchema } from '../clock/hlc';

export const deviceIdSchema = z
  .string()
  .regex(/^[0-9a-z_-]{1,64}$/, 'A device id is 1–64 lowercase letters, digits, - or _');

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string().max(4000),
    z.number().refine(Number.isFinite, 'Numbers must be finite'),
    z.boolean(),
    z.null(),
    z.array(jsonValueSchema).max(100),
    z.record(z.string().max(64), jsonValueSchema),
  ]),
);

/** Field names are flat paths: `firstName`, or `answers.<fieldId>` for an assessment's answers. */
export const fieldPathSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,63}(\.[A-Za-z][A-Za-z0-9_]{0,63})?$/, 'Not a field name');

export const MUTATION_OPS = ['create', 'patch', 'delete', 'restore'] as const;

export const mutationSchema = z
  .object({
    mutationId: idSchema,
    deviceId: deviceIdSchema,
    /** Per-device sequence number, 1, 2, 3, ...: the server applies a device's mutations in this order (M8). */
    seq: z.number().int().positive(),
    hlc: hlcStringSchema,
    recordType: recordTypeSchema,
    recordId: idSchema,
    op: z.enum(MUTATION_OPS),
    fields: z.record(fieldPathSchema, jsonValueSchema),
    /** For each field set: the value the device saw before this change (null when empty). */
    seen: z.record(fieldPathSchema, jsonValueSchema),
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
      if (!(key in m.fields)) {
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
