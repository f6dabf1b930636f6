// HMIS CSV text of one file's rows, by csv-stringify (the maintained `csv` project): the general
// rules of hmis-data-standards.md §2.2 — records end in CRLF, no BOM, string (S#) fields
// "padded with double-quotes", a double quote inside data doubled, null an empty, unquoted field.
// Rows arrive already formatted (src/domain/hmis-csv/values.ts); this module changes no value.
// Used by the zip writer (csv-zip.ts) on the main thread and by the export worker
// (export-worker.ts), which encodes an export's rows while the main thread maps the next ones.
import { stringify } from 'csv-stringify/sync';
import { hmisFile, isHmisFileName, isStringType } from '../../../src/domain/hmis-csv';

const CSV_OPTIONS = {
  record_delimiter: '\r\n',
  quote_record_delimiter: true,
  bom: false,
} as const;

const QUOTED_OPTIONS = {
  ...CSV_OPTIONS,
  quoted_string: true,
  quoted_empty: false,
  cast: { object: (value: object) => (value as Unquoted).text },
} as const;

/** The CSV text of a header and of the rows after it, for one file. */
export interface CsvEncoder {
  readonly header: string;
  rows(rows: readonly (readonly string[])[]): string;
}

/** The encoder of a file named `fileName` in the zip ("Client.csv") with this header. */
export function csvEncoder(fileName: string, header: readonly string[]): CsvEncoder {
  const quoted = stringColumns(fileName, header);
  return {
    header: stringify([header as string[]], CSV_OPTIONS),
    rows: (rows) => csvRows(rows, quoted),
  };
}

/** For each column of the header, whether it is a string (S#) in the specification. */
function stringColumns(fileName: string, header: readonly string[]): readonly boolean[] | null {
  const base = fileName.replace(/\.csv$/, '');
  if (!isHmisFileName(base)) return null;
  const types = new Map(hmisFile(base).columns.map((c) => [c.name, c.type]));
  const result = header.map((name) => {
    const type = types.get(name);
    return type !== undefined && isStringType(type);
  });
  return result.includes(true) ? result : null;
}

/** A field csv-stringify must not quote for being a string (I, M, D, T columns). */
class Unquoted {
  constructor(readonly text: string) {}
}

function csvRows(rows: readonly (readonly string[])[], quoted: readonly boolean[] | null): string {
  if (rows.length === 0) return '';
  if (quoted === null) return stringify(rows as string[][], CSV_OPTIONS);
  // quoted_string quotes every string; other columns go in as Unquoted objects and come back out
  // as plain text through cast.object, which csv-stringify still quotes when the text needs it.
  // (A cast returning { quoted: true } per field does the same but is six times slower.) An
  // empty field goes in as it is: quoted_empty false leaves it unquoted whatever its column.
  const marked = rows.map((row) =>
    row.map((v, i) => (v === '' || quoted[i] === true ? v : new Unquoted(v))),
  );
  return stringify(marked as string[][], QUOTED_OPTIONS);
}
