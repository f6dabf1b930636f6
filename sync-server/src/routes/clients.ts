// POST /api/clients/search and GET /api/clients/:clientId/enrollments: parse, check Enter Data
// As, delegate to sync/client-search.ts and sync/other-enrollments.ts. Search is a POST so that
// names, DOBs and SSN digits never sit in a URL (logs, Referer, browser history); the old GET
// answers 405 without reading its query.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clientSearchRequestSchema } from '../../../src/domain/protocol/api';
import { idSchema } from '../../../src/domain/records';
import { requireProviderMember, requireUser } from '../auth/guard';
import { searchClients, type ClientMatch } from '../sync/client-search';
import { listOtherEnrollments, type OtherEnrollment } from '../sync/other-enrollments';
import { auditedAs, installationOf } from './request-audit';
import type { SyncRouteDeps } from './sync-routes';

export const SEARCH_BY_POST_MESSAGE =
  'Search with POST /api/clients/search and the criteria in a JSON body: they must not be in the URL.';

const enrollmentsParamsSchema = z.object({ clientId: idSchema });
const enrollmentsQuerySchema = z.object({ providerId: idSchema });

export async function clientRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get('/api/clients/search', async (_request, reply) =>
    reply
      .code(405)
      .header('allow', 'POST')
      .send({ error: 'method_not_allowed', message: SEARCH_BY_POST_MESSAGE }),
  );

  app.post('/api/clients/search', async (request): Promise<{ clients: ClientMatch[] }> => {
    const user = await requireUser(request);
    const { providerId, ...query } = clientSearchRequestSchema.parse(request.body);
    requireProviderMember(user, providerId);
    const clients = await searchClients(auditedAs(deps.storage, installationOf(user)), {
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
      const storage = auditedAs(deps.storage, installationOf(user));
      const enrollments = await listOtherEnrollments(storage, {
        userId: user.id,
        providerId,
        clientId,
        now: deps.now(),
      });
      return { enrollments };
    },
  );
}
