// Signing in, unlocking and locking. The first sign-in on a device needs the network; it makes
// the person's data key and stores it wrapped under their password (db/crypto/data-key.ts), so
// afterwards they can unlock offline: the unwrapping is the password check. While unlocked, the
// data key and the access token live in this page's memory only (db/crypto/keyring.ts,
// memory-tokens.ts); locking forgets both. A 401 refreshes the access token once; a refused
// refresh means "sign in again", and the device's queue is kept. No React.
import type { AccountRow, AccountsDatabase } from '../db/accounts';
import { createDataKey, unwrapDataKey, type WrappedKey } from '../db/crypto/data-key';
import type { KdfTuning } from '../db/crypto/kdf';
import { forget, forgetAll, setUnlocked } from '../db/crypto/keyring';
import { checkLegacyVerifier } from '../db/crypto/legacy-verifier';
import {
  DEVICE_REVOKED,
  deviceRefusalSchema,
  sessionSchema,
  type SessionResponse,
  type SignInRequest,
  type SignOutRequest,
} from '../domain/protocol';
import { errorMessage, readJson } from './http-json';
import { sealRefreshToken, sealedSealing } from './account-secrets';
import { deviceIdentity, deviceLabel } from './device-identity';
import type { ResponseLike } from './engine';
import { forgetAccessToken, forgetAllAccessTokens, rememberAccessToken } from './memory-tokens';
import { SignInError } from './sign-in-error';
import { checkOfflineUnlockAllowed, recordFailedUnlock } from './unlock-policy';

export { SignInError, type SignInFailure } from './sign-in-error';
export { accountAuth, apiRequest, ApiError } from './account-auth';

/** fetch, or a test's in-process server. */
export type HttpFetch = (
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
) => Promise<ResponseLike>;

/** How long an unlock lasts, even with someone at the screen, before the password is asked again. */
export const UNLOCK_MS = 12 * 60 * 60_000;

export interface SessionDeps {
  accounts: AccountsDatabase;
  fetch: HttpFetch;
  baseUrl?: string;
  now?: () => number;
  /** Fixed KDF parameters instead of calibrating (tests use cheap ones). */
  kdf?: KdfTuning;
  /** Deletes a person's device database (a wipe); defaults to nothing (the app passes its own). */
  wipeData?: (userId: string) => Promise<void>;
}

/** An unlocked person: their account and until when the unlock lasts. */
export interface Unlocked {
  account: AccountRow;
  unlockedUntil: number;
}

/**
 * Signs in: online when the server can be reached (and then stores the account for offline
 * unlocks), else offline by unwrapping the data key stored at an earlier sign-in here.
 */
