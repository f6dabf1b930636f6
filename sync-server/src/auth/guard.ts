// Authentication and authorisation checks for route handlers.
//
// API (for route authors):
//
//   import { requireUser, requireProviderMember, requireRole } from '../auth/guard';
//
//   app.post('/api/sync/push', async (request) => {
//     const user = requireUser(request);               // AuthUser, or throws 401
//     requireProviderMember(user, body.providerId);    // throws 403 unless a member
//     requireRole(user, 'supervisor', 'admin');        // throws 403 unless one of the roles
//     ...
//   });
//
// - requireUser(request) is synchronous (the access token is verified with the HMAC secret alone)
//   and caches its answer per request; `await requireUser(request)` works too. It reads
//   `Authorization: Bearer <access token>` and throws HttpError 401 when the header is missing or
//   the token is garbled, badly signed or expired (the client then refreshes).
// - The secret and clock come from registerAuth(app, ...), which buildApp calls once on the root
//   instance before any route plugin, so every route (in any encapsulated plugin) can use it.
// - Revocation (issue 11): registerAuth also adds a root onRequest hook that, for a request with
//   a valid access token, runs the access check installed with installAccessCheck (the auth
//   routes install access-check.ts, which has the storage): one read that refuses a revoked
//   device (401 device_revoked, wipe: true) or a deactivated user at once, before any route (sync,
//   search, export) runs. Routes stay synchronous in requireUser. The /api/auth/ routes are left
//   out: they do not take access tokens and judge their refresh tokens themselves.
// - Memberships come from the token (providerIds, as of sign-in or the last refresh), so a change
//   of membership or role takes effect within ACCESS_TOKEN_TTL_SECONDS. Admins are not implicitly
//   members of every provider: HMIS data entry is always "as" a provider the user belongs to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../../src/domain/records';
import { HttpError } from '../errors';
import type { AccessCheck } from './access-check';
import { DeviceRefusedError, sendRefusal } from './refusals';
import type { AuthUser } from './types';
import { verifyAccessToken } from './tokens';

export interface AuthContext {
  tokenSecret: string;
  now: () => number;
  /** Set by installAccessCheck; until then only the token itself is checked. */
  accessCheck?: AccessCheck;
}

declare module 'fastify' {
  interface FastifyInstance {
    fieldnoteAuth: AuthContext;
  }
}

const users = new WeakMap<FastifyRequest, AuthUser>();

/**
 * Makes the token secret and clock available to requireUser, and adds the hook that runs the
 * access check; call once, on the root app, before the route plugins are registered.
 */
export function registerAuth(app: FastifyInstance, context: AuthContext): void {
  // One object shared by every encapsulated instance, so installAccessCheck from a plugin is seen
  // by this hook.
  const shared: AuthContext = { ...context };
  app.decorate('fieldnoteAuth', shared);
  app.addHook('onRequest', async (request, reply) => {
    const check = shared.accessCheck;
    const route = request.routeOptions.url;
    if (!check || route === undefined || route.startsWith('/api/auth/')) return;
    const token = bearerToken(request);
    if (token === null) return;
    const result = verifyAccessToken(token, shared.tokenSecret, shared.now());
    if (!result.ok) return; // requireUser answers 401 if the route needs a user
    const refusal = await check(result.user, `${request.method} ${route}`);
    if (refusal instanceof DeviceRefusedError) return sendRefusal(reply, refusal);
    if (refusal) throw refusal;
    users.set(request, result.user);
  });
}

/** Installs the check the hook runs for every request with a valid access token. */
export function installAccessCheck(app: FastifyInstance, check: AccessCheck): void {
  const context = (app as Partial<FastifyInstance>).fieldnoteAuth;
  if (!context) throw new Error('registerAuth(app, ...) was not called before installAccessCheck');
  context.accessCheck = check;
}

export const SIGN_IN_REQUIRED = 'Sign in to continue.';
export const SESSION_EXPIRED = 'Your session has expired. Sign in again.';
export const NOT_A_MEMBER = 'You are not a member of this provider';

function unauthorized(message: string): HttpError {
  return new HttpError(401, 'unauthorized', message);
}

/** The bearer token from the Authorization header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** The signed-in user making the request; throws HttpError 401 otherwise. */
export function requireUser(request: FastifyRequest): AuthUser {
  const cached = users.get(request);
  if (cached) return cached;
  const context = (request.server as Partial<FastifyInstance>).fieldnoteAuth;
  if (!context) throw new Error('registerAuth(app, ...) was not called before requireUser');
  const token = bearerToken(request);
  if (token === null) throw unauthorized(SIGN_IN_REQUIRED);
  const result = verifyAccessToken(token, context.tokenSecret, context.now());
  if (!result.ok) {
    throw unauthorized(result.problem === 'expired' ? SESSION_EXPIRED : SIGN_IN_REQUIRED);
  }
  users.set(request, result.user);
  return result.user;
}

/** Throws 403 unless the user is a member of the provider (may enter data as it). */
export function requireProviderMember(user: AuthUser, providerId: string): void {
  if (!user.providerIds.includes(providerId)) {
    throw new HttpError(403, 'forbidden', NOT_A_MEMBER);
  }
}

const ROLE_NAMES: Record<Role, string> = {
  case_manager: 'case managers',
  supervisor: 'supervisors',
  admin: 'administrators',
};

/** Throws 403 unless the user has one of `roles`. */
export function requireRole(user: AuthUser, ...roles: Role[]): void {
  if (!roles.includes(user.role)) {
    const who = roles.map((r) => ROLE_NAMES[r]).join(' or ');
    throw new HttpError(403, 'forbidden', `Only ${who} can do this.`);
  }
}
