// Sign-in, lockout and deactivation, in-process on every storage. Synthetic people only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setUserActive } from '../../../sync-server/src/auth/accounts';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../../../sync-server/src/auth/throttle';
import { openTestApp, seedTestUser, TEST_PROVIDER_NAME, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';

describe.each(STORAGE_KINDS)('sign-in on %s', (kind) => {
  let t: TestApp;
  let account: Awaited<ReturnType<typeof seedTestUser>>;

  beforeEach(async () => {
    t = await openTestApp(kind);
    account = await seedTestUser(t.storage);
  });
  afterEach(async () => {
    await t.close();
  });

  const signIn = (body: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: body as object });

  it('answers tokens and the user with their providers for the right password', async () => {
    const res = await signIn({
      username: account.username,
      password: account.password,
      deviceId: 'tablet-1',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toMatchObject({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      accessTokenExpiresAt: new Date(t.clock.now + 900_000).toISOString(),
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    // Exactly these fields: the providers carry their HUD project type and funders for the app.
    expect(body.user).toEqual({
      id: account.userId,
      username: 'robin.tester',
      displayName: 'Robin Tester',
      role: 'case_manager',
      providers: [
        { id: account.providerId, name: TEST_PROVIDER_NAME, projectType: 6, funders: [1] },
      ],
    });

    const me = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({ user: body.user });

    const audit = await t.storage.listAudit({ userId: account.userId, limit: 10 });
    expect(audit.map((a) => a.action)).toContain('sign_in');
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const res = await signIn({ username: '  Robin.Tester ', password: account.password });
    expect(res.statusCode).toBe(200);
  });

  it('gives the same 401 for an unknown username and for a wrong password', async () => {
    const wrong = await signIn({ username: account.username, password: 'not the password' });
    const unknown = await signIn({ username: 'nobody.here', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toEqual({
      error: 'wrong_credentials',
      message: 'Wrong username or password.',
    });
    const audit = await t.storage.listAudit({ limit: 10 });
    expect(audit.filter((a) => a.action === 'sign_in_failed')).toHaveLength(2);
    // The name typed for an unknown account is not audited (it may be a password).
    expect(JSON.stringify(audit)).not.toContain('nobody.here');
  });

  it('answers 400 naming the fields of a bad body', async () => {
    const res = await signIn({ username: '', deviceId: 'Not A Device!' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/^The request is not valid: /);
    const paths = body.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'deviceId']));
    expect(body.issues.find((i: { path: string }) => i.path === 'username').message).toBe(
      'Enter your username',
    );
  });

  it('answers 400 for a missing body and for invalid JSON', async () => {
    const empty = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toBe('bad_request');
    const garbled = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "robin.tester", ',
    });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json()).toEqual({
      error: 'bad_request',
      message: 'The request body is not valid JSON.',
    });
  });

  it(`locks the account for 15 minutes after ${MAX_FAILED_SIGN_INS} failures, then lets it in`, async () => {
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++) {
      const res = await signIn({ username: account.username, password: `wrong password ${i}` });
      expect(res.statusCode).toBe(401);
      t.clock.now += 1000;
    }
    const fifth = await signIn({ username: account.username, password: 'wrong password 5' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.headers['retry-after']).toBe(String(LOCKOUT_MS / 1000));
    expect(fifth.json()).toMatchObject({
      error: 'account_locked',
      message: expect.stringContaining('locked for 15 minutes'),
      retryAfterSeconds: 900,
    });
    const row = await t.storage.getUserByUsername(account.username);
    expect(row?.lockedUntil).toBe(new Date(t.clock.now + LOCKOUT_MS).toISOString());

    // While locked even the right password is refused, and the wait is counted down.
    t.clock.now += 5 * 60_000;
    const locked = await signIn({ username: account.username, password: account.password });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toContain('locked for 10 minutes');
    expect(locked.json().retryAfterSeconds).toBe(600);

    t.clock.now += 10 * 60_000;
    const after = await signIn({ username: account.username, password: account.password });
    expect(after.statusCode).toBe(200);
    const reset = await t.storage.getUserByUsername(account.username);
    expect(reset).toMatchObject({ failedSignIns: 0, lockedUntil: null });

    const actions = (await t.storage.listAudit({ userId: account.userId, limit: 50 })).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === 'locked')).toHaveLength(1);
    expect(actions.filter((a) => a === 'sign_in_failed')).toHaveLength(6);
    expect(actions).toContain('sign_in');
  });

  it('starts the count again after a successful sign-in', async () => {
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      await signIn({ username: account.username, password: 'wrong password' });
    }
    expect(
      (await signIn({ username: account.username, password: account.password })).statusCode,
    ).toBe(200);
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      const res = await signIn({ username: account.username, password: 'wrong password' });
      expect(res.statusCode).toBe(401);
    }
  });

  it('locks unknown usernames the same way, so lockout does not reveal which names exist', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX_FAILED_SIGN_INS + 1; i++) {
      statuses.push(
        (await signIn({ username: 'no.such.user', password: 'wrong password' })).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423]);
  });

  it('refuses a deactivated user after checking the password, with a clear message', async () => {
    await setUserActive(t.storage, account.username, false, t.clock.now);
    const wrong = await signIn({ username: account.username, password: 'wrong password' });
    expect(wrong.statusCode).toBe(401);
    const res = await signIn({ username: account.username, password: account.password });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      error: 'account_inactive',
      message: expect.stringContaining('deactivated'),
    });
  });
});

describe('the per-IP sign-in rate limit (in memory, per instance)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp('sqlite');
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers 429 after 20 attempts in a minute from one address, and lets it in a minute later', async () => {
    const attempt = (n: number, ip = '198.51.100.7') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: ip,
        payload: { username: `spray.${n}`, password: 'a guessed password' },
      });
    for (let i = 0; i < 20; i++) expect((await attempt(i)).statusCode).toBe(401);
    const limited = await attempt(20);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      error: 'too_many_attempts',
      message: expect.stringContaining('Try again in 60 seconds'),
    });
    expect(limited.headers['retry-after']).toBe('60');
    // Another address is not affected.
    expect((await attempt(21, '198.51.100.8')).statusCode).toBe(401);
    t.clock.now += 60_000;
    expect((await attempt(22)).statusCode).toBe(401);
  }, 30_000);
});
