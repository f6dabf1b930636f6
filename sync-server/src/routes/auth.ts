// Sign-in, token refresh, sign-out and the signed-in user.
//
//   POST /api/auth/sign-in  { username, password, deviceId? } → Session
//   POST /api/auth/refresh  { refreshToken }                   → Session (the old token is revoked)
//   POST /api/auth/sign-out { refreshToken, everywhere? }      → 204
//   GET  /api/me            (Authorization: Bearer …)          → { user }
//
// Session = { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt,
//             user: { id, username, displayName, role,
//                     providers: [{ id, name, projectType, funders }] } }
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { deviceIdSchema } from '../../../src/domain/protocol';
import type { Accounts, Session, SessionUser } from '../auth/accounts';
import { requireUser } from '../auth/guard';

const signInBody = z.object({
  username: z
    .string({ error: 'Enter your username' })
    .trim()
    .min(1, 'Enter your username')
    .max(200),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024),
  deviceId: deviceIdSchema.nullish(),
});

const refreshTokenField = z
  .string({ error: 'A refresh token is required' })
  .min(1, 'A refresh token is required')
  .max(512);

const refreshBody = z.object({ refreshToken: refreshTokenField });
const signOutBody = z.object({
  refreshToken: refreshTokenField,
  everywhere: z.boolean().optional(),
});

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

export async function registerAuthRoutes(
  app: FastifyInstance,
  deps: { accounts: Accounts },
): Promise<void> {
  const { accounts } = deps;

  app.post('/api/auth/sign-in', async (request, reply): Promise<Session> => {
    noStore(reply);
    const body = signInBody.parse(request.body);
    return accounts.signIn({
      username: body.username,
      password: body.password,
      deviceId: body.deviceId ?? null,
      ip: request.ip,
    });
  });

  app.post('/api/auth/refresh', async (request, reply): Promise<Session> => {
    noStore(reply);
    const body = refreshBody.parse(request.body);
    return accounts.refresh({ refreshToken: body.refreshToken });
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
