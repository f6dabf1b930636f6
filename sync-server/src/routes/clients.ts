// GET /api/clients/search and GET /api/clients/:clientId/enrollments: parse, check Enter Data As,
// delegate to sync/client-search.ts and sync/other-enrollments.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema, localDateSchema } from '../../../src/domain/records';
import { requireProviderMember, requireUser } from '../auth/guard';
import { searchClients, type ClientMatch } from '../sync/client-search';
import { listOtherEnrollments, type OtherEnrollment } from '../sync/other-enrollments';
import type { SyncRouteDeps } from './sync-routes';

const searchQuerySchema = z.object({
  providerId: idSchema,
  firstName: z.string().trim().max(50).optional(),
  lastName: z.string().trim().max(50).optional(),
  dob: localDateSchema.optional(),
  ssnLast4: z
    .string()
    .regex(/^\d{4}$/, 'The last 4 of the SSN are 4 digits')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const enrollmentsParamsSchema = z.object({ clientId: idSchema });
const enrollmentsQuerySchema = z.object({ providerId: idSchema });

export async function clientRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get('/api/clients/search', async (request): Promise<{ clients: ClientMatch[] }> => {
    const user = await requireUser(request);
    const { providerId, ...query } = searchQuerySchema.parse(request.query);
    requireProviderMember(user, providerId);
    const clients = await searchClients(deps.storage, {
      userId: user.id,
      providerId,
      query,
      now: deps.now(),
    });
    return { clients };
  });

  app.get(
    '/api/clients/:clientId/enrollments',
    async (request): Promise<{ enrollments: OtherEnrollment[] }> => {
      const user = await requireUser(request);
      const { clientId } = enrollmentsParamsSchema.parse(request.params);
      const { providerId } = enrollmentsQuerySchema.parse(request.query);
      requireProviderMember(user, providerId);
      const enrollments = await listOtherEnrollments(deps.storage, {
        userId: user.id,
        providerId,
        clientId,
        now: deps.now(),
      });
      return { enrollments };
    },
  );
}
