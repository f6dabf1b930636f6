// The sync engine's and the screens' view of a person's tokens: the access token from this
// page's memory, refreshed on demand with the refresh token sealed in the account row (which
// only opens while the person is unlocked: a locked page or the service worker cannot refresh).
// A refusal that revokes the device (deviceRefusalSchema) wipes the person's data here.
import type { z } from 'zod';
import { dataKeyOf } from '../db/crypto/keyring';
import {
  DEVICE_REVOKED,
  deviceRefusalSchema,
  sessionSchema,
  type RefreshRequest,
} from '../domain/protocol';
import { refreshTokenOf, sealRefreshToken } from './account-secrets';
import type { SyncAuth } from './engine';
import { accessTokenOf, forgetAccessToken, rememberAccessToken } from './memory-tokens';
import { errorMessage, readJson } from './http-json';
import { wipeAccount, type SessionDeps } from './session';

/** A token this close to expiry is refreshed before use. */
const EXPIRY_MARGIN_MS = 30_000;

export function accountAuth(deps: SessionDeps, userId: string): SyncAuth {
  const now = deps.now ?? Date.now;
  let refreshing: Promise<boolean> | null = null;
  const refreshOnce = async (retry = true): Promise<boolean> => {
    const account = await deps.accounts.accounts.get(userId);
    const key = dataKeyOf(userId);
    const refreshToken = account ? refreshTokenOf(account) : null;
    if (!account || !key || !refreshToken) return false;
    const response = await deps.fetch(`${deps.baseUrl ?? ''}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken } satisfies RefreshRequest),
    });
    const json = await readJson(response);
    const parsed = sessionSchema.safeParse(json);
    if (response.status === 200 && parsed.success) {
      rememberAccessToken(userId, {
        token: parsed.data.accessToken,
        expiresAt: parsed.data.accessTokenExpiresAt,
      });
      await deps.accounts.update(userId, {
        refreshTokenSealed: sealRefreshToken(key, userId, parsed.data.refreshToken),
        refreshTokenExpiresAt: parsed.data.refreshTokenExpiresAt,
        providers: parsed.data.user.providers,
        policy: parsed.data.policy,
        lastServerContactAt: now(),
      });
      return true;
    }
    if (response.status === 401) {
      const refusal = deviceRefusalSchema.safeParse(json);
      if (refusal.success && refusal.data.error === DEVICE_REVOKED && refusal.data.wipe) {
        await wipeAccount(deps, userId);
        return false;
      }
    }
    // 401, or the server's 409 for a token refreshed a moment ago: another tab may already have
    // swapped the token and this answer is for the old one. Its access token is in that tab's
    // memory, not this one's, so this page refreshes once more with the token now stored.
    if (response.status === 401 || response.status === 409) {
      const latest = await deps.accounts.accounts.get(userId);
      if (latest?.refreshTokenSealed && latest.refreshTokenSealed !== account.refreshTokenSealed) {
        return retry ? refreshOnce(false) : true;
      }
    }
    if (response.status === 401) {
      forgetAccessToken(userId);
      await deps.accounts.update(userId, { refreshTokenSealed: null });
      return false;
    }
    throw new Error(`the server answered ${response.status}`);
  };
  return {
    async getAccessToken() {
      const token = accessTokenOf(userId);
      if (!token || !dataKeyOf(userId)) return null;
      if (Date.parse(token.expiresAt) - EXPIRY_MARGIN_MS <= now()) return null;
      return token.token;
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
 * A request to the API for screens that ask the server directly (search, members, conflicts),
 * with the account's token, one refresh on 401, and the answer checked against its schema.
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
