// The Storage both adapters share: transactions, migrations, readiness and close, plus the
// StorageTx methods called on the Storage itself: writes each in a transaction of their own (so a
// chunked write such as putRecords is all or nothing even outside storage.transaction()), reads
// straight on the connection.
//
// Inside storage.transaction(fn), fn must use the tx it is given. Calling the Storage itself there
// would deadlock on SQLite (one connection, held by the transaction) and silently run outside the
// transaction on PostgreSQL, so it throws instead.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type { Provider } from '../../../src/domain/records';
import type { DialectSpec } from './batch';
import { createMigrator } from './migrations';
import { KyselyTx } from './queries';
import type { HistoryWithTime } from './rows';
import type { Database } from './schema';
import type {
  AuditEntry,
  ChangePage,
  ConflictRow,
  ConflictStatus,
  HeldMutation,
  MutationRow,
  RecordKey,
  RefreshTokenRow,
  Storage,
  StorageKind,
  StorageTx,
  StoredRecord,
  UserRow,
} from './types';

export interface KyselyStorageOptions {
  db: Kysely<Database>;
  spec: DialectSpec;
  /** Runs before migrations (PostgreSQL: creates the schema). */
  prepare?: (db: Kysely<Database>) => Promise<void>;
  /** The schema that holds Kysely's migration tables (PostgreSQL); undefined for SQLite. */
  migrationSchema: (db: Kysely<Database>) => Promise<string | undefined>;
}

type ScopeRow = RecordKey & { providerId: string };

export class KyselyStorage implements Storage {
  readonly kind: StorageKind;
  private readonly db: Kysely<Database>;
  private readonly spec: DialectSpec;
  private readonly inTransaction = new AsyncLocalStorage<{ active: boolean }>();
  private migrated = false;
  private closed: Promise<void> | null = null;

  constructor(private readonly options: KyselyStorageOptions) {
    this.db = options.db;
    this.spec = options.spec;
    this.kind = options.spec.kind;
  }

  async migrate(): Promise<void> {
    await this.options.prepare?.(this.db);
    const { error } = await (await this.migrator()).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    this.migrated = true;
  }

