// Kysely's migrator checks for its bookkeeping table through the dialect's introspector. The
// PostgreSQL adapter scopes that to Fieldnote's own schema, so DDL in other schemas (another test
// file dropping its schema, another service) cannot make a migration fail midway.
import { describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { SchemaScopedIntrospector } from '../../../sync-server/src/storage/scoped-introspector';
import { STORAGE_KINDS, createTestDatabase, testDatabaseUrl } from './test-storage';

describe.runIf(STORAGE_KINDS.includes('postgres'))('PostgreSQL introspection', () => {
  it('sees only its own schema; migrating while other schemas churn still works (a smoke check: the race is rare)', async () => {
    const suffix = Math.random().toString(36).slice(2, 10);
    const own = `introspect_own_${suffix}`;
    const other = `introspect_other_${suffix}`;
    const db = new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: testDatabaseUrl()!, max: 2 }),
      }),
    });
    try {
      await sql`create schema ${sql.id(own)}`.execute(db);
      await sql`create schema ${sql.id(other)}`.execute(db);
      await sql`create table ${sql.id(own, 'mine')} (id int)`.execute(db);
      await sql`create table ${sql.id(other, 'theirs')} (id int)`.execute(db);
      const introspector = new SchemaScopedIntrospector(db, async () => own);
      expect((await introspector.getTables()).map((t) => [t.schema, t.name])).toEqual([
        [own, 'mine'],
      ]);
      expect(await introspector.getSchemas()).toEqual([{ name: own }]);

      // Migrate fresh databases while other schemas are created and dropped around them.
      let churn = true;
      const churner = (async () => {
        for (let i = 0; churn && i < 200; i++) {
          const name = `introspect_churn_${suffix}_${i}`;
          await sql`create schema ${sql.id(name)}`.execute(db);
          await sql`create table ${sql.id(name, 't')} (id int, note text)`.execute(db);
          await sql`drop schema ${sql.id(name)} cascade`.execute(db);
        }
      })();
      try {
        for (let i = 0; i < 4; i++) {
          const database = createTestDatabase('postgres');
          try {
            await database.open().migrate();
          } finally {
            await database.cleanup();
          }
        }
      } finally {
        churn = false;
        await churner;
      }
    } finally {
      await sql`drop schema if exists ${sql.id(own)} cascade`.execute(db);
      await sql`drop schema if exists ${sql.id(other)} cascade`.execute(db);
      await db.destroy();
    }
  }, 60_000);
});
