// Export files for the import's tests: the exporter's synthetic household (no real people)
// exported with hmisExportFiles, so the import is tested as the inverse of the real export, plus
// helpers to break a copy of them in one place.
import {
  hmisExportFiles,
  memoryExportSource,
  type HmisExportParams,
} from '../../../../src/domain/hmis-csv';
import * as fx from '../export/fixture';

export type Files = Map<string, string[][]>;

export { fx };

export async function exportedFiles(params: Partial<HmisExportParams> = {}): Promise<Files> {
  const out: Files = new Map();
  const source = memoryExportSource(fx.fixtureRecords(), fx.USERS);
  for await (const file of hmisExportFiles(source, { ...fx.PARAMS, ...params })) {
    const rows: string[][] = [];
    for await (const row of file.rows) rows.push([...row]);
    out.set(file.name, rows);
  }
  return out;
}

/** A deep copy, so a test can break it. */
export function copy(files: Files): Files {
  return new Map([...files].map(([name, rows]) => [name, rows.map((r) => [...r])]));
}

/** Sets one cell: `line` is the 1-based CSV line (2 = the first data row). */
export function setCell(
  files: Files,
  file: string,
  line: number,
  column: string,
  value: string,
): void {
  const rows = files.get(file)!;
  const at = rows[0]!.indexOf(column);
  if (at < 0) throw new Error(`${file} has no column ${column}`);
  rows[line - 1]![at] = value;
}

/** The 1-based line of the first data row whose column has this value. */
export function lineOf(files: Files, file: string, column: string, value: string): number {
  const rows = files.get(file)!;
  const at = rows[0]!.indexOf(column);
  const i = rows.findIndex((r, n) => n > 0 && r[at] === value);
  if (i < 0) throw new Error(`${file} has no row with ${column} ${value}`);
  return i + 1;
}
