// Signing in and staying signed in. The first sign-in on a device needs the network; it stores a
// password verifier so the person can unlock offline afterwards, and the tokens the sync engine
// (page or service worker) uses. A 401 refreshes the access token once; a refused refresh means
// "sign in again", and the device's queue is kept. No React: the service worker uses this too.
import type { z } from 'zod';
import type { AccountRow, AccountsDatabase } from '../db/accounts';
import { checkVerifier, makeVerifier } from '../db/accounts';
import { protocolErrorSchema, sessionSchema, type SessionResponse } from '../domain/protocol';
import type { ResponseLike, SyncAuth } from './engine';
import { SignInError } from './sign-in-error';

export { SignInError, type SignInFailure } from './sign-in-error';

/** fetch, or a test's in-process server. */
export type HttpFetch = (
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
) => Promise<ResponseLike>;

/** How long an unlock lasts before the app asks for the password again. */
export const UNLOCK_MS = 12 * 60 * 60_000;
/** A token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 30_000;

export interface SessionDeps {
  accounts: AccountsDatabase;
  fetch: HttpFetch;
  baseUrl?: string;
  now?: () => number;
}

async function readJson(response: ResponseLike): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return null;
  }
}

function errorMessage(json: unknown): string | null {
  const parsed = protocolErrorSchema.safeParse(json);
  return parsed.success ? parsed.data.message : null;
}

function tokensOf(session: SessionResponse) {
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
  };
}

/**
 * Signs in: online when the server can be reached (and then stores the account for offline
 * unlocks), else offline against the verifier stored at an earlier sign-in on this device.
 */
export async function signIn(
  deps: SessionDeps,
  input: { username: string; password: string },
): Promise<AccountRow> {
  const username = input.username.trim().toLowerCase();
  if (!username || !input.password) {
    throw new SignInError('invalid_input', 'Enter your username and password.');
  }
  let response: ResponseLike;
  try {
    response = await deps.fetch(`${deps.baseUrl ?? ''}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: input.password }),
    });
  } catch {
    return unlockOffline(deps, username, input.password);
  }
  const json = await readJson(response);
  if (response.status === 401) {
    throw new SignInError('wrong_password', 'That username and password do not match.');
  }
  if (response.status === 423 || response.status === 429) {
    throw new SignInError('locked', errorMessage(json) ?? 'Too many tries. Wait, then try again.');
  }
  const refusal = errorMessage(json);
  if (response.status >= 400 && response.status < 500 && refusal !== null) {
    // The server itself refused (a deactivated account, say): never unlock offline around it.
    throw new SignInError('server', refusal);
  }
  const parsed = sessionSchema.safeParse(json);
  if (response.status !== 200 || !parsed.success) {
    // A captive portal or a server error: an account known here may still unlock offline.
    if (await deps.accounts.byUsername(username)) {
      return unlockOffline(deps, username, input.password);
    }
    throw new SignInError(
      'server',
      errorMessage(json) ?? 'The server could not sign you in right now. Try again shortly.',
    );
  }
  return storeSession(deps, parsed.data, input.password);
}

async function storeSession(
  deps: SessionDeps,
  session: SessionResponse,
  password: string,
): Promise<AccountRow> {
  const now = deps.now ?? Date.now;
  const known = await deps.accounts.accounts.get(session.user.id);
  const providers = session.user.providers;
  const keepProvider = known?.providerId && providers.some((p) => p.id === known.providerId);
  const account: AccountRow = {
    userId: session.user.id,
    username: session.user.username,
    displayName: session.user.displayName,
    role: session.user.role,
    providers,
    verifier: await makeVerifier(password),
    ...tokensOf(session),
    providerId: keepProvider ? known!.providerId : providers.length === 1 ? providers[0]!.id : null,
    unlockedUntil: now() + UNLOCK_MS,
  };
  await deps.accounts.transaction('rw', deps.accounts.accounts, deps.accounts.meta, async () => {
    await deps.accounts.accounts.put(account);
    await deps.accounts.setActive(account.userId);
  });
  return account;
}

/** Unlocks an account that signed in on this device before, without the network. */
export async function unlockOffline(
  deps: SessionDeps,
  username: string,
  password: string,
): Promise<AccountRow> {
  const account = await deps.accounts.byUsername(username);
  if (!account) {
    throw new SignInError(
      'offline_first_time',
      'The first sign-in on this device needs a connection. Connect, then sign in.',
    );
  }
  if (!(await checkVerifier(password, account.verifier))) {
    throw new SignInError('wrong_password', 'That username and password do not match.');
  }
  const unlockedUntil = (deps.now ?? Date.now)() + UNLOCK_MS;
  await deps.accounts.update(account.userId, { unlockedUntil });
  await deps.accounts.setActive(account.userId);
  return { ...account, unlockedUntil };
}

/** The account the app opens to: the active one, if its unlock has not run out. */
export function currentAccount(deps: Pick<SessionDeps, 'accounts' | 'now'>) {
  return deps.accounts.current((deps.now ?? Date.now)());
}

/** Locks the app (switch person on a shared tablet); data and queue stay on the device. */
export async function lock(accounts: AccountsDatabase, userId: string): Promise<void> {
  await accounts.update(userId, { unlockedUntil: 0 });
  await accounts.setActive(null);
}

/**
 * Signs out: the server revokes the refresh token when it can be reached, and the account is
 * forgotten on this device (its data is cleared separately, after the person confirms).
 */
export async function signOut(deps: SessionDeps, userId: string): Promise<void> {
  const account = await deps.accounts.accounts.get(userId);
  if (account?.refreshToken) {
    try {
      await deps.fetch(`${deps.baseUrl ?? ''}/api/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: account.refreshToken }),
      });
    } catch {
      // Offline: the token expires on its own; it is deleted from this device below.
    }
  }
  await deps.accounts.accounts.delete(userId);
  const active = await deps.accounts.active();
  if (!active) await deps.accounts.setActive(null);
}

