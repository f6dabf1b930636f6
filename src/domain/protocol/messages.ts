// The versioned sync protocol: push (a batch of mutations) and pull (changes since a cursor).
import { z } from 'zod';
import { idSchema } from '../records/ids';
import { recordTypeSchema } from '../records';
import { hlcStringSchema } from '../clock/hlc';
import { jsonValueSchema } from './json-value';
import { deviceIdSchema, mutationSchema } from './mutation';

/** Bumped on any incompatible change; a device with another version is told to update. */
export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_LIMIT = 1000;

export const protocolVersionSchema = z.literal(PROTOCOL_VERSION, {
  error: `This app speaks sync protocol ${PROTOCOL_VERSION}; update the app`,
});

export const pushRequestSchema = z.object({
  protocolVersion: protocolVersionSchema,
  /** The provider the device is entering data as (EDA). */
  providerId: idSchema,
  deviceId: deviceIdSchema,
  mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * A push as the server first reads it: the batch's own fields, with each mutation left to
 * parseIncomingMutation, so that one bad mutation is rejected on its own (M9) and its batch goes on.
 */
export const pushEnvelopeSchema = pushRequestSchema.extend({
  mutations: z.array(z.unknown()).min(1).max(MAX_PUSH_BATCH),
});

export const MUTATION_STATUSES = ['applied', 'merged', 'conflict', 'rejected', 'held'] as const;
export const mutationStatusSchema = z.enum(MUTATION_STATUSES);
export type MutationStatus = z.infer<typeof mutationStatusSchema>;

export const NOTICE_KINDS = [
  'clock_ahead',
  'routed_to_entry',
  'recorded_after_exit',
  'edited_while_deleted',
  'possible_duplicate',
] as const;
export const noticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof noticeKindSchema>;

export const mutationResultSchema = z.object({
  mutationId: idSchema,
  status: mutationStatusSchema,
  /** Why it was rejected or held, or what the merge did, in words a case manager understands. */
  message: z.string().nullable(),
  notices: z.array(noticeKindSchema),
  conflictIds: z.array(idSchema),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  protocolVersion: protocolVersionSchema,
  results: z.array(mutationResultSchema),
  serverHlc: hlcStringSchema,
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullRequestSchema = z.object({
  protocolVersion: protocolVersionSchema,
  providerId: idSchema,
  deviceId: deviceIdSchema,
  /** Opaque position returned by the previous pull; null for an initial sync. */
  cursor: z.string().max(200).nullable(),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const fieldVersionSchema = z.object({
  hlc: hlcStringSchema,
  deviceId: deviceIdSchema,
  userId: idSchema,
  mutationId: idSchema,
  gen: z.number().int().min(0),
  valueClass: z.union([z.literal(0), z.literal(1)]),
  kind: z.union([z.literal(0), z.literal(1)]),
});

export const recordStateSchema = z.object({
  type: recordTypeSchema,
  id: idSchema,
  fields: z.record(z.string(), jsonValueSchema),
  versions: z.record(z.string(), fieldVersionSchema),
  deleted: z.boolean(),
  resolutions: z.record(z.string(), z.array(hlcStringSchema)),
});

export const pullResponseSchema = z.object({
  protocolVersion: protocolVersionSchema,
  changes: z.array(recordStateSchema),
  cursor: z.string().max(200),
  hasMore: z.boolean(),
  serverHlc: hlcStringSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const protocolErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export { recordTypeSchema };
