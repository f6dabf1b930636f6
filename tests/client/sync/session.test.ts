// @vitest-environment node
// (The real sync server in the last block needs Node's URL and fs; WebCrypto is Node's.)
// Signing in and staying signed in (src/sync/session.ts over src/db/accounts.ts): online sign-in,
// offline unlock with the stored verifier, token refresh, lock and sign-out. The server is a fake
// fetch, except in the last block, which signs in against the real sync server in-process.
// Synthetic people only.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AccountsDatabase,
  checkVerifier,
  makeVerifier,
  type AccountRow,
  type ProviderSummary,
} from '../../../src/db';
import {
  ApiError,
  SignInError,
  UNLOCK_MS,
  accountAuth,
  apiRequest,
  currentAccount,
  lock,
  signIn,
  signOut,
  type HttpFetch,
  type ResponseLike,
  type SessionDeps,
} from '../../../src/sync';
import { DEFAULT_LOCK_POLICY, type SessionResponse } from '../../../src/domain/protocol';
import { z } from 'zod';
import { USERS, openSyncServer, type SyncServer } from './harness';

const NOW = Date.parse('2026-03-10T18:00:00Z');
const USER_ID = 'a'.repeat(32);
const PASSWORD = 'synthetic-password-123';

const FAMILY: ProviderSummary = {
  id: '1'.repeat(32),
  name: 'Synthetic Family Case Management',
  projectType: 6,
  funders: [1],
};
const OUTREACH: ProviderSummary = {
  id: '2'.repeat(32),
  name: 'Synthetic Street Outreach',
  projectType: 4,
  funders: [],
};

const opened: AccountsDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A device's accounts database of its own (the real one is a fixed name per browser). */
function freshAccounts(): AccountsDatabase {
  const db = new AccountsDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  return db;
}

function session(n: number, providers: ProviderSummary[] = [FAMILY]): SessionResponse {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    policy: DEFAULT_LOCK_POLICY,
    user: {
      id: USER_ID,
      username: 'robin.testperson',
      displayName: 'Robin Testperson',
      role: 'case_manager',
      providers,
    },
  };
}

function respond(status: number, body: unknown): ResponseLike {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, text: async () => text };
}

interface Call {
  url: string;
  body: unknown;
}

/** A fake server: `handle` answers each request (or throws, like fetch offline). */
function fakeFetch(
  handle: (url: string, body: unknown, n: number) => ResponseLike | Promise<ResponseLike>,
) {
  const calls: Call[] = [];
  const fetch: HttpFetch = async (url, init) => {
    const body: unknown = init.body === undefined ? undefined : JSON.parse(init.body);
    calls.push({ url, body });
    return handle(url, body, calls.length);
  };
  return { fetch, calls };
}

const offline = () => {
  throw new TypeError('Failed to fetch');
};

function deps(accounts: AccountsDatabase, fetch: HttpFetch, now = NOW): SessionDeps {
  return { accounts, fetch, now: () => now };
}

/** An account that signed in on this device before (a cheap verifier keeps the tests quick). */
async function knownAccount(
  accounts: AccountsDatabase,
  overrides: Partial<AccountRow> = {},
): Promise<AccountRow> {
  const account: AccountRow = {
    userId: USER_ID,
    username: 'robin.testperson',
    displayName: 'Robin Testperson',
    role: 'case_manager',
    providers: [FAMILY],
    verifier: await makeVerifier(PASSWORD, 1_000),
    accessToken: 'access-0',
    accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(),
    refreshToken: 'refresh-0',
    refreshTokenExpiresAt: new Date(NOW + 30 * 86_400_000).toISOString(),
    providerId: FAMILY.id,
    unlockedUntil: 0,
    ...overrides,
  };
  await accounts.accounts.put(account);
  return account;
}

async function expectSignInError(promise: Promise<unknown>, kind: SignInError['kind']) {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  expect((error as SignInError).kind).toBe(kind);
  return error as SignInError;
}

