// The StorageTx methods as Kysely queries: one code path for SQLite and PostgreSQL. `db` is either
// a transaction (storage.transaction) or a connection-per-call Kysely (then KyselyStorage wraps
// each call in its own transaction).
//
// Batch methods take many keys or rows at once and split them with chunks() so that a push of
// 500 mutations costs a few statements, not one round trip per row.
import { sql, type Kysely } from 'kysely';
import type { Provider, RecordType } from '../../../src/domain/records';
import { chunks, fromExcluded, lastByKey, toNumber, type DialectSpec } from './batch';
import { rowsByTypeAndIds } from './by-ids';
import { getRecordFields, listScopedFields } from './export-queries';
import {
  auditFromRow,
  auditToRow,
  conflictFromRow,
  conflictToRow,
  heldFromRow,
  heldToRow,
  historyFromRow,
  historyToRow,
  mutationFromRow,
  mutationToRow,
  providerFromRow,
  providerToRow,
  recordFromRow,
  recordToRow,
  refreshTokenFromRow,
  refreshTokenToRow,
  userFromRow,
  userToRow,
  type HistoryWithTime,
} from './rows';
import type { Database } from './schema';
import {
  recordKey,
  type AuditEntry,
  type ChangePage,
  type ConflictCursor,
  type ConflictPage,
  type ConflictRow,
  type ConflictStatus,
  type DeviceRow,
  type ExternalIdRow,
  type HeldMutation,
  type MutationRow,
  type RecordFields,
  type RecordKey,
  type ScopedFieldsPage,
  type RefreshTokenRow,
  type StorageTx,
  type StoredRecord,
  type UserRow,
} from './types';

type ScopeRow = RecordKey & { providerId: string };

/** The advisory lock class (first of two integer keys) of the push locks; see lockKeys. */
const PUSH_LOCK_CLASS = 0x46_4e_50; // "FNP"

/**
 * A LIKE pattern for a name prefix, or null when the prefix holds a LIKE wildcard: stored names
 * are normalised to letters, so such a prefix matches nothing (and must not match everything).
 */
function prefixPattern(prefix: string): string | null {
  return /[%_\\]/.test(prefix) ? null : `${prefix.toLowerCase()}%`;
}

