// Revoking devices and telling them to wipe (issue 11), inside the caller's transaction: used by
// the admin's revoke (devices.ts), deactivation and password reset (accounts.ts), and the places
// a revoked device makes contact (refresh and sign-in in accounts.ts, every other request in
// access-check.ts).
//
// Revoking a device revokes its refresh tokens at once; its access tokens stop at its next
// request. Each revocation and each wipe instruction is audited with the device's installation id.
import type { AuditEntry, DeviceTx, StorageTx, UserDeviceRow, UserRow } from '../storage/types';
import type { RevokeReason } from './refusals';

function entry(at: string, userId: string, action: string, details: Record<string, unknown>) {
  const audit: AuditEntry = {
    at,
    userId,
    providerId: null,
    action,
    recordType: null,
    recordId: null,
    details,
  };
  return audit;
}

/**
 * Revokes one device of the user (every device when deviceId is null) and its refresh tokens,
 * with one audit entry per device. Returns those revoked now (none when they were already).
 * `by` is who did it: an administrator's user id, "cli", or null for an account change.
 */
export async function revokeDevicesInTx(
  tx: StorageTx & DeviceTx,
  user: UserRow,
  deviceId: string | null,
  reason: RevokeReason,
  now: number,
  by: string | null,
): Promise<UserDeviceRow[]> {
  const at = new Date(now).toISOString();
  const revoked = await tx.revokeUserDevices(user.id, deviceId, at, reason);
  for (const device of revoked) {
    await tx.revokeDeviceRefreshTokens(user.id, device.deviceId, at);
  }
  if (revoked.length > 0) {
    await tx.appendAudit(
      revoked.map((device) =>
        entry(at, user.id, 'revoke_device', {
          username: user.username,
          installationId: device.deviceId,
          reason,
          by,
        }),
      ),
    );
  }
  return revoked;
}

/** Records that a revoked device was told to wipe this user's data (via: where it asked). */
export async function recordWipeInstruction(
  tx: StorageTx & DeviceTx,
  userId: string,
  deviceId: string,
  reason: string | null,
  now: number,
  via: string,
): Promise<void> {
  const at = new Date(now).toISOString();
  await tx.markWipeSent(userId, deviceId, at);
  await tx.appendAudit([
    entry(at, userId, 'wipe_instructed', { installationId: deviceId, reason, via }),
  ]);
}
