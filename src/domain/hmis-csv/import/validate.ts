// Validation of an export before anything is imported: the whole file set is checked first, and
// any problem stops the import with nothing written. Checks: the files' structure as Eva checks it
// (checkHmisStructure: all 24 files, exact FY2026 columns, types, dates, listed codes, ExportID,
// keys), except that an unhashed export is what an import needs (Eva 126 is inverted: a hashed
// export cannot seed a caseload, its names are hashes), plus the version (an FY2024 export is
// named as such) and a bound on the rows.
import { HMIS_FILES, hmisFile, type HmisFileName } from '../columns';
import { checkHmisStructure, type HmisExportFiles } from '../structure-check';
import type { ImportProblem } from './types';

export const DEFAULT_MAX_IMPORT_ROWS = 2_000_000;
const UNHASHED = '1';
const PRIVATE_COLUMNS = new Set([
  'FirstName',
  'MiddleName',
  'LastName',
  'NameSuffix',
  'SSN',
  'DOB',
]);
/** Columns only an FY2024 (or older) export has. */
const FY2024_ONLY_COLUMNS = new Set([
  'HispanicLatinaeo',
  'Woman',
  'Man',
  'NonBinary',
  'Transgender',
  'Questioning',
  'DifferentIdentity',
  'CulturallySpecific',
  'GenderNone',
  'DifferentIdentityText',
]);

/** One file's rows by column name, with their line numbers. */
export interface Table {
  readonly name: HmisFileName;
  readonly fileName: string;
  readonly rows: readonly TableRow[];
}

export interface TableRow {
  readonly line: number;
  /** Column name → text ('' for null). */
  readonly get: (column: string) => string;
}

export type Tables = ReadonlyMap<HmisFileName, Table>;

function baseName(name: string): string {
  return name.split(/[/\\]/).pop() ?? name;
}

/** The problems that stop an import; empty when the export can be imported. */
export function validateHmisExport(
  files: HmisExportFiles,
  maxRows = DEFAULT_MAX_IMPORT_ROWS,
): ImportProblem[] {
  const entries: [string, readonly (readonly string[])[]][] =
    files instanceof Map ? [...files] : Object.entries(files);
  const problems: ImportProblem[] = [];
  const total = entries.reduce((n, [, rows]) => n + Math.max(0, rows.length - 1), 0);
  if (total > maxRows) {
    return [
      {
        file: null,
        line: null,
        column: null,
        message: `The export has ${total.toLocaleString('en-US')} rows; an import takes at most ${maxRows.toLocaleString('en-US')}. Export a shorter period or fewer projects.`,
      },
    ];
  }
  const version = versionProblem(entries);
  if (version !== null) problems.push(version);
  const exportRows = entries.find(([n]) => baseName(n) === 'Export.csv')?.[1];
  const hashAt = exportRows?.[0]?.indexOf('HashStatus') ?? -1;
  const hashStatus = hashAt >= 0 ? exportRows?.[1]?.[hashAt] : undefined;
  if (hashStatus !== undefined && hashStatus !== UNHASHED && hashStatus !== '') {
    problems.push({
      file: 'Export.csv',
      line: 2,
      column: 'HashStatus',
      message: `HashStatus is ${hashStatus}: names and SSNs in this export are hashed, so it cannot seed a caseload. Ask for an unhashed export (HashStatus 1).`,
    });
  }
  for (const f of checkHmisStructure(files)) {
    if (f.severity === 'warning' || f.checkId === '126') continue;
    // Once the version is wrong, every column difference says the same thing again.
    if (version !== null && (f.checkId === '12' || f.checkId === '82' || f.checkId === '124'))
      continue;
    // A message about a name, SSN or DOB may quote the value: say where, never what.
    const message =
      f.file === 'Client.csv' && f.column !== null && PRIVATE_COLUMNS.has(f.column)
        ? `${f.column} in row ${f.line ?? '?'} of Client.csv is not a valid ${f.column} value`
        : f.message;
    problems.push({
      file: f.file,
      line: f.line,
      column: f.column,
      message: `${message} (Eva ${f.checkId})`,
    });
  }
  return problems;
}

/** An export of another CSV version, named as such (the columns then differ everywhere). */
function versionProblem(
  entries: readonly [string, readonly (readonly string[])[]][],
): ImportProblem | null {
  const byBase = new Map(entries.map(([n, rows]) => [baseName(n), rows]));
  const exp = byBase.get('Export.csv');
  const at = exp?.[0]?.indexOf('CSVVersion') ?? -1;
  const version = at >= 0 ? (exp?.[1]?.[at] ?? '') : null;
  const old = [...byBase].find(([, rows]) => rows[0]?.some((c) => FY2024_ONLY_COLUMNS.has(c)));
  if (version !== null && version.startsWith('2026') && old === undefined) return null;
  if (version === null && old === undefined) return null; // the structure check names what is missing
  const named = [
    version !== null && !version.startsWith('2026') ? `CSVVersion "${version}"` : null,
    old !== undefined ? `${old[0]} has FY2024 columns` : null,
  ]
    .filter((x) => x !== null)
    .join('; ');
  return {
    file: old?.[0] ?? 'Export.csv',
    line: old === undefined ? 2 : 1,
    column:
      old === undefined
        ? 'CSVVersion'
        : (old[1][0]?.find((c) => FY2024_ONLY_COLUMNS.has(c)) ?? null),
    message: `This is not an HMIS CSV FY2026 export (${named}). Fieldnote imports the FY2026 format (CSVVersion 2026); ask for an FY2026 export.`,
  };
}

/** The files as tables by column name (after validation passed). */
export function tablesOf(files: HmisExportFiles): Tables {
  const entries: [string, readonly (readonly string[])[]][] =
    files instanceof Map ? [...files] : Object.entries(files);
  const byBase = new Map(entries.map(([n, rows]) => [baseName(n), rows]));
  const tables = new Map<HmisFileName, Table>();
  for (const spec of HMIS_FILES) {
    const [header = [], ...data] = byBase.get(spec.fileName) ?? [];
    const index = new Map(header.map((c, i) => [c, i]));
    const rows: TableRow[] = [];
    data.forEach((fields, i) => {
      if (fields.length === 1 && fields[0] === '' && i === data.length - 1) return;
      rows.push({
        line: i + 2,
        get: (column) => {
          const at = index.get(column);
          return at === undefined ? '' : (fields[at] ?? '');
        },
      });
    });
    tables.set(spec.name, { name: spec.name, fileName: hmisFile(spec.name).fileName, rows });
  }
  return tables;
}
