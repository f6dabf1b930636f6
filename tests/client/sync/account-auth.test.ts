// @vitest-environment node
// (WebCrypto and the CryptoKey stored by fake-indexeddb are Node's.)
// The tokens of an unlocked person (src/sync/account-auth.ts): the access token from memory,
// refreshed with the refresh token sealed in the account row, one refresh at a time, a refused
// refresh meaning "sign in again", and a revoked device wiping the person's data; and apiRequest,
// the screens' way to the server. Synthetic people only.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError, accountAuth, apiRequest, signIn, type Unlocked } from '../../../src/sync';
import { refreshTokenOf, sealRefreshToken } from '../../../src/sync/account-secrets';
import { accessTokenOf, forgetAccessToken } from '../../../src/sync/memory-tokens';
import { dataKeyOf, isUnlocked } from '../../../src/db/crypto/keyring';
import type { AccountsDatabase } from '../../../src/db';
import { DEFAULT_LOCK_POLICY } from '../../../src/domain/protocol';
import {
  FAMILY,
  NOW,
  OUTREACH,
  PASSWORD,
  USERNAME,
  USER_ID,
  deps,
  dump,
  fakeFetch,
  freshAccounts,
  offline,
  respond,
  session,
  type Clock,
} from './session-fixtures';

/** Signed in online with session 0 (`access-0`, `refresh-0`) and still unlocked. */
async function unlocked(
  accounts: AccountsDatabase,
  clock: Clock = { now: NOW },
): Promise<Unlocked> {
  const server = fakeFetch(() => respond(200, session(0)));
  return signIn(deps(accounts, server.fetch, clock), { username: USERNAME, password: PASSWORD });
}

const storedRefreshToken = async (accounts: AccountsDatabase) => {
  const row = await accounts.accounts.get(USER_ID);
  return row ? refreshTokenOf(row) : undefined;
};

