// @vitest-environment node
// (The real sync server in the last block needs Node's URL and fs; WebCrypto is Node's, and
// fake-indexeddb stores the device's CryptoKey by Node's structured clone.)
// Signing in, locking and signing out (src/sync/session.ts over src/db/accounts.ts): the online
// sign-in makes the data key and stores it wrapped under the password, the refresh token sealed
// under it and the access token in memory only; offline, the unwrapping is the password check.
// The server is a fake fetch, except in the last block, which signs in against the real sync
// server in-process. Offline-unlock limits and the upgrade of old accounts are in
// offline-unlock.test.ts, token refresh in account-auth.test.ts. Synthetic people only.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { HttpFetch } from '../../../src/sync';
import {
  SignInError,
  UNLOCK_MS,
  accountAuth,
  lock,
  signIn,
  signOut,
  type SessionDeps,
} from '../../../src/sync';
import { refreshTokenOf, sealingOf } from '../../../src/sync/account-secrets';
import { accessTokenOf } from '../../../src/sync/memory-tokens';
import { dataKeyOf, isUnlocked } from '../../../src/db/crypto/keyring';
import { unwrapDataKey } from '../../../src/db/crypto/data-key';
import { signInDeviceSchema, type Sealing } from '../../../src/domain/protocol';
import { USERS, openSyncServer, type SyncServer } from './harness';
import {
  CHEAP_KDF,
  FAMILY,
  NOW,
  OUTREACH,
  PASSWORD,
  USERNAME,
  USER_ID,
  deps,
  dump,
  expectSignInError,
  fakeFetch,
  freshAccounts,
  knownAccount,
  offline,
  pushSecret,
  respond,
  session,
} from './session-fixtures';

const SEALING: Sealing = {
  serverKey: {
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  },
  keyId: 'synthetic-key-1',
  pushSecret: pushSecret(),
};

