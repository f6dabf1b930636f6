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
import type { Provider, RecordType } from '../../../src/domain/records';
import type { DialectSpec } from './batch';
import { KyselyDeviceTx } from './device-queries';
import { createMigrator } from './migrations';
import type { HistoryWithTime } from './rows';
import type { Database } from './schema';
import type {
  AuditEntry,
  ChangePage,
  ConflictCursor,
  ConflictPage,
  ConflictRow,
  ConflictStatus,
  AccessState,
  DeviceRow,
  DeviceTx,
  ExternalIdRow,
  HeldMutation,
  MutationRow,
  RecordFields,
  RecordKey,
  ScopedFieldsPage,
  RefreshTokenRow,
  ServerKeyRow,
  SessionTokenRow,
  Storage,
  StorageKind,
  StorageTx,
  StoredRecord,
  UserDeviceRow,
  UserRow,
} from './types';

export interface KyselyStorageOptions {
  db: Kysely<Database>;
  spec: DialectSpec;
  /** Runs before migrations (PostgreSQL: creates the schema). */
  prepare?: (db: Kysely<Database>) => Promise<void>;
  /** The schema that holds Kysely's migration tables (PostgreSQL); undefined for SQLite. */
  migrationSchema: (db: Kysely<Database>) => Promise<string | undefined>;
  /**
   * Whether an error aborted a transaction only because of a concurrent one, so that running it
   * again can succeed (PostgreSQL: deadlock, serialization failure, unique key inserted at the
   * same moment). SQLite transactions never meet each other (one writer at a time).
   */
  isTransient?: (error: unknown) => boolean;
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

