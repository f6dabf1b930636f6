// POST /api/sync/push and /api/sync/pull: parse, check Enter Data As, delegate to sync/.
import type { FastifyInstance } from 'fastify';
import { formatHlc } from '../../../src/domain/clock/hlc';
import {
  PROTOCOL_VERSION,
  mutationEnvelopeSchema,
  parseIncomingMutation,
  pullRequestSchema,
  pushEnvelopeSchema,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../../src/domain/protocol';
import { requireProviderMember, requireUser } from '../auth/guard';
import { HttpError, badRequest } from '../errors';
import { pullChanges } from '../sync/pull';
import { pushMutations } from '../sync/push';
import { auditedAs, installationOf } from './request-audit';
import type { SyncRouteDeps } from './sync-routes';

/** An app speaking another protocol version is told to update; it keeps its queue. */
function checkProtocolVersion(body: unknown): void {
  const version = (body as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (version !== PROTOCOL_VERSION) {
    // Only a number or string is shown: String() of an object may throw ({ toString: null }).
    const shown =
      typeof version === 'number' || typeof version === 'string' ? String(version) : 'unknown';
    throw new HttpError(
      426,
      'update_required',
      `This app is out of date (sync protocol ${shown}; the server speaks ${PROTOCOL_VERSION}). Update the app; your unsynced changes stay on this device.`,
    );
  }
}

/**
 * Each mutation on its own: a valid one as it is, one with a valid envelope but bad content as a
 * rejection (M9, so its batch goes on), one without a valid envelope refuses the whole push (it
 * cannot be placed in its device's sequence).
 */
function parseBatch(raw: unknown[]): {
  mutations: Mutation[];
  rejections: Map<string, string>;
} {
  const mutations: Mutation[] = [];
  const rejections = new Map<string, string>();
  raw.forEach((item, index) => {
    const incoming = parseIncomingMutation(item);
    if (!incoming) {
      const envelope = mutationEnvelopeSchema.safeParse(item);
      const issues = envelope.success
        ? []
        : envelope.error.issues.map((issue) => ({
            path: ['mutations', index, ...issue.path].map(String).join('.'),
            message: issue.message,
          }));
      throw badRequest(
        `Change ${index + 1} of this push cannot be read: ${issues[0]?.message ?? 'not valid'} (${issues[0]?.path ?? `mutations.${index}`}).`,
        issues,
      );
    }
    mutations.push(incoming.mutation);
    if (incoming.problem !== null) rejections.set(incoming.mutation.mutationId, incoming.problem);
  });
  return { mutations, rejections };
}

export async function syncRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  const serverHlc = () => formatHlc({ millis: deps.now(), counter: 0, node: 'server' });

  app.post('/api/sync/push', async (request): Promise<PushResponse> => {
    const user = await requireUser(request);
    checkProtocolVersion(request.body);
    const body = pushEnvelopeSchema.parse(request.body);
    requireProviderMember(user, body.providerId);
    const { mutations, rejections } = parseBatch(body.mutations);
    const foreign = mutations.findIndex((m) => m.deviceId !== body.deviceId);
    if (foreign >= 0) {
      throw badRequest('Every mutation in a push comes from the pushing device.', [
        { path: `mutations.${foreign}.deviceId`, message: `Expected ${body.deviceId}` },
      ]);
    }
    const results = await pushMutations(auditedAs(deps.storage, installationOf(user)), {
      user,
      providerId: body.providerId,
      deviceId: body.deviceId,
      mutations,
      rejections,
      now: deps.now(),
    });
    return { protocolVersion: PROTOCOL_VERSION, results, serverHlc: serverHlc() };
  });

  app.post('/api/sync/pull', async (request): Promise<PullResponse> => {
    const user = await requireUser(request);
    checkProtocolVersion(request.body);
    const body = pullRequestSchema.parse(request.body);
    requireProviderMember(user, body.providerId);
    const page = await pullChanges(auditedAs(deps.storage, installationOf(user)), {
      providerId: body.providerId,
      cursor: body.cursor,
      limit: body.limit,
      userId: user.id,
      deviceId: body.deviceId,
      now: deps.now(),
    });
    return { protocolVersion: PROTOCOL_VERSION, ...page, serverHlc: serverHlc() };
  });
}
