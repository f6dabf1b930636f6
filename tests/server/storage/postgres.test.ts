// The storage contract on PostgreSQL. Runs when TEST_DATABASE_URL or DATABASE_URL is set; under
// CI=true a missing URL fails (test-storage.ts), so CI cannot pass without exercising PostgreSQL.
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { createStorage } from '../../../sync-server/src/storage';
import { storageContract } from './contract';
import { STORAGE_KINDS, createTestDatabase, testDatabaseUrl } from './test-storage';

if (STORAGE_KINDS.includes('postgres')) {
  storageContract('postgres');

  describe('PostgreSQL storage schema', () => {
    it('keeps its tables in its own schema and leaves nothing behind', async () => {
      const database = createTestDatabase('postgres');
      const storage = database.open();
      await storage.migrate();
      const client = new pg.Client({ connectionString: testDatabaseUrl()! });
      await client.connect();
      try {
        const tables = async () =>
          (
            await client.query<{ schema: string }>(
              `select distinct table_schema as schema from information_schema.tables
               where table_name in ('records', 'kysely_migration') and table_schema like 'fieldnote_test_%'`,
            )
          ).rows.map((r) => r.schema);
        const before = await tables();
        expect(before.length).toBeGreaterThan(0);
        await database.cleanup();
        const after = await tables();
        expect(before.filter((s) => !after.includes(s))).toHaveLength(1);
      } finally {
        await client.end();
      }
    });

    it('refuses a schema name that would need quoting', () => {
      expect(() =>
        createStorage({ databaseUrl: testDatabaseUrl(), dataDir: '/tmp', pgSchema: 'x"; drop' }),
      ).toThrow(/schema name/);
    });

    it('is not ready when the database cannot be reached', async () => {
      const storage = createStorage({
        databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
        dataDir: '/tmp',
      });
      try {
        expect(storage.kind).toBe('postgres');
        expect(await storage.isReady()).toBe(false);
      } finally {
        await storage.close();
      }
    });
  });
} else {
  describe.skip('storage contract on postgres (set TEST_DATABASE_URL or DATABASE_URL)', () => {
    it('needs a database', () => {});
  });
}
