// The server's storage: SQLite (embedded default, a file in the data directory) or PostgreSQL
// (when a database URL is given). Call migrate() before use; close() on shutdown.
import { createPostgresStorage } from './postgres';
import { createSqliteStorage } from './sqlite';
import type { Storage } from './types';

export * from './types';

export interface StorageOptions {
  /** A postgres:// URL selects PostgreSQL; null or empty selects SQLite. */
  databaseUrl?: string | null;
  /** The directory of the SQLite file. */
  dataDir: string;
  /** SQLite file name relative to dataDir (default fieldnote.db), an absolute path, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema for all tables (created by migrate()); default: the connection's. */
  pgSchema?: string;
}

export function createStorage(options: StorageOptions): Storage {
  if (options.databaseUrl) {
    return createPostgresStorage({ databaseUrl: options.databaseUrl, schema: options.pgSchema });
  }
  return createSqliteStorage({ dataDir: options.dataDir, file: options.sqliteFile });
}