describe('signIn online', () => {
  it('stores the account with its data key wrapped under the password, and makes it active', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() => respond(200, session(1)));
    const { account, unlockedUntil } = await signIn(deps(accounts, server.fetch), {
      username: '  Robin.Testperson ',
      password: PASSWORD,
    });

    expect(server.calls.map((c) => c.url)).toEqual(['/api/auth/sign-in']);
    expect(server.calls[0]!.body).toMatchObject({ username: USERNAME, password: PASSWORD });
    const stored = await accounts.accounts.get(USER_ID);
    expect(stored).toEqual(account);
    expect(stored).toMatchObject({
      username: USERNAME,
      displayName: 'Robin Testperson',
      providers: [FAMILY],
      // One provider: it is the one they enter data as.
      providerId: FAMILY.id,
      lastServerContactAt: NOW,
      failedUnlocks: 0,
      unlockBlockedUntil: 0,
    });
    expect(stored!.verifier).toBeUndefined();
    expect(stored!.wrappedKey!.kdf).toMatchObject({ alg: 'argon2id', ...CHEAP_KDF });
    expect(unlockedUntil).toBe(NOW + UNLOCK_MS);
    expect((await accounts.active())?.userId).toBe(USER_ID);

    // The stored key is the one in memory, and only this password opens it.
    expect(isUnlocked(USER_ID)).toBe(true);
    expect(await unwrapDataKey(USER_ID, stored!.wrappedKey!, PASSWORD)).toEqual(dataKeyOf(USER_ID));
    expect(await unwrapDataKey(USER_ID, stored!.wrappedKey!, 'another password')).toBeNull();
    // The tokens: the refresh token opens while unlocked, the access token is in memory.
    expect(refreshTokenOf(stored!)).toBe('refresh-1');
    expect(accessTokenOf(USER_ID)?.token).toBe('access-1');
  });

  it('stores neither the password nor a token nor the push secret in clear', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() => respond(200, session(1, { sealing: SEALING })));
    const { account } = await signIn(deps(accounts, server.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect(sealingOf(account)).toEqual(SEALING);

    const everything = await dump(accounts);
    for (const secret of [PASSWORD, 'access-1', 'refresh-1', SEALING.pushSecret]) {
      expect(everything).not.toContain(secret);
    }
    // What stays in clear: the server's public key (it is public), for the locked device.
    expect(everything).toContain(SEALING.serverKey.x);
  });

  it('names this device in the sign-in: its id, its public signing key, shared or not, a label', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() => respond(200, session(1)));
    await signIn(deps(accounts, server.fetch), { username: USERNAME, password: PASSWORD });
    await accounts.setShared(true);
    await signIn(deps(accounts, server.fetch), { username: USERNAME, password: PASSWORD });

    const device = await accounts.device();
    expect(device?.privateKey.type).toBe('private');
    expect(device?.privateKey.extractable).toBe(false);
    const sent = server.calls.map((c) =>
      signInDeviceSchema.parse((c.body as { device: unknown }).device),
    );
    expect(sent).toEqual([
      { id: device!.id, signingKey: device!.publicJwk, shared: false, label: expect.any(String) },
      { id: device!.id, signingKey: device!.publicJwk, shared: true, label: expect.any(String) },
    ]);
    // The signing key is public only: no private member (`d`) is ever sent.
    expect(JSON.stringify(server.calls)).not.toContain('"d"');
  });

  it('asks which provider to enter data as when there are several, and keeps an earlier choice', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch((_url, _body, n) =>
      respond(200, session(n, { providers: [FAMILY, OUTREACH] })),
    );
    const first = await signIn(deps(accounts, server.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect(first.account.providerId).toBeNull();

    await accounts.update(USER_ID, { providerId: OUTREACH.id });
    const second = await signIn(deps(accounts, server.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect(second.account.providerId).toBe(OUTREACH.id);
    expect(refreshTokenOf(second.account)).toBe('refresh-2');
  });

  it('a 401 is a wrong password, and no account is stored', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() =>
      respond(401, { error: 'wrong_credentials', message: 'Wrong username or password.' }),
    );
    const error = await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: USERNAME, password: 'nope' }),
      'wrong_password',
    );
    expect(error.message).toBe('That username and password do not match.');
    expect(await accounts.accounts.count()).toBe(0);
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
  });

  it('a lockout shows the server’s message', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() =>
      respond(423, {
        error: 'locked',
        message: 'Too many wrong passwords. Try again in 15 minutes.',
      }),
    );
    const error = await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: USERNAME, password: 'x' }),
      'locked',
    );
    expect(error.message).toBe('Too many wrong passwords. Try again in 15 minutes.');
  });

  it('an empty username or password never reaches the server', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() => respond(200, session(1)));
    await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: '   ', password: PASSWORD }),
      'invalid_input',
    );
    await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: USERNAME, password: '' }),
      'invalid_input',
    );
    expect(server.calls).toEqual([]);
  });

  it('the same password again keeps the data key; the data stays readable', async () => {
    const accounts = freshAccounts();
    const before = await knownAccount(accounts);
    const server = fakeFetch(() => respond(200, session(1)));
    const d = deps(accounts, server.fetch);
    const { account } = await signIn(d, { username: USERNAME, password: PASSWORD });
    expect(account.wrappedKey).toEqual(before.account.wrappedKey);
    expect(d.wipeData).not.toHaveBeenCalled();
  });

  it('after a password change, the data the old key guards is wiped and a new key made', async () => {
    const accounts = freshAccounts();
    const before = await knownAccount(accounts);
    const server = fakeFetch(() => respond(200, session(1)));
    const d = deps(accounts, server.fetch);
    const { account } = await signIn(d, { username: USERNAME, password: 'a-new-password-456' });

    expect(d.wipeData).toHaveBeenCalledExactlyOnceWith(USER_ID);
    expect(account.wrappedKey).not.toEqual(before.account.wrappedKey);
    const stored = (await accounts.accounts.get(USER_ID))!;
    expect(await unwrapDataKey(USER_ID, stored.wrappedKey!, PASSWORD)).toBeNull();
    const key = await unwrapDataKey(USER_ID, stored.wrappedKey!, 'a-new-password-456');
    expect(key).toEqual(dataKeyOf(USER_ID));
    expect(refreshTokenOf(stored)).toBe('refresh-1');
  });

  it('a sign-in from a device the server revoked wipes the person here and says why', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const message =
      'An administrator removed this device from your account, so your Fieldnote data on it is being deleted. Sign in again if you still use this device.';
    const server = fakeFetch(() => respond(401, { error: 'device_revoked', message, wipe: true }));
    const d = deps(accounts, server.fetch);
    const error = await expectSignInError(
      signIn(d, { username: USERNAME, password: PASSWORD }),
      'server',
    );
    expect(error.message).toBe(message);
    expect(d.wipeData).toHaveBeenCalledExactlyOnceWith(USER_ID);
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
  });
});

