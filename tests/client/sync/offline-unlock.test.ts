// @vitest-environment node
// (WebCrypto and the CryptoKey stored by fake-indexeddb are Node's.)
// When an offline unlock is refused (src/sync/unlock-policy.ts through session.ts): wrong
// passwords count, with a growing wait, up to the policy's limit; too many days without the
// server end offline unlocks; and an account stored before encryption at rest (accounts
// database version 1: a PBKDF2 verifier and tokens in clear) loses its tokens at the upgrade
// and trades its verifier for a wrapped data key at its first unlock. Synthetic people only.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { lock, signIn, unlockOffline } from '../../../src/sync';
import { refreshTokenOf } from '../../../src/sync/account-secrets';
import { dataKeyOf, isUnlocked } from '../../../src/db/crypto/keyring';
import { unwrapDataKey } from '../../../src/db/crypto/data-key';
import { makeLegacyVerifier } from '../../../src/db/crypto/legacy-verifier';
import { DEFAULT_LOCK_POLICY } from '../../../src/domain/protocol';
import {
  CHEAP_KDF,
  DAY_MS,
  FAMILY,
  NOW,
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
  respond,
  session,
  type Clock,
} from './session-fixtures';

const WRONG = 'not-the-password';

describe('wrong passwords offline', () => {
  it('count, make each further try wait longer, and reset after the right one', async () => {
    const accounts = freshAccounts();
    const clock: Clock = { now: NOW };
    await knownAccount(accounts, { clock });
    const d = deps(accounts, fakeFetch(offline).fetch, clock);
    const stored = async () => (await accounts.accounts.get(USER_ID))!;

    // Two free tries, then 2 s, then 4 s.
    await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
    expect(await stored()).toMatchObject({ failedUnlocks: 1, unlockBlockedUntil: 0 });
    await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
    expect(await stored()).toMatchObject({ failedUnlocks: 2, unlockBlockedUntil: 0 });
    await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
    expect(await stored()).toMatchObject({ failedUnlocks: 3, unlockBlockedUntil: NOW + 2_000 });

    // While the wait lasts even the right password is refused, and the try is not counted.
    const waiting = await expectSignInError(unlockOffline(d, USERNAME, PASSWORD), 'locked');
    expect(waiting.message).toBe('Too many wrong passwords. Try again in 2 s.');
    expect(isUnlocked(USER_ID)).toBe(false);
    expect((await stored()).failedUnlocks).toBe(3);

    clock.now = NOW + 2_000;
    await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
    expect(await stored()).toMatchObject({ failedUnlocks: 4, unlockBlockedUntil: NOW + 6_000 });

    clock.now = NOW + 6_000;
    const { account } = await unlockOffline(d, USERNAME, PASSWORD);
    expect(isUnlocked(USER_ID)).toBe(true);
    expect(account).toMatchObject({ failedUnlocks: 0, unlockBlockedUntil: 0 });
    expect(await stored()).toMatchObject({ failedUnlocks: 0, unlockBlockedUntil: 0 });
  });

  it('refuse offline unlocks after the policy’s limit, until an online sign-in', async () => {
    const accounts = freshAccounts();
    const clock: Clock = { now: NOW };
    const policy = { ...DEFAULT_LOCK_POLICY, maxFailedUnlocks: 3 };
    await knownAccount(accounts, { clock, policy });
    const d = deps(accounts, fakeFetch(offline).fetch, clock);

    for (let i = 0; i < 3; i++) {
      await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
      clock.now += 60 * 60_000; // past any wait
    }
    const refused = await expectSignInError(unlockOffline(d, USERNAME, PASSWORD), 'locked');
    expect(refused.message).toMatch(/Connect to the internet and sign in/);
    expect(isUnlocked(USER_ID)).toBe(false);
    // Through signIn too (offline, it falls back to the same unlock).
    await expectSignInError(signIn(d, { username: USERNAME, password: PASSWORD }), 'locked');

    // The server lets the person in again, and the count starts over.
    const online = deps(
      accounts,
      fakeFetch(() => respond(200, session(1, { policy }))).fetch,
      clock,
    );
    await signIn(online, { username: USERNAME, password: PASSWORD });
    expect((await accounts.accounts.get(USER_ID))?.failedUnlocks).toBe(0);
    await lock(accounts);
    await unlockOffline(d, USERNAME, PASSWORD);
    expect(isUnlocked(USER_ID)).toBe(true);
  });
});

describe('days without the server', () => {
  it('an offline unlock works up to the policy’s days after the last contact, not after', async () => {
    const accounts = freshAccounts();
    const clock: Clock = { now: NOW };
    const policy = { ...DEFAULT_LOCK_POLICY, offlineUnlockDays: 14 };
    await knownAccount(accounts, { clock, policy });
    const d = deps(accounts, fakeFetch(offline).fetch, clock);

    clock.now = NOW + 14 * DAY_MS;
    await unlockOffline(d, USERNAME, PASSWORD);
    expect(isUnlocked(USER_ID)).toBe(true);
    await lock(accounts);

    // An offline unlock is no contact with the server: the count of days goes on.
    clock.now = NOW + 14 * DAY_MS + 1;
    const error = await expectSignInError(
      signIn(d, { username: USERNAME, password: PASSWORD }),
      'offline_too_long',
    );
    expect(error.message).toMatch(/not reached the server for more than 14 days/);
    expect(isUnlocked(USER_ID)).toBe(false);

    // Reaching the server starts the count again.
    await signIn(deps(accounts, fakeFetch(() => respond(200, session(1))).fetch, clock), {
      username: USERNAME,
      password: PASSWORD,
    });
    expect((await accounts.accounts.get(USER_ID))?.lastServerContactAt).toBe(clock.now);
  });

  it('follows the policy the server set (a shorter limit)', async () => {
    const accounts = freshAccounts();
    const clock: Clock = { now: NOW };
    await knownAccount(accounts, {
      clock,
      policy: { ...DEFAULT_LOCK_POLICY, offlineUnlockDays: 2 },
    });
    clock.now = NOW + 2 * DAY_MS + 1;
    await expectSignInError(
      unlockOffline(deps(accounts, fakeFetch(offline).fetch, clock), USERNAME, PASSWORD),
      'offline_too_long',
    );
  });
});

