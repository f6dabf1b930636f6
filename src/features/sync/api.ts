// The server's conflict review API as this screen calls it (sync-server/src/routes/conflicts.ts).
// The answers' schemas are the app-facing contract in src/domain/protocol/conflicts.ts:
// GET /api/conflicts?providerId&status=open[&cursor] answers a page { conflicts, nextCursor }, and
// POST /api/conflicts/:id/resolve answers { conflict }.

export type { ResolutionAction } from '../../domain/protocol';

/** The first page of the provider's open conflicts, or the page after `cursor` (a nextCursor). */
export const conflictsPath = (providerId: string, cursor?: string | null) =>
  `/api/conflicts?providerId=${encodeURIComponent(providerId)}&status=open` +
  (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
export const resolvePath = (conflictId: string) =>
  `/api/conflicts/${encodeURIComponent(conflictId)}/resolve`;
export const membersPath = (providerId: string) =>
  `/api/providers/${encodeURIComponent(providerId)}/members`;
