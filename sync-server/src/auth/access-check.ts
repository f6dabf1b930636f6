// The guard's check of every authenticated request (issue 11): an access token is verified with
// the HMAC secret alone, so without this a revoked device or a deactivated user would keep
// working until the token expires (15 minutes). One read per request settles it
// (storage.getAccessState: the user row and the device row, by primary key, and whether the
// token's refresh-token family, claim `fam`, was revoked for reuse):
//
//   device revoked                    401 device_revoked, wipe: true (and audited, once per contact)
//   device registered afresh since    401 unauthorized: an older session of a device that signed
//     (older generation), or unknown      in again; never a wipe, which would delete the new one
//   family revoked for reuse          401 token_reused, as refresh answers (accounts.ts); tokens
//                                       without `fam` (issued before the claim) are not checked so
//   user gone or deactivated          401 account_inactive
//
// The device's last_seen_at is written at most once a minute (SEEN_EVERY_MS), so that a device
// syncing in a loop does not make every request a write.
import type { Storage } from '../storage/types';
import { HttpError } from '../errors';
import { ACCOUNT_INACTIVE, SESSION_ENDED } from './messages';
import { deviceRevoked, tokenReused } from './refusals';
import { recordWipeInstruction } from './revoke';
import type { AuthUser } from './types';

export const SEEN_EVERY_MS = 60_000;

/** What the guard runs for a request with a valid access token: a refusal, or null to go on. */
export type AccessCheck = (user: AuthUser, via: string) => Promise<HttpError | null>;

export function storageAccessCheck(storage: Storage, now: () => number): AccessCheck {
  return async (user, via) => {
    const state = await storage.getAccessState(
      user.id,
      user.device?.id ?? null,
      user.familyId ?? null,
    );
    if (!state) return new HttpError(401, 'account_inactive', ACCOUNT_INACTIVE);
    if (user.device) {
      const device = state.device;
      if (device === null) return new HttpError(401, 'unauthorized', SESSION_ENDED);
      if (device.revokedAt !== null) {
        const at = now();
        await storage.transaction((tx) =>
          recordWipeInstruction(tx, user.id, user.device!.id, device.revokedReason, at, via),
        );
        return deviceRevoked(device.revokedReason);
      }
      if (device.generation !== user.device.generation) {
        return new HttpError(401, 'unauthorized', SESSION_ENDED);
      }
    }
    if (state.familyRevoked) return tokenReused();
    if (!state.active) return new HttpError(401, 'account_inactive', ACCOUNT_INACTIVE);
    if (user.device && state.device) {
      const at = now();
      if (at - Date.parse(state.device.lastSeenAt) >= SEEN_EVERY_MS) {
        await storage.touchUserDevice(user.id, user.device.id, new Date(at).toISOString());
      }
    }
    return null;
  };
}
