// Kysely's PostgreSQL introspector lists the tables of every schema in the database. Its migrator
// asks it whether its own bookkeeping table exists, so a migration could fail with "column ... does
// not exist" whenever another schema changed at that moment (another service, or another test
// file dropping its schema). This introspector looks only at the schema Fieldnote uses.
import {
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

export class SchemaScopedIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    /** The schema to look in; resolved lazily (current_schema() when not given). */
    private readonly schema: () => Promise<string>,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const name = await this.schema();
    const found = await sql<{
      nspname: string;
    }>`select nspname from pg_namespace where nspname = ${name}`.execute(this.db);
    return found.rows.map((r) => ({ name: r.nspname }));
  }

  async getTables(_options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const name = await this.schema();
    const found = await sql<{ table_name: string; table_type: string }>`
      select table_name, table_type from information_schema.tables where table_schema = ${name}
    `.execute(this.db);
    // Only names are needed (by the migrator); column details are not read anywhere.
    return found.rows.map((r) => ({
      name: r.table_name,
      schema: name,
      isView: r.table_type === 'VIEW',
      columns: [],
    }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}
