// Access and refresh tokens.
//
// Access token: a JWT (RFC 7519) signed with HMAC-SHA256 under TOKEN_SECRET:
//   base64url({"alg":"HS256","typ":"JWT"}) . base64url(payload) . base64url(HMAC(secret, h.p))
// payload: { sub: user id, username, role, providerIds, iat, exp } (iat/exp in seconds), plus
// { did, dgen } when the sign-in named its device (issue 11): the installation id and its
// registration generation, so that the guard can refuse a revoked device's token at once; and
// { fam } (issue 11), the refresh-token family it was issued from, so that the guard refuses it at
// once when that family is revoked for reuse (tokens without it are not checked so). The
// signature is verified with the secret alone, so any instance that shares the secret can serve
// any request; the guard's revocation check (access-check.ts) is one read per request. The token
// lives ACCESS_TOKEN_TTL_SECONDS (15 minutes by default), which bounds how long a removed
// membership keeps working (a deactivated user or a revoked device is refused at once).
//
// Refresh token: 32 random bytes (base64url). Storage keeps only its SHA-256; each refresh
// revokes it and issues a new one in the same family (rotation; accounts.ts); sign-out revokes it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { installationIdSchema } from '../../../src/domain/protocol/devices';
import { idSchema, roleSchema } from '../../../src/domain/records';
import type { AuthUser } from './types';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const payloadSchema = z.object({
  sub: idSchema,
  username: z.string().min(1),
  role: roleSchema,
  providerIds: z.array(idSchema),
  iat: z.number().int(),
  exp: z.number().int(),
  /** The installation id of the device the session was issued to. */
  did: installationIdSchema.optional(),
  /** That device's registration generation (user_devices.generation). */
  dgen: z.number().int().min(1).optional(),
  /** The refresh-token family the session was issued from (refresh_tokens.family_id). */
  fam: idSchema.optional(),
});

export type AccessTokenPayload = z.infer<typeof payloadSchema>;

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function signAccessToken(
  user: AuthUser,
  secret: string,
  nowMs: number,
  ttlSeconds: number,
): { token: string; expiresAt: Date } {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + ttlSeconds;
  const payload: AccessTokenPayload = {
    sub: user.id,
    username: user.username,
    role: user.role,
    providerIds: user.providerIds,
    iat,
    exp,
    ...(user.device ? { did: user.device.id, dgen: user.device.generation } : {}),
    ...(user.familyId !== undefined ? { fam: user.familyId } : {}),
  };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const token = `${body}.${sign(body, secret).toString('base64url')}`;
  return { token, expiresAt: new Date(exp * 1000) };
}

export type TokenProblem = 'malformed' | 'bad_signature' | 'expired';

export type VerifyResult =
  { ok: true; user: AuthUser; expiresAt: Date } | { ok: false; problem: TokenProblem };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Checks the signature and expiry of an access token; never throws. */
export function verifyAccessToken(token: string, secret: string, nowMs: number): VerifyResult {
  if (token.length > 8192) return { ok: false, problem: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) {
    return { ok: false, problem: 'malformed' };
  }
  const [header, payload, signature] = parts as [string, string, string];
  // Only our exact header: no "alg": "none", no algorithm switching.
  if (header !== HEADER) return { ok: false, problem: 'malformed' };
  const expected = sign(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, problem: 'bad_signature' };
  }
  let claims: AccessTokenPayload;
  try {
    const parsed = payloadSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    if (!parsed.success) return { ok: false, problem: 'malformed' };
    claims = parsed.data;
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (claims.exp * 1000 <= nowMs) return { ok: false, problem: 'expired' };
  return {
    ok: true,
    user: {
      id: claims.sub,
      username: claims.username,
      role: claims.role,
      providerIds: claims.providerIds,
      ...(claims.did !== undefined
        ? { device: { id: claims.did, generation: claims.dgen ?? 1 } }
        : {}),
      ...(claims.fam !== undefined ? { familyId: claims.fam } : {}),
    },
    expiresAt: new Date(claims.exp * 1000),
  };
}

/** A new refresh token (what the client keeps) and its hash (what storage keeps). */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
