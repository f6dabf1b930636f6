// PostgreSQL, when DATABASE_URL is set: a pg Pool, so several stateless server instances can share
// one database. What keeps them consistent lives in the database, not in any one process: the
// push's advisory locks (queries.ts lockKeys, push.ts), reserveChangeSeqs' row lock, the primary
// keys (a mutation id is stored once), and the migrator's advisory lock. A transaction aborted by
// a concurrent one is run again (isTransientPostgresError, storage.transaction({ retries })).
//
// `schema` puts every table in a schema of its own (tests run each file in a fresh one): it is
// created by migrate() and set as the search_path of every pooled connection.
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectSpec } from './batch';
import { KyselyStorage } from './kysely-storage';
import type { Database } from './schema';
import { SchemaScopedIntrospector } from './scoped-introspector';

export const POSTGRES_SPEC: DialectSpec = { kind: 'postgres', maxParams: 65_535 };

/**
 * SQLSTATEs of a transaction aborted by a concurrent one: 40P01 deadlock_detected, 40001
 * serialization_failure, 23505 unique_violation (two transactions inserting one key at once, such
 * as a mutation id; the second, run again, finds the first's row and replays it).
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', '23505']);

export function isTransientPostgresError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.has(code);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPostgresStorage(options: {
  databaseUrl: string;
  schema?: string;
  poolSize?: number;
}): KyselyStorage {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Not a usable PostgreSQL schema name: ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.poolSize ?? 10,
  });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next query gets a fresh connection.
  pool.on('error', () => {});

  let resolvedSchema: string | undefined = schema;
  const currentSchema = async (kdb: Kysely<unknown>): Promise<string> => {
    if (resolvedSchema) return resolvedSchema;
    const r = await sql<{ s: string }>`select current_schema() as s`.execute(kdb);
    resolvedSchema = r.rows[0]?.s ?? 'public';
    return resolvedSchema;
  };

  /** Introspects only Fieldnote's schema (see scoped-introspector.ts). */
  class ScopedPostgresDialect extends PostgresDialect {
    override createIntrospector(kdb: Kysely<unknown>) {
      return new SchemaScopedIntrospector(kdb, () => currentSchema(kdb));
    }
  }

  const db = new Kysely<Database>({
    dialect: new ScopedPostgresDialect({
      pool,
      // set per connection rather than in pg's `options`, which a URL's ?options= would override.
      onCreateConnection: schema
        ? (conn) =>
            conn.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`)).then(() => {})
        : undefined,
    }),
  });

  return new KyselyStorage({
    db,
    spec: POSTGRES_SPEC,
    prepare: async (kdb) => {
      if (!schema) return;
      try {
        await sql`create schema if not exists ${sql.id(schema)}`.execute(kdb);
      } catch (error) {
        // Two instances creating it at once: one may fail on the catalog's unique index.
        const found = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(kdb);
        if (found.rows.length === 0) throw error;
      }
    },
    migrationSchema: (kdb) => currentSchema(kdb as Kysely<unknown>),
    isTransient: isTransientPostgresError,
  });
}
