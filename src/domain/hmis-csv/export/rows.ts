// Turning one row's values (by column name) into the strings of a CSV row, in the file's column
// order, each formatted by its FY2026 type with formatHmisValue. Every file of an export goes
// through here, so ExportID and the metadata columns are filled the same way everywhere.
import type { RecordMeta } from '../../records';
import { hmisFile, type HmisDataType, type HmisFileName, type HmisFileSpec } from '../columns';
import { HmisValueError, formatHmisValue, type HmisInputValue } from '../values';

export type RowValues = Readonly<Record<string, HmisInputValue>>;

export interface RowFormat {
  readonly exportId: string;
  readonly timeZone: string;
  /** Columns written as unbounded strings: hashed names and SSN exceed their S50/S9 lengths. */
  readonly unboundedColumns?: ReadonlySet<string>;
}

/** Client.csv columns whose values a message must never repeat. */
const PRIVATE_COLUMNS: ReadonlySet<string> = new Set([
  'FirstName',
  'MiddleName',
  'LastName',
  'NameSuffix',
  'SSN',
  'DOB',
]);

/** An exporter bug or bad stored data, located by file, column and record id (never a value). */
export class HmisExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HmisExportError';
  }
}

/** The header row of a file. */
export function headerOf(name: HmisFileName): string[] {
  return hmisFile(name).columns.map((c) => c.name);
}

interface PlannedColumn {
  readonly name: string;
  readonly type: HmisDataType;
  readonly isExportId: boolean;
}

/** Each file's columns with the type they are written as, once per spec and format. */
const plans = new WeakMap<HmisFileSpec, WeakMap<RowFormat, readonly PlannedColumn[]>>();

function planOf(spec: HmisFileSpec, format: RowFormat): readonly PlannedColumn[] {
  let byFormat = plans.get(spec);
  if (byFormat === undefined) plans.set(spec, (byFormat = new WeakMap()));
  let plan = byFormat.get(format);
  if (plan === undefined) {
    plan = spec.columns.map((column) => ({
      name: column.name,
      type: format.unboundedColumns?.has(column.name) ? 'S' : column.type,
      isExportId: column.name === 'ExportID',
    }));
    byFormat.set(format, plan);
  }
  return plan;
}

/** The row of `values` in the column order of `spec`; columns not given are null. */
export function formatRow(spec: HmisFileSpec, values: RowValues, format: RowFormat): string[] {
  const key = spec.columns[0]?.name ?? '';
  const plan = planOf(spec, format);
  const options = { timeZone: format.timeZone };
  const row = new Array<string>(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const column = plan[i]!;
    const value = column.isExportId ? format.exportId : values[column.name];
    try {
      row[i] = formatHmisValue(column.type, value, options);
    } catch (error) {
      if (!(error instanceof HmisValueError)) throw error;
      const detail = PRIVATE_COLUMNS.has(column.name)
        ? `it is not a valid ${column.type} value`
        : error.message;
      throw new HmisExportError(
        `${spec.fileName} ${column.name} of ${key} ${String(values[key] ?? '')}: ${detail}`,
      );
    }
  }
  return row;
}

/** DateCreated, DateUpdated, UserID and DateDeleted of a record. */
export function metaValues(meta: RecordMeta): RowValues {
  return {
    DateCreated: meta.dateCreated,
    DateUpdated: meta.dateUpdated,
    UserID: meta.userId,
    DateDeleted: meta.dateDeleted,
  };
}

const instant = (iso: string) => Date.parse(iso);

/**
 * The metadata of a row combined from several records (CSV-2026: earliest DateCreated, latest
 * DateUpdated and that change's UserID).
 */
export function combinedMeta(metas: readonly RecordMeta[]): RecordMeta {
  const [first, ...rest] = metas;
  if (first === undefined) throw new Error('combinedMeta needs at least one record');
  let created = first.dateCreated;
  let latest = first;
  for (const meta of rest) {
    if (instant(meta.dateCreated) < instant(created)) created = meta.dateCreated;
    if (instant(meta.dateUpdated) > instant(latest.dateUpdated)) latest = meta;
  }
  return {
    dateCreated: created,
    dateUpdated: latest.dateUpdated,
    userId: latest.userId,
    dateDeleted: null,
  };
}

/** A file of an export whose rows come from `produce`, header first. */
export function fileOf(
  name: HmisFileName,
  produce: () => AsyncIterable<readonly string[]>,
): { name: string; rows: AsyncIterable<readonly string[]> } {
  return {
    name: hmisFile(name).fileName,
    rows: {
      async *[Symbol.asyncIterator]() {
        yield headerOf(name);
        yield* produce();
      },
    },
  };
}