describe('accountAuth', () => {
  it('hands out the access token from memory until it is about to expire', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const expiresAt = Date.parse(accessTokenOf(USER_ID)!.expiresAt);
    const at = (now: number) =>
      accountAuth(deps(accounts, fakeFetch(offline).fetch, { now }), USER_ID);
    expect(await at(NOW).getAccessToken()).toBe('access-0');
    expect(await at(expiresAt - 30_001).getAccessToken()).toBe('access-0');
    expect(await at(expiresAt - 30_000).getAccessToken()).toBeNull();
  });

  it('a refresh seals the new refresh token and keeps the new access token in memory', async () => {
    const accounts = freshAccounts();
    const clock: Clock = { now: NOW };
    await unlocked(accounts, clock);
    clock.now = NOW + 60_000;
    const policy = { ...DEFAULT_LOCK_POLICY, idleLockMinutes: 10 };
    const server = fakeFetch(() =>
      respond(200, session(7, { providers: [FAMILY, OUTREACH], policy })),
    );
    const auth = accountAuth(deps(accounts, server.fetch, clock), USER_ID);
    expect(await auth.refresh()).toBe(true);
    expect(server.calls).toEqual([
      { url: '/api/auth/refresh', body: { refreshToken: 'refresh-0' } },
    ]);
    expect(await accounts.accounts.get(USER_ID)).toMatchObject({
      providers: [FAMILY, OUTREACH],
      providerId: FAMILY.id,
      policy,
      lastServerContactAt: NOW + 60_000,
    });
    expect(await storedRefreshToken(accounts)).toBe('refresh-7');
    expect(await auth.getAccessToken()).toBe('access-7');
    const everything = await dump(accounts);
    expect(everything).not.toContain('refresh-7');
    expect(everything).not.toContain('access-7');
  });

  it('two callers at once share one refresh (a refresh token works once)', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeFetch(async (_url, _body, n) => {
      await gate;
      return respond(200, session(n + 1));
    });
    const auth = accountAuth(deps(accounts, server.fetch), USER_ID);
    const a = auth.refresh();
    const b = auth.refresh();
    release();
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(server.calls).toHaveLength(1);

    // Once settled, a later refresh asks again (with the new token).
    expect(await auth.refresh()).toBe(true);
    expect(server.calls.map((c) => c.body)).toEqual([
      { refreshToken: 'refresh-0' },
      { refreshToken: 'refresh-2' },
    ]);
  });

  it('a refused refresh (401) drops the tokens and says so; the account stays', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const server = fakeFetch(() =>
      respond(401, { error: 'unauthorized', message: 'Your session has ended.' }),
    );
    const auth = accountAuth(deps(accounts, server.fetch), USER_ID);
    expect(await auth.refresh()).toBe(false);
    const stored = await accounts.accounts.get(USER_ID);
    expect(stored?.refreshTokenSealed).toBeNull();
    expect(accessTokenOf(USER_ID)).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    // With no refresh token left, no further request is made.
    expect(await auth.refresh()).toBe(false);
    expect(server.calls).toHaveLength(1);
    // The person can still unlock offline, and sign in again; their data key is kept.
    expect(stored?.wrappedKey).toBeDefined();
    expect(isUnlocked(USER_ID)).toBe(true);
  });

  it('a reused refresh token (401 token_reused) also means signing in again', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const server = fakeFetch(() =>
      respond(401, {
        error: 'token_reused',
        message: 'This session was used from somewhere else, so it was ended. Sign in again.',
      }),
    );
    const d = deps(accounts, server.fetch);
    expect(await accountAuth(d, USER_ID).refresh()).toBe(false);
    expect((await accounts.accounts.get(USER_ID))?.refreshTokenSealed).toBeNull();
    expect(d.wipeData).not.toHaveBeenCalled();
  });

  it('a refresh that fails for another reason keeps the tokens and can be tried again', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const server = fakeFetch((_url, _body, n) =>
      n === 1 ? respond(503, { error: 'unavailable', message: 'Down.' }) : respond(200, session(3)),
    );
    const auth = accountAuth(deps(accounts, server.fetch), USER_ID);
    await expect(auth.refresh()).rejects.toThrow('503');
    expect(await storedRefreshToken(accounts)).toBe('refresh-0');
    expect(await auth.refresh()).toBe(true);
    expect(await storedRefreshToken(accounts)).toBe('refresh-3');
  });

  // Two contexts (two tabs of the app) each build their own accountAuth over the same account.
  // When both refresh at once, the server rotates the token for the first and refuses the
  // second (an old refresh token never works twice); the second must not drop the tokens the
  // first has just stored, and, access tokens being in each tab's memory only, it refreshes
  // again with the token the first stored to get one of its own.
  it('a refresh in another context does not sign this one out', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    // A server that rotates refresh tokens like the real one.
    const valid = new Set(['refresh-0']);
    let issued = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeFetch(async (_url, body) => {
      await gate;
      const token = (body as { refreshToken: string }).refreshToken;
      if (!valid.delete(token)) return respond(401, { error: 'unauthorized', message: 'Ended.' });
      issued += 1;
      valid.add(`refresh-${issued}`);
      return respond(200, session(issued));
    });
    const tab = accountAuth(deps(accounts, server.fetch), USER_ID);
    const other = accountAuth(deps(accounts, server.fetch), USER_ID);
    const both = Promise.all([tab.refresh(), other.refresh()]);
    release();
    expect(await both).toEqual([true, true]);

    expect(server.calls.map((c) => c.body)).toEqual([
      { refreshToken: 'refresh-0' },
      { refreshToken: 'refresh-0' },
      { refreshToken: 'refresh-1' },
    ]);
    expect(await storedRefreshToken(accounts)).toBe('refresh-2');
    expect(valid).toEqual(new Set(['refresh-2']));
    expect(await other.getAccessToken()).toBe('access-2');
  });

  it('the server’s 409 for a token another tab refreshed a moment ago is handled the same way', async () => {
    const accounts = freshAccounts();
    const { account } = await unlocked(accounts);
    const server = fakeFetch(async (_url, body) => {
      const token = (body as { refreshToken: string }).refreshToken;
      if (token === 'refresh-0') {
        // Meanwhile the other tab stored the token the server gave it.
        await accounts.update(USER_ID, {
          refreshTokenSealed: sealRefreshToken(dataKeyOf(USER_ID)!, USER_ID, 'refresh-1'),
        });
        return respond(409, { error: 'session_refreshed', message: 'Refreshed a moment ago.' });
      }
      return respond(200, session(2));
    });
    const auth = accountAuth(deps(accounts, server.fetch), account.userId);
    expect(await auth.refresh()).toBe(true);
    expect(server.calls.map((c) => c.body)).toEqual([
      { refreshToken: 'refresh-0' },
      { refreshToken: 'refresh-1' },
    ]);
    expect(await auth.getAccessToken()).toBe('access-2');
  });

  it('a 409 with no newer token stored is a failure to try again later, not a sign-out', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const server = fakeFetch(() =>
      respond(409, { error: 'session_refreshed', message: 'Refreshed a moment ago.' }),
    );
    await expect(accountAuth(deps(accounts, server.fetch), USER_ID).refresh()).rejects.toThrow(
      '409',
    );
    expect(await storedRefreshToken(accounts)).toBe('refresh-0');
  });

  it('a revoked device (401 device_revoked, wipe) wipes the person’s data here', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const server = fakeFetch(() =>
      respond(401, {
        error: 'device_revoked',
        message:
          'An administrator removed this device from your account, so your Fieldnote data on it is being deleted. Sign in again if you still use this device.',
        wipe: true,
      }),
    );
    const d = deps(accounts, server.fetch);
    const auth = accountAuth(d, USER_ID);
    expect(await auth.refresh()).toBe(false);
    expect(d.wipeData).toHaveBeenCalledExactlyOnceWith(USER_ID);
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
    expect(await accounts.active()).toBeUndefined();
    expect(isUnlocked(USER_ID)).toBe(false);
    expect(await auth.getAccessToken()).toBeNull();
  });
});

