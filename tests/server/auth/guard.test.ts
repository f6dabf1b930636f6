// The guard API the sync routes use: requireUser, requireProviderMember, requireRole.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  registerAuth,
  requireProviderMember,
  requireRole,
  requireUser,
} from '../../../sync-server/src/auth/guard';
import { signAccessToken } from '../../../sync-server/src/auth/tokens';
import type { AuthUser } from '../../../sync-server/src/auth/types';
import { HttpError } from '../../../sync-server/src/errors';
import { registerErrorHandler } from '../../../sync-server/src/plugins/errors';
import { TEST_NOW, TEST_TOKEN_SECRET } from '../helpers';

const PROVIDER = 'a'.repeat(32);
const OTHER = 'c'.repeat(32);
const USER: AuthUser = {
  id: 'b'.repeat(32),
  username: 'robin.tester',
  role: 'case_manager',
  providerIds: [PROVIDER],
};

function thrown(fn: () => void): HttpError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected an HttpError');
}

describe('requireProviderMember and requireRole', () => {
  it('lets members and the right roles through', () => {
    expect(() => requireProviderMember(USER, PROVIDER)).not.toThrow();
    expect(() => requireRole(USER, 'case_manager', 'supervisor')).not.toThrow();
  });

  it('answers 403 otherwise, with a message saying why', () => {
    const member = thrown(() => requireProviderMember(USER, OTHER));
    expect(member).toMatchObject({
      statusCode: 403,
      code: 'forbidden',
      message: 'You are not a member of this provider',
    });
    const role = thrown(() => requireRole(USER, 'supervisor', 'admin'));
    expect(role).toMatchObject({
      statusCode: 403,
      message: 'Only supervisors or administrators can do this.',
    });
    // Admins are not implicitly members of every provider.
    expect(() =>
      requireProviderMember({ ...USER, role: 'admin', providerIds: [] }, PROVIDER),
    ).toThrow();
  });
});

describe('requireUser in a route of an encapsulated plugin', () => {
  async function app() {
    const instance = Fastify({ logger: false });
    registerErrorHandler(instance, { bodyLimitBytes: 1024 });
    registerAuth(instance, { tokenSecret: TEST_TOKEN_SECRET, now: () => TEST_NOW });
    let calls = 0;
    await instance.register(async (child) => {
      child.get('/api/whoami', async (request) => {
        const user = await requireUser(request); // the sync routes await it; it is synchronous
        calls += Number(requireUser(request) === user); // cached per request
        requireProviderMember(user, PROVIDER);
        return user;
      });
    });
    await instance.ready();
    return { instance, calls: () => calls };
  }

  it('returns the AuthUser from a Bearer token, case-insensitively', async () => {
    const { instance, calls } = await app();
    const { token } = signAccessToken(USER, TEST_TOKEN_SECRET, TEST_NOW, 900);
    const res = await instance.inject({
      url: '/api/whoami',
      headers: { authorization: `bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(USER);
    expect(calls()).toBe(1);
    await instance.close();
  });

  it('answers 401 without a token and 403 for a non-member', async () => {
    const { instance } = await app();
    expect((await instance.inject({ url: '/api/whoami' })).statusCode).toBe(401);
    const { token } = signAccessToken(
      { ...USER, providerIds: [OTHER] },
      TEST_TOKEN_SECRET,
      TEST_NOW,
      900,
    );
    const res = await instance.inject({
      url: '/api/whoami',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: 'forbidden',
      message: 'You are not a member of this provider',
    });
    await instance.close();
  });
});
