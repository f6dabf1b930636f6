// The device's accounts database (Dexie), opened once and only when needed: the first screen
// reads it through accounts-peek.ts without loading Dexie.
import { AccountsDatabase } from '../db/accounts';

let accounts: AccountsDatabase | null = null;

export function accountsDatabase(): AccountsDatabase {
  accounts ??= new AccountsDatabase();
  return accounts;
}
