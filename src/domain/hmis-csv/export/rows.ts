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
      throw valueError(spec, column, values[key], error);
    }
  }
  return row;
}

/**
 * A file's columns compiled for one format: a row's values are an array by column index (a slot),
 * formatted in one pass. What formatRow does for a values object, without building one per row:
 * a county's export writes hundreds of thousands of rows.
 */
export class RowPlan {
  readonly width: number;
  private readonly slots: ReadonlyMap<string, number>;
  private readonly meta: readonly [number, number, number, number];
  private readonly columns: readonly PlannedColumn[];
  private readonly options: { readonly timeZone: string };

  constructor(
    readonly spec: HmisFileSpec,
    private readonly format: RowFormat,
  ) {
    this.width = spec.columns.length;
    this.columns = planOf(spec, format);
    this.options = { timeZone: format.timeZone };
    this.slots = new Map(spec.columns.map((c, i) => [c.name, i]));
    this.meta = [
      this.slot('DateCreated'),
      this.slot('DateUpdated'),
      this.slot('UserID'),
      this.slot('DateDeleted'),
    ];
  }

  /** The column's index, or -1 when the file has no such column. */
  slot(column: string): number {
    return this.slots.get(column) ?? -1;
  }

  /** An empty row of values (every column null). */
  values(): HmisInputValue[] {
    return new Array<HmisInputValue>(this.width);
  }

  /** Sets DateCreated, DateUpdated, UserID and DateDeleted (metaValues). */
  setMeta(values: HmisInputValue[], meta: RecordMeta): void {
    const [created, updated, user, deleted] = this.meta;
    if (created >= 0) values[created] = meta.dateCreated;
    if (updated >= 0) values[updated] = meta.dateUpdated;
    if (user >= 0) values[user] = meta.userId;
    if (deleted >= 0) values[deleted] = meta.dateDeleted;
  }

  /** The row, formatted as formatRow formats the same values given by column name. */
  row(values: readonly HmisInputValue[]): string[] {
    const plan = this.columns;
    const options = this.options;
    const row = new Array<string>(plan.length);
    for (let i = 0; i < plan.length; i++) {
      const column = plan[i]!;
      const value = column.isExportId ? this.format.exportId : values[i];
      try {
        row[i] = formatHmisValue(column.type, value, options);
      } catch (error) {
        throw valueError(this.spec, column, values[0], error);
      }
    }
    return row;
  }
}

const rowPlans = new WeakMap<HmisFileSpec, WeakMap<RowFormat, RowPlan>>();

/** The RowPlan of a file for a format (one per pair). */
export function rowPlan(name: HmisFileName, format: RowFormat): RowPlan {
  const spec = hmisFile(name);
  let byFormat = rowPlans.get(spec);
  if (byFormat === undefined) rowPlans.set(spec, (byFormat = new WeakMap()));
  let plan = byFormat.get(format);
  if (plan === undefined) byFormat.set(format, (plan = new RowPlan(spec, format)));
  return plan;
}

function valueError(
  spec: HmisFileSpec,
  column: PlannedColumn,
  key: HmisInputValue,
  error: unknown,
): unknown {
  if (!(error instanceof HmisValueError)) return error;
  const detail = PRIVATE_COLUMNS.has(column.name)
    ? `it is not a valid ${column.type} value`
    : error.message;
  return new HmisExportError(
    `${spec.fileName} ${column.name} of ${spec.columns[0]?.name ?? ''} ${String(key ?? '')}: ${detail}`,
  );
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

/** A page of rows, as the files of an export produce them. */
export type RowPage = readonly (readonly string[])[];

/**
 * A file of an export whose rows come a page at a time from `produce`, header first: `rows` one
 * by one, `pages` as produced (the header alone first), which a consumer of a county's export
 * reads to pay for one step of async iteration per page rather than per row.
 */
export function fileOf(
  name: HmisFileName,
  produce: () => AsyncIterable<RowPage>,
): { name: string; rows: AsyncIterable<readonly string[]>; pages: AsyncIterable<RowPage> } {
  return {
    name: hmisFile(name).fileName,
    rows: {
      async *[Symbol.asyncIterator]() {
        yield headerOf(name);
        for await (const page of produce()) yield* page;
      },
    },
    pages: {
      async *[Symbol.asyncIterator]() {
        yield [headerOf(name)];
        for await (const page of produce()) if (page.length > 0) yield page;
      },
    },
  };
}
