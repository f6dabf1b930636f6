// Sign-in, token refresh, sign-out and the signed-in user.
//
//   POST /api/auth/sign-in  { username, password, deviceId?, device? } → Session
//   POST /api/auth/refresh  { refreshToken }         → Session (the old token is rotated)
//   POST /api/auth/sign-out { refreshToken, everywhere? }              → 204
//   GET  /api/me            (Authorization: Bearer …)                  → { user }
//
// Session = sessionSchema (src/domain/protocol/api.ts): { accessToken, accessTokenExpiresAt,
//   refreshToken, refreshTokenExpiresAt, user: { id, username, displayName, role, providers },
//   policy, device?, sealing? } — device and sealing when the sign-in named its device
//   (signInDeviceSchema; `deviceId` is the older per-person sync device id, still accepted).
//
// A revoked device is answered 401 { error: 'device_revoked', message, wipe: true }; a reused
// refresh token 401 { error: 'token_reused', message }; a refresh that raced another refresh of
// the same token 409 session_refreshed with Retry-After (accounts.ts says why).
//
// This plugin also installs the guard's access check (auth/access-check.ts), since it is the one
// that has the accounts' storage: from then on every request with an access token is checked for
// a revoked device or a deactivated user.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  refreshRequestSchema as refreshBody,
  signInRequestSchema as signInBody,
  signOutRequestSchema as signOutBody,
} from '../../../src/domain/protocol';
import { storageAccessCheck } from '../auth/access-check';
import type { Accounts, Session, SessionUser } from '../auth/accounts';
import { installAccessCheck, requireUser } from '../auth/guard';
import { DeviceRefusedError, sendRefusal } from '../auth/refusals';

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

/** Runs a session call; a refused device gets its answer with `wipe` (see refusals.ts). */
async function answer(
  reply: FastifyReply,
  call: () => Promise<Session>,
): Promise<Session | FastifyReply> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof DeviceRefusedError) return sendRefusal(reply, error);
    throw error;
  }
}

export async function registerAuthRoutes(
  app: FastifyInstance,
  deps: { accounts: Accounts },
): Promise<void> {
  const { accounts } = deps;
  installAccessCheck(app, storageAccessCheck(accounts.storage, accounts.now));

  app.post('/api/auth/sign-in', async (request, reply) => {
    noStore(reply);
    const body = signInBody.parse(request.body);
    return answer(reply, () =>
      accounts.signIn({
        username: body.username,
        password: body.password,
        deviceId: body.deviceId ?? null,
        device: body.device ?? null,
        ip: request.ip,
      }),
    );
  });

  app.post('/api/auth/refresh', async (request, reply) => {
    noStore(reply);
    const body = refreshBody.parse(request.body);
    return answer(reply, () => accounts.refresh({ refreshToken: body.refreshToken }));
  });

  app.post('/api/auth/sign-out', async (request, reply) => {
    noStore(reply);
    const body = signOutBody.parse(request.body);
    await accounts.signOut({ refreshToken: body.refreshToken, everywhere: body.everywhere });
    return reply.code(204).send();
  });

  app.get('/api/me', async (request, reply): Promise<{ user: SessionUser }> => {
    noStore(reply);
    const user = requireUser(request);
    return { user: await accounts.me(user) };
  });
}