export class KyselyTx implements StorageTx {
  /** lockKeys took the shared push lock in this transaction (PostgreSQL). */
  private holdsSharedPushLock = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly spec: DialectSpec,
  ) {}

  // --- providers, users, memberships -----------------------------------------------------------

  async putProvider(provider: Provider): Promise<void> {
    const row = providerToRow(provider);
    await this.db
      .insertInto('providers')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(row, ['id'])))
      .execute();
  }

  async getProvider(id: string): Promise<Provider | null> {
    const row = await this.db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? providerFromRow(row) : null;
  }

  async listProviders(): Promise<Provider[]> {
    const rows = await this.db
      .selectFrom('providers')
      .selectAll()
      .orderBy('name')
      .orderBy('id')
      .execute();
    return rows.map(providerFromRow);
  }

  async putUser(user: UserRow): Promise<void> {
    const row = userToRow(user);
    await this.db
      .insertInto('users')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(row, ['id'])))
      .execute();
  }

  async getUserById(id: string): Promise<UserRow | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async getUserByUsername(username: string): Promise<UserRow | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? userFromRow(row) : null;
  }

  async listUsers(): Promise<UserRow[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(userFromRow);
  }

  async addMembership(userId: string, providerId: string): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ user_id: userId, provider_id: providerId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async removeMembership(userId: string, providerId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('user_id', '=', userId)
      .where('provider_id', '=', providerId)
      .execute();
  }

  async listMemberships(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('provider_id')
      .where('user_id', '=', userId)
      .orderBy('provider_id')
      .execute();
    return rows.map((r) => r.provider_id);
  }

  async listProviderMembers(providerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .where('provider_id', '=', providerId)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }

  async listProviderUsers(providerId: string): Promise<UserRow[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .selectAll('u')
      .where('m.provider_id', '=', providerId)
      .orderBy('u.id')
      .execute();
    return rows.map(userFromRow);
  }

  // --- refresh tokens --------------------------------------------------------------------------

  async putRefreshToken(token: RefreshTokenRow): Promise<void> {
    const row = refreshTokenToRow(token);
    await this.db
      .insertInto('refresh_tokens')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(row, ['id'])))
      .execute();
  }

  async getRefreshTokenByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? refreshTokenFromRow(row) : null;
  }

  /** Keeps the first revocation time when revoked twice. */
  async revokeRefreshToken(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async revokeUserRefreshTokens(userId: string, at: string): Promise<void> {
    await this.db
      .updateTable('refresh_tokens')
      .set({ revoked_at: at })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  // --- locks -----------------------------------------------------------------------------------

  /**
   * PostgreSQL: transaction-scoped advisory locks. Every locker first takes one shared lock (the
   * two-integer key space, which never meets the one-integer keys below), so a push too large to
   * lock key by key takes that one exclusively and waits out everyone else. The keys are hashed to
   * 64 bits (a collision only makes two pushes wait for each other) and locked in sorted order in
   * one statement, so two lockers of overlapping sets cannot deadlock on them; one that locks
   * more keys later (push.ts's second hop) can, and PostgreSQL's deadlock detector then aborts one
   * transaction, which storage.transaction({ retries }) runs again.
   * SQLite: a transaction already holds the database's write lock (BEGIN IMMEDIATE).
   */
  async lockKeys(keys: string[], options: { exclusive?: boolean } = {}): Promise<void> {
    if (this.spec.kind !== 'postgres') return;
    if (options.exclusive) {
      await sql`select pg_advisory_xact_lock(${PUSH_LOCK_CLASS}, 0)`.execute(this.db);
      return;
    }
    // Once per transaction (a KyselyTx serves one), and before any key.
    if (!this.holdsSharedPushLock) {
      await sql`select pg_advisory_xact_lock_shared(${PUSH_LOCK_CLASS}, 0)`.execute(this.db);
      this.holdsSharedPushLock = true;
    }
    const unique = [...new Set(keys)];
    if (unique.length === 0) return;
    await sql`
      select pg_advisory_xact_lock(h) from (
        select distinct hashtextextended(k, 0) as h from unnest(${unique}::text[]) as k
        order by h
      ) as hashed`.execute(this.db);
  }

  // --- mutations, devices, held mutations ------------------------------------------------------

  async getMutations(mutationIds: string[]): Promise<Map<string, MutationRow>> {
    const out = new Map<string, MutationRow>();
    for (const ids of chunks([...new Set(mutationIds)], 1, this.spec)) {
      const rows = await this.db
        .selectFrom('mutations')
        .selectAll()
        .where('mutation_id', 'in', ids)
        .execute();
      for (const r of rows) out.set(r.mutation_id, mutationFromRow(r));
    }
    return out;
  }

  /**
   * Plain inserts: the primary key on mutation_id makes a second copy of a mutation impossible
   * (M7). A held mutation is stored here only once it is applied, so nothing is ever replaced.
   */
  async putMutations(rows: MutationRow[]): Promise<void> {
    for (const batch of chunks(rows.map(mutationToRow), 10, this.spec)) {
      await this.db.insertInto('mutations').values(batch).execute();
    }
  }

  async getDevices(deviceIds: string[]): Promise<Map<string, DeviceRow>> {
    const out = new Map<string, DeviceRow>();
    for (const ids of chunks([...new Set(deviceIds)], 1, this.spec)) {
      const rows = await this.db
        .selectFrom('devices')
        .selectAll()
        .where('device_id', 'in', ids)
        .execute();
      for (const r of rows) {
        out.set(r.device_id, {
          deviceId: r.device_id,
          nextSeq: toNumber(r.next_seq),
          userId: r.user_id,
        });
      }
    }
    return out;
  }

  /** The owner, once set, is kept: only the next sequence number changes. */
  async setDeviceNextSeq(deviceId: string, nextSeq: number, userId: string): Promise<void> {
    await this.db
      .insertInto('devices')
      .values({ device_id: deviceId, next_seq: nextSeq, user_id: userId })
      .onConflict((oc) =>
        oc.column('device_id').doUpdateSet({
          next_seq: sql`excluded.next_seq`,
          user_id: sql`coalesce(devices.user_id, excluded.user_id)`,
        }),
      )
      .execute();
  }

  async getHeld(deviceId: string): Promise<HeldMutation[]> {
    const rows = await this.db
      .selectFrom('held_mutations')
      .selectAll()
      .where('device_id', '=', deviceId)
      .orderBy('seq')
      .execute();
    return rows.map(heldFromRow);
  }

  async putHeld(rows: HeldMutation[]): Promise<void> {
    const all = lastByKey(rows, (r) => `${r.deviceId}:${r.seq}`).map(heldToRow);
    for (const batch of chunks(all, 7, this.spec)) {
      await this.db
        .insertInto('held_mutations')
        .values(batch)
        .onConflict((oc) =>
          oc
            .columns(['device_id', 'seq'])
            .doUpdateSet(fromExcluded(batch[0]!, ['device_id', 'seq'])),
        )
        .execute();
    }
  }

  async deleteHeld(deviceId: string, seqs: number[]): Promise<void> {
    for (const batch of chunks([...new Set(seqs)], 1, this.spec)) {
      await this.db
        .deleteFrom('held_mutations')
        .where('device_id', '=', deviceId)
        .where('seq', 'in', batch)
        .execute();
    }
  }

  // --- records and scope -----------------------------------------------------------------------

  async getRecords(keys: RecordKey[]): Promise<Map<string, StoredRecord>> {
    const out = new Map<string, StoredRecord>();
    for (const [type, batch] of this.idsByType(keys)) {
      const rows = await rowsByTypeAndIds(this.db, this.spec, 'records', type, batch);
      for (const r of rows) out.set(recordKey(r.type, r.id), recordFromRow(r));
    }
    return out;
  }

  /**
   * Keys as (type, ids) batches, looked up by primary key (by-ids.ts), where a row-value IN list
   * of (type, id) pairs plans slowly in PostgreSQL.
   */
  private idsByType(keys: RecordKey[]): [string, string[]][] {
    const byType = new Map<string, Set<string>>();
    for (const k of keys) {
      const ids = byType.get(k.type) ?? new Set<string>();
      ids.add(k.id);
      byType.set(k.type, ids);
    }
    return [...byType].flatMap(([type, ids]) =>
      chunks([...ids], 1, this.spec).map((batch): [string, string[]] => [type, batch]),
    );
  }

  // The counter row is locked by this UPDATE until the caller's transaction ends (PostgreSQL row
  // lock; SQLite's single writer), so the next reservation waits for this one to commit: change
  // order equals commit order, and a pull past N can never later find a change below N.
  async reserveChangeSeqs(count: number): Promise<number> {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`Cannot reserve ${count} change numbers`);
    const row = await this.db
      .updateTable('counters')
      .set({ value: sql<number>`value + ${count}` })
      .where('name', '=', 'change_seq')
      .returning('value')
      .executeTakeFirstOrThrow();
    return toNumber(row.value) - count + 1;
  }

  /**
   * Upserts the records, then copies their change numbers to their scope rows (pullChanges reads
   * them there), in the same transaction: a pull sees both or neither.
   */
  async putRecords(records: StoredRecord[]): Promise<void> {
    const unique = lastByKey(records, (r) => recordKey(r.state.type, r.state.id));
    const all = unique.map(recordToRow);
    for (const batch of chunks(all, 16, this.spec)) {
      await this.db
        .insertInto('records')
        .values(batch)
        .onConflict((oc) =>
          oc.columns(['type', 'id']).doUpdateSet(fromExcluded(batch[0]!, ['type', 'id'])),
        )
        .execute();
    }
    await this.copyChangeSeqsToScopes(unique.map((r) => r.state));
  }

  /**
   * A new scope row takes the record's current change number (0 while the record does not exist;
   * putRecords sets it when it does). Callers that want the provider's devices to pull a record
   * entering its scope re-put the record with a new change number (push.ts ensureScope).
   */
  async addScopes(rows: ScopeRow[]): Promise<ScopeRow[]> {
    const all = lastByKey(rows, (r) => `${recordKey(r.type, r.id)}:${r.providerId}`);
    const added: ScopeRow[] = [];
    for (const batch of chunks(all, 3, this.spec)) {
      // INSERT ... SELECT from a VALUES list joined to records: the change number comes with the
      // insert (an UPDATE afterwards would write every new scope row twice). VALUES columns are
      // column1..3 in both databases; `where true` keeps SQLite from reading ON CONFLICT as the
      // join's ON.
      const values = sql.join(batch.map((r) => sql`(${r.type}, ${r.id}, ${r.providerId})`));
      const inserted = await sql<{ type: string; id: string; provider_id: string }>`
        insert into record_scopes (type, id, provider_id, change_seq)
        select v.column1, v.column2, v.column3, coalesce(r.change_seq, 0)
        from (values ${values}) as v
        left join records r on r.type = v.column1 and r.id = v.column2
        where true
        on conflict do nothing
        returning type, id, provider_id`.execute(this.db);
      const isNew = new Set(
        inserted.rows.map((r) => `${recordKey(r.type, r.id)}:${r.provider_id}`),
      );
      // Reported in the caller's order, whatever order RETURNING used.
      for (const r of batch)
        if (isNew.has(`${recordKey(r.type, r.id)}:${r.providerId}`)) added.push(r);
    }
    return added;
  }

  /** Sets the scope rows of these records to the records' change numbers (see pullChanges). */
  private async copyChangeSeqsToScopes(keys: RecordKey[]): Promise<void> {
    for (const [type, ids] of this.idsByType(keys)) {
      await this.db
        .updateTable('record_scopes')
        .set({
          change_seq: sql<number>`coalesce((select r.change_seq from records r
            where r.type = record_scopes.type and r.id = record_scopes.id), 0)`,
        })
        .where('type', '=', type)
        .where('id', 'in', ids)
        .execute();
    }
  }

  async getScopes(keys: RecordKey[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const [type, batch] of this.idsByType(keys)) {
      const rows = await rowsByTypeAndIds(this.db, this.spec, 'record_scopes', type, batch);
      rows.sort((a, b) =>
        a.provider_id < b.provider_id ? -1 : a.provider_id > b.provider_id ? 1 : 0,
      );
      for (const r of rows) {
        const key = recordKey(r.type, r.id);
        const list = out.get(key) ?? [];
        list.push(r.provider_id);
        out.set(key, list);
      }
    }
    return out;
  }

  async findClients(query: { nameDobKeys: string[]; ssns: string[] }): Promise<StoredRecord[]> {
    const found = new Map<string, StoredRecord>();
    const lookups: ['name_dob_key' | 'ssn_key', string[]][] = [
      ['name_dob_key', [...new Set(query.nameDobKeys)]],
      ['ssn_key', [...new Set(query.ssns)]],
    ];
    for (const [column, values] of lookups) {
      for (const batch of chunks(values, 1, this.spec)) {
        // `is not null` is the partial index's condition (migration 003), stated so that using
        // the index never depends on the planner proving it from the IN list.
        const rows = await this.db
          .selectFrom('records')
          .selectAll()
          .where(column, 'is not', null)
          .where(column, 'in', batch)
          .execute();
        for (const r of rows) found.set(r.id, recordFromRow(r));
      }
    }
    return [...found.values()].sort((a, b) => (a.state.id < b.state.id ? -1 : 1));
  }

  /** AND of the criteria given; names match as prefixes. No criteria: no results. */
  async searchClients(query: {
    firstName?: string;
    lastName?: string;
    dob?: string;
    ssnLast4?: string;
    limit: number;
  }): Promise<StoredRecord[]> {
    const { firstName, lastName, dob, ssnLast4 } = query;
    if (!firstName && !lastName && !dob && !ssnLast4) return [];
    const first = firstName ? prefixPattern(firstName) : undefined;
    const last = lastName ? prefixPattern(lastName) : undefined;
    if (first === null || last === null) return [];
    // No type filter: only clients have these columns (recordToRow), and without statistics
    // SQLite would prefer the primary key's type prefix to the name indexes. Each criterion comes
    // with `is not null`, the condition of its partial index (migration 003), so that using the
    // index never depends on the planner proving it from the LIKE or = term.
    let q = this.db.selectFrom('records').selectAll();
    if (first) q = q.where('first_name', 'is not', null).where('first_name', 'like', first);
    if (last) q = q.where('last_name', 'is not', null).where('last_name', 'like', last);
    if (dob) q = q.where('dob', 'is not', null).where('dob', '=', dob);
    if (ssnLast4) q = q.where('ssn_last4', 'is not', null).where('ssn_last4', '=', ssnLast4);
    const rows = await q
      .orderBy('last_name')
      .orderBy('first_name')
      .orderBy('id')
      .limit(query.limit)
      .execute();
    return rows.map(recordFromRow);
  }

  /**
   * A range scan of the scope index (provider_id, change_seq, type, id) from the cursor, stopping
   * at the page size, then the records by primary key. record_scopes.change_seq equals the
   * record's (putRecords, addScopes), so this is the scope's records in change order.
   */
  async pullChanges(providerId: string, afterSeq: number, limit: number): Promise<ChangePage> {
    const rows = await this.db
      .selectFrom('record_scopes as s')
      .innerJoin('records as r', (join) =>
        join.onRef('r.type', '=', 's.type').onRef('r.id', '=', 's.id'),
      )
      .selectAll('r')
      .where('s.provider_id', '=', providerId)
      .where('s.change_seq', '>', afterSeq)
      .orderBy('s.change_seq')
      .limit(limit)
      .execute();
    const records = rows.map(recordFromRow);
    return { records, lastSeq: records.at(-1)?.changeSeq ?? afterSeq };
  }

  /**
   * By the partial index on client_id (migration 005), whose condition is stated as in
   * findClients. No type filter: only enrollments have the column (recordToRow), and with one
   * both planners would rather scan the primary key's type prefix, that is every enrollment.
   */
  async listClientEnrollments(clientIds: string[]): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for (const batch of chunks([...new Set(clientIds)], 1, this.spec)) {
      const rows = await this.db
        .selectFrom('records')
        .selectAll()
        .where('client_id', 'is not', null)
        .where('client_id', 'in', batch)
        .execute();
      out.push(...rows.map(recordFromRow));
    }
    return out.sort((a, b) => (a.state.id < b.state.id ? -1 : a.state.id > b.state.id ? 1 : 0));
  }

  /** The enrollments of these households, deleted ones included, by id (partial index, 010). */
  async listHouseholdEnrollments(householdIds: string[]): Promise<StoredRecord[]> {
    const out: StoredRecord[] = [];
    for (const batch of chunks([...new Set(householdIds)], 1, this.spec)) {
      const rows = await this.db
        .selectFrom('records')
        .selectAll()
        .where('household_id', 'is not', null)
        .where('household_id', 'in', batch)
        .execute();
      out.push(...rows.map(recordFromRow));
    }
    return out.sort((a, b) => (a.state.id < b.state.id ? -1 : a.state.id > b.state.id ? 1 : 0));
  }

  /**
   * A page of the records of one type in the scope of any of these providers, each once, by id
   * after `afterId` (keyset paging by the primary key, so an export reads a county's data in
   * bounded pages and a record changed meanwhile is neither missed nor read twice).
   */
  async listScopedRecords(
    providerIds: string[],
    type: RecordType,
    afterId: string | null,
    limit: number,
  ): Promise<StoredRecord[]> {
    if (providerIds.length === 0) return [];
    let query = this.db
      .selectFrom('records as r')
      .selectAll('r')
      .where('r.type', '=', type)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('record_scopes as s')
            .select('s.id')
            .whereRef('s.type', '=', 'r.type')
            .whereRef('s.id', '=', 'r.id')
            .where('s.provider_id', 'in', providerIds),
        ),
      );
    if (afterId !== null) query = query.where('r.id', '>', afterId);
    const rows = await query.orderBy('r.id').limit(limit).execute();
    return rows.map(recordFromRow);
  }

  /** The HMIS export's pages (export-queries.ts). */
  listScopedFields(
    providerIds: string[],
    type: RecordType,
    afterId: string | null,
    limit: number,
  ): Promise<ScopedFieldsPage> {
    return listScopedFields(this.db, this.spec, providerIds, type, afterId, limit);
  }

  getRecordFields(type: RecordType, ids: string[]): Promise<Map<string, RecordFields>> {
    return getRecordFields(this.db, this.spec, type, ids);
  }

  // --- conflicts, history, audit, client links -------------------------------------------------

  /** Upserts by conflict id; the row, providers included, becomes what is given. */
  async putConflicts(rows: ConflictRow[]): Promise<void> {
    const all = lastByKey(rows, (r) => r.conflict.id);
    for (const batch of chunks(all.map(conflictToRow), 10, this.spec)) {
      await this.db
        .insertInto('conflicts')
        .values(batch)
        .onConflict((oc) => oc.column('id').doUpdateSet(fromExcluded(batch[0]!, ['id'])))
        .execute();
    }
    for (const ids of chunks(
      all.map((r) => r.conflict.id),
      1,
      this.spec,
    )) {
      await this.db.deleteFrom('conflict_providers').where('conflict_id', 'in', ids).execute();
    }
    const links = all.flatMap((r) =>
      [...new Set(r.providerIds)].map((p) => ({ conflict_id: r.conflict.id, provider_id: p })),
    );
    for (const batch of chunks(links, 2, this.spec)) {
      await this.db.insertInto('conflict_providers').values(batch).execute();
    }
  }

  async getConflict(id: string): Promise<ConflictRow | null> {
    const row = await this.db
      .selectFrom('conflicts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const providers = await this.conflictProviders([id]);
    return conflictFromRow(row, providers.get(id) ?? []);
  }

  /**
   * Oldest first (a review queue), then by id, a page at a time: keyset paging on (created_at, id)
   * after `after`. One row more than the page is read to know whether another page follows.
   */
  async listConflicts(
    providerId: string,
    status: ConflictStatus,
    limit: number,
    after: ConflictCursor | null = null,
  ): Promise<ConflictPage> {
    let query = this.db
      .selectFrom('conflicts as c')
      .innerJoin('conflict_providers as p', 'p.conflict_id', 'c.id')
      .selectAll('c')
      .where('p.provider_id', '=', providerId)
      .where('c.status', '=', status);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('c.created_at', '>', after.createdAt),
          eb.and([eb('c.created_at', '=', after.createdAt), eb('c.id', '>', after.id)]),
        ]),
      );
    }
    const rows = await query
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const providers = await this.conflictProviders(page.map((r) => r.id));
    return {
      conflicts: page.map((r) => conflictFromRow(r, providers.get(r.id) ?? [])),
      nextCursor: rows.length > limit && last ? { createdAt: last.created_at, id: last.id } : null,
    };
  }

  private async conflictProviders(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    for (const batch of chunks(ids, 1, this.spec)) {
      const rows = await this.db
        .selectFrom('conflict_providers')
        .selectAll()
        .where('conflict_id', 'in', batch)
        .orderBy('provider_id')
        .execute();
      for (const r of rows) {
        const list = out.get(r.conflict_id) ?? [];
        list.push(r.provider_id);
        out.set(r.conflict_id, list);
      }
    }
    return out;
  }

  async putHistory(entries: HistoryWithTime[]): Promise<void> {
    for (const batch of chunks(entries.map(historyToRow), 6, this.spec)) {
      await this.db.insertInto('history').values(batch).execute();
    }
  }

  /**
   * Not (yet) part of StorageTx: a record's history in the order it was written. The contract
   * suite reads putHistory back through it.
   */
  async listHistory(recordType: string, recordId: string): Promise<HistoryWithTime[]> {
    const rows = await this.db
      .selectFrom('history')
      .selectAll()
      .where('record_type', '=', recordType)
      .where('record_id', '=', recordId)
      .orderBy('id')
      .execute();
    return rows.map(historyFromRow);
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    for (const batch of chunks(entries.map(auditToRow), 7, this.spec)) {
      await this.db.insertInto('audit_log').values(batch).execute();
    }
  }

  /** Newest first. */
  async listAudit(filter: {
    recordId?: string;
    userId?: string;
    providerId?: string;
    limit: number;
  }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.recordId !== undefined) q = q.where('record_id', '=', filter.recordId);
    if (filter.userId !== undefined) q = q.where('user_id', '=', filter.userId);
    if (filter.providerId !== undefined) q = q.where('provider_id', '=', filter.providerId);
    const rows = await q.orderBy('id', 'desc').limit(filter.limit).execute();
    return rows.map(auditFromRow);
  }

  /** Links are symmetric: the pair is stored once, smaller id first. */
  async linkClients(a: string, b: string, linkedBy: string, at: string): Promise<void> {
    if (a === b) return;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    await this.db
      .insertInto('client_links')
      .values({ a: lo, b: hi, linked_by: linkedBy, at })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async listClientLinks(clientId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('client_links')
      .select('b as other')
      .where('a', '=', clientId)
      .union(this.db.selectFrom('client_links').select('a as other').where('b', '=', clientId))
      .execute();
    return rows.map((r) => r.other).sort();
  }

  async putExternalIds(rows: ExternalIdRow[]): Promise<void> {
    const values = rows.map((r) => ({
      source_key: r.sourceKey,
      hmis_file: r.hmisFile,
      hmis_id: r.hmisId,
      record_type: r.recordType,
      record_id: r.recordId,
      imported_at: r.importedAt,
    }));
    for (const batch of chunks(values, 6, this.spec)) {
      await this.db
        .insertInto('hmis_external_ids')
        .values(batch)
        .onConflict((oc) => oc.columns(['source_key', 'hmis_file', 'hmis_id']).doNothing())
        .execute();
    }
  }

  async getExternalIds(
    sourceKey: string,
    hmisFile: string,
    hmisIds: string[],
  ): Promise<ExternalIdRow[]> {
    const out: ExternalIdRow[] = [];
    for (const ids of chunks([...new Set(hmisIds)], 1, this.spec)) {
      const rows = await this.db
        .selectFrom('hmis_external_ids')
        .selectAll()
        .where('source_key', '=', sourceKey)
        .where('hmis_file', '=', hmisFile)
        .where('hmis_id', 'in', ids)
        .execute();
      for (const r of rows) {
        out.push({
          sourceKey: r.source_key,
          hmisFile: r.hmis_file,
          hmisId: r.hmis_id,
          recordType: r.record_type as RecordType,
          recordId: r.record_id,
          importedAt: r.imported_at,
        });
      }
    }
    return out.sort((a, b) => a.hmisId.localeCompare(b.hmisId));
  }
}
