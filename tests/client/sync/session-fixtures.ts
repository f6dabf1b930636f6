// Shared setup for the session tests (session.test.ts, offline-unlock.test.ts,
// account-auth.test.ts): an accounts database per test, a fake server answering with sessions
// like the real one's, cheap Argon2id parameters, and the in-memory keys and access tokens
// forgotten after each test (they are module state, as in a page). Synthetic people only.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, expect, vi } from 'vitest';
import { AccountsDatabase, type ProviderSummary } from '../../../src/db';
import { forgetAll } from '../../../src/db/crypto/keyring';
import type { KdfTuning } from '../../../src/db/crypto/kdf';
import {
  SignInError,
  lock,
  signIn,
  type HttpFetch,
  type ResponseLike,
  type SessionDeps,
  type Unlocked,
} from '../../../src/sync';
import { forgetAllAccessTokens } from '../../../src/sync/memory-tokens';
import { encodeBase64 } from '../../../src/domain/crypto/base64';
import {
  DEFAULT_LOCK_POLICY,
  type LockPolicy,
  type Sealing,
  type SessionResponse,
} from '../../../src/domain/protocol';

export const NOW = Date.parse('2026-03-10T18:00:00Z');
export const DAY_MS = 86_400_000;
export const USER_ID = 'a'.repeat(32);
export const USERNAME = 'robin.testperson';
export const PASSWORD = 'synthetic-password-123';
/** Argon2id at 64 KiB and one pass: the real code path at a test's cost. */
export const CHEAP_KDF: KdfTuning = { m: 64, t: 1, p: 1 };

export const FAMILY: ProviderSummary = {
  id: '1'.repeat(32),
  name: 'Synthetic Family Case Management',
  projectType: 6,
  funders: [1],
};
export const OUTREACH: ProviderSummary = {
  id: '2'.repeat(32),
  name: 'Synthetic Street Outreach',
  projectType: 4,
  funders: [],
};

const opened: AccountsDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  forgetAll();
  forgetAllAccessTokens();
});

/** A device's accounts database of its own (the real one is a fixed name per browser). */
export function freshAccounts(factory = new IDBFactory()): AccountsDatabase {
  const db = new AccountsDatabase({ indexedDB: factory, IDBKeyRange });
  opened.push(db);
  return db;
}

/** A push secret as the server issues them (base64 of 32 random bytes). */
export function pushSecret(): string {
  return encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** Session `n`: tokens `access-n` and `refresh-n`, as the server answers a sign-in or refresh. */
export function session(
  n: number,
  options: { providers?: ProviderSummary[]; policy?: LockPolicy; sealing?: Sealing } = {},
): SessionResponse {
  return {
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(NOW + 30 * DAY_MS).toISOString(),
    policy: options.policy ?? DEFAULT_LOCK_POLICY,
    ...(options.sealing ? { sealing: options.sealing } : {}),
    user: {
      id: USER_ID,
      username: USERNAME,
      displayName: 'Robin Testperson',
      role: 'case_manager',
      providers: options.providers ?? [FAMILY],
    },
  };
}

export function respond(status: number, body: unknown): ResponseLike {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return { status, text: async () => text };
}

export interface Call {
  url: string;
  body: unknown;
}

/** A fake server: `handle` answers each request (or throws, like fetch offline). */
export function fakeFetch(
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

export const offline = (): never => {
  throw new TypeError('Failed to fetch');
};

/** A clock a test moves by hand. */
export interface Clock {
  now: number;
}

export type TestDeps = SessionDeps & { wipeData: ReturnType<typeof vi.fn> };

export function deps(
  accounts: AccountsDatabase,
  fetch: HttpFetch,
  clock: Clock = { now: NOW },
): TestDeps {
  return {
    accounts,
    fetch,
    now: () => clock.now,
    kdf: CHEAP_KDF,
    wipeData: vi.fn(async (_userId: string) => {}),
  };
}

/**
 * An account that signed in online on this device (session 0: `access-0`, `refresh-0`) and then
 * locked, as a person leaves a device between shifts.
 */
export async function knownAccount(
  accounts: AccountsDatabase,
  options: Parameters<typeof session>[1] & { clock?: Clock; password?: string } = {},
): Promise<Unlocked> {
  const server = fakeFetch(() => respond(200, session(0, options)));
  const unlocked = await signIn(deps(accounts, server.fetch, options.clock), {
    username: USERNAME,
    password: options.password ?? PASSWORD,
  });
  await lock(accounts);
  return unlocked;
}

/** Everything the accounts database holds, as one JSON text (what a script on the page could read). */
export async function dump(accounts: AccountsDatabase): Promise<string> {
  return JSON.stringify({
    accounts: await accounts.accounts.toArray(),
    meta: await accounts.meta.toArray(),
  });
}

export async function expectSignInError(
  promise: Promise<unknown>,
  kind: SignInError['kind'],
): Promise<SignInError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  expect((error as SignInError).kind).toBe(kind);
  return error as SignInError;
}
