// Access tokens (stateless, HMAC-signed) and refresh tokens (hashed, rotated, revocable).
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetPassword, setUserActive } from '../../../sync-server/src/auth/accounts';
import {
  hashRefreshToken,
  newRefreshToken,
  signAccessToken,
  verifyAccessToken,
} from '../../../sync-server/src/auth/tokens';
import type { AuthUser } from '../../../sync-server/src/auth/types';
import { openTestApp, seedTestUser, TEST_NOW, TEST_TOKEN_SECRET, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';

const USER: AuthUser = {
  id: 'b'.repeat(32),
  username: 'robin.tester',
  role: 'supervisor',
  providerIds: ['a'.repeat(32)],
};

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  it('round-trips the user and expires after the TTL', () => {
    const { token, expiresAt } = signAccessToken(USER, TEST_TOKEN_SECRET, TEST_NOW, 900);
    expect(expiresAt.getTime()).toBe(TEST_NOW + 900_000);
    expect(verifyAccessToken(token, TEST_TOKEN_SECRET, TEST_NOW + 899_000)).toEqual({
      ok: true,
      user: USER,
      expiresAt,
    });
    expect(verifyAccessToken(token, TEST_TOKEN_SECRET, TEST_NOW + 900_000)).toEqual({
      ok: false,
      problem: 'expired',
    });
  });

  it('is a standard HS256 JWT', () => {
    const { token } = signAccessToken(USER, TEST_TOKEN_SECRET, TEST_NOW, 900);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      sub: USER.id,
      username: USER.username,
      role: USER.role,
      providerIds: USER.providerIds,
      iat: TEST_NOW / 1000,
      exp: TEST_NOW / 1000 + 900,
    });
    const expected = createHmac('sha256', TEST_TOKEN_SECRET)
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(signature).toBe(expected);
  });

  it('refuses another secret, a changed payload, alg "none" and garbage', () => {
    const { token } = signAccessToken(USER, TEST_TOKEN_SECRET, TEST_NOW, 900);
    const [header, , signature] = token.split('.') as [string, string, string];
    expect(verifyAccessToken(token, `${TEST_TOKEN_SECRET}x`, TEST_NOW).ok).toBe(false);
    const admin = b64({
      ...JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()),
      role: 'admin',
    });
    expect(
      verifyAccessToken(`${header}.${admin}.${signature}`, TEST_TOKEN_SECRET, TEST_NOW),
    ).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${token.split('.')[1]}.`;
    expect(verifyAccessToken(none, TEST_TOKEN_SECRET, TEST_NOW).ok).toBe(false);
    for (const garbage of ['', 'abc', 'a.b.c', 'a.b.c.d', `${token}x`, '…', 'x'.repeat(10_000)]) {
      expect(verifyAccessToken(garbage, TEST_TOKEN_SECRET, TEST_NOW).ok).toBe(false);
    }
  });

  it('carries the device and the refresh-token family as did, dgen and fam', () => {
    const user: AuthUser = {
      ...USER,
      device: { id: 'phone-installation-0001', generation: 2 },
      familyId: 'c'.repeat(32),
    };
    const { token, expiresAt } = signAccessToken(user, TEST_TOKEN_SECRET, TEST_NOW, 900);
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({
      did: 'phone-installation-0001',
      dgen: 2,
      fam: 'c'.repeat(32),
    });
    expect(verifyAccessToken(token, TEST_TOKEN_SECRET, TEST_NOW)).toEqual({
      ok: true,
      user,
      expiresAt,
    });
    // Without a family (a token of before the claim): none is made up.
    const plain = signAccessToken(USER, TEST_TOKEN_SECRET, TEST_NOW, 900).token;
    const verified = verifyAccessToken(plain, TEST_TOKEN_SECRET, TEST_NOW);
    expect(verified.ok && 'familyId' in verified.user).toBe(false);
  });

  it('refuses a correctly signed token whose family claim is not an id', () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({
      sub: USER.id,
      username: USER.username,
      role: USER.role,
      providerIds: USER.providerIds,
      iat: TEST_NOW / 1000,
      exp: TEST_NOW / 1000 + 60,
      fam: 'not-a-family',
    });
    const sig = createHmac('sha256', TEST_TOKEN_SECRET)
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(verifyAccessToken(`${header}.${payload}.${sig}`, TEST_TOKEN_SECRET, TEST_NOW)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it('refuses a correctly signed token whose payload is not ours', () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ sub: 'not-an-id', exp: TEST_NOW / 1000 + 60 });
    const sig = createHmac('sha256', TEST_TOKEN_SECRET)
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(verifyAccessToken(`${header}.${payload}.${sig}`, TEST_TOKEN_SECRET, TEST_NOW)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });

  it('makes refresh tokens of 32 random bytes and stores only their SHA-256', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashRefreshToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe.each(STORAGE_KINDS)('sessions on %s', (kind) => {
  let t: TestApp;
  let account: Awaited<ReturnType<typeof seedTestUser>>;

  beforeEach(async () => {
    t = await openTestApp(kind);
    account = await seedTestUser(t.storage);
  });
  afterEach(async () => {
    await t.close();
  });

  async function signIn(deviceId = 'phone-1') {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: account.password, deviceId },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string };
  }
  const refresh = (refreshToken: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const me = (token: string) =>
    t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('stores only the hash of the refresh token, with its device', async () => {
    const session = await signIn();
    const row = await t.storage.getRefreshTokenByHash(hashRefreshToken(session.refreshToken));
    expect(row).toMatchObject({ userId: account.userId, deviceId: 'phone-1', revokedAt: null });
    expect(row?.expiresAt).toBe(new Date(TEST_NOW + 30 * 86_400_000).toISOString());
    expect(JSON.stringify(row)).not.toContain(session.refreshToken);
  });

  it('rotates the refresh token: the new pair works, the old refresh token does not', async () => {
    const first = await signIn();
    t.clock.now += 60_000;
    const res = await refresh(first.refreshToken);
    expect(res.statusCode).toBe(200);
    const second = res.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessTokenExpiresAt).toBe(new Date(t.clock.now + 900_000).toISOString());
    expect(second.user.username).toBe('robin.tester');
    expect((await me(second.accessToken)).statusCode).toBe(200);

    // At once again: taken for a concurrent refresh of the same device (refresh-family.test.ts).
    const again = await refresh(first.refreshToken);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('session_refreshed');
    const third = await refresh(second.refreshToken);
    expect(third.statusCode).toBe(200);
    // Later: reuse, which ends the whole family.
    t.clock.now += 60_000;
    expect((await refresh(first.refreshToken)).json()).toEqual({
      error: 'token_reused',
      message: 'This session was used from somewhere else, so it was ended. Sign in again.',
    });
    expect((await refresh(third.json().refreshToken)).statusCode).toBe(401);
  });

  it('refuses an expired refresh token', async () => {
    const session = await signIn();
    t.clock.now += 30 * 86_400_000;
    expect((await refresh(session.refreshToken)).statusCode).toBe(401);
  });

  it('refuses refresh for a deactivated user, and after a password reset', async () => {
    const a = await signIn('phone-1');
    const b = await signIn('phone-2');
    await resetPassword(t.storage, account.username, 'a brand new password', t.clock.now);
    expect((await refresh(a.refreshToken)).statusCode).toBe(401);
    expect((await refresh(b.refreshToken)).statusCode).toBe(401);

    const c = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: 'a brand new password' },
    });
    expect(c.statusCode).toBe(200);
    account.password = 'a brand new password';
    const d = await signIn('phone-4');
    // Deactivation signs out every device...
    await setUserActive(t.storage, account.username, false, t.clock.now);
    expect((await refresh(c.json().refreshToken)).statusCode).toBe(401);
    // ...and /api/me reads the account, so a deactivated user is refused there at once.
    const meRes = await me(c.json().accessToken);
    expect(meRes.statusCode).toBe(401);
    expect(meRes.json().message).toContain('deactivated');

    // A row made inactive some other way: refresh still checks the account.
    await setUserActive(t.storage, account.username, true, t.clock.now);
    const e = await signIn('phone-5');
    const row = (await t.storage.getUserByUsername(account.username))!;
    await t.storage.putUser({ ...row, active: false });
    const res = await refresh(e.refreshToken);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: 'account_inactive',
      message: expect.stringContaining('deactivated'),
    });
    expect((await refresh(d.refreshToken)).statusCode).toBe(401);
  });

  it('sign-out revokes the refresh token (204, idempotent), and can sign out everywhere', async () => {
    const a = await signIn('phone-1');
    const b = await signIn('phone-2');
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      payload: { refreshToken: a.refreshToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await refresh(a.refreshToken)).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      payload: { refreshToken: a.refreshToken },
    });
    expect(again.statusCode).toBe(204);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      payload: { refreshToken: 'never-issued' },
    });
    expect(unknown.statusCode).toBe(204);

    const bRefreshed = (await refresh(b.refreshToken)).json();
    const c = await signIn('phone-3');
    const everywhere = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      payload: { refreshToken: c.refreshToken, everywhere: true },
    });
    expect(everywhere.statusCode).toBe(204);
    expect((await refresh(bRefreshed.refreshToken)).statusCode).toBe(401);
    expect((await refresh(c.refreshToken)).statusCode).toBe(401);

    const actions = (await t.storage.listAudit({ userId: account.userId, limit: 50 })).map(
      (e) => e.action,
    );
    expect(actions.filter((x) => x === 'sign_out').length).toBeGreaterThanOrEqual(2);
  });

  it('answers 401 on /api/me without a token, or with an expired, garbled or unsigned one', async () => {
    const session = await signIn();
    expect((await me(session.accessToken)).statusCode).toBe(200);

    const missing = await t.app.inject({ url: '/api/me' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({ error: 'unauthorized', message: 'Sign in to continue.' });
    expect(missing.headers['www-authenticate']).toBe('Bearer');

    const [header, payload] = session.accessToken.split('.') as [string, string];
    const cases = {
      garbled: 'not-a-token',
      truncated: session.accessToken.slice(0, -5),
      unsigned: `${header}.${payload}.`,
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      'other secret': signAccessToken(
        { id: account.userId, username: account.username, role: 'admin', providerIds: [] },
        'some-other-secret-that-is-long-enough-0000',
        t.clock.now,
        900,
      ).token,
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await me(token);
      expect(res.statusCode, name).toBe(401);
      expect(res.json().error, name).toBe('unauthorized');
    }
    const basic = await t.app.inject({ url: '/api/me', headers: { authorization: 'Basic abc' } });
    expect(basic.statusCode).toBe(401);

    t.clock.now += 900_000;
    const expired = await me(session.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({
      error: 'unauthorized',
      message: 'Your session has expired. Sign in again.',
    });
  });
});
