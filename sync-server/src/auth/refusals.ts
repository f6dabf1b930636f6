// The answers a refused device gets (issue 11; deviceRefusalSchema in
// src/domain/protocol/devices.ts): 401 device_revoked with `wipe: true`, 401 token_reused, and the
// 409 a refresh gets when another process of the same app refreshed that token a moment earlier.
//
// DeviceRefusedError carries `wipe`, which the app's error handler does not know about, so the
// routes that can refuse a device (refresh, sign-in, and the guard's hook) catch it and answer
// with sendRefusal, which sets what the error handler would (no-store, WWW-Authenticate).
import type { FastifyReply } from 'fastify';
import {
  DEVICE_REVOKED,
  TOKEN_REUSED,
  type DeviceRefusal,
} from '../../../src/domain/protocol/devices';
import { HttpError } from '../errors';
import { RetryLaterError } from '../plugins/errors';

/** Why a device was revoked (user_devices.revoked_reason). */
export type RevokeReason = 'admin' | 'deactivated' | 'password_reset';

const REVOKED_MESSAGES: Record<RevokeReason, string> = {
  admin:
    'An administrator removed this device from your account, so your Fieldnote data on it is being deleted. Sign in again if you still use this device.',
  deactivated:
    'Your account was deactivated, so your Fieldnote data on this device is being deleted. Ask an administrator if you need access again.',
  password_reset:
    'Your password was reset, so your Fieldnote data on this device is being deleted. Sign in with your new password; changes already synced are safe on the server.',
};

export const TOKEN_REUSED_MESSAGE =
  'This session was used from somewhere else, so it was ended. Sign in again.';

export const REFRESH_RACED_MESSAGE =
  'This session was refreshed a moment ago by another part of the app on this device. Use the tokens it saved, or try again in a moment.';

export class DeviceRefusedError extends HttpError {
  constructor(
    code: typeof DEVICE_REVOKED | typeof TOKEN_REUSED,
    message: string,
    readonly wipe: boolean,
  ) {
    super(401, code, message);
    this.name = 'DeviceRefusedError';
  }

  get body(): DeviceRefusal {
    return this.wipe
      ? { error: this.code as DeviceRefusal['error'], message: this.message, wipe: true }
      : { error: this.code as DeviceRefusal['error'], message: this.message };
  }
}

function isRevokeReason(reason: string | null): reason is RevokeReason {
  return reason !== null && Object.hasOwn(REVOKED_MESSAGES, reason);
}

export function deviceRevoked(reason: string | null): DeviceRefusedError {
  const message = REVOKED_MESSAGES[isRevokeReason(reason) ? reason : 'admin'];
  return new DeviceRefusedError(DEVICE_REVOKED, message, true);
}

export function tokenReused(): DeviceRefusedError {
  return new DeviceRefusedError(TOKEN_REUSED, TOKEN_REUSED_MESSAGE, false);
}

/**
 * 409 with Retry-After: 1 — the token was rotated seconds ago by a concurrent refresh (the page and
 * the service worker of one device). Nothing is revoked and nothing is issued; see accounts.ts.
 */
export function refreshRaced(): RetryLaterError {
  return new RetryLaterError(409, 'session_refreshed', REFRESH_RACED_MESSAGE, 1);
}

export function sendRefusal(reply: FastifyReply, error: DeviceRefusedError): FastifyReply {
  return reply
    .code(401)
    .header('cache-control', 'no-store')
    .header('www-authenticate', 'Bearer')
    .send(error.body);
}
