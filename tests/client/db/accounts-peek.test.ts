// The first screen's look at the accounts, without Dexie: it agrees with the Dexie database,
// never creates one on a new device, and on a device marked as shared lists nobody.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AccountsDatabase, type AccountRow } from '../../../src/db';
import { peekAccounts } from '../../../src/db/accounts-peek';
import { DEFAULT_LOCK_POLICY } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';

function account(overrides: Partial<AccountRow> = {}): AccountRow {
  return {
    userId: newId(),
    username: 'robin.testcase',
    displayName: 'Robin Testcase',
    role: 'case_manager',
    providers: [],
    refreshTokenSealed: null,
    refreshTokenExpiresAt: null,
    sealing: null,
    policy: DEFAULT_LOCK_POLICY,
    providerId: null,
    lastServerContactAt: 0,
    failedUnlocks: 0,
    unlockBlockedUntil: 0,
    ...overrides,
  };
}

describe('peekAccounts', () => {
  it('finds nothing on a new device, and leaves no database behind', async () => {
    const factory = new IDBFactory();
    expect(await peekAccounts(factory)).toEqual({ known: [], shared: false });
    expect(await factory.databases()).toEqual([]);
    // Dexie can still create it afterwards.
    const db = new AccountsDatabase({ indexedDB: factory });
    await db.accounts.put(account());
    expect(await db.accounts.count()).toBe(1);
    db.close();
  });

  it('lists everyone known, unless the device is marked as shared', async () => {
    const factory = new IDBFactory();
    const db = new AccountsDatabase({ indexedDB: factory });
    const robin = account();
    const sam = account({ username: 'sam.testcase', displayName: 'Sam Testcase' });
    await db.accounts.bulkPut([robin, sam]);
    await db.setActive(robin.userId);
    db.close();

    const peek = await peekAccounts(factory);
    expect(peek.known.map((k) => k.username).sort()).toEqual(['robin.testcase', 'sam.testcase']);
    expect(peek.shared).toBe(false);

    const again = new AccountsDatabase({ indexedDB: factory });
    await again.setShared(true);
    again.close();
    expect(await peekAccounts(factory)).toEqual({ known: [], shared: true });
  });
});