describe('signIn without the server', () => {
  it('offline, an account known here unlocks with the right password', async () => {
    const accounts = freshAccounts();
    const before = await knownAccount(accounts);
    const server = fakeFetch(offline);
    const { account, unlockedUntil } = await signIn(deps(accounts, server.fetch), {
      username: 'ROBIN.testperson',
      password: PASSWORD,
    });
    expect(account.userId).toBe(USER_ID);
    expect(unlockedUntil).toBe(NOW + UNLOCK_MS);
    expect((await accounts.active())?.userId).toBe(USER_ID);
    // The same data key as at the online sign-in, so the person's data opens.
    expect(await unwrapDataKey(USER_ID, before.account.wrappedKey!, PASSWORD)).toEqual(
      dataKeyOf(USER_ID),
    );
    // The refresh token from the last online sign-in opens again for the next sync; the access
    // token did not survive the lock (memory only), so the next request refreshes first.
    expect(refreshTokenOf(account)).toBe('refresh-0');
    expect(accessTokenOf(USER_ID)).toBeNull();
  });

  it('offline, a wrong password is refused and nothing is unlocked', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(offline);
    await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: USERNAME, password: 'wrong-one' }),
      'wrong_password',
    );
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
    expect((await accounts.accounts.get(USER_ID))?.failedUnlocks).toBe(1);
  });

  it('offline, someone who never signed in here is told the first sign-in needs a connection', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(offline);
    const error = await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: 'sam.exampleworker', password: PASSWORD }),
      'offline_first_time',
    );
    expect(error.message).toMatch(/first sign-in on this device needs a connection/);
  });

  it('behind a captive portal (200 with a web page), a known account unlocks offline', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const portal = fakeFetch(() => respond(200, '<html><body>Accept the terms</body></html>'));
    const { unlockedUntil } = await signIn(deps(accounts, portal.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect(unlockedUntil).toBe(NOW + UNLOCK_MS);
    expect((await accounts.active())?.userId).toBe(USER_ID);

    await lock(accounts);
    await expectSignInError(
      signIn(deps(accounts, portal.fetch), { username: USERNAME, password: 'wrong' }),
      'wrong_password',
    );
    expect(isUnlocked(USER_ID)).toBe(false);
  });

  it('behind a captive portal, an unknown account gets a server error', async () => {
    const accounts = freshAccounts();
    const portal = fakeFetch(() => respond(200, '<html><body>Accept the terms</body></html>'));
    await expectSignInError(
      signIn(deps(accounts, portal.fetch), { username: USERNAME, password: PASSWORD }),
      'server',
    );
    expect(await accounts.accounts.count()).toBe(0);
  });

  it('a server error (500) lets a known account unlock offline', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const down = fakeFetch(() =>
      respond(500, { error: 'internal', message: 'Something went wrong on the server.' }),
    );
    const { account } = await signIn(deps(accounts, down.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect(account.userId).toBe(USER_ID);
    expect(isUnlocked(USER_ID)).toBe(true);
  });

  it('a deactivated account (403 from the server) does not unlock offline', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(() =>
      respond(403, {
        error: 'account_inactive',
        message:
          'This account has been deactivated. Ask an administrator if you need access again.',
      }),
    );
    const error = await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: USERNAME, password: PASSWORD }),
      'server',
    );
    expect(error).toBeInstanceOf(SignInError);
    expect(error.message).toBe(
      'This account has been deactivated. Ask an administrator if you need access again.',
    );
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
  });
});