describe('an account stored before encryption at rest', () => {
  /** Version 1 of the accounts database, as the app before issue 11 wrote it. */
  async function legacyDevice(): Promise<IDBFactory> {
    const factory = new IDBFactory();
    const v1 = new Dexie('fieldnote-accounts', { indexedDB: factory });
    v1.version(1).stores({ accounts: 'userId, &username', meta: 'key' });
    await v1.table('accounts').put({
      userId: USER_ID,
      username: USERNAME,
      displayName: 'Robin Testperson',
      role: 'case_manager',
      providers: [FAMILY],
      verifier: await makeLegacyVerifier(PASSWORD),
      accessToken: 'legacy-access-token',
      accessTokenExpiresAt: new Date(NOW + 15 * 60_000).toISOString(),
      refreshToken: 'legacy-refresh-token',
      refreshTokenExpiresAt: new Date(NOW + 30 * DAY_MS).toISOString(),
      providerId: FAMILY.id,
      unlockedUntil: NOW + 3_600_000,
    });
    await v1.table('meta').put({ key: 'activeUserId', value: USER_ID });
    v1.close();
    return factory;
  }

  it('loses its tokens in clear at the upgrade and keeps its verifier for one unlock', async () => {
    const accounts = freshAccounts(await legacyDevice());
    const row = (await accounts.accounts.get(USER_ID))!;
    for (const field of ['accessToken', 'accessTokenExpiresAt', 'refreshToken', 'unlockedUntil']) {
      expect(row).not.toHaveProperty(field);
    }
    expect(row).toMatchObject({
      username: USERNAME,
      providerId: FAMILY.id,
      refreshTokenSealed: null,
      refreshTokenExpiresAt: null,
      sealing: null,
      policy: DEFAULT_LOCK_POLICY,
      lastServerContactAt: 0,
      failedUnlocks: 0,
      unlockBlockedUntil: 0,
    });
    expect(row.wrappedKey).toBeUndefined();
    expect(row.verifier?.hash).toEqual(expect.any(String));
    const everything = await dump(accounts);
    expect(everything).not.toContain('legacy-access-token');
    expect(everything).not.toContain('legacy-refresh-token');
  });

  it('unlocks offline with the old password, then has a wrapped data key and no verifier', async () => {
    const accounts = freshAccounts(await legacyDevice());
    const clock: Clock = { now: NOW };
    const d = deps(accounts, fakeFetch(offline).fetch, clock);

    await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
    expect((await accounts.accounts.get(USER_ID))?.verifier).toBeDefined();
    expect(isUnlocked(USER_ID)).toBe(false);

    clock.now = NOW + 1_000;
    const { account } = await signIn(d, { username: USERNAME, password: PASSWORD });
    expect(isUnlocked(USER_ID)).toBe(true);
    const stored = (await accounts.accounts.get(USER_ID))!;
    expect(stored).not.toHaveProperty('verifier');
    expect(stored.wrappedKey?.kdf).toMatchObject({ alg: 'argon2id', ...CHEAP_KDF });
    expect(stored).toMatchObject({ failedUnlocks: 0, lastServerContactAt: NOW + 1_000 });
    expect(account.wrappedKey).toEqual(stored.wrappedKey);
    expect(await unwrapDataKey(USER_ID, stored.wrappedKey!, PASSWORD)).toEqual(dataKeyOf(USER_ID));
    // No token survived the upgrade: syncing waits for an online sign-in.
    expect(refreshTokenOf(stored)).toBeNull();

    // From now on the wrapped key is the password check.
    await lock(accounts);
    await expectSignInError(unlockOffline(d, USERNAME, WRONG), 'wrong_password');
    await unlockOffline(d, USERNAME, PASSWORD);
    expect(isUnlocked(USER_ID)).toBe(true);
  });

  it('signs in online with a new data key and drops the verifier', async () => {
    const accounts = freshAccounts(await legacyDevice());
    const d = deps(accounts, fakeFetch(() => respond(200, session(1))).fetch);
    const { account } = await signIn(d, { username: USERNAME, password: PASSWORD });
    const stored = (await accounts.accounts.get(USER_ID))!;
    expect(stored).not.toHaveProperty('verifier');
    expect(stored).toEqual(account);
    expect(refreshTokenOf(stored)).toBe('refresh-1');
    // Nothing was sealed under another key, so nothing is wiped.
    expect(d.wipeData).not.toHaveBeenCalled();
  });
});
