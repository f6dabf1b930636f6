// The reads of the HMIS CSV export (sync-server/src/hmis/export-source.ts): a record's fields,
// soft delete and HMIS metadata, without its versions. A stored state is mostly versions (one per
// field group: about 85% of an assessment's JSON), which the export never reads, so it reads the
// `fields` column (migration 013: the fields alone, written beside the state) and only that is
// parsed here: a county's export reads and parses a seventh of the text. Extracting the fields
// from the state in SQL (json_extract, ->) still made the database parse all of it, and was
// about 40% of a SQLite export's main-thread time. Pages are keyset pages by the primary key (type, id), never OFFSET; records are read
// by primary key one id at a time on PostgreSQL (by-ids.ts says why).
import { sql, type Kysely } from 'kysely';
import { metaFromVersions, type FieldValues } from '../../../src/domain/merge';
import type { RecordMeta, RecordType } from '../../../src/domain/records';
import { chunks, type DialectSpec } from './batch';
import { selectRecordsByIds } from './by-ids';
import type { Database } from './schema';
import type { RecordFields, ScopedFieldsPage } from './types';

interface FieldsRow {
  id: string;
  fields: string;
  deleted: number;
  date_created: string | null;
  date_updated: string | null;
  user_id: string | null;
  date_deleted: string | null;
  /** The whole state, only for a row without metadata columns (written before migration 009). */
  state: string | null;
}

/** The fields column (migration 013), or extracted from the state where a row lacks it. */
function fieldsOf(spec: DialectSpec) {
  return spec.kind === 'postgres'
    ? sql<string>`coalesce(r.fields, (r.state::json -> 'fields')::text)`
    : sql<string>`coalesce(r.fields, json_extract(r.state, '$.fields'))`;
}

const stateWhenNoMeta = sql<string | null>`case when r.date_created is null
  or r.date_updated is null or r.user_id is null then r.state end`;

function fromRow(type: RecordType, r: FieldsRow): RecordFields {
  const meta: RecordMeta =
    r.state !== null
      ? metaFromVersions(JSON.parse(r.state) as Parameters<typeof metaFromVersions>[0])
      : {
          dateCreated: r.date_created!,
          dateUpdated: r.date_updated!,
          userId: r.user_id!,
          dateDeleted: r.date_deleted,
        };
  return {
    type,
    id: r.id,
    fields: JSON.parse(r.fields) as FieldValues,
    deleted: r.deleted !== 0,
    meta,
  };
}

/**
 * A page of the records of one type in the scope of any of these providers, each once, by id
 * after `afterId`, without versions; `next` is the cursor of the next page, null after the last.
 *
 * Two statements, each with one obvious plan whatever the planner knows: the ids from the scope
 * table's primary key (type, id, provider_id) as a range from the cursor, then the records by
 * their primary key. One statement joining the two (EXISTS) left PostgreSQL free to drive from
 * record_scopes_provider_seq, read the provider's whole scope of that type and sort it for every
 * page: an export then cost the square of the caseload (154 s at 20,000 clients, and every
 * page's JSON extracted before the sort and limit), which statistics (ANALYZE) only partly cured.
 */
export async function listScopedFields(
  db: Kysely<Database>,
  spec: DialectSpec,
  providerIds: string[],
  type: RecordType,
  afterId: string | null,
  limit: number,
): Promise<ScopedFieldsPage> {
  if (providerIds.length === 0) return { records: [], next: null };
  let query = db
    .selectFrom('record_scopes as s')
    .select('s.id')
    .distinct()
    .where('s.type', '=', type)
    .where('s.provider_id', 'in', [...new Set(providerIds)]);
  if (afterId !== null) query = query.where('s.id', '>', afterId);
  const ids = (await query.orderBy('s.id').limit(limit).execute()).map((r) => r.id);
  const found = await getRecordFields(db, spec, type, ids);
  const records: RecordFields[] = [];
  // In id order; a scope row whose record was never put (addScopes allows it) is left out.
  for (const id of ids) {
    const record = found.get(id);
    if (record !== undefined) records.push(record);
  }
  return { records, next: ids.length === limit ? ids[ids.length - 1]! : null };
}

/** Records of one type by id, without versions; ids not stored are absent. */
export async function getRecordFields(
  db: Kysely<Database>,
  spec: DialectSpec,
  type: RecordType,
  ids: readonly string[],
): Promise<Map<string, RecordFields>> {
  const out = new Map<string, RecordFields>();
  const select = sql.join([
    sql`r.id`,
    sql`${fieldsOf(spec)} as fields`,
    sql`r.deleted`,
    sql`r.date_created`,
    sql`r.date_updated`,
    sql`r.user_id`,
    sql`r.date_deleted`,
    sql`${stateWhenNoMeta} as state`,
  ]);
  for (const batch of chunks([...new Set(ids)], 1, spec)) {
    const rows = await selectRecordsByIds<FieldsRow>(db, spec, select, type, batch);
    for (const r of rows) out.set(r.id, fromRow(type, r));
  }
  return out;
}
