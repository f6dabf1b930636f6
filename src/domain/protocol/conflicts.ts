// The conflict review API (sync-server/src/routes/conflicts.ts), the contract between the server
// and the supervisor's screen:
//
//   GET  /api/conflicts?providerId&status&limit&cursor   → { conflicts: ConflictRow[], nextCursor }
//   POST /api/conflicts/:id/resolve { providerId, action } → { conflict: ConflictRow }
//
// Conflicts come oldest first (by creation time, then id) in pages. `nextCursor` is opaque: send it
// back as `cursor` for the next page; it is null on the last page. Pages are cut by position
// (keyset), not by offset, so a conflict created while a supervisor pages through (it is newer
// than every page read) lands on a later page, and one resolved meanwhile shifts nothing: none is
// missed or shown twice. Rules and record types are read as strings, so a rule the server adds
// later does not hide the whole list.
import { z } from 'zod';
import { idSchema } from '../records/ids';
import { jsonValueSchema } from './json-value';

export const CONFLICT_STATUSES = ['open', 'resolved'] as const;

/** Conflicts per page when the request does not say, and the most one page may hold. */
export const CONFLICT_PAGE_SIZE = 100;
export const CONFLICT_PAGE_MAX = 500;

/** GET /api/conflicts query. A cursor is only ever one this server gave (`nextCursor`). */
export const conflictsQuerySchema = z.object({
  providerId: idSchema,
  status: z.enum(CONFLICT_STATUSES).default('open'),
  limit: z.coerce.number().int().min(1).max(CONFLICT_PAGE_MAX).default(CONFLICT_PAGE_SIZE),
  cursor: z.string().min(1).max(512).optional(),
});
export type ConflictsQuery = z.infer<typeof conflictsQuerySchema>;

const conflictSideSchema = z.object({
  values: z.record(z.string(), jsonValueSchema),
  version: z.looseObject({
    hlc: z.string(),
    deviceId: z.string(),
    userId: z.string(),
    mutationId: z.string(),
  }),
});
/** One side of a conflict as the server sends it (the merge's ConflictSide, read leniently). */
export type ServerConflictSide = z.infer<typeof conflictSideSchema>;

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
  status: z.enum(CONFLICT_STATUSES),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type ServerConflict = z.infer<typeof conflictRowSchema>;

/** GET /api/conflicts answer. A server from before paging sends no nextCursor: its only page. */
export const conflictPageSchema = z.object({
  conflicts: z.array(conflictRowSchema),
  nextCursor: z.string().nullable().default(null),
});
export type ConflictPageResponse = z.infer<typeof conflictPageSchema>;

/** What a supervisor may do with a conflict (which ones fit which rule: sync-server resolve.ts). */
export const RESOLUTION_ACTIONS = ['keep_current', 'restore', 'link', 'dismiss'] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

/** POST /api/conflicts/:id/resolve body. */
export const resolveConflictRequestSchema = z.object({
  providerId: idSchema,
  action: z.enum(RESOLUTION_ACTIONS),
});
export type ResolveConflictRequest = z.infer<typeof resolveConflictRequestSchema>;

/** POST /api/conflicts/:id/resolve answer. */
export const resolvedConflictSchema = z.object({ conflict: conflictRowSchema });