  async isReady(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      if (this.migrated) return true;
      const all = await (await this.migrator()).getMigrations();
      this.migrated = all.every((m) => m.executedAt !== undefined);
      return this.migrated;
    } catch {
      return false;
    }
  }

  async transaction<T>(fn: (tx: StorageTx) => Promise<T>): Promise<T> {
    this.assertNotInTransaction();
    return this.db.transaction().execute(async (trx) => {
      const marker = { active: true };
      try {
        return await this.inTransaction.run(marker, () => fn(new KyselyTx(trx, this.spec)));
      } finally {
        marker.active = false;
      }
    });
  }

  close(): Promise<void> {
    this.closed ??= this.db.destroy();
    return this.closed;
  }

  /** Test and maintenance access to the query code; see KyselyTx.listHistory. */
  listHistory(recordType: string, recordId: string): Promise<HistoryWithTime[]> {
    return this.read((tx) => tx.listHistory(recordType, recordId));
  }

  private async migrator() {
    const schema = await this.options.migrationSchema(this.db);
    return createMigrator(this.db as unknown as Kysely<unknown>, this.kind, schema);
  }

  private assertNotInTransaction(): void {
    if (this.inTransaction.getStore()?.active) {
      throw new Error(
        'A Storage method was called inside storage.transaction(); use the tx given to the callback.',
      );
    }
  }

  /** Writes: in a transaction of their own, so a chunked write is all or nothing. */
  private async run<T>(fn: (tx: KyselyTx) => Promise<T>): Promise<T> {
    this.assertNotInTransaction();
    return this.db.transaction().execute((trx) => fn(new KyselyTx(trx, this.spec)));
  }

  /**
   * Reads: straight on the pool, each statement its own implicit transaction (a transaction would
   * add two round trips and, at READ COMMITTED, no consistency across statements).
   */
  private async read<T>(fn: (tx: KyselyTx) => Promise<T>): Promise<T> {
    this.assertNotInTransaction();
    return fn(new KyselyTx(this.db, this.spec));
  }

  // --- StorageTx, outside storage.transaction() ---------------------------------------------

  putProvider(provider: Provider): Promise<void> {
    return this.run((tx) => tx.putProvider(provider));
  }
  getProvider(id: string): Promise<Provider | null> {
    return this.read((tx) => tx.getProvider(id));
  }
  listProviders(): Promise<Provider[]> {
    return this.read((tx) => tx.listProviders());
  }
  putUser(user: UserRow): Promise<void> {
    return this.run((tx) => tx.putUser(user));
  }
  getUserById(id: string): Promise<UserRow | null> {
    return this.read((tx) => tx.getUserById(id));
  }
  getUserByUsername(username: string): Promise<UserRow | null> {
    return this.read((tx) => tx.getUserByUsername(username));
  }
  listUsers(): Promise<UserRow[]> {
    return this.read((tx) => tx.listUsers());
  }
  addMembership(userId: string, providerId: string): Promise<void> {
    return this.run((tx) => tx.addMembership(userId, providerId));
  }
  removeMembership(userId: string, providerId: string): Promise<void> {
    return this.run((tx) => tx.removeMembership(userId, providerId));
  }
  listMemberships(userId: string): Promise<string[]> {
    return this.read((tx) => tx.listMemberships(userId));
  }
  listProviderMembers(providerId: string): Promise<string[]> {
    return this.read((tx) => tx.listProviderMembers(providerId));
  }
  listProviderUsers(providerId: string): Promise<UserRow[]> {
    return this.read((tx) => tx.listProviderUsers(providerId));
  }
  putRefreshToken(token: RefreshTokenRow): Promise<void> {
    return this.run((tx) => tx.putRefreshToken(token));
  }
  getRefreshTokenByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    return this.read((tx) => tx.getRefreshTokenByHash(tokenHash));
  }
  revokeRefreshToken(id: string, at: string): Promise<void> {
    return this.run((tx) => tx.revokeRefreshToken(id, at));
  }
  revokeUserRefreshTokens(userId: string, at: string): Promise<void> {
    return this.run((tx) => tx.revokeUserRefreshTokens(userId, at));
  }
  getMutations(mutationIds: string[]): Promise<Map<string, MutationRow>> {
    return this.read((tx) => tx.getMutations(mutationIds));
  }
  putMutations(rows: MutationRow[]): Promise<void> {
    return this.run((tx) => tx.putMutations(rows));
  }
  getDeviceNextSeqs(deviceIds: string[]): Promise<Map<string, number>> {
    return this.read((tx) => tx.getDeviceNextSeqs(deviceIds));
  }
  setDeviceNextSeq(deviceId: string, nextSeq: number): Promise<void> {
    return this.run((tx) => tx.setDeviceNextSeq(deviceId, nextSeq));
  }
  getHeld(deviceId: string): Promise<HeldMutation[]> {
    return this.read((tx) => tx.getHeld(deviceId));
  }
  putHeld(rows: HeldMutation[]): Promise<void> {
    return this.run((tx) => tx.putHeld(rows));
  }
  deleteHeld(deviceId: string, seqs: number[]): Promise<void> {
    return this.run((tx) => tx.deleteHeld(deviceId, seqs));
  }
  getRecords(keys: RecordKey[]): Promise<Map<string, StoredRecord>> {
    return this.read((tx) => tx.getRecords(keys));
  }
  reserveChangeSeqs(count: number): Promise<number> {
    return this.run((tx) => tx.reserveChangeSeqs(count));
  }
  putRecords(records: StoredRecord[]): Promise<void> {
    return this.run((tx) => tx.putRecords(records));
  }
  addScopes(rows: ScopeRow[]): Promise<ScopeRow[]> {
    return this.run((tx) => tx.addScopes(rows));
  }
  getScopes(keys: RecordKey[]): Promise<Map<string, string[]>> {
    return this.read((tx) => tx.getScopes(keys));
  }
  findClients(query: { nameDobKeys: string[]; ssns: string[] }): Promise<StoredRecord[]> {
    return this.read((tx) => tx.findClients(query));
  }
  searchClients(query: Parameters<StorageTx['searchClients']>[0]): Promise<StoredRecord[]> {
    return this.read((tx) => tx.searchClients(query));
  }
  pullChanges(providerId: string, afterSeq: number, limit: number): Promise<ChangePage> {
    return this.read((tx) => tx.pullChanges(providerId, afterSeq, limit));
  }
  listClientEnrollments(clientIds: string[]): Promise<StoredRecord[]> {
    return this.read((tx) => tx.listClientEnrollments(clientIds));
  }
  putConflicts(rows: ConflictRow[]): Promise<void> {
    return this.run((tx) => tx.putConflicts(rows));
  }
  getConflict(id: string): Promise<ConflictRow | null> {
    return this.read((tx) => tx.getConflict(id));
  }
  listConflicts(providerId: string, status: ConflictStatus, limit: number): Promise<ConflictRow[]> {
    return this.read((tx) => tx.listConflicts(providerId, status, limit));
  }
  putHistory(entries: HistoryWithTime[]): Promise<void> {
    return this.run((tx) => tx.putHistory(entries));
  }
  appendAudit(entries: AuditEntry[]): Promise<void> {
    return this.run((tx) => tx.appendAudit(entries));
  }
  listAudit(filter: { recordId?: string; userId?: string; limit: number }): Promise<AuditEntry[]> {
    return this.read((tx) => tx.listAudit(filter));
  }
  linkClients(a: string, b: string, linkedBy: string, at: string): Promise<void> {
    return this.run((tx) => tx.linkClients(a, b, linkedBy, at));
  }
  listClientLinks(clientId: string): Promise<string[]> {
    return this.read((tx) => tx.listClientLinks(clientId));
  }
}
