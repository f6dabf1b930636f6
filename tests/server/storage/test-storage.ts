// Storage for server tests, on every database the environment offers. Other server tests use it to
// run on both adapters:
//
//   describe.each(STORAGE_KINDS)('push on %s', (kind) => {
//     it('...', async () => {
//       const { storage, cleanup } = await openTestStorage(kind);
//       try { ... } finally { await cleanup(); }
//     });
//   });
//
// PostgreSQL runs when TEST_DATABASE_URL (or DATABASE_URL) is set, each storage in a fresh schema
// of its own that cleanup() drops, so test files run in parallel and leave nothing behind. Under
// CI=true a missing URL is an error, not a skip: CI must exercise PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { createStorage, type Storage, type StorageKind } from '../../../sync-server/src/storage';
import { createMigrator } from '../../../sync-server/src/storage/migrations';

export function testDatabaseUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return url && url.trim() !== '' ? url.trim() : null;
}

function availableKinds(): StorageKind[] {
  if (testDatabaseUrl()) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') {
    throw new Error(
      'CI=true but neither TEST_DATABASE_URL nor DATABASE_URL is set: the storage tests must run on PostgreSQL in CI.',
    );
  }
  return ['sqlite'];
}

export const STORAGE_KINDS: StorageKind[] = availableKinds();

/**
 * A place a storage lives (a SQLite file in a temp directory, or a PostgreSQL schema) that can be
 * opened several times, e.g. to check that data survives close and reopen. open() does not
 * migrate. cleanup() closes every storage opened here and removes the place.
 */
export interface TestDatabase {
  readonly kind: StorageKind;
  open(): Storage;
  cleanup(): Promise<void>;
  /**
   * Migration tests: runs `fn` on a connection of its own to this place (PostgreSQL: its schema
   * created and on the search_path), with the migrator it would use. SQLite files only.
   */
  withRaw<T>(
    fn: (db: Kysely<unknown>, migrator: ReturnType<typeof createMigrator>) => Promise<T>,
  ): Promise<T>;
}

async function withKysely<T>(
  db: Kysely<unknown>,
  kind: StorageKind,
  schema: string | undefined,
  fn: (db: Kysely<unknown>, migrator: ReturnType<typeof createMigrator>) => Promise<T>,
): Promise<T> {
  try {
    return await fn(db, createMigrator(db, kind, schema));
  } finally {
    await db.destroy();
  }
}

export function createTestDatabase(
  kind: StorageKind,
  options: { sqlite?: 'file' | 'memory' } = {},
): TestDatabase {
  const opened: Storage[] = [];
  const closeAll = () => Promise.all(opened.map((s) => s.close()));

  if (kind === 'sqlite') {
    if (options.sqlite === 'memory') {
      return {
        kind,
        open: () => track(createStorage({ dataDir: tmpdir(), sqliteFile: ':memory:' })),
        cleanup: async () => void (await closeAll()),
        withRaw: () => Promise.reject(new Error('withRaw needs a SQLite file')),
      };
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'fieldnote-storage-'));
    return {
      kind,
      open: () => track(createStorage({ dataDir: dir })),
      cleanup: async () => {
        await closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
      withRaw: (fn) =>
        withKysely(
          new Kysely<unknown>({
            dialect: new SqliteDialect({
              database: new BetterSqlite3(path.join(dir, 'fieldnote.db')),
            }),
          }),
          kind,
          undefined,
          fn,
        ),
    };
  }

  const url = testDatabaseUrl();
  if (!url) throw new Error('PostgreSQL tests need TEST_DATABASE_URL or DATABASE_URL.');
  const schema = `fieldnote_test_${randomBytes(8).toString('hex')}`;
  return {
    kind,
    open: () => track(createStorage({ databaseUrl: url, dataDir: tmpdir(), pgSchema: schema })),
    cleanup: async () => {
      await closeAll();
      await dropSchema(url, schema);
    },
    withRaw: async (fn) => {
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: url, max: 1 }),
          onCreateConnection: (conn) =>
            conn.executeQuery(CompiledQuery.raw(`set search_path to "${schema}"`)).then(() => {}),
        }),
      });
      await db.executeQuery(CompiledQuery.raw(`create schema if not exists "${schema}"`));
      return withKysely(db, kind, schema, fn);
    },
  };

  function track(storage: Storage): Storage {
    opened.push(storage);
    return storage;
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** A migrated, empty storage (SQLite in memory, or PostgreSQL in a fresh schema). */
export async function openTestStorage(
  kind: StorageKind,
): Promise<{ storage: Storage; cleanup(): Promise<void> }> {
  const database = createTestDatabase(kind, { sqlite: 'memory' });
  const storage = database.open();
  try {
    await storage.migrate();
  } catch (error) {
    await database.cleanup();
    throw error;
  }
  return { storage, cleanup: () => database.cleanup() };
}
