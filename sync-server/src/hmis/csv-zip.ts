// Writing an HMIS CSV export as a zip, and reading one back.
//
// Writing is streamed: each file's rows come from an (async) iterable and are quoted, encoded,
// deflated and handed to the output as they come, a few hundred rows at a time, with the
// output's backpressure respected, so a 200,000-row Services.csv costs no more memory than a
// 20-row one. The CSV is HMIS CSV's general rules (hmis-data-standards.md §2.2): the first row is
// the column names, records end in CRLF, text is UTF-8 without a BOM, string (S#) fields are
// "padded with double-quotes", a double quote inside data is doubled, and null is an empty,
// unquoted field. Rows arrive already formatted (src/domain/hmis-csv/values.ts); this module
// changes no value.
//
// Libraries: csv-stringify / csv-parse (the maintained `csv` project, MIT, dependency-free) do
// the quoting and parsing; fflate (MIT, dependency-free, ~8 kB) writes the zip container entry by
// entry and reads it back, while Node's zlib deflates each entry (zip-entry.ts). See
// src/domain/hmis-csv/index.ts for why these.
import { readFile } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Zip, unzipSync } from 'fflate';
import { isHmisFileName, hmisFile, isStringType } from '../../../src/domain/hmis-csv';
import { NativeDeflateEntry } from './zip-entry';

/** One CSV file of an export: its name in the zip ("Client.csv") and its rows, header first. */
export interface HmisCsvFile {
  readonly name: string;
  readonly rows: Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
}

/** A zip that cannot be read as an HMIS CSV export; the message says what is wrong. */
export class HmisZipError extends Error {
  constructor(
    message: string,
    /** The file inside the zip the problem is in, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'HmisZipError';
  }
}

/** Rows per csv-stringify call and per deflate write: large enough to be fast, small enough. */
const BATCH_ROWS = 500;

const CSV_OPTIONS = {
  record_delimiter: '\r\n',
  quote_record_delimiter: true,
  bom: false,
} as const;

/**
 * The export as a stream of zip bytes, produced as the consumer reads (pipe it to a file or to
 * an HTTP reply). Files are written in the order given.
 */
export function hmisZipStream(files: Iterable<HmisCsvFile> | AsyncIterable<HmisCsvFile>): Readable {
  return Readable.from(zipChunks(files), { objectMode: false });
}

/** Writes the export to a stream (a file, an HTTP reply) and resolves when it is all written. */
export async function writeHmisZip(
  files: Iterable<HmisCsvFile> | AsyncIterable<HmisCsvFile>,
  destination: Writable,
): Promise<void> {
  await pipeline(hmisZipStream(files), destination);
}

async function* zipChunks(
  files: Iterable<HmisCsvFile> | AsyncIterable<HmisCsvFile>,
): AsyncGenerator<Uint8Array> {
  // The zip calls back as entries produce data; we collect and yield, so the consumer's pace
  // (the async generator is pulled) is what drives the reading of rows.
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) pending.push(chunk);
  });
  const drain = function* () {
    if (failure) throw failure;
    yield* pending.splice(0);
  };
  const names = new Set<string>();
  let entry: NativeDeflateEntry | null = null;
  try {
    for await (const file of files) {
      if (names.has(file.name)) throw new Error(`The export has two files named ${file.name}.`);
      names.add(file.name);
      entry = new NativeDeflateEntry(file.name);
      zip.add(entry);
      let quoted: ReadonlySet<number> = new Set();
      let batch: (readonly string[])[] = [];
      let header = true;
      for await (const row of file.rows) {
        if (header) {
          header = false;
          quoted = stringColumns(file.name, row);
          await entry.push(Buffer.from(stringify([row], CSV_OPTIONS), 'utf8'));
          yield* drain();
          continue;
        }
        batch.push(row);
        if (batch.length >= BATCH_ROWS) {
          await entry.push(Buffer.from(csvRows(batch, quoted), 'utf8'));
          batch = [];
          yield* drain();
        }
      }
      if (batch.length > 0) await entry.push(Buffer.from(csvRows(batch, quoted), 'utf8'));
      await entry.end();
      entry = null;
      yield* drain();
    }
  } finally {
    entry?.terminate();
  }
  zip.end();
  yield* drain();
}

/** Indexes of the columns that are strings (S#) in the specification, by the file's header. */
function stringColumns(fileName: string, header: readonly string[]): ReadonlySet<number> {
  const base = fileName.replace(/\.csv$/, '');
  if (!isHmisFileName(base)) return new Set();
  const types = new Map(hmisFile(base).columns.map((c) => [c.name, c.type]));
  const result = new Set<number>();
  header.forEach((name, i) => {
    const type = types.get(name);
    if (type !== undefined && isStringType(type)) result.add(i);
  });
  return result;
}

/** A field csv-stringify must not quote for being a string (I, M, D, T columns). */
class Unquoted {
  constructor(readonly text: string) {}
}

function csvRows(rows: readonly (readonly string[])[], quoted: ReadonlySet<number>): string {
  if (quoted.size === 0) return stringify(rows as string[][], CSV_OPTIONS);
  // quoted_string quotes every string; other columns go in as Unquoted objects and come back out
  // as plain text through cast.object, which csv-stringify still quotes when the text needs it.
  // (A cast returning { quoted: true } per field does the same but is six times slower.)
  const marked = rows.map((row) => row.map((v, i) => (quoted.has(i) ? v : new Unquoted(v))));
  return stringify(marked, {
    ...CSV_OPTIONS,
    quoted_string: true,
    quoted_empty: false,
    cast: { object: (value) => (value as unknown as Unquoted).text },
  });
}

/**
 * Reads an export zip (its bytes, or a path to it) into file name → rows, header first. Names are
 * as stored in the zip, folders included, so the structure check can flag a misstructured zip
 * (Eva 122). Throws HmisZipError for a file that is not a zip, a damaged zip, or an entry that is
 * not CSV text.
 */
export async function readHmisZip(input: Uint8Array | string): Promise<Map<string, string[][]>> {
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    try {
      bytes = await readFile(input);
    } catch (error) {
      throw new HmisZipError(`Cannot read ${input}: ${(error as Error).message}`);
    }
  } else {
    bytes = input;
  }
  // A zip starts with a local file header ("PK\3\4") or, when empty, the end record ("PK\5\6").
  const isZip =
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
  if (!isZip) {
    throw new HmisZipError(
      'This is not a .zip file (Eva 127 "Wrong file type"): an HMIS CSV export is a zip of CSV files.',
    );
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new HmisZipError(
      `The zip is damaged and cannot be opened (${(error as Error).message}); export it again.`,
    );
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = new Map<string, string[][]>();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue; // a folder entry; its files are listed on their own
    if (!/\.csv$/i.test(name)) {
      throw new HmisZipError(
        `${name} in the zip is not a CSV file (its name must end in .csv).`,
        name,
      );
    }
    let text: string;
    try {
      text = decoder.decode(data);
    } catch {
      throw new HmisZipError(`${name} is not UTF-8 text, so it is not an HMIS CSV file.`, name);
    }
    if (text.includes('\0')) {
      throw new HmisZipError(`${name} holds binary data, so it is not a CSV file.`, name);
    }
    try {
      files.set(
        name,
        parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][],
      );
    } catch (error) {
      throw new HmisZipError(`${name} is not valid CSV: ${(error as Error).message}`, name);
    }
  }
  return files;
}