describe('apiRequest', () => {
  it('refreshes once on a 401 and retries with the new token', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const server = fakeFetch((url) => {
      if (url === '/api/auth/refresh') return respond(200, session(5));
      return server.calls.filter((c) => c.url === '/api/me').length === 1
        ? respond(401, { error: 'unauthorized', message: 'Expired.' })
        : respond(200, { ok: true });
    });
    const d = deps(accounts, server.fetch);
    const auth = accountAuth(d, USER_ID);
    expect(await apiRequest({ ...d, auth }, '/api/me', z.object({ ok: z.boolean() }))).toEqual({
      ok: true,
    });
    expect(server.calls.map((c) => c.url)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
  });

  it('after an unlock (no access token in memory yet) refreshes before the first request', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    // As after a reload and an unlock: the data key is back, the access token is not.
    forgetAccessToken(USER_ID);
    const server = fakeFetch((url) =>
      url === '/api/auth/refresh' ? respond(200, session(4)) : respond(200, { ok: true }),
    );
    const d = deps(accounts, server.fetch);
    await apiRequest(
      { ...d, auth: accountAuth(d, USER_ID) },
      '/api/me',
      z.object({ ok: z.boolean() }),
    );
    expect(server.calls.map((c) => c.url)).toEqual(['/api/auth/refresh', '/api/me']);
  });

  it('an answer that is not the server’s (a captive portal) is an ApiError, not data', async () => {
    const accounts = freshAccounts();
    await unlocked(accounts);
    const portal = fakeFetch(() => respond(200, '<html>Log in to the Wi-Fi</html>'));
    const d = deps(accounts, portal.fetch);
    const request = apiRequest(
      { ...d, auth: accountAuth(d, USER_ID) },
      '/api/me',
      z.object({ ok: z.boolean() }),
    );
    await expect(request).rejects.toBeInstanceOf(ApiError);
  });
});
