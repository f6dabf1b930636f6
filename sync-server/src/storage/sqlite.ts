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
// - WAL checkpoints stay at SQLite's default (wal_autocheckpoint = 1000 pages, about 4 MB): the
//   commit that crosses the threshold copies the WAL back into the database, which is where the
//   2–10 ms commits in the server benchmark come from (about 3% of them). A larger threshold was
//   considered and not taken: a checkpoint's cost grows with the distinct pages in the WAL, so it
//   would make those commits rarer but slower (trading p99 for max latency) and let the WAL file
//   grow larger between checkpoints. Taking checkpoints off the request path for real means a
//   second connection in a worker thread running PASSIVE checkpoints with autocheckpoint off.
// - Prepared statements are cached by SQL text (StatementCache below): Kysely's SQLite driver
//   prepares every statement it runs, and preparing was 8% of the server's CPU under load.
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
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';
import type { DialectSpec } from './batch';
import { KyselyStorage } from './kysely-storage';
import type { Database } from './schema';

export const SQLITE_SPEC: DialectSpec = { kind: 'sqlite', maxParams: 32_766 };

const BUSY_TIMEOUT_MS = 5_000;
/**
 * Distinct statements kept prepared. The server runs a few dozen shapes of statement; multi-row
 * writes add one shape per row count (up to the chunk size), which the LRU order lets age out.
 */
const STATEMENT_CACHE_SIZE = 200;

/**
 * The database as Kysely's driver sees it, with prepare() answered from an LRU cache of prepared
 * statements keyed by SQL text. Reusing a better-sqlite3 statement is safe here: the driver runs
 * one statement at a time on its single connection (all() and run() complete synchronously and
 * reset the statement; streaming queries, which would hold one open, are not used), and SQLite
 * re-prepares a statement by itself when the schema changes under it (migrations).
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, SqliteStatement>();

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly capacity = STATEMENT_CACHE_SIZE,
  ) {}

  prepare(sql: string): SqliteStatement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql); // re-inserted below as the most recently used
    } else {
      statement = this.db.prepare(sql);
      if (this.statements.size >= this.capacity) {
        const oldest = this.statements.keys().next();
        if (!oldest.done) this.statements.delete(oldest.value);
      }
    }
    this.statements.set(sql, statement);
    return statement;
  }

  /** How many statements are cached (tests). */
  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }
}

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
  const db = new Kysely<Database>({
    dialect: new FieldnoteSqliteDialect({ database: new StatementCache(sqlite) }),
  });
  return new KyselyStorage({
    db,
    spec: SQLITE_SPEC,
    migrationSchema: () => Promise.resolve(undefined),
  });
}
