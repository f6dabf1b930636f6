// Each user's devices (issue 11) as an administrator sees and revokes them: the admin CLI
// (list-devices, revoke-device) and the admin route (routes/devices.ts).
//
// Revoking a device revokes its refresh tokens at once (revoke.ts); its access tokens stop working
// at its next request (the guard reads the device, access-check.ts), and that request, or its
// next refresh or sign-in, is told to wipe this user's data (refusals.ts). A revoked device is
// registered afresh by a later sign-in from it (accounts.ts), with a new generation so that no
// token issued before the revocation works again.
import type { DeviceView } from '../../../src/domain/protocol/devices';
import type { Storage, UserDeviceRow, UserRow } from '../storage/types';
import { AdminError, normalizeUsername } from './accounts';
import { revokeDevicesInTx } from './revoke';

/** What an administrator sees of a device (no keys, no secrets): the API's type. */
export type { DeviceView };

function view(device: UserDeviceRow, user: UserRow): DeviceView {
  return {
    userId: device.userId,
    username: user.username,
    displayName: user.displayName,
    deviceId: device.deviceId,
    label: device.label,
    shared: device.shared,
    firstSeenAt: device.firstSeenAt,
    lastSeenAt: device.lastSeenAt,
    revokedAt: device.revokedAt,
    revokedReason: device.revokedReason,
    wipeSentAt: device.wipeSentAt,
  };
}

/** Every device, or one user's (by username); by username, then last seen (latest first). */
export async function listDevices(
  storage: Storage,
  filter: { username?: string; userId?: string } = {},
): Promise<DeviceView[]> {
  let user: UserRow | null = null;
  if (filter.username !== undefined) {
    user = await storage.getUserByUsername(normalizeUsername(filter.username));
    if (!user) throw new AdminError(`No user named "${normalizeUsername(filter.username)}".`);
  } else if (filter.userId !== undefined) {
    user = await storage.getUserById(filter.userId);
    if (!user) throw new AdminError(`No user with id ${filter.userId}.`);
  }
  const devices = await storage.listUserDevices(user?.id);
  const users = new Map<string, UserRow>();
  if (user) users.set(user.id, user);
  else for (const u of await storage.listUsers()) users.set(u.id, u);
  const out: DeviceView[] = [];
  for (const device of devices) {
    const owner = users.get(device.userId);
    if (owner) out.push(view(device, owner));
  }
  return out.sort((a, b) => a.username.localeCompare(b.username));
}

/**
 * An administrator revokes one device of a user (found by username or id). Idempotent: a device
 * revoked already stays as it was (`alreadyRevoked`). `by` is who did it (a user id, or "cli").
 */
export async function revokeDevice(
  storage: Storage,
  input: { username?: string; userId?: string; deviceId: string; by: string | null },
  now: number,
): Promise<{ device: DeviceView; alreadyRevoked: boolean }> {
  return storage.transaction(async (tx) => {
    let user: UserRow | null = null;
    if (input.username !== undefined) {
      user = await tx.getUserByUsername(normalizeUsername(input.username));
      if (!user) throw new AdminError(`No user named "${normalizeUsername(input.username)}".`);
    } else if (input.userId !== undefined) {
      user = await tx.getUserById(input.userId);
      if (!user) throw new AdminError(`No user with id ${input.userId}.`);
    } else {
      throw new AdminError('Say whose device to revoke.');
    }
    const existing = await tx.getUserDevice(user.id, input.deviceId);
    if (!existing) {
      throw new AdminError(
        `"${user.username}" has no device ${input.deviceId}. See list-devices --user ${user.username}.`,
      );
    }
    if (existing.revokedAt !== null) return { device: view(existing, user), alreadyRevoked: true };
    const [revoked] = await revokeDevicesInTx(tx, user, input.deviceId, 'admin', now, input.by);
    return { device: view(revoked ?? existing, user), alreadyRevoked: revoked === undefined };
  });
}
