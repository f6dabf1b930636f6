// Rows of records or record_scopes by (type, ids), one primary-key lookup per id in both
// databases whatever the planner knows. On SQLite `type = ? and id in (...)` is that already. On
// PostgreSQL without statistics on the table (a database just filled, faster than autovacuum's
// ANALYZE follows: an HMIS import, or autovacuum off) the planner uses the primary key for `type`
// alone once the list is long and filters the ids: it reads every row of that type, so each
// push batch and each export page cost as much as the table held (the import's and the export's
// time grew with the square of the caseload). Each id is therefore looked up on its own in a
// LATERAL subquery that OFFSET 0 keeps from being flattened into a join the planner could turn
// into the same scan.
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DialectSpec } from './batch';
import type { Database } from './schema';

type Keyed = 'records' | 'record_scopes';

/** Every column of the rows of `table` with this type and one of these ids (unique ids). */
export async function rowsByTypeAndIds<T extends Keyed>(
  db: Kysely<Database>,
  spec: DialectSpec,
  table: T,
  type: string,
  ids: readonly string[],
): Promise<Selectable<Database[T]>[]> {
  if (ids.length === 0) return [];
  if (spec.kind === 'postgres') {
    const rows = await sql<Selectable<Database[T]>>`
      select t.* from unnest(${[...ids]}::text[]) as k(id)
      cross join lateral (
        select * from ${sql.table(table)} as x where x.type = ${type} and x.id = k.id offset 0
      ) as t`.execute(db);
    return rows.rows;
  }
  const rows = await sql<Selectable<Database[T]>>`
    select * from ${sql.table(table)} where type = ${type} and id in (${sql.join([...ids])})`.execute(
    db,
  );
  return rows.rows;
}

/**
 * The records of this type with one of these ids, as the columns `select` names (an SQL list
 * over the alias `r`), looked up one by one on PostgreSQL as rowsByTypeAndIds says.
 */
export async function selectRecordsByIds<R>(
  db: Kysely<Database>,
  spec: DialectSpec,
  select: RawBuilder<unknown>,
  type: string,
  ids: readonly string[],
): Promise<R[]> {
  if (ids.length === 0) return [];
  const query =
    spec.kind === 'postgres'
      ? sql<R>`
          select ${select} from unnest(${[...ids]}::text[]) as k(id)
          cross join lateral (
            select * from records as x where x.type = ${type} and x.id = k.id offset 0
          ) as r`
      : sql<R>`select ${select} from records as r where r.type = ${type} and r.id in (${sql.join([...ids])})`;
  return (await query.execute(db)).rows;
}
