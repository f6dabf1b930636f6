// The export worker's side (a worker thread started by export-offload.ts): the port of Eva's
// checks (src/domain/hmis-csv/quality) and the CSV encoding (csv-encode.ts) of an export's rows,
// while the main thread reads and maps the next ones. The machine's second core does a third of
// a county export's work this way, and the garbage csv-stringify makes is collected here.
//
// Protocol (one export at a time, a "session"; replies carry the request's session and id):
//   start { maxFindings?, encode }  → a new checker; `encode` false: check only, no CSV
//   file  { name, header }          → the header checked; text: its CSV line
//   rows  { name, rows }            → the rows checked; text: their CSV
//   finish                          → report: the checker's report
// A failure answers that request with its message, and every later one of the session too.
import { parentPort, workerData } from 'node:worker_threads';
import { createHmisExportChecker } from '../../../src/domain/hmis-csv/quality';
import type { HmisCheckReport, HmisExportChecker } from '../../../src/domain/hmis-csv/quality';
import { csvEncoder, type CsvEncoder } from './csv-encode';

export type WorkerRequest = { readonly session: number; readonly id: number } & (
  | { readonly kind: 'start'; readonly maxFindings?: number; readonly encode: boolean }
  | { readonly kind: 'file'; readonly name: string; readonly header: readonly string[] }
  | { readonly kind: 'rows'; readonly name: string; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'finish' }
);

export type WorkerReply =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'reply';
      readonly session: number;
      readonly id: number;
      readonly text?: string;
      readonly report?: HmisCheckReport;
      readonly error?: string;
    };

interface Session {
  readonly id: number;
  readonly checker: HmisExportChecker;
  readonly encode: boolean;
  encoder: CsvEncoder | null;
  failure: string | null;
}

function serve(port: NonNullable<typeof parentPort>): void {
  let session: Session | null = null;
  const reply = (message: WorkerReply) => port.postMessage(message);
  port.on('message', (request: WorkerRequest) => {
    if (request.kind === 'start') {
      session = {
        id: request.session,
        checker: createHmisExportChecker(
          request.maxFindings === undefined ? undefined : { maxFindings: request.maxFindings },
        ),
        encode: request.encode,
        encoder: null,
        failure: null,
      };
      reply({ kind: 'reply', session: request.session, id: request.id });
      return;
    }
    const current = session;
    if (current === null || current.id !== request.session) {
      reply({ kind: 'reply', session: request.session, id: request.id, error: 'No export.' });
      return;
    }
    if (current.failure !== null) {
      reply({ kind: 'reply', session: current.id, id: request.id, error: current.failure });
      return;
    }
    try {
      if (request.kind === 'file') {
        current.checker.file(request.name, request.header);
        current.encoder = current.encode ? csvEncoder(request.name, request.header) : null;
        reply({
          kind: 'reply',
          session: current.id,
          id: request.id,
          text: current.encoder?.header ?? '',
        });
      } else if (request.kind === 'rows') {
        for (const row of request.rows) current.checker.row(request.name, row);
        reply({
          kind: 'reply',
          session: current.id,
          id: request.id,
          text: current.encoder?.rows(request.rows) ?? '',
        });
      } else {
        reply({
          kind: 'reply',
          session: current.id,
          id: request.id,
          report: current.checker.finish(),
        });
        session = null;
      }
    } catch (error) {
      current.failure = error instanceof Error ? error.message : String(error);
      reply({ kind: 'reply', session: current.id, id: request.id, error: current.failure });
    }
  });
  reply({ kind: 'ready' });
}

/** Set in workerData by export-offload.ts, so that only its worker serves (never a test runner's). */
export const EXPORT_WORKER_MARK = 'fieldnoteHmisExportWorker';

if (parentPort !== null && (workerData as Record<string, unknown> | null)?.[EXPORT_WORKER_MARK]) {
  serve(parentPort);
}
