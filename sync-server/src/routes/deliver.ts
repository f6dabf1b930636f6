// POST /api/sync/deliver (issue 11): a locked device's sealed delivery. No access token: the
// request is signed by the device (sync/deliver.ts checks it), so the route keeps the body's exact
// bytes for the signature, parses it with deliverRequestSchema, and wires the algorithm to storage.
// It takes only JSON, through a parser registered in a context of its own so the other sync
// routes keep theirs; the body is bounded by the server's body limit (BODY_LIMIT_BYTES, a 413).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  DELIVER_SIGNATURE_HEADER,
  DELIVER_TIMESTAMP_HEADER,
  PROTOCOL_VERSION,
  deliverRequestSchema,
  type DeliverResponse,
} from '../../../src/domain/protocol';
import { SEEN_EVERY_MS } from '../auth/access-check';
import { recordWipeInstruction } from '../auth/revoke';
import { ServerKeys } from '../auth/server-keys';
import { HttpError, badRequest } from '../errors';
import { deliver, type DeliverDeps } from '../sync/deliver';
import type { UserDeviceRow } from '../storage/types';
import { pushMutations } from '../sync/push';
import { auditedAs } from './request-audit';
import type { SyncRouteDeps } from './sync-routes';

/** Where a wipe instruction was given, in the audit log (as the access check names routes). */
const VIA = 'POST /api/sync/deliver';

/** The body as received (what the signature covers) and as parsed. */
interface SignedBody {
  raw: Buffer;
  json: unknown;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function checkProtocolVersion(json: unknown): void {
  const version = (json as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (version === PROTOCOL_VERSION) return;
  const shown =
    typeof version === 'number' || typeof version === 'string' ? String(version) : 'unknown';
  throw new HttpError(
    426,
    'update_required',
    `This app is out of date (sync protocol ${shown}; the server speaks ${PROTOCOL_VERSION}). Update the app; your unsynced changes stay on this device.`,
  );
}

function deliverDeps(deps: SyncRouteDeps, serverKeys: ServerKeys): DeliverDeps<UserDeviceRow> {
  const { storage, now } = deps;
  return {
    getDevice: (userId, installationId) => storage.getUserDevice(userId, installationId),
    serverPrivateKey: async (keyId) => (await serverKeys.byId(keyId))?.privateKey ?? null,
    userState: async (userId) => {
      const user = await storage.getUserById(userId);
      return user
        ? { active: user.active, providerIds: await storage.listMemberships(userId) }
        : null;
    },
    push: async (input) => {
      const user = await storage.getUserById(input.userId);
      if (!user) throw new HttpError(403, 'forbidden', 'No such user.');
      return pushMutations(storage, {
        user: {
          id: user.id,
          username: user.username,
          role: user.role,
          providerIds: await storage.listMemberships(user.id),
        },
        providerId: input.providerId,
        deviceId: input.deviceId,
        mutations: input.mutations,
        rejections: input.rejections,
        now: now(),
      });
    },
    now,
    // As the guard's access check does for other requests (auth/access-check.ts): each wipe told
    // is audited; last seen is written at most once a minute.
    seen: async (userId, installationId, device, wiped) => {
      const at = now();
      if (wiped) {
        await storage.transaction((tx) =>
          recordWipeInstruction(tx, userId, installationId, device.revokedReason, at, VIA),
        );
      } else if (at - Date.parse(device.lastSeenAt) >= SEEN_EVERY_MS) {
        await storage.touchUserDevice(userId, installationId, new Date(at).toISOString());
      }
    },
  };
}

export async function deliverRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  const serverKeys = new ServerKeys(deps.storage, deps.now);

  await app.register(async (scoped) => {
    // Only JSON: the inherited text/plain parser would hand the route a string.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer' },
      (_request, raw, done) => {
        const buffer = raw as Buffer;
        try {
          done(null, {
            raw: buffer,
            json: JSON.parse(buffer.toString('utf8')) as unknown,
          } satisfies SignedBody);
        } catch {
          done(badRequest('The request body is not valid JSON.'), undefined);
        }
      },
    );

    scoped.post('/api/sync/deliver', async (request, reply): Promise<DeliverResponse> => {
      // Answers (statuses, wipes) are for this device at this moment: never cached anywhere.
      void reply.header('cache-control', 'no-store');
      const body = request.body as SignedBody | undefined;
      if (!body) throw badRequest('A delivery is a JSON body.');
      checkProtocolVersion(body.json);
      const parsed = deliverRequestSchema.parse(body.json);
      // Audit entries name the delivering device: deliver() pushes only for people whose device
      // row of this installation signed the request, and the wipes it tells are that device's.
      const storage = auditedAs(deps.storage, parsed.deviceId);
      return deliver(
        parsed,
        body.raw,
        {
          timestamp: header(request, DELIVER_TIMESTAMP_HEADER),
          signature: header(request, DELIVER_SIGNATURE_HEADER),
        },
        deliverDeps({ ...deps, storage }, serverKeys),
      );
    });
  });
}
