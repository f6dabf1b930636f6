// GET /api/providers/:providerId/members: parse, check membership, delegate to
// sync/provider-members.ts.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema } from '../../../src/domain/records';
import { requireProviderMember, requireUser } from '../auth/guard';
import { listProviderMembers, type ProviderMember } from '../sync/provider-members';
import type { SyncRouteDeps } from './sync-routes';

const membersParamsSchema = z.object({ providerId: idSchema });

export async function providerRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get(
    '/api/providers/:providerId/members',
    async (request): Promise<{ members: ProviderMember[] }> => {
      const user = await requireUser(request);
      const { providerId } = membersParamsSchema.parse(request.params);
      requireProviderMember(user, providerId);
      return { members: await listProviderMembers(deps.storage, providerId) };
    },
  );
}
