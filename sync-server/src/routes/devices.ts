// The devices of users, for administrators (issue 11):
//
//   GET  /api/admin/devices[?username=…|?userId=…]  → { devices: DeviceView[] }
//   POST /api/admin/devices/revoke { userId, deviceId } → { device: DeviceView, alreadyRevoked }
//
// Administrators only (requireRole 'admin'); a device is a user's, not a provider's, so there is
// no provider check. The answers hold no signing keys and no push secrets. Revoking ends the
// device's sessions at once and tells it to wipe the user's data at its next contact
// (auth/devices.ts). The same is available from the admin CLI (list-devices, revoke-device).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceRevokeRequestSchema } from '../../../src/domain/protocol/devices';
import { idSchema } from '../../../src/domain/records';
import { AdminError } from '../auth/accounts';
import { listDevices, revokeDevice, type DeviceView } from '../auth/devices';
import { requireRole, requireUser } from '../auth/guard';
import { HttpError } from '../errors';
import type { SyncRouteDeps } from './sync-routes';

const listQuerySchema = z
  .object({
    username: z.string().trim().min(1).max(200).optional(),
    userId: idSchema.optional(),
  })
  .refine((q) => q.username === undefined || q.userId === undefined, {
    message: 'Give username or userId, not both',
  });

/** An operator's error (no such user or device) is the client's 404, never a 500. */
async function orNotFound<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AdminError) throw new HttpError(404, 'not_found', error.message);
    throw error;
  }
}

export async function deviceRoutes(app: FastifyInstance, deps: SyncRouteDeps): Promise<void> {
  app.get('/api/admin/devices', async (request): Promise<{ devices: DeviceView[] }> => {
    const user = requireUser(request);
    requireRole(user, 'admin');
    const q = listQuerySchema.parse(request.query);
    return { devices: await orNotFound(() => listDevices(deps.storage, q)) };
  });

  app.post(
    '/api/admin/devices/revoke',
    async (request): Promise<{ device: DeviceView; alreadyRevoked: boolean }> => {
      const user = requireUser(request);
      requireRole(user, 'admin');
      const body = deviceRevokeRequestSchema.parse(request.body);
      return orNotFound(() =>
        revokeDevice(
          deps.storage,
          { userId: body.userId, deviceId: body.deviceId, by: user.id },
          deps.now(),
        ),
      );
    },
  );
}
