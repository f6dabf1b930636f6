// The server's conflict review API as this screen reads it (sync-server/src/routes/conflicts.ts):
// GET /api/conflicts?providerId&status=open answers { conflicts: ConflictRow[] }, and
// POST /api/conflicts/:id/resolve answers { conflict: ConflictRow }. Rules and record types are
// read as strings, so a rule the server adds later does not hide the whole list.
import { z } from 'zod';
import { jsonValueSchema } from '../../domain/protocol';

const conflictSideSchema = z.object({
  values: z.record(z.string(), jsonValueSchema),
  version: z.looseObject({
    hlc: z.string(),
    deviceId: z.string(),
    userId: z.string(),
    mutationId: z.string(),
  }),
});
export type ConflictSide = z.infer<typeof conflictSideSchema>;

export const conflictRowSchema = z.object({
  conflict: z.object({
    id: z.string(),
    rule: z.string(),
    recordType: z.string(),
    recordId: z.string(),
    group: z.string(),
    fields: z.array(z.string()),
    winner: conflictSideSchema,
    loser: conflictSideSchema,
    relatedRecordId: z.string().nullable(),
    message: z.string(),
  }),
  providerIds: z.array(z.string()),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type ServerConflict = z.infer<typeof conflictRowSchema>;

export const conflictListSchema = z.object({ conflicts: z.array(conflictRowSchema) });
export const resolvedConflictSchema = z.object({ conflict: conflictRowSchema });

/** What a supervisor may do with a conflict (the server's RESOLUTION_ACTIONS). */
export type ResolutionAction = 'keep_current' | 'restore' | 'link' | 'dismiss';

export const conflictsPath = (providerId: string) =>
  `/api/conflicts?providerId=${encodeURIComponent(providerId)}&status=open`;
export const resolvePath = (conflictId: string) =>
  `/api/conflicts/${encodeURIComponent(conflictId)}/resolve`;
export const membersPath = (providerId: string) =>
  `/api/providers/${encodeURIComponent(providerId)}/members`;
