// GET /api/audit: who created, changed or viewed which record, for supervisors and administrators
// of a provider (HUD's security standards require monitoring of user access).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../src/domain/records';
import { requireProviderMember, requireRole, requireUser } from '../auth/guard';
import type { AuditEntry } from '../storage/types';
import type { SyncRouteDeps } from './sync-routes';

const auditQuerySchema = z.object({
  providerId: idSchema,
  recordId: idSchema.optional(),
  userId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export async function auditRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get('/api/audit', async (request): Promise<{ entries: AuditEntry[] }> => {
    const user = await requireUser(request);
    const q = auditQuerySchema.parse(request.query);
    requireProviderMember(user, q.providerId);
    requireRole(user, 'supervisor', 'admin');
    // Entries made while entering data as this provider only: another provider's activity is theirs.
    return { entries: await deps.storage.listAudit(q) };
  });
}
