// Where an export's rows go on their way to the zip: the port of Eva's checks, then the CSV
// encoding (csv-encode.ts). One interface for both places it runs: this thread (threadSink, with
// any checker, which tests give their own) or the export worker (export-offload.ts), where the
// main thread only hands rows over and reads the CSV text back while it maps the next ones.
import type { HmisCheckReport } from '../../../src/domain/hmis-csv/quality';
import { csvEncoder, type CsvEncoder } from './csv-encode';

/** The port of Eva's checks, fed file by file and row by row (src/domain/hmis-csv/quality). */
export interface HmisExportChecker {
  file(name: string, header: readonly string[]): void;
  row(name: string, fields: readonly string[]): void;
  finish(): HmisCheckReport;
}

/**
 * Checks an export's files in order and encodes them: each call answers with the CSV text of
 * what it was given ('' when the sink only checks). Calls are answered in the order made, so a
 * caller may make several before awaiting the first.
 */
export interface HmisRowSink {
  /** Starts a file: checks its header; its CSV line. */
  file(name: string, header: readonly string[]): Promise<string>;
  /** Checks rows of the file started last; their CSV. */
  rows(name: string, rows: readonly (readonly string[])[]): Promise<string>;
  /** Ends the export: what the checks found. */
  finish(): Promise<HmisCheckReport>;
  /** Gives the sink up (an export that failed part way); it is not used again. */
  close(): void;
}

/** A sink on this thread, with this checker. */
export function threadSink(checker: HmisExportChecker, encode: boolean): HmisRowSink {
  let encoder: CsvEncoder | null = null;
  return {
    async file(name, header) {
      checker.file(name, header);
      encoder = encode ? csvEncoder(name, header) : null;
      return encoder?.header ?? '';
    },
    async rows(name, rows) {
      for (const row of rows) checker.row(name, row);
      return encoder?.rows(rows) ?? '';
    },
    async finish() {
      return checker.finish();
    },
    close() {},
  };
}
