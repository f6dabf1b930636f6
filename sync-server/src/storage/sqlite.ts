// The embedded default: one SQLite file under the data directory, through better-sqlite3.
//
// - WAL journal with synchronous = NORMAL: readers never block the writer, and a commit is one
//   append to the WAL (durable against a process crash; a power cut may lose the last commits).
// - Transactions start with BEGIN IMMEDIATE, taking the write lock up front. With plain BEGIN two
//   connections that both read and then write could deadlock (SQLITE_BUSY on upgrade); with
//   IMMEDIATE the second waits (busy_timeout) for the first to commit. Within one process Kysely
//   already serialises everything through its single connection.
// - Migrations run inside such a transaction too (SQLite does have transactional DDL, which
//   Kysely's adapter does not claim), which is what makes a concurrent start safe.
//
// One server process per database file: several instances need PostgreSQL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type DialectAdapter,
  type SqliteDialectConfig,
} from 'kysely';
import type { DialectSpec } from './batch';
import { KyselyStorage } from './kysely-storage';
import type { Database } from './schema';

export const SQLITE_SPEC: DialectSpec = { kind: 'sqlite', maxParams: 32_766 };

const BUSY_TIMEOUT_MS = 5_000;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class FieldnoteSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.dialectConfig);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Opens a SQLite database with the settings above; ':memory:' for a throwaway one. */
export function openSqliteDatabase(filename: string): BetterSqlite3.Database {
  const inMemory = filename === ':memory:';
  if (!inMemory) mkdirSync(path.dirname(filename), { recursive: true });
  const sqlite = new BetterSqlite3(filename);
  if (!inMemory) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return sqlite;
}

/** `file` is ':memory:', an absolute path, or a path relative to `dataDir`. */
export function createSqliteStorage(options: { dataDir: string; file?: string }): KyselyStorage {
  const file = options.file ?? 'fieldnote.db';
  const sqlite = openSqliteDatabase(
    file === ':memory:' ? file : path.resolve(options.dataDir, file),
  );
  const db = new Kysely<Database>({ dialect: new FieldnoteSqliteDialect({ database: sqlite }) });
  return new KyselyStorage({
    db,
    spec: SQLITE_SPEC,
    migrationSchema: () => Promise.resolve(undefined),
  });
}