/** The sync engine's view of an account's tokens: refreshed and stored on demand. */
export function accountAuth(deps: SessionDeps, userId: string): SyncAuth {
  const now = deps.now ?? Date.now;
  let refreshing: Promise<boolean> | null = null;
  const refreshOnce = async (): Promise<boolean> => {
    const account = await deps.accounts.accounts.get(userId);
    if (!account?.refreshToken) return false;
    const response = await deps.fetch(`${deps.baseUrl ?? ''}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: account.refreshToken }),
    });
    const parsed = sessionSchema.safeParse(await readJson(response));
    if (response.status === 200 && parsed.success) {
      await deps.accounts.update(userId, {
        ...tokensOf(parsed.data),
        providers: parsed.data.user.providers,
      });
      return true;
    }
    if (response.status === 401) {
      // The page and the service worker refresh independently: if the other one already
      // swapped the token, this 401 is for the old one and the stored tokens are good.
      const now = await deps.accounts.accounts.get(userId);
      if (now?.refreshToken && now.refreshToken !== account.refreshToken) return true;
      await deps.accounts.update(userId, { accessToken: null, refreshToken: null });
      return false;
    }
    throw new Error(`the server answered ${response.status}`);
  };
  return {
    async getAccessToken() {
      const account = await deps.accounts.accounts.get(userId);
      if (!account?.accessToken || !account.accessTokenExpiresAt) return null;
      if (Date.parse(account.accessTokenExpiresAt) - EXPIRY_MARGIN_MS <= now()) return null;
      return account.accessToken;
    },
    refresh() {
      // Two callers at once (the engine and a screen) share one refresh: a refresh token works once.
      refreshing ??= refreshOnce().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * A GET to the API for screens that ask the server directly (search, members, conflicts), with
 * the account's token, one refresh on 401, and the answer checked against its schema.
 */
export async function apiRequest<T>(
  deps: SessionDeps & { auth: SyncAuth },
  path: string,
  schema: z.ZodType<T>,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let token = await deps.auth.getAccessToken();
    if (token === null && (await deps.auth.refresh())) token = await deps.auth.getAccessToken();
    if (token === null) throw new ApiError(401, 'Sign in again to reach the server.');
    const response = await deps.fetch(`${deps.baseUrl ?? ''}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (response.status === 401 && attempt === 0 && (await deps.auth.refresh())) continue;
    const json = await readJson(response);
    if (response.status < 200 || response.status >= 300) {
      throw new ApiError(
        response.status,
        errorMessage(json) ?? `The server answered ${response.status}.`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        'The network answered with something other than the Fieldnote server.',
      );
    }
    return parsed.data;
  }
}
