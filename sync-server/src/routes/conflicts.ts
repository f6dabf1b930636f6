// Conflict review for supervisors: list a provider's open conflicts, resolve one (M3, M10).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../src/domain/records';
import { requireProviderMember, requireRole, requireUser } from '../auth/guard';
import { RESOLUTION_ACTIONS, resolveConflict } from '../sync/resolve';
import type { ConflictRow } from '../storage/types';
import type { SyncRouteDeps } from './sync-routes';

const listQuerySchema = z.object({
  providerId: idSchema,
  status: z.enum(['open', 'resolved']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const resolveBodySchema = z.object({
  providerId: idSchema,
  action: z.enum(RESOLUTION_ACTIONS),
});

export async function conflictRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get('/api/conflicts', async (request): Promise<{ conflicts: ConflictRow[] }> => {
    const user = await requireUser(request);
    const q = listQuerySchema.parse(request.query);
    requireProviderMember(user, q.providerId);
    requireRole(user, 'supervisor', 'admin');
    return { conflicts: await deps.storage.listConflicts(q.providerId, q.status, q.limit) };
  });

  app.post('/api/conflicts/:id/resolve', async (request): Promise<{ conflict: ConflictRow }> => {
    const user = await requireUser(request);
    const { id } = z.object({ id: idSchema }).parse(request.params);
    const body = resolveBodySchema.parse(request.body);
    requireProviderMember(user, body.providerId);
    requireRole(user, 'supervisor', 'admin');
    const conflict = await resolveConflict(deps.storage, {
      user,
      providerId: body.providerId,
      conflictId: id,
      action: body.action,
      now: deps.now(),
    });
    return { conflict };
  });
}