describe('lock and signOut', () => {
  it('lock() forgets the data key and the access token, and keeps the account for an offline unlock', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() => respond(200, session(1)));
    const d = deps(accounts, server.fetch);
    await signIn(d, { username: USERNAME, password: PASSWORD });
    const auth = accountAuth(d, USER_ID);
    expect(await auth.getAccessToken()).toBe('access-1');

    await lock(accounts);
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
    expect(dataKeyOf(USER_ID)).toBeNull();
    expect(accessTokenOf(USER_ID)).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    // Locked, the sealed refresh token does not open: no refresh, not even a request.
    const kept = (await accounts.accounts.get(USER_ID))!;
    expect(kept.refreshTokenSealed).toEqual(expect.any(String));
    expect(refreshTokenOf(kept)).toBeNull();
    expect(await auth.refresh()).toBe(false);
    expect(server.calls).toHaveLength(1);

    const again = await signIn(deps(accounts, fakeFetch(offline).fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect(again.account.userId).toBe(USER_ID);
    expect(refreshTokenOf(again.account)).toBe('refresh-1');
  });

  it('signOut revokes the refresh token and forgets the account and its key on this device', async () => {
    const accounts = freshAccounts();
    const signedIn = fakeFetch(() => respond(200, session(1)));
    const { account } = await signIn(deps(accounts, signedIn.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    const server = fakeFetch(() => respond(204, ''));
    await signOut(deps(accounts, server.fetch), USER_ID, refreshTokenOf(account));
    expect(server.calls).toEqual([
      { url: '/api/auth/sign-out', body: { refreshToken: 'refresh-1' } },
    ]);
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
    expect(accessTokenOf(USER_ID)).toBeNull();
  });

  it('signOut offline still forgets the account on this device', async () => {
    const accounts = freshAccounts();
    const signedIn = fakeFetch(() => respond(200, session(1)));
    const { account } = await signIn(deps(accounts, signedIn.fetch), {
      username: USERNAME,
      password: PASSWORD,
    });
    await signOut(deps(accounts, fakeFetch(offline).fetch), USER_ID, refreshTokenOf(account));
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
  });

  it('signOut with no refresh token left asks nothing of the server', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(() => respond(204, ''));
    await signOut(deps(accounts, server.fetch), USER_ID, null);
    expect(server.calls).toEqual([]);
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
  });
});

describe('signIn against the real sync server', () => {
  let server: SyncServer | null = null;
  const close = async () => {
    await server?.close();
    server = null;
  };

  // The server's sign-in answer must parse as the app's sessionSchema, or a first sign-in on a
  // device fails with "The server could not sign you in right now".
  it('signs in naming the device, and refreshes, with the server’s real answers', async () => {
    server = await openSyncServer('sqlite');
    try {
      const accounts = freshAccounts();
      const { app, clock } = server;
      const fetch: HttpFetch = async (url, init) => {
        const res = await app.inject({
          method: init.method === 'GET' ? 'GET' : 'POST',
          url,
          headers: init.headers,
          payload: init.body,
        });
        return { status: res.statusCode, text: async () => res.body };
      };
      // The server's clock: its tokens expire in its time.
      const d: SessionDeps = { accounts, fetch, kdf: CHEAP_KDF, now: () => clock.now };
      const { account } = await signIn(d, { username: USERS.cmA.username, password: PASSWORD });
      expect(account).toMatchObject({
        username: USERS.cmA.username,
        displayName: USERS.cmA.displayName,
        providerId: server.providers.p1,
      });
      expect(account.providers.map((p) => p.id)).toEqual([server.providers.p1]);
      // The server registered the device: a lock policy and the keys to seal changes with.
      expect(account.policy.offlineUnlockDays).toBeGreaterThan(0);
      expect(account.sealing?.keyId).toEqual(expect.any(String));
      expect(sealingOf(account)?.pushSecret).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const first = refreshTokenOf(account);
      expect(first).toEqual(expect.any(String));
      expect(await dump(accounts)).not.toContain(first!);

      const auth = accountAuth(d, account.userId);
      expect(await auth.refresh()).toBe(true);
      const refreshed = refreshTokenOf((await accounts.accounts.get(account.userId))!);
      expect(refreshed).toEqual(expect.any(String));
      expect(refreshed).not.toBe(first);
      expect(await auth.getAccessToken()).toEqual(expect.any(String));
    } finally {
      await close();
    }
  });
});