describe('signIn online', () => {
  it('stores the account, a verifier and the tokens, and makes it the active one', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() => respond(200, session(1)));
    const account = await signIn(deps(accounts, server.fetch), {
      username: '  Robin.Testperson ',
      password: PASSWORD,
    });

    expect(server.calls).toEqual([
      { url: '/api/auth/sign-in', body: { username: 'robin.testperson', password: PASSWORD } },
    ]);
    const stored = await accounts.accounts.get(USER_ID);
    expect(stored).toEqual(account);
    expect(stored).toMatchObject({
      username: 'robin.testperson',
      displayName: 'Robin Testperson',
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      providers: [FAMILY],
      // One provider: it is the one they enter data as.
      providerId: FAMILY.id,
      unlockedUntil: NOW + UNLOCK_MS,
    });
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(await checkVerifier(PASSWORD, stored!.verifier)).toBe(true);
    expect(await checkVerifier('another password', stored!.verifier)).toBe(false);
    expect((await accounts.active())?.userId).toBe(USER_ID);
  });

  it('asks which provider to enter data as when there are several, and keeps an earlier choice', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch((_url, _body, n) => respond(200, session(n, [FAMILY, OUTREACH])));
    const first = await signIn(deps(accounts, server.fetch), {
      username: 'robin.testperson',
      password: PASSWORD,
    });
    expect(first.providerId).toBeNull();

    await accounts.update(USER_ID, { providerId: OUTREACH.id });
    const second = await signIn(deps(accounts, server.fetch), {
      username: 'robin.testperson',
      password: PASSWORD,
    });
    expect(second.providerId).toBe(OUTREACH.id);
    expect(second.refreshToken).toBe('refresh-2');
  });

  it('a 401 is a wrong password, and nothing is stored', async () => {
    const accounts = freshAccounts();
    const server = fakeFetch(() =>
      respond(401, { error: 'unauthorized', message: 'Wrong username or password.' }),
    );
    const error = await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: 'robin.testperson', password: 'nope' }),
      'wrong_password',
    );
    expect(error.message).toBe('That username and password do not match.');
    expect(await accounts.accounts.count()).toBe(0);
    expect(await accounts.active()).toBeUndefined();
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
      signIn(deps(accounts, server.fetch), { username: 'robin.testperson', password: 'x' }),
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
      signIn(deps(accounts, server.fetch), { username: 'robin.testperson', password: '' }),
      'invalid_input',
    );
    expect(server.calls).toEqual([]);
  });
});

describe('signIn without the server', () => {
  it('offline, an account known here unlocks with the right password', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(offline);
    const account = await signIn(deps(accounts, server.fetch), {
      username: 'ROBIN.testperson',
      password: PASSWORD,
    });
    expect(account.userId).toBe(USER_ID);
    expect(account.unlockedUntil).toBe(NOW + UNLOCK_MS);
    expect((await accounts.accounts.get(USER_ID))?.unlockedUntil).toBe(NOW + UNLOCK_MS);
    expect((await accounts.active())?.userId).toBe(USER_ID);
    // The tokens from the last online sign-in are kept for the next sync.
    expect(account.refreshToken).toBe('refresh-0');
  });

  it('offline, a wrong password is refused and nothing is unlocked', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(offline);
    await expectSignInError(
      signIn(deps(accounts, server.fetch), { username: 'robin.testperson', password: 'wrong-one' }),
      'wrong_password',
    );
    expect(await accounts.active()).toBeUndefined();
    expect((await accounts.accounts.get(USER_ID))?.unlockedUntil).toBe(0);
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
    const account = await signIn(deps(accounts, portal.fetch), {
      username: 'robin.testperson',
      password: PASSWORD,
    });
    expect(account.unlockedUntil).toBe(NOW + UNLOCK_MS);
    expect((await accounts.active())?.userId).toBe(USER_ID);

    await lock(accounts, USER_ID);
    await expectSignInError(
      signIn(deps(accounts, portal.fetch), { username: 'robin.testperson', password: 'wrong' }),
      'wrong_password',
    );
  });

  it('behind a captive portal, an unknown account gets a server error', async () => {
    const accounts = freshAccounts();
    const portal = fakeFetch(() => respond(200, '<html><body>Accept the terms</body></html>'));
    await expectSignInError(
      signIn(deps(accounts, portal.fetch), { username: 'robin.testperson', password: PASSWORD }),
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
    const account = await signIn(deps(accounts, down.fetch), {
      username: 'robin.testperson',
      password: PASSWORD,
    });
    expect(account.userId).toBe(USER_ID);
  });

  // BUG (src/sync/session.ts, signIn): any answer other than 200/401/423/429 is treated like a
  // captive portal, so a deactivated person (the server's 403 after the right password) still
  // unlocks offline on a device they signed in on before, and keeps reading client data. Only a
  // non-Fieldnote answer or a 5xx should fall back to the offline unlock.
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
    const error: unknown = await signIn(deps(accounts, server.fetch), {
      username: 'robin.testperson',
      password: PASSWORD,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SignInError);
    expect((error as Error).message).toBe(
      'This account has been deactivated. Ask an administrator if you need access again.',
    );
    expect(await accounts.active()).toBeUndefined();
  });
});

