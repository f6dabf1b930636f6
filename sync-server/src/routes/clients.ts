// GET /api/clients/search: find a client's shared record before creating one. Returns only what
// is needed to recognise a person (names, date of birth, last 4 of SSN, data quality, which
// providers have served them), never another provider's enrollment data.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idSchema, localDateSchema } from '../../../src/domain/records';
import { requireProviderMember, requireUser } from '../auth/guard';
import { badRequest } from '../errors';
import { normalizeName } from '../../../src/domain/merge';
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

export interface ClientMatch {
  id: string;
  firstName: string | null;
  lastName: string | null;
  nameDataQuality: number | null;
  dob: string | null;
  dobDataQuality: number | null;
  ssnLast4: string | null;
  ssnDataQuality: number | null;
  providers: { id: string; name: string }[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

export async function clientRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get('/api/clients/search', async (request): Promise<{ clients: ClientMatch[] }> => {
    const user = await requireUser(request);
    const q = searchQuerySchema.parse(request.query);
    requireProviderMember(user, q.providerId);
    const firstName = q.firstName ? normalizeName(q.firstName) : undefined;
    const lastName = q.lastName ? normalizeName(q.lastName) : undefined;
    if (!firstName && !lastName && !q.dob && !q.ssnLast4) {
      throw badRequest('Search by name, date of birth or the last 4 of the SSN.');
    }
    const found = await deps.storage.searchClients({
      firstName,
      lastName,
      dob: q.dob,
      ssnLast4: q.ssnLast4,
      limit: q.limit,
    });
    const live = found.filter((r) => !r.state.deleted);
    const scopes = await deps.storage.getScopes(
      live.map((r) => ({ type: 'client', id: r.state.id })),
    );
    const providerNames = new Map((await deps.storage.listProviders()).map((p) => [p.id, p.name]));
    const clients = live.map((r): ClientMatch => {
      const f = r.state.fields;
      return {
        id: r.state.id,
        firstName: str(f.firstName),
        lastName: str(f.lastName),
        nameDataQuality: num(f.nameDataQuality),
        dob: str(f.dob),
        dobDataQuality: num(f.dobDataQuality),
        ssnLast4: r.clientKeys?.ssnLast4 ?? null,
        ssnDataQuality: num(f.ssnDataQuality),
        providers: (scopes.get(`client:${r.state.id}`) ?? []).map((id) => ({
          id,
          name: providerNames.get(id) ?? 'Unknown provider',
        })),
      };
    });
    await deps.storage.appendAudit([
      {
        at: new Date(deps.now()).toISOString(),
        userId: user.id,
        providerId: q.providerId,
        action: 'search_clients',
        recordType: 'client',
        recordId: null,
        details: {
          query: {
            firstName: q.firstName ?? null,
            lastName: q.lastName ?? null,
            dob: q.dob ?? null,
            ssnLast4: q.ssnLast4 ? 'given' : null,
          },
          resultIds: clients.map((c) => c.id),
        },
      },
    ]);
    return { clients };
  });
}
