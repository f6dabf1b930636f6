// The people who have signed in on this device (a shared shelter tablet has several), kept in one
// device-wide database apart from each person's own data. Since version 2 nothing here is
// readable without the person's password: their data key is stored only wrapped under a key
// derived from it (crypto/data-key.ts), the refresh token and the push secret are sealed under
// the data key, and the access token is never stored (memory only, sync/memory-tokens.ts). What
// stays in clear: staff usernames and display names (the sign-in list), providers, token expiry
// times, the lock policy, the server's public sealing key and the device's own signing key
// (non-extractable: a script can use it to re-deliver sealed changes, never read it). No React:
// the service worker reads this too.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { DEFAULT_LOCK_POLICY, type LockPolicy, type P256PublicJwk } from '../domain/protocol';
import type { WrappedKey } from './crypto/data-key';

export interface ProviderSummary {
  id: string;
  name: string;
  /** HUD 2.02.6 project type. */
  projectType: number;
  /** Local list 'local:funder' codes (Case Management, ESG, PATH, ...). */
  funders: number[];
  /** 3.16: the project CoCs' codes, the first being the provider's (absent: none set up). */
  cocCodes?: string[];
  /** HUD 2.06.1 funding sources and their grant dates (absent: none set up). */
  hudFunders?: { funder: number; startDate: string | null; endDate: string | null }[];
}

/** The PBKDF2 verifier of an account stored before version 2 (legacy-verifier.ts). */
export interface PasswordVerifier {
  /** base64 */
  salt: string;
  /** base64 of the PBKDF2-SHA-256 output */
  hash: string;
  iterations: number;
}

/** How this person's changes are sealed for the server (devices.ts in the protocol). */
export interface AccountSealing {
  serverKey: P256PublicJwk;
  keyId: string;
  /** base64 of the push secret sealed under the data key. */
  pushSecretSealed: string;
}

export interface AccountRow {
  userId: string;
  username: string;
  displayName: string;
  role: 'case_manager' | 'supervisor' | 'admin';
  providers: ProviderSummary[];
  /** The data key, wrapped under the password; absent only on an account from before version 2. */
  wrappedKey?: WrappedKey;
  /** Before version 2 only, until the first unlock replaces it with `wrappedKey`. */
  verifier?: PasswordVerifier;
  /** base64 of the refresh token sealed under the data key; null when signed out of the server. */
  refreshTokenSealed: string | null;
  refreshTokenExpiresAt: string | null;
  /** Null until the server gave sealing keys (a sign-in that named this device). */
  sealing: AccountSealing | null;
  policy: LockPolicy;
  /** The provider the person enters data as (EDA); null until chosen. */
  providerId: string | null;
  /** When this device last reached the server for this person (ms): offline unlock ends N days on. */
  lastServerContactAt: number;
  /** Wrong passwords in a row since the last good one (offline unlock back-off). */
  failedUnlocks: number;
  /** No offline unlock before this time (ms): the back-off after wrong passwords. */
  unlockBlockedUntil: number;
}

/** This device (browser profile) as the server knows it: its id and its signing key. */
export interface DeviceIdentity {
  id: string;
  /** ECDSA P-256, non-extractable: signs deliveries made while locked. */
  privateKey: CryptoKey;
  publicJwk: P256PublicJwk;
}

interface MetaRow {
  key: string;
  value: unknown;
}

const ACTIVE_USER = 'activeUserId';
const DEVICE = 'device';
const SHARED = 'sharedDevice';

export class AccountsDatabase extends Dexie {
  accounts!: Table<AccountRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    super('fieldnote-accounts', { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ accounts: 'userId, &username', meta: 'key' });
    // Version 2: tokens are no longer stored in clear. The upgrade deletes them (a person signs
    // in online once to sync again; their queued changes stay) and keeps the old verifier until
    // the person's first unlock seals their data under a new data key.
    this.version(2)
      .stores({ accounts: 'userId, &username', meta: 'key' })
      .upgrade((tx) =>
        tx
          .table('accounts')
          .toCollection()
          .modify((row: Record<string, unknown>) => {
            for (const field of [
              'accessToken',
              'accessTokenExpiresAt',
              'refreshToken',
              'unlockedUntil',
            ]) {
              delete row[field];
            }
            row.refreshTokenSealed = null;
            row.refreshTokenExpiresAt = null;
            row.sealing = null;
            row.policy ??= DEFAULT_LOCK_POLICY;
            row.lastServerContactAt ??= 0;
            row.failedUnlocks ??= 0;
            row.unlockBlockedUntil ??= 0;
          }),
      );
  }

  async active(): Promise<AccountRow | undefined> {
    const id = (await this.meta.get(ACTIVE_USER))?.value;
    return typeof id === 'string' ? this.accounts.get(id) : undefined;
  }

  async setActive(userId: string | null): Promise<void> {
    if (userId === null) await this.meta.delete(ACTIVE_USER);
    else await this.meta.put({ key: ACTIVE_USER, value: userId });
  }

  byUsername(username: string): Promise<AccountRow | undefined> {
    return this.accounts.where('username').equals(username.trim().toLowerCase()).first();
  }

  async update(userId: string, patch: Partial<AccountRow>): Promise<void> {
    await this.accounts.update(userId, patch);
  }

  async device(): Promise<DeviceIdentity | null> {
    return ((await this.meta.get(DEVICE))?.value as DeviceIdentity | undefined) ?? null;
  }

  async setDevice(device: DeviceIdentity): Promise<void> {
    await this.meta.put({ key: DEVICE, value: device });
  }

  /** A tablet several people use: a shorter inactivity lock, and no list of who used it. */
  async isShared(): Promise<boolean> {
    return (await this.meta.get(SHARED))?.value === true;
  }

  async setShared(shared: boolean): Promise<void> {
    await this.meta.put({ key: SHARED, value: shared });
  }
}
