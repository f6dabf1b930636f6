// The people who have signed in on this device (a shared shelter tablet has several), kept in one
// device-wide database apart from each person's own data. A password verifier (PBKDF2) lets a
// person unlock offline after one online sign-in; the tokens live here so the service worker can
// sync in the background. No React: the service worker reads this too.
import Dexie, { type DexieOptions, type Table } from 'dexie';

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

export interface PasswordVerifier {
  /** base64 */
  salt: string;
  /** base64 of the PBKDF2-SHA-256 output */
  hash: string;
  iterations: number;
}

export interface AccountRow {
  userId: string;
  username: string;
  displayName: string;
  role: 'case_manager' | 'supervisor' | 'admin';
  providers: ProviderSummary[];
  verifier: PasswordVerifier;
  accessToken: string | null;
  /** ISO instant */
  accessTokenExpiresAt: string | null;
  refreshToken: string | null;
  refreshTokenExpiresAt: string | null;
  /** The provider the person enters data as (EDA); null until chosen. */
  providerId: string | null;
  /** Until when the app opens without asking for the password again (ms). */
  unlockedUntil: number;
}

interface MetaRow {
  key: string;
  value: unknown;
}

const ACTIVE_USER = 'activeUserId';

export class AccountsDatabase extends Dexie {
  accounts!: Table<AccountRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    super('fieldnote-accounts', { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({ accounts: 'userId, &username', meta: 'key' });
  }

  async active(): Promise<AccountRow | undefined> {
    const id = (await this.meta.get(ACTIVE_USER))?.value;
    return typeof id === 'string' ? this.accounts.get(id) : undefined;
  }

  async setActive(userId: string | null): Promise<void> {
    if (userId === null) await this.meta.delete(ACTIVE_USER);
    else await this.meta.put({ key: ACTIVE_USER, value: userId });
  }

  /** The account the app opens to: the active one, if its unlock has not run out. */
  async current(now: number): Promise<AccountRow | null> {
    const account = await this.active();
    return account && account.unlockedUntil > now ? account : null;
  }

  byUsername(username: string): Promise<AccountRow | undefined> {
    return this.accounts.where('username').equals(username.trim().toLowerCase()).first();
  }

  async update(userId: string, patch: Partial<AccountRow>): Promise<void> {
    await this.accounts.update(userId, patch);
  }
}

const PBKDF2_ITERATIONS = 210_000;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function pbkdf2(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** A verifier for unlocking offline; the password itself is never stored. */
export async function makeVerifier(
  password: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<PasswordVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    salt: toBase64(salt),
    hash: toBase64(await pbkdf2(password, salt, iterations)),
    iterations,
  };
}

export async function checkVerifier(
  password: string,
  verifier: PasswordVerifier,
): Promise<boolean> {
  const hash = await pbkdf2(password, fromBase64(verifier.salt), verifier.iterations);
  const expected = fromBase64(verifier.hash);
  if (hash.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < hash.length; i++) diff |= hash[i]! ^ expected[i]!;
  return diff === 0;
}