  async transaction<T>(
    fn: (tx: StorageTx & DeviceTx) => Promise<T>,
    options: { retries?: number } = {},
  ): Promise<T> {
    this.assertNotInTransaction();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const marker = { active: true };
          try {
            return await this.inTransaction.run(marker, () =>
              fn(new KyselyDeviceTx(trx, this.spec)),
            );
          } finally {
            marker.active = false;
          }
        });
      } catch (error) {
        const retry = attempt < (options.retries ?? 0) && this.options.isTransient?.(error);
        if (!retry) throw error;
      }
    }
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
  private async run<T>(fn: (tx: KyselyDeviceTx) => Promise<T>): Promise<T> {
    this.assertNotInTransaction();
    return this.db.transaction().execute((trx) => fn(new KyselyDeviceTx(trx, this.spec)));
  }

  /**
   * Reads: straight on the pool, each statement its own implicit transaction (a transaction would
   * add two round trips and, at READ COMMITTED, no consistency across statements).
   */
  private async read<T>(fn: (tx: KyselyDeviceTx) => Promise<T>): Promise<T> {
    this.assertNotInTransaction();
    return fn(new KyselyDeviceTx(this.db, this.spec));
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

  // DeviceTx (device-queries.ts)
  registerUserDevice(input: Parameters<DeviceTx['registerUserDevice']>[0]): Promise<UserDeviceRow> {
    return this.run((tx) => tx.registerUserDevice(input));
  }
  getUserDevice(userId: string, deviceId: string): Promise<UserDeviceRow | null> {
    return this.read((tx) => tx.getUserDevice(userId, deviceId));
  }
  listUserDevices(userId?: string): Promise<UserDeviceRow[]> {
    return this.read((tx) => tx.listUserDevices(userId));
  }
  revokeUserDevices(
    userId: string,
    deviceId: string | null,
    at: string,
    reason: string,
  ): Promise<UserDeviceRow[]> {
    return this.run((tx) => tx.revokeUserDevices(userId, deviceId, at, reason));
  }
  touchUserDevice(userId: string, deviceId: string, at: string): Promise<void> {
    return this.run((tx) => tx.touchUserDevice(userId, deviceId, at));
  }
  markWipeSent(userId: string, deviceId: string, at: string): Promise<void> {
    return this.run((tx) => tx.markWipeSent(userId, deviceId, at));
  }
  getAccessState(
    userId: string,
    deviceId: string | null,
    familyId: string | null = null,
  ): Promise<AccessState | null> {
    return this.read((tx) => tx.getAccessState(userId, deviceId, familyId));
  }
  putSessionToken(token: SessionTokenRow): Promise<void> {
    return this.run((tx) => tx.putSessionToken(token));
  }
  getSessionTokenByHash(tokenHash: string): Promise<SessionTokenRow | null> {
    return this.read((tx) => tx.getSessionTokenByHash(tokenHash));
  }
  rotateRefreshToken(id: string, successorId: string, at: string): Promise<boolean> {
    return this.run((tx) => tx.rotateRefreshToken(id, successorId, at));
  }
  revokeTokenFamily(familyId: string, at: string): Promise<boolean> {
    return this.run((tx) => tx.revokeTokenFamily(familyId, at));
  }
  revokeDeviceRefreshTokens(userId: string, installationId: string, at: string): Promise<void> {
    return this.run((tx) => tx.revokeDeviceRefreshTokens(userId, installationId, at));
  }
  getServerKey(): Promise<ServerKeyRow | null> {
    return this.read((tx) => tx.getServerKey());
  }
  insertServerKey(key: ServerKeyRow): Promise<void> {
    return this.run((tx) => tx.insertServerKey(key));
  }
  getMutations(mutationIds: string[]): Promise<Map<string, MutationRow>> {
    return this.read((tx) => tx.getMutations(mutationIds));
  }
  putMutations(rows: MutationRow[]): Promise<void> {
    return this.run((tx) => tx.putMutations(rows));
  }
  lockKeys(keys: string[], options?: { exclusive?: boolean }): Promise<void> {
    // Outside a transaction a transaction-scoped lock would end with its own statement.
    return this.run((tx) => tx.lockKeys(keys, options));
  }
  getDevices(deviceIds: string[]): Promise<Map<string, DeviceRow>> {
    return this.read((tx) => tx.getDevices(deviceIds));
  }
  setDeviceNextSeq(deviceId: string, nextSeq: number, userId: string): Promise<void> {
    return this.run((tx) => tx.setDeviceNextSeq(deviceId, nextSeq, userId));
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
  listHouseholdEnrollments(householdIds: string[]): Promise<StoredRecord[]> {
    return this.read((tx) => tx.listHouseholdEnrollments(householdIds));
  }
  listScopedRecords(
    providerIds: string[],
    type: RecordType,
    afterId: string | null,
    limit: number,
  ): Promise<StoredRecord[]> {
    return this.read((tx) => tx.listScopedRecords(providerIds, type, afterId, limit));
  }
  listScopedFields(
    providerIds: string[],
    type: RecordType,
    afterId: string | null,
    limit: number,
  ): Promise<ScopedFieldsPage> {
    return this.read((tx) => tx.listScopedFields(providerIds, type, afterId, limit));
  }
  getRecordFields(type: RecordType, ids: string[]): Promise<Map<string, RecordFields>> {
    return this.read((tx) => tx.getRecordFields(type, ids));
  }
  putConflicts(rows: ConflictRow[]): Promise<void> {
    return this.run((tx) => tx.putConflicts(rows));
  }
  getConflict(id: string): Promise<ConflictRow | null> {
    return this.read((tx) => tx.getConflict(id));
  }
  listConflicts(
    providerId: string,
    status: ConflictStatus,
    limit: number,
    after: ConflictCursor | null = null,
  ): Promise<ConflictPage> {
    return this.read((tx) => tx.listConflicts(providerId, status, limit, after));
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
  putExternalIds(rows: ExternalIdRow[]): Promise<void> {
    return this.run((tx) => tx.putExternalIds(rows));
  }
  getExternalIds(sourceKey: string, hmisFile: string, hmisIds: string[]): Promise<ExternalIdRow[]> {
    return this.read((tx) => tx.getExternalIds(sourceKey, hmisFile, hmisIds));
  }
}
