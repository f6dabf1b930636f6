// Schema migrations, in code (no migration files to ship), run by Kysely's Migrator. Names are
// versioned (`001_initial`, `002_...`) and run in name order; a migration never changes once
// released. Migrator takes a lock while it runs (PostgreSQL: an advisory lock; SQLite: the
// BEGIN IMMEDIATE write lock, see sqlite.ts), so several instances starting at once are safe:
// one migrates, the others wait and then find nothing pending.
//
// The few dialect differences live here: the auto-increment key, and the collation of the
// name columns (byte order, so `LIKE 'prefix%'` can use their indexes in both databases).
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration, Migrator } from 'kysely';
import { metaFromVersions } from '../../../src/domain/merge';
import { clientKeys } from '../sync/client-keys';
import { recordToRow } from './rows';
import type { Database } from './schema';
import type { StorageKind, StoredRecord } from './types';

type Column = (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;

function initial(kind: StorageKind): Migration {
  const notNull: Column = (col) => col.notNull();
  // SQLite's LIKE is case-insensitive, so its index needs NOCASE; PostgreSQL's needs "C".
  const nameCollation: Column = (col) =>
    col.modifyEnd(kind === 'postgres' ? sql`collate "C"` : sql`collate nocase`);
  const serialKey: ['bigint' | 'integer', Column] =
    kind === 'postgres'
      ? ['bigint', (col) => col.primaryKey().generatedByDefaultAsIdentity()]
      : ['integer', (col) => col.primaryKey()]; // an alias of SQLite's rowid

  return {
    async up(db: Kysely<unknown>) {
      const s = db.schema;
      await s
        .createTable('providers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', notNull)
        .addColumn('organization_name', 'text')
        .addColumn('project_type', 'integer', notNull)
        .addColumn('funders', 'text', notNull)
        .addColumn('coc_code', 'text')
        .addColumn('active', 'integer', notNull)
        .execute();

      await s
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', notNull)
        .addColumn('email', 'text')
        .addColumn('role', 'text', notNull)
        .addColumn('password_hash', 'text', notNull)
        .addColumn('active', 'integer', notNull)
        .addColumn('failed_sign_ins', 'integer', notNull)
        .addColumn('locked_until', 'text')
        .addColumn('created_at', 'text', notNull)
        .addColumn('updated_at', 'text', notNull)
        .execute();

      await s
        .createTable('memberships')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('provider_id', 'text', (c) =>
          c.notNull().references('providers.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'provider_id'])
        .execute();
      await s.createIndex('memberships_provider').on('memberships').column('provider_id').execute();

      await s
        .createTable('refresh_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('device_id', 'text')
        .addColumn('expires_at', 'text', notNull)
        .addColumn('revoked_at', 'text')
        .addColumn('created_at', 'text', notNull)
        .execute();
      await s.createIndex('refresh_tokens_user').on('refresh_tokens').column('user_id').execute();

      await s
        .createTable('records')
        .addColumn('type', 'text', notNull)
        .addColumn('id', 'text', notNull)
        .addColumn('state', 'text', notNull)
        .addColumn('deleted', 'integer', notNull)
        .addColumn('change_seq', 'bigint', notNull)
        .addColumn('name_dob_key', 'text')
        .addColumn('ssn_key', 'text')
        .addColumn('first_name', 'text', nameCollation)
        .addColumn('last_name', 'text', nameCollation)
        .addColumn('dob', 'text')
        .addColumn('ssn_last4', 'text')
        .addPrimaryKeyConstraint('records_pk', ['type', 'id'])
        .execute();
      await s.createIndex('records_change_seq').on('records').column('change_seq').execute();
      await s.createIndex('records_name_dob_key').on('records').column('name_dob_key').execute();
      await s.createIndex('records_ssn_key').on('records').column('ssn_key').execute();
      await s
        .createIndex('records_last_first')
        .on('records')
        .columns(['last_name', 'first_name'])
        .execute();
      await s.createIndex('records_first_name').on('records').column('first_name').execute();
      await s.createIndex('records_dob').on('records').column('dob').execute();
      await s.createIndex('records_ssn_last4').on('records').column('ssn_last4').execute();

      await s
        .createTable('record_scopes')
        .addColumn('type', 'text', notNull)
        .addColumn('id', 'text', notNull)
        .addColumn('provider_id', 'text', notNull)
        .addPrimaryKeyConstraint('record_scopes_pk', ['type', 'id', 'provider_id'])
        .execute();
      await s
        .createIndex('record_scopes_provider')
        .on('record_scopes')
        .column('provider_id')
        .execute();

      await s
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', notNull)
        .execute();
      await sql`insert into counters (name, value) values ('change_seq', 0)`.execute(db);

      await s
        .createTable('mutations')
        .addColumn('mutation_id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', notNull)
        .addColumn('seq', 'bigint', notNull)
        .addColumn('user_id', 'text', notNull)
        .addColumn('provider_id', 'text', notNull)
        .addColumn('mutation', 'text', notNull)
        .addColumn('result', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('device_hlc', 'text', notNull)
        .addColumn('received_at', 'text', notNull)
        .execute();
      await s
        .createIndex('mutations_device_seq')
        .on('mutations')
        .columns(['device_id', 'seq'])
        .execute();

      await s
        .createTable('devices')
        .addColumn('device_id', 'text', (c) => c.primaryKey())
        .addColumn('next_seq', 'bigint', notNull)
        .execute();

      await s
        .createTable('held_mutations')
        .addColumn('device_id', 'text', notNull)
        .addColumn('seq', 'bigint', notNull)
        .addColumn('user_id', 'text', notNull)
        .addColumn('provider_id', 'text', notNull)
        .addColumn('mutation', 'text', notNull)
        .addColumn('received_at', 'text', notNull)
        .addPrimaryKeyConstraint('held_mutations_pk', ['device_id', 'seq'])
        .execute();

      await s
        .createTable('conflicts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('record_type', 'text', notNull)
        .addColumn('record_id', 'text', notNull)
        .addColumn('rule', 'text', notNull)
        .addColumn('payload', 'text', notNull)
        .addColumn('status', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .addColumn('resolved_at', 'text')
        .addColumn('resolved_by', 'text')
        .addColumn('resolution', 'text')
        .execute();
      await s
        .createIndex('conflicts_status_created')
        .on('conflicts')
        .columns(['status', 'created_at'])
        .execute();
      await s.createIndex('conflicts_record').on('conflicts').column('record_id').execute();

      await s
        .createTable('conflict_providers')
        .addColumn('conflict_id', 'text', (c) =>
          c.notNull().references('conflicts.id').onDelete('cascade'),
        )
        .addColumn('provider_id', 'text', notNull)
        .addPrimaryKeyConstraint('conflict_providers_pk', ['conflict_id', 'provider_id'])
        .execute();
      await s
        .createIndex('conflict_providers_provider')
        .on('conflict_providers')
        .columns(['provider_id', 'conflict_id'])
        .execute();

      await s
        .createTable('history')
        .addColumn('id', serialKey[0], serialKey[1])
        .addColumn('record_type', 'text', notNull)
        .addColumn('record_id', 'text', notNull)
        .addColumn('group_name', 'text', notNull)
        .addColumn('replaced', 'text', notNull)
        .addColumn('by_version', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .execute();
      await s
        .createIndex('history_record')
        .on('history')
        .columns(['record_type', 'record_id'])
        .execute();

      await s
        .createTable('audit_log')
        .addColumn('id', serialKey[0], serialKey[1])
        .addColumn('at', 'text', notNull)
        .addColumn('user_id', 'text')
        .addColumn('provider_id', 'text')
        .addColumn('action', 'text', notNull)
        .addColumn('record_type', 'text')
        .addColumn('record_id', 'text')
        .addColumn('details', 'text', notNull)
        .execute();
      await s.createIndex('audit_log_record').on('audit_log').column('record_id').execute();
      await s.createIndex('audit_log_user').on('audit_log').column('user_id').execute();
      await s.createIndex('audit_log_at').on('audit_log').column('at').execute();

      await s
        .createTable('client_links')
        .addColumn('a', 'text', notNull)
        .addColumn('b', 'text', notNull)
        .addColumn('linked_by', 'text', notNull)
        .addColumn('at', 'text', notNull)
        .addPrimaryKeyConstraint('client_links_pk', ['a', 'b'])
        .execute();
      await s.createIndex('client_links_b').on('client_links').column('b').execute();
    },
  };
}

/** Supervisors read the audit log by provider (GET /api/audit). */
const auditByProvider: Migration = {
  async up(db) {
    await db.schema
      .createIndex('audit_log_provider')
      .on('audit_log')
      .columns(['provider_id', 'id'])
      .execute();
  },
};

/**
 * The client lookup and search indexes as partial indexes over clients only. Only client rows have
 * these columns (recordToRow), yet 001 indexed every record, most of them with NULLs: every write
 * of an enrollment, contact or assessment paid for six index entries nobody reads. Each index keeps
 * its name and columns and gains `WHERE <first column> IS NOT NULL`; the queries that use them
 * (findClients, searchClients) state that condition too, so both planners can pick them.
 */
const partialClientIndexes: Migration = {
  async up(db) {
    const indexes: [name: string, columns: string[]][] = [
      ['records_name_dob_key', ['name_dob_key']],
      ['records_ssn_key', ['ssn_key']],
      ['records_last_first', ['last_name', 'first_name']],
      ['records_first_name', ['first_name']],
      ['records_dob', ['dob']],
      ['records_ssn_last4', ['ssn_last4']],
    ];
    for (const [name, columns] of indexes) {
      await db.schema.dropIndex(name).execute();
      await db.schema
        .createIndex(name)
        .on('records')
        .columns(columns)
        .where(sql.ref(columns[0]!), 'is not', null)
        .execute();
    }
  },
};

/**
 * A pull reads a provider's scope in change order (pullChanges). With the change number only on
 * records, that meant reading every record in the scope and sorting; with a copy on each scope row
 * and an index on (provider_id, change_seq) it is a range scan that stops at the page size. The
 * index also holds (type, id), the join key to records, so the scan never visits the table.
 *
 * The copy is kept equal to the record's change_seq by putRecords and addScopes (queries.ts). A
 * scope row whose record does not exist (yet) holds 0 until the record is put.
 */
const scopeChangeSeq: Migration = {
  async up(db) {
    await db.schema
      .alterTable('record_scopes')
      .addColumn('change_seq', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`
      update record_scopes set change_seq = coalesce(
        (select r.change_seq from records r
          where r.type = record_scopes.type and r.id = record_scopes.id),
        0)`.execute(db);
    await db.schema
      .createIndex('record_scopes_provider_seq')
      .on('record_scopes')
      .columns(['provider_id', 'change_seq', 'type', 'id'])
      .execute();
    // A prefix of the new index: nothing needs it any more, and every scope write paid for it.
    await db.schema.dropIndex('record_scopes_provider').execute();
  },
};

/**
 * A client's enrollments at every provider (GET /api/clients/:clientId/enrollments) are found by a
 * copy of the enrollment's clientId on its row, kept by recordToRow for enrollments only, with a
 * partial index over the enrollments that have one. Existing enrollments are filled in from their
 * stored state (a JSON text; the one place the server reads inside it, hence one expression per
 * dialect). An enrollment's clientId never changes (IMMUTABLE_FIELDS), so the copy cannot go stale.
 */
function enrollmentClient(kind: StorageKind): Migration {
  const clientId =
    kind === 'postgres'
      ? sql`case when json_typeof(state::json -> 'fields' -> 'clientId') = 'string'
          then state::json -> 'fields' ->> 'clientId' end`
      : sql`case when json_type(state, '$.fields.clientId') = 'text'
          then json_extract(state, '$.fields.clientId') end`;
  return {
    async up(db) {
      await db.schema.alterTable('records').addColumn('client_id', 'text').execute();
      await sql`update records set client_id = ${clientId} where type = 'enrollment'`.execute(db);
      await db.schema
        .createIndex('records_client_id')
        .on('records')
        .column('client_id')
        .where(sql.ref('client_id'), 'is not', null)
        .execute();
    },
  };
}

/**
 * A device id belongs to the user who first pushed under it (issue 9: another user who learnt a
 * device id from pulled version stamps could push under it and take its sequence numbers). Devices
 * that pushed before this migration are given the user of their first stored mutation; a device
 * with none stays unowned and is claimed by its next push.
 *
 * A held mutation can be one already known to be rejected (M9: content not valid, envelope valid):
 * held_mutations.rejection keeps why, since only its envelope is stored.
 */
const deviceOwner: Migration = {
  async up(db) {
    await db.schema.alterTable('held_mutations').addColumn('rejection', 'text').execute();
    await db.schema.alterTable('devices').addColumn('user_id', 'text').execute();
    await sql`
      update devices set user_id = (
        select m.user_id from mutations m
        where m.device_id = devices.device_id
        order by m.seq, m.received_at
        limit 1)`.execute(db);
  },
};

/**
 * Client name keys folded as the device folds them (issue 9): normalizeName now folds accents, so
 * a row written before kept "jos|garca|…" for "José García", and M10 and search missed "Jose
 * Garcia". Every client row's first_name, last_name and name_dob_key are recomputed from its stored
 * state by the functions the server writes rows with (clientKeys, recordToRow), reading by id in
 * batches and writing, one statement per batch, only the rows whose keys change. Nothing a pull
 * reads changes (state and change_seq are untouched).
 */
const FOLD_BATCH_ROWS = 500;

const foldClientNameKeys: Migration = {
  async up(db: Kysely<Pick<Database, 'records'>>) {
    let after: string | null = null;
    for (;;) {
      let query = db
        .selectFrom('records')
        .select(['id', 'state', 'first_name', 'last_name', 'name_dob_key'])
        .where('type', '=', 'client');
      if (after !== null) query = query.where('id', '>', after);
      const rows = await query.orderBy('id').limit(FOLD_BATCH_ROWS).execute();
      if (rows.length === 0) return;
      const changed = rows.flatMap((row) => {
        const state = JSON.parse(row.state) as StoredRecord['state'];
        const meta = metaFromVersions(state); // not written: only the keys are
        const next = recordToRow({ state, changeSeq: 0, clientKeys: clientKeys(state), meta });
        const keys = {
          first: next.first_name ?? null,
          last: next.last_name ?? null,
          nameDob: next.name_dob_key ?? null,
        };
        const same =
          keys.first === row.first_name &&
          keys.last === row.last_name &&
          keys.nameDob === row.name_dob_key;
        return same ? [] : [{ id: row.id, ...keys }];
      });
      if (changed.length > 0) {
        const values = sql.join(
          changed.map((r) => sql`(${r.id}, ${r.first}, ${r.last}, ${r.nameDob})`),
        );
        await sql`
          with folded (id, first_name, last_name, name_dob_key) as (values ${values})
          update records set
            first_name = folded.first_name,
            last_name = folded.last_name,
            name_dob_key = folded.name_dob_key
          from folded
          where records.type = 'client' and records.id = folded.id`.execute(db);
      }
      after = rows[rows.length - 1]!.id;
    }
  },
};

/**
 * HMIS record metadata (DateCreated, DateUpdated, UserID, DateDeleted) beside each record's state,
 * kept by the push from then on (src/domain/merge/metadata.ts). Records stored before are given
 * what their versions say (metaFromVersions), in batches so a county-sized database never sits in
 * memory at once.
 */
const recordMetadata: Migration = {
  async up(db: Kysely<Pick<Database, 'records'>>) {
    for (const column of ['date_created', 'date_updated', 'user_id', 'date_deleted']) {
      await db.schema.alterTable('records').addColumn(column, 'text').execute();
    }
    let after: { type: string; id: string } | null = null;
    for (;;) {
      let query = db.selectFrom('records').select(['type', 'id', 'state']);
      if (after !== null) {
        const { type, id } = after;
        query = query.where((eb) =>
          eb.or([eb('type', '>', type), eb.and([eb('type', '=', type), eb('id', '>', id)])]),
        );
      }
      const rows = await query.orderBy('type').orderBy('id').limit(FOLD_BATCH_ROWS).execute();
      if (rows.length === 0) return;
      const values = sql.join(
        rows.map((row) => {
          const m = metaFromVersions(JSON.parse(row.state) as StoredRecord['state']);
          return sql`(${row.type}, ${row.id}, ${m.dateCreated}, ${m.dateUpdated}, ${m.userId}, ${m.dateDeleted})`;
        }),
      );
      await sql`
        with meta (type, id, date_created, date_updated, user_id, date_deleted) as (values ${values})
        update records set
          date_created = meta.date_created,
          date_updated = meta.date_updated,
          user_id = meta.user_id,
          date_deleted = meta.date_deleted
        from meta
        where records.type = meta.type and records.id = meta.id`.execute(db);
      const last = rows[rows.length - 1]!;
      after = { type: last.type, id: last.id };
    }
  },
};

/**
 * HUD project descriptors (organization, project, funders, project CoCs, HMIS and CE
 * participation) as one JSON document per provider; null on providers stored before, which read
 * back with nulls and empty lists (src/domain/records/provider.ts descriptorsOf).
 */
const projectDescriptors: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('providers').addColumn('project_descriptors', 'text').execute();
  },
};

/**
 * The household rules (M11, src/domain/merge/household-rules.ts) read a household's enrollments
 * after a push: a copy of the enrollment's householdId on its row, with a partial index, as
 * client_id (migration 005). Existing enrollments are filled in from their stored state.
 */
function enrollmentHousehold(kind: StorageKind): Migration {
  const householdId =
    kind === 'postgres'
      ? sql`case when json_typeof(state::json -> 'fields' -> 'householdId') = 'string'
          then state::json -> 'fields' ->> 'householdId' end`
      : sql`case when json_type(state, '$.fields.householdId') = 'text'
          then json_extract(state, '$.fields.householdId') end`;
  return {
    async up(db) {
      await db.schema.alterTable('records').addColumn('household_id', 'text').execute();
      await sql`update records set household_id = ${householdId} where type = 'enrollment'`.execute(
        db,
      );
      await db.schema
        .createIndex('records_household_id')
        .on('records')
        .column('household_id')
        .where(sql.ref('household_id'), 'is not', null)
        .execute();
    },
  };
}

/**
 * The HMIS CSV import's external ids: which HMIS id (per source and file) each imported record
 * came from. The record ids are derived from them (src/domain/hmis-csv/import/ids.ts), so the
 * table is the readable mapping, looked up by HMIS id or by record.
 */
const hmisExternalIds: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('hmis_external_ids')
      .addColumn('source_key', 'text', (c) => c.notNull())
      .addColumn('hmis_file', 'text', (c) => c.notNull())
      .addColumn('hmis_id', 'text', (c) => c.notNull())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('hmis_external_ids_pk', ['source_key', 'hmis_file', 'hmis_id'])
      .execute();
    await db.schema
      .createIndex('hmis_external_ids_record')
      .on('hmis_external_ids')
      .columns(['record_type', 'record_id'])
      .execute();
  },
};

/**
 * Issue 11: each user's devices (browser profiles, by installation id) with their signing key and
 * push secret, revocable; the server's sealing keys; and refresh-token families. The table is
 * user_devices because `devices` already holds the sync devices' sequence numbers (001). Tokens
 * issued before this migration each become a family of their own.
 */
const userDevices: Migration = {
  async up(db: Kysely<unknown>) {
    const s = db.schema;
    await s
      .createTable('user_devices')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text')
      .addColumn('shared', 'integer', (c) => c.notNull())
      .addColumn('signing_key', 'text', (c) => c.notNull())
      .addColumn('push_secret', 'text', (c) => c.notNull())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('first_seen_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_reason', 'text')
      .addColumn('wipe_sent_at', 'text')
      .addPrimaryKeyConstraint('user_devices_pk', ['user_id', 'device_id'])
      .execute();

    await s
      .createTable('server_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('private_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    for (const column of ['family_id', 'installation_id', 'replaced_by', 'revoked_reason']) {
      await s.alterTable('refresh_tokens').addColumn(column, 'text').execute();
    }
    await sql`update refresh_tokens set family_id = id`.execute(db);
    await s.createIndex('refresh_tokens_family').on('refresh_tokens').column('family_id').execute();
  },
};

/**
 * Issue 10: each record's fields as a column of their own, beside the state (which still holds
 * them: every reader of the state is unchanged), so the HMIS export reads a record's fields
 * without the versions that are most of its state. On SQLite the table is rebuilt with the two
 * JSON columns last: a column stored after a large value is read by walking that value's
 * overflow pages, so `deleted`, `change_seq` and the keys behind a 6 KB state cost a walk of it on
 * every read. The indexes are recreated from their own definitions. PostgreSQL keeps large values
 * out of line (TOAST), so there the column is only added.
 */
function recordFields(kind: StorageKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (kind === 'postgres') {
        await db.schema.alterTable('records').addColumn('fields', 'text').execute();
        await sql`update records set fields = (state::json -> 'fields')::text`.execute(db);
        return;
      }
      const indexes = await sql<{ sql: string }>`
        select sql from sqlite_master
        where type = 'index' and tbl_name = 'records' and sql is not null`.execute(db);
      const columns = sql.raw(`type, id, deleted, change_seq, name_dob_key, ssn_key, first_name,
        last_name, dob, ssn_last4, client_id, household_id, date_created, date_updated, user_id,
        date_deleted`);
      await sql`create table records_next (
        type text not null, id text not null, deleted integer not null, change_seq bigint not null,
        name_dob_key text, ssn_key text, first_name text collate nocase,
        last_name text collate nocase, dob text, ssn_last4 text, client_id text,
        household_id text, date_created text, date_updated text, user_id text, date_deleted text,
        fields text, state text not null,
        constraint records_pk primary key (type, id))`.execute(db);
      await sql`insert into records_next (${columns}, fields, state)
        select ${columns}, json_extract(state, '$.fields'), state from records`.execute(db);
      await sql`drop table records`.execute(db);
      await sql`alter table records_next rename to records`.execute(db);
      for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
    },
  };
}

/** All migrations by name; Migrator runs them in name order. */
export function migrations(kind: StorageKind): Record<string, Migration> {
  return {
    '001_initial': initial(kind),
    '002_audit_by_provider': auditByProvider,
    '003_partial_client_indexes': partialClientIndexes,
    '004_scope_change_seq': scopeChangeSeq,
    '005_enrollment_client': enrollmentClient(kind),
    '006_device_owner': deviceOwner,
    '007_fold_client_name_keys': foldClientNameKeys,
    '008_project_descriptors': projectDescriptors,
    '009_record_metadata': recordMetadata,
    '010_enrollment_household': enrollmentHousehold(kind),
    '011_hmis_external_ids': hmisExternalIds,
    '012_user_devices': userDevices,
    '013_record_fields': recordFields(kind),
  };
}

/**
 * The migrator for a database. `schema` (PostgreSQL) names the schema that holds Kysely's own
 * bookkeeping tables: without it Kysely looks for them in every schema of the database.
 */
export function createMigrator(
  db: Kysely<unknown>,
  kind: StorageKind,
  schema: string | undefined,
): Migrator {
  const all = migrations(kind);
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(all) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}