describe('currentAccount, lock and signOut', () => {
  it('opens to the active account only while its unlock lasts', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts, { unlockedUntil: NOW + 1_000 });
    await accounts.setActive(USER_ID);
    expect((await currentAccount({ accounts, now: () => NOW }))?.userId).toBe(USER_ID);
    expect((await currentAccount({ accounts, now: () => NOW + 999 }))?.userId).toBe(USER_ID);
    expect(await currentAccount({ accounts, now: () => NOW + 1_000 })).toBeNull();
    expect(await currentAccount({ accounts, now: () => NOW + 5_000 })).toBeNull();
  });

  it('opens to nobody when no account is active', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts, { unlockedUntil: NOW + 1_000 });
    expect(await currentAccount({ accounts, now: () => NOW })).toBeNull();
  });

  it('lock() clears the active account but keeps it for an offline unlock', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts, { unlockedUntil: NOW + UNLOCK_MS });
    await accounts.setActive(USER_ID);

    await lock(accounts, USER_ID);
    expect(await accounts.active()).toBeUndefined();
    expect(await currentAccount({ accounts, now: () => NOW })).toBeNull();
    const kept = await accounts.accounts.get(USER_ID);
    expect(kept?.unlockedUntil).toBe(0);
    expect(kept?.refreshToken).toBe('refresh-0');

    const again = await signIn(deps(accounts, fakeFetch(offline).fetch), {
      username: 'robin.testperson',
      password: PASSWORD,
    });
    expect(again.userId).toBe(USER_ID);
  });

  it('signOut revokes the refresh token and forgets the account on this device', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts, { unlockedUntil: NOW + UNLOCK_MS });
    await accounts.setActive(USER_ID);
    const server = fakeFetch(() => respond(204, ''));
    await signOut(deps(accounts, server.fetch), USER_ID);
    expect(server.calls).toEqual([
      { url: '/api/auth/sign-out', body: { refreshToken: 'refresh-0' } },
    ]);
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
    expect(await accounts.active()).toBeUndefined();
  });

  it('signOut offline still forgets the account on this device', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    await accounts.setActive(USER_ID);
    await signOut(deps(accounts, fakeFetch(offline).fetch), USER_ID);
    expect(await accounts.accounts.get(USER_ID)).toBeUndefined();
    expect(await accounts.active()).toBeUndefined();
  });
});

