// Devices for server tests (issue 11): a synthetic installation with a real ECDSA P-256 signing
// key, signed in through the real route, and the sync requests a device makes with its token.
import { webcrypto } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import {
  PROTOCOL_VERSION,
  sessionSchema,
  type SessionResponse,
  type SignInDevice,
} from '../../../src/domain/protocol';
import { mutation } from '../storage/fixtures';

/** A device as it signs in: an installation id and the public half of a fresh signing key. */
export async function makeDevice(
  id: string,
  options: { shared?: boolean; label?: string } = {},
): Promise<SignInDevice> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const jwk = await webcrypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    id,
    signingKey: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! },
    shared: options.shared ?? false,
    ...(options.label ? { label: options.label } : {}),
  };
}

export async function signInOn(
  app: FastifyInstance,
  account: { username: string; password: string },
  device: SignInDevice | null,
): Promise<SessionResponse> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: account.username, password: account.password, device },
  });
  expect(res.statusCode, res.body).toBe(200);
  return sessionSchema.parse(res.json());
}

export function refreshOn(app: FastifyInstance, refreshToken: string) {
  return app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
}

/** A pull as a device makes it (its per-person sync device id in the body, not the installation). */
export function pullWith(app: FastifyInstance, accessToken: string, providerId: string) {
  return app.inject({
    method: 'POST',
    url: '/api/sync/pull',
    headers: { authorization: `Bearer ${accessToken}` },
    payload: {
      protocolVersion: PROTOCOL_VERSION,
      providerId,
      deviceId: 'sync-device-1',
      cursor: null,
      limit: 50,
    },
  });
}

export function pushWith(app: FastifyInstance, accessToken: string, providerId: string, n = 1) {
  return app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { authorization: `Bearer ${accessToken}` },
    payload: {
      protocolVersion: PROTOCOL_VERSION,
      providerId,
      deviceId: 'sync-device-1',
      mutations: [mutation(n, 'sync-device-1')],
    },
  });
}

/** The claims of an access token (not verified: the server did that). */
export function claimsOf(accessToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as Record<
    string,
    unknown
  >;
}
