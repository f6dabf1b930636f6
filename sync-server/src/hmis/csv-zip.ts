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
import { Zip, unzipSync } from 'fflate';
import { csvEncoder, type CsvEncoder } from './csv-encode';
import { NativeDeflateEntry } from './zip-entry';

type Rows = Iterable<readonly string[]> | AsyncIterable<readonly string[]>;
type Pages =
  Iterable<readonly (readonly string[])[]> | AsyncIterable<readonly (readonly string[])[]>;

/**
 * One CSV file of an export: its name in the zip ("Client.csv") and its rows, header first, one
 * by one (`rows`) or in pages (`pages`: arrays of rows, the header the first row of the first).
 */
export type HmisCsvFile =
  | { readonly name: string; readonly rows: Rows; readonly pages?: undefined }
  | { readonly name: string; readonly pages: Pages; readonly rows?: undefined };

/** A file's rows in pages, whichever way it gives them. */
async function* pagesOf(file: HmisCsvFile): AsyncGenerator<readonly (readonly string[])[]> {
  if (file.pages !== undefined) {
    yield* file.pages;
    return;
  }
  let page: (readonly string[])[] = [];
  for await (const row of file.rows) {
    page.push(row);
    if (page.length >= BATCH_ROWS) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
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

/** One entry of the zip as CSV text, a chunk at a time, in order (csv-encode.ts writes them). */
export interface ZipTextEntry {
  readonly name: string;
  readonly chunks: AsyncIterable<string>;
}

/**
 * The export as a stream of zip bytes, produced as the consumer reads (pipe it to a file or to
 * an HTTP reply). Files are written in the order given.
 */
export function hmisZipStream(files: Iterable<HmisCsvFile> | AsyncIterable<HmisCsvFile>): Readable {
  return zipTextStream(encodedEntries(files));
}

/** Writes the export to a stream (a file, an HTTP reply) and resolves when it is all written. */
export async function writeHmisZip(
  files: Iterable<HmisCsvFile> | AsyncIterable<HmisCsvFile>,
  destination: Writable,
): Promise<void> {
  await pipeline(hmisZipStream(files), destination);
}

/** A zip of entries whose CSV text is already encoded, as a stream of bytes. */
export function zipTextStream(entries: AsyncIterable<ZipTextEntry>): Readable {
  return Readable.from(zipChunks(entries), { objectMode: false });
}

/** The files' rows as CSV text, BATCH_ROWS rows per chunk at most. */
async function* encodedEntries(
  files: Iterable<HmisCsvFile> | AsyncIterable<HmisCsvFile>,
): AsyncGenerator<ZipTextEntry> {
  for await (const file of files) yield { name: file.name, chunks: encodedRows(file) };
}

async function* encodedRows(file: HmisCsvFile): AsyncGenerator<string> {
  let encoder: CsvEncoder | null = null;
  let batch: (readonly string[])[] = [];
  for await (const page of pagesOf(file)) {
    let from = 0;
    if (encoder === null && page.length > 0) {
      encoder = csvEncoder(file.name, page[0]!);
      from = 1;
      yield encoder.header;
    }
    for (let i = from; i < page.length; i++) {
      batch.push(page[i]!);
      if (batch.length >= BATCH_ROWS) {
        yield encoder!.rows(batch);
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield encoder!.rows(batch);
}

async function* zipChunks(entries: AsyncIterable<ZipTextEntry>): AsyncGenerator<Uint8Array> {
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
    for await (const file of entries) {
      if (names.has(file.name)) throw new Error(`The export has two files named ${file.name}.`);
      names.add(file.name);
      entry = new NativeDeflateEntry(file.name);
      zip.add(entry);
      for await (const text of file.chunks) {
        if (text.length === 0) continue;
        await entry.push(Buffer.from(text, 'utf8'));
        yield* drain();
      }
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