export async function signIn(
  deps: SessionDeps,
  input: { username: string; password: string },
): Promise<Unlocked> {
  const username = input.username.trim().toLowerCase();
  if (!username || !input.password) {
    throw new SignInError('invalid_input', 'Enter your username and password.');
  }
  const device = await deviceIdentity(deps.accounts);
  let response: ResponseLike;
  try {
    response = await deps.fetch(`${deps.baseUrl ?? ''}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        password: input.password,
        device: {
          id: device.id,
          signingKey: device.publicJwk,
          shared: await deps.accounts.isShared(),
          label: deviceLabel(globalThis.navigator?.userAgent),
        },
      } satisfies SignInRequest),
    });
  } catch {
    return unlockOffline(deps, username, input.password);
  }
  const json = await readJson(response);
  if (response.status === 401) {
    // The right password on a device the server revoked: its answer says so once, and that
    // person's data here is wiped now (the next sign-in registers the device afresh).
    const refusal = deviceRefusalSchema.safeParse(json);
    if (refusal.success && refusal.data.error === DEVICE_REVOKED && refusal.data.wipe) {
      const known = await deps.accounts.byUsername(username);
      if (known) await wipeAccount(deps, known.userId);
      throw new SignInError('server', refusal.data.message);
    }
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

/**
 * The data key of a person the server just let in: the one wrapped here before if the password
 * opens it, else a new one. A key that no longer opens (the password was reset, which revokes
 * this device's old sessions) guards data nobody can read any more: that database is wiped.
 */
async function dataKeyForSignIn(
  deps: SessionDeps,
  known: AccountRow | undefined,
  userId: string,
  password: string,
): Promise<{ key: Uint8Array; wrapped: WrappedKey }> {
  if (known?.wrappedKey) {
    const key = await unwrapDataKey(userId, known.wrappedKey, password);
    if (key) return { key, wrapped: known.wrappedKey };
    await deps.wipeData?.(userId);
  }
  // A new person here, or an account from before encryption (its rows are sealed at open).
  return createDataKey(userId, password, { tuning: deps.kdf });
}

async function storeSession(
  deps: SessionDeps,
  session: SessionResponse,
  password: string,
): Promise<Unlocked> {
  const now = (deps.now ?? Date.now)();
  const userId = session.user.id;
  const known = await deps.accounts.accounts.get(userId);
  const { key, wrapped } = await dataKeyForSignIn(deps, known, userId, password);
  const providers = session.user.providers;
  const keepProvider = known?.providerId && providers.some((p) => p.id === known.providerId);
  const account: AccountRow = {
    userId,
    username: session.user.username,
    displayName: session.user.displayName,
    role: session.user.role,
    providers,
    wrappedKey: wrapped,
    refreshTokenSealed: sealRefreshToken(key, userId, session.refreshToken),
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    sealing: session.sealing ? sealedSealing(key, userId, session.sealing) : null,
    policy: session.policy,
    providerId: keepProvider ? known!.providerId : providers.length === 1 ? providers[0]!.id : null,
    lastServerContactAt: now,
    failedUnlocks: 0,
    unlockBlockedUntil: 0,
  };
  await deps.accounts.transaction('rw', deps.accounts.accounts, deps.accounts.meta, async () => {
    await deps.accounts.accounts.put(account);
    await deps.accounts.setActive(userId);
  });
  setUnlocked(userId, key);
  rememberAccessToken(userId, {
    token: session.accessToken,
    expiresAt: session.accessTokenExpiresAt,
  });
  return { account, unlockedUntil: now + UNLOCK_MS };
}

/** Unlocks an account that signed in on this device before, without the network. */
export async function unlockOffline(
  deps: SessionDeps,
  username: string,
  password: string,
): Promise<Unlocked> {
  const now = (deps.now ?? Date.now)();
  const account = await deps.accounts.byUsername(username);
  if (!account) {
    throw new SignInError(
      'offline_first_time',
      'The first sign-in on this device needs a connection. Connect, then sign in.',
    );
  }
  checkOfflineUnlockAllowed(account, now);
  let key: Uint8Array | null = null;
  let wrappedKey = account.wrappedKey;
  if (wrappedKey) {
    key = await unwrapDataKey(account.userId, wrappedKey, password);
  } else if (account.verifier && (await checkLegacyVerifier(password, account.verifier))) {
    // The first unlock since encryption at rest: a data key replaces the old verifier.
    const made = await createDataKey(account.userId, password, { tuning: deps.kdf });
    key = made.key;
    wrappedKey = made.wrapped;
  }
  if (!key) {
    await deps.accounts.update(account.userId, recordFailedUnlock(account, now));
    throw new SignInError('wrong_password', 'That username and password do not match.');
  }
  const patch: Partial<AccountRow> = { failedUnlocks: 0, unlockBlockedUntil: 0, wrappedKey };
  if (!account.wrappedKey) patch.lastServerContactAt = now;
  await deps.accounts.transaction('rw', deps.accounts.accounts, deps.accounts.meta, async () => {
    await deps.accounts.accounts.update(account.userId, patch);
    if (!account.wrappedKey)
      await deps.accounts.accounts.update(account.userId, { verifier: undefined });
    await deps.accounts.setActive(account.userId);
  });
  setUnlocked(account.userId, key);
  return {
    account: { ...account, ...patch, verifier: undefined },
    unlockedUntil: now + UNLOCK_MS,
  };
}

/**
 * Locks: forgets every data key and access token this page holds. Data and queue stay on the
 * device, sealed. (The app then reloads the page, which also drops anything decrypted.)
 */
export async function lock(accounts: AccountsDatabase): Promise<void> {
  forgetAll();
  forgetAllAccessTokens();
  await accounts.setActive(null);
}

/**
 * Signs out: the server revokes the refresh token when it can be reached, and the account (with
 * its wrapped key) is forgotten on this device (its data is cleared separately, after the
 * person confirms; without the wrapped key it cannot be read again).
 */
export async function signOut(deps: SessionDeps, userId: string, refreshToken: string | null) {
  if (refreshToken) {
    try {
      await deps.fetch(`${deps.baseUrl ?? ''}/api/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken } satisfies SignOutRequest),
      });
    } catch {
      // Offline: the token expires on its own; its sealed copy is deleted from this device below.
    }
  }
  forget(userId);
  forgetAccessToken(userId);
  await deps.accounts.accounts.delete(userId);
  const active = await deps.accounts.active();
  if (!active) await deps.accounts.setActive(null);
}

/**
 * A wipe (the server revoked this device for the person): their data and their wrapped key go,
 * which makes any copy of the data left on the disk unreadable.
 */
export async function wipeAccount(deps: SessionDeps, userId: string): Promise<void> {
  forget(userId);
  forgetAccessToken(userId);
  await deps.wipeData?.(userId);
  await deps.accounts.accounts.delete(userId);
  const active = await deps.accounts.active();
  if (!active) await deps.accounts.setActive(null);
}