describe('accountAuth', () => {
  it('hands out the access token until it is about to expire', async () => {
    const accounts = freshAccounts();
    const account = await knownAccount(accounts);
    const expiresAt = Date.parse(account.accessTokenExpiresAt!);
    const at = (now: number) => accountAuth(deps(accounts, fakeFetch(offline).fetch, now), USER_ID);
    expect(await at(NOW).getAccessToken()).toBe('access-0');
    expect(await at(expiresAt - 30_001).getAccessToken()).toBe('access-0');
    expect(await at(expiresAt - 30_000).getAccessToken()).toBeNull();
  });

  it('a refresh stores the new tokens and the providers the server sends', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(() => respond(200, session(7, [FAMILY, OUTREACH])));
    const auth = accountAuth(deps(accounts, server.fetch), USER_ID);
    expect(await auth.refresh()).toBe(true);
    expect(server.calls).toEqual([
      { url: '/api/auth/refresh', body: { refreshToken: 'refresh-0' } },
    ]);
    const stored = await accounts.accounts.get(USER_ID);
    expect(stored).toMatchObject({
      accessToken: 'access-7',
      refreshToken: 'refresh-7',
      providers: [FAMILY, OUTREACH],
      providerId: FAMILY.id,
    });
    expect(await auth.getAccessToken()).toBe('access-7');
  });

  it('two callers at once share one refresh (a refresh token works once)', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeFetch(async () => {
      await gate;
      return respond(200, session(2));
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

  it('a refused refresh (401) clears the tokens and says so', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch(() =>
      respond(401, { error: 'unauthorized', message: 'Your session has ended.' }),
    );
    const auth = accountAuth(deps(accounts, server.fetch), USER_ID);
    expect(await auth.refresh()).toBe(false);
    const stored = await accounts.accounts.get(USER_ID);
    expect(stored?.accessToken).toBeNull();
    expect(stored?.refreshToken).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    // With no refresh token left, no further request is made.
    expect(await auth.refresh()).toBe(false);
    expect(server.calls).toHaveLength(1);
    // The account itself stays: the person can still unlock offline, and sign in again.
    expect(stored?.verifier.hash).toBeTruthy();
  });

  it('a refresh that fails for another reason keeps the tokens and can be tried again', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
    const server = fakeFetch((_url, _body, n) =>
      n === 1 ? respond(503, { error: 'unavailable', message: 'Down.' }) : respond(200, session(3)),
    );
    const auth = accountAuth(deps(accounts, server.fetch), USER_ID);
    await expect(auth.refresh()).rejects.toThrow('503');
    expect((await accounts.accounts.get(USER_ID))?.refreshToken).toBe('refresh-0');
    expect(await auth.refresh()).toBe(true);
    expect((await accounts.accounts.get(USER_ID))?.refreshToken).toBe('refresh-3');
  });

  // BUG (src/sync/session.ts, accountAuth): the page and the service worker each build their own
  // accountAuth over the same account. When both refresh at once, the server rotates the token for
  // the first and answers 401 to the second (an old refresh token never works twice); the second
  // then clears the tokens the first has just stored, so the device stops syncing until the person
  // signs in again. A 401 should clear the tokens only if the stored refresh token is still the one
  // that was sent (and otherwise report success: someone else refreshed).
  it('a refresh in another context (service worker) does not sign this one out', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
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
    const page = accountAuth(deps(accounts, server.fetch), USER_ID);
    const worker = accountAuth(deps(accounts, server.fetch), USER_ID);
    const both = Promise.all([page.refresh(), worker.refresh()]);
    release();
    await both;

    const stored = await accounts.accounts.get(USER_ID);
    expect(stored?.refreshToken).toBe('refresh-1');
    expect(await page.getAccessToken()).toBe('access-1');
  });
});

describe('apiRequest', () => {
  it('refreshes once on a 401 and retries with the new token', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
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

  it('an answer that is not the server’s (a captive portal) is an ApiError, not data', async () => {
    const accounts = freshAccounts();
    await knownAccount(accounts);
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

describe('signIn against the real sync server', () => {
  let server: SyncServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  // The server's sign-in answer must parse as the app's sessionSchema, or a first sign-in on a
  // device fails with "The server could not sign you in right now".
  it('signs in and refreshes with the server’s real answers', async () => {
    server = await openSyncServer('sqlite');
    const accounts = freshAccounts();
    const app = server.app;
    const fetch: HttpFetch = async (url, init) => {
      const res = await app.inject({
        method: init.method === 'GET' ? 'GET' : 'POST',
        url,
        headers: init.headers,
        payload: init.body,
      });
      return { status: res.statusCode, text: async () => res.body };
    };
    const d: SessionDeps = { accounts, fetch };
    const account = await signIn(d, { username: USERS.cmA.username, password: PASSWORD });
    expect(account).toMatchObject({
      username: USERS.cmA.username,
      displayName: USERS.cmA.displayName,
      providerId: server.providers.p1,
    });
    expect(account.providers.map((p) => p.id)).toEqual([server.providers.p1]);

    const auth = accountAuth(d, account.userId);
    expect(await auth.refresh()).toBe(true);
    expect((await accounts.accounts.get(account.userId))?.refreshToken).not.toBe(
      account.refreshToken,
    );
  });
});
