// The first screen's look at the accounts, without Dexie: it agrees with the Dexie database and
// never creates one on a new device.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AccountsDatabase, type AccountRow } from '../../../src/db';
import { peekAccounts } from '../../../src/db/accounts-peek';
import { newId } from '../../../src/domain/records';

const NOW = Date.parse('2026-03-10T18:00:00Z');

function account(overrides: Partial<AccountRow> = {}): AccountRow {
  return {
    userId: newId(),
    username: 'robin.testcase',
    displayName: 'Robin Testcase',
    role: 'case_manager',
    providers: [],
    verifier: { salt: '', hash: '', iterations: 1 },
    accessToken: null,
    accessTokenExpiresAt: null,
    refreshToken: null,
    refreshTokenExpiresAt: null,
    providerId: null,
    unlockedUntil: NOW + 60_000,
    ...overrides,
  };
}

describe('peekAccounts', () => {
  it('finds nothing on a new device, and leaves no database behind', async () => {
    const factory = new IDBFactory();
    expect(await peekAccounts(NOW, factory)).toEqual({ current: null, known: [] });
    expect(await factory.databases()).toEqual([]);
    // Dexie can still create it afterwards.
    const db = new AccountsDatabase({ indexedDB: factory });
    await db.accounts.put(account());
    expect(await db.accounts.count()).toBe(1);
    db.close();
  });

  it('returns the active account while it is unlocked, and everyone known', async () => {
    const factory = new IDBFactory();
    const db = new AccountsDatabase({ indexedDB: factory });
    const robin = account();
    const sam = account({ username: 'sam.testcase', displayName: 'Sam Testcase' });
    await db.accounts.bulkPut([robin, sam]);
    await db.setActive(robin.userId);
    db.close();

    const peek = await peekAccounts(NOW, factory);
    expect(peek.current?.userId).toBe(robin.userId);
    expect(peek.known.map((k) => k.username).sort()).toEqual(['robin.testcase', 'sam.testcase']);

    // After the unlock runs out the app asks for the password again; the people stay known.
    const later = await peekAccounts(NOW + 120_000, factory);
    expect(later.current).toBeNull();
    expect(later.known).toHaveLength(2);
  });
});
