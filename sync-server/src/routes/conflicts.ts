// Conflict review for supervisors: list a provider's open conflicts a page at a time, resolve one
// (M3, M10). The contract (query and answers) is src/domain/protocol/conflicts.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { conflictsQuerySchema, resolveConflictRequestSchema } from '../../../src/domain/protocol';
import { idSchema } from '../../../src/domain/records';
import { requireProviderMember, requireRole, requireUser } from '../auth/guard';
import { badRequest } from '../errors';
import { resolveConflict } from '../sync/resolve';
import type { ConflictCursor, ConflictRow } from '../storage/types';
import { auditedAs, installationOf } from './request-audit';
import type { SyncRouteDeps } from './sync-routes';

/**
 * The cursor a page of conflicts hands out: the position of its last conflict, (createdAt, id), as
 * base64url JSON. Opaque to the app, which only sends back what it was given.
 */
const cursorSchema = z.tuple([z.string().min(1).max(64), z.string().min(1).max(128)]);

export function encodeConflictCursor(cursor: ConflictCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** The position a cursor names; a cursor this server did not give is a 400, never a 5xx. */
export function decodeConflictCursor(cursor: string): ConflictCursor {
  let parsed: unknown = null;
  if (/^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      parsed = null;
    }
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) {
    throw badRequest('This cursor is not one the server gave. Load the conflicts from the start.', [
      { path: 'cursor', message: 'Not a cursor from a page of conflicts' },
    ]);
  }
  const [createdAt, id] = result.data;
  return { createdAt, id };
}

export async function conflictRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get(
    '/api/conflicts',
    async (request): Promise<{ conflicts: ConflictRow[]; nextCursor: string | null }> => {
      const user = await requireUser(request);
      const q = conflictsQuerySchema.parse(request.query);
      requireProviderMember(user, q.providerId);
      requireRole(user, 'supervisor', 'admin');
      const after = q.cursor === undefined ? null : decodeConflictCursor(q.cursor);
      const page = await deps.storage.listConflicts(q.providerId, q.status, q.limit, after);
      return {
        conflicts: page.conflicts,
        nextCursor: page.nextCursor && encodeConflictCursor(page.nextCursor),
      };
    },
  );

  app.post('/api/conflicts/:id/resolve', async (request): Promise<{ conflict: ConflictRow }> => {
    const user = await requireUser(request);
    const { id } = z.object({ id: idSchema }).parse(request.params);
    const body = resolveConflictRequestSchema.parse(request.body);
    requireProviderMember(user, body.providerId);
    requireRole(user, 'supervisor', 'admin');
    const conflict = await resolveConflict(auditedAs(deps.storage, installationOf(user)), {
      user,
      providerId: body.providerId,
      conflictId: id,
      action: body.action,
      now: deps.now(),
    });
    return { conflict };
  });
}
