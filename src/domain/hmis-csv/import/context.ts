// The state one import's mapping builds up: writes per record (several rows may add to one), the
// problems that stop the import, the notes on what was left out, and the counts per file.
import { fieldPolicy } from '../../merge/policy';
import type { FieldValues } from '../../merge/state';
import { recordKey, type RecordType } from '../../records';
import { hmisFile, type HmisFileName } from '../columns';
import { parseHmisValue } from '../values';
import { hmisDateTimeMillis, importedRecordId } from './ids';
import type { TableRow } from './validate';
import type { ExternalId, FileCount, ImportProblem, ImportSource } from './types';

interface Builder {
  type: RecordType;
  id: string;
  fields: FieldValues;
  createDefaults: FieldValues;
  updatedAt: number;
  createdAt: number;
  userId: string;
  sources: ImportSource[];
}

export interface Contribution {
  readonly type: RecordType;
  readonly id: string;
  readonly fields: FieldValues;
  readonly createDefaults?: FieldValues;
  /** The assessment's data collection stage, for checking its answers (M9). */
  readonly stage?: number;
  /** The row's clock and user, unless given (the Entry answers of an Enrollment row). */
  readonly meta?: {
    readonly createdAt: number;
    readonly updatedAt: number;
    readonly userId: string;
  };
  /** The HMIS column of each field, for a problem's location (default: the field name). */
  readonly columns?: Readonly<Record<string, string>>;
}

type ColumnType = ReturnType<typeof hmisFile>['columns'][number]['type'];
const columnTypesByFile = new Map<HmisFileName, ReadonlyMap<string, ColumnType>>();

/** A file's column types by name: looked up for every value of every row, so built once. */
function columnTypes(file: HmisFileName): ReadonlyMap<string, ColumnType> {
  let types = columnTypesByFile.get(file);
  if (types === undefined) {
    types = new Map(hmisFile(file).columns.map((c) => [c.name, c.type]));
    columnTypesByFile.set(file, types);
  }
  return types;
}

export class ImportContext {
  readonly problems: ImportProblem[] = [];
  readonly notes: ImportProblem[] = [];
  readonly counts: Record<string, FileCount> = {};
  readonly externalIds: ExternalId[] = [];
  private readonly builders = new Map<string, Builder>();
  private readonly order: string[] = [];
  private readonly ignored = new Map<string, { line: number; count: number }>();

  constructor(
    readonly sourceKey: string,
    readonly timeZone: string,
    /** HMIS UserID → Fieldnote user id. */
    readonly userIds: ReadonlyMap<string, string>,
  ) {}

  count(file: string): FileCount {
    return (this.counts[file] ??= { read: 0, mapped: 0, skipped: 0 });
  }

  recordId(file: HmisFileName, hmisId: string): string {
    return importedRecordId(this.sourceKey, file, hmisId);
  }

  problem(file: string, line: number | null, column: string | null, message: string): void {
    this.problems.push({ file, line, column, message });
  }

  skip(file: string, line: number, column: string | null, message: string): void {
    this.count(file).skipped += 1;
    this.notes.push({ file, line, column, message });
  }

  /** A column with a value Fieldnote does not keep: one note per column, with how many rows. */
  ignore(file: string, line: number, column: string): void {
    const key = `${file}|${column}`;
    const seen = this.ignored.get(key);
    if (seen) seen.count += 1;
    else this.ignored.set(key, { line, count: 1 });
  }

  /** The typed value of a column (validation has checked it parses). */
  value(file: HmisFileName, row: TableRow, column: string): string | number | null {
    return parseHmisValue(columnTypes(file).get(column) ?? 'S', row.get(column));
  }

  meta(row: TableRow): { createdAt: number; updatedAt: number; userId: string } {
    const updatedAt = hmisDateTimeMillis(row.get('DateUpdated'), this.timeZone);
    const created = row.get('DateCreated');
    const createdAt = created === '' ? updatedAt : hmisDateTimeMillis(created, this.timeZone);
    const hmisUser = row.get('UserID');
    return {
      createdAt: Math.min(createdAt, updatedAt),
      updatedAt,
      userId: this.userIds.get(hmisUser) ?? importedRecordId(this.sourceKey, 'User', hmisUser),
    };
  }

  /** Adds a row's fields to a record's write, checking each value as the merge will (M9). */
  contribute(file: HmisFileName, row: TableRow, hmisId: string, c: Contribution): void {
    const fileName = hmisFile(file).fileName;
    for (const [field, value] of Object.entries(c.fields)) {
      const problem = fieldPolicy(c.type, field, c.stage)?.check(value);
      if (problem !== undefined) {
        this.problem(fileName, row.line, c.columns?.[field] ?? field, problem);
      }
    }
    const meta = c.meta ?? this.meta(row);
    const key = recordKey(c.type, c.id);
    let b = this.builders.get(key);
    if (b === undefined) {
      b = { type: c.type, id: c.id, fields: {}, createDefaults: {}, ...meta, sources: [] };
      this.builders.set(key, b);
      this.order.push(key);
    } else {
      if (meta.updatedAt > b.updatedAt) {
        b.updatedAt = meta.updatedAt;
        b.userId = meta.userId;
      }
      b.createdAt = Math.min(b.createdAt, meta.createdAt);
    }
    Object.assign(b.fields, c.fields);
    Object.assign(b.createDefaults, c.createDefaults ?? {});
    b.sources.push({ file: fileName, line: row.line, hmisId });
  }

  /** Records the HMIS id of a record, once. */
  external(file: HmisFileName, hmisId: string, recordType: RecordType, recordId: string): void {
    this.externalIds.push({ file: hmisFile(file).fileName, hmisId, recordType, recordId });
  }

  /** The writes in dependency order, and the ignored-column notes. */
  finish(): { writes: Builder[]; ignoredNotes: ImportProblem[] } {
    const rank: Record<RecordType, number> = {
      client: 0,
      enrollment: 1,
      assessment: 2,
      currentLivingSituation: 2,
      contact: 3,
      caseManagerAssignment: 3,
    };
    const writes = this.order
      .map((k) => this.builders.get(k)!)
      .sort((a, b) => rank[a.type] - rank[b.type]);
    const ignoredNotes = [...this.ignored].map(([key, { line, count }]) => {
      const [file, column] = key.split('|') as [string, string];
      return {
        file,
        line,
        column,
        message: `${column} has a value in ${count} row(s) of ${file}, from row ${line}; Fieldnote does not record it, so it is not imported.`,
      };
    });
    return { writes, ignoredNotes };
  }
}
