// An HMIS CSV FY2026 export as the product runs it, for the admin CLI (cli/hmis-export.ts) and
// the API (routes/hmis-export.ts): parameters built, the files mapped from storage
// (src/domain/hmis-csv/export) and streamed into the zip (csv-zip.ts) through a row sink
// (export-sink.ts) that runs the port of Eva's checks (src/domain/hmis-csv/quality) on every row
// and encodes it as CSV, so neither the zip nor the rows are ever held whole and memory stays
// flat for a county-sized export. The sink runs on the export worker (export-offload.ts) when
// the deps offer one, a few batches of rows behind the mapping, so the two overlap on two cores.
// Every run is audited,
// one entry per exported provider (so each provider's audit log shows it), with what was
// exported and how many rows and findings, never whom: no name, DOB or SSN reaches the log.
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import type {
  HmisExportFile,
  HmisExportParams,
  HmisExportSource,
} from '../../../src/domain/hmis-csv/export/source';
import {
  exportPeriodProblem,
  type HmisExportCheckResponse,
} from '../../../src/domain/protocol/hmis-export';
import {
  DEFAULT_TIME_ZONE,
  derivedId,
  localDateOf,
  newId,
  type Provider,
} from '../../../src/domain/records';
import { AdminError, findProvider } from '../auth/accounts';
import type { AuditEntry, Storage, StorageTx } from '../storage/types';
import { pipeline } from 'node:stream/promises';
import { zipTextStream, type ZipTextEntry } from './csv-zip';
import { threadSink, type HmisExportChecker, type HmisRowSink } from './export-sink';
import { storageExportSource } from './export-source';

export type HmisCheckReport = HmisExportCheckResponse['report'];
export type HmisFileCount = HmisExportCheckResponse['files'][number];

export type { HmisExportChecker } from './export-sink';

/** The pure parts an export is made of; tests may give their own. */
export interface HmisExportDeps {
  exportFiles(source: HmisExportSource, params: HmisExportParams): AsyncIterable<HmisExportFile>;
  createChecker(options?: { maxFindings?: number }): HmisExportChecker;
  /**
   * The same checks as createChecker's, with the CSV encoding, off the main thread: a sink, or
   * null when none is free (the export then runs createChecker's checker on this thread).
   */
  workerSink?(options: { maxFindings?: number; encode: boolean }): Promise<HmisRowSink | null>;
}

/** Rows handed to the sink at a time, and batches it may hold before the mapping waits. */
const SINK_BATCH_ROWS = 500;
const SINK_IN_FLIGHT = 4;

/** A request the export refuses (unknown provider, bad period); the message says why. */
export class HmisExportError extends Error {
  override name = 'HmisExportError';
}

/** Export settings from the environment (the server's and the CLI's): all optional. */
export interface HmisExportSettings {
  /** The CoC's time zone: HMIS datetimes are local (HMIS_TIME_ZONE, default America/Chicago). */
  timeZone: string;
  /** Export.csv ImplementationID (HMIS_IMPLEMENTATION_ID); derived when not set. */
  implementationId: string | null;
  /** Export.csv SourceName (HMIS_SOURCE_NAME). */
  sourceName: string | null;
  /** Export.csv SourceContactEmail (HMIS_SOURCE_CONTACT_EMAIL). */
  sourceContactEmail: string | null;
}

const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max).optional(),
  );

const settingsSchema = z.object({
  HMIS_TIME_ZONE: optionalText(100).refine(
    (zone) => zone === undefined || isTimeZone(zone),
    'must be an IANA time zone such as America/Chicago',
  ),
  HMIS_IMPLEMENTATION_ID: optionalText(200),
  HMIS_SOURCE_NAME: optionalText(50),
  HMIS_SOURCE_CONTACT_EMAIL: optionalText(320),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function hmisExportSettings(env: Record<string, string | undefined>): HmisExportSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HmisExportError(`${String(issue.path[0])} ${issue.message}.`);
  }
  return {
    timeZone: parsed.data.HMIS_TIME_ZONE ?? DEFAULT_TIME_ZONE,
    implementationId: parsed.data.HMIS_IMPLEMENTATION_ID ?? null,
    sourceName: parsed.data.HMIS_SOURCE_NAME ?? null,
    sourceContactEmail: parsed.data.HMIS_SOURCE_CONTACT_EMAIL ?? null,
  };
}

export const SOFTWARE_NAME = 'Fieldnote';

let softwareVersion: string | null = null;
/** The version in package.json (Export.csv SoftwareVersion). */
export function fieldnoteVersion(): string {
  if (softwareVersion === null) {
    const file = new URL('../../../package.json', import.meta.url);
    const parsed = z
      .object({ version: z.string().min(1) })
      .parse(JSON.parse(readFileSync(file, 'utf8')));
    softwareVersion = parsed.version;
  }
  return softwareVersion;
}

/**
 * The installation's ImplementationID when none is configured: derived from the first user ever
 * created here (users are deactivated, never deleted), so it is the same for every export of
 * this installation and names no person.
 */
export async function derivedImplementationId(storage: StorageTx): Promise<string> {
  const users = await storage.listUsers();
  const first = [...users].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )[0];
  return derivedId(`fieldnote:implementation:${first?.id ?? 'none'}`);
}

/** Providers by id or unique part of a name, each once, in the order given. */
export async function resolveExportProviders(
  storage: StorageTx,
  refs: readonly string[],
): Promise<Provider[]> {
  if (refs.length === 0) throw new HmisExportError('Name at least one provider to export.');
  const found = new Map<string, Provider>();
  for (const ref of refs) {
    try {
      const provider = await findProvider(storage, ref);
      found.set(provider.id, provider);
    } catch (error) {
      if (error instanceof AdminError) throw new HmisExportError(error.message);
      throw error;
    }
  }
  return [...found.values()];
}

export interface HmisExportRun {
  providers: readonly Provider[];
  startDate: string;
  endDate: string;
  hash: boolean;
  /** Who ran it (audit); null for the CLI, which runs as the server's operator. */
  userId: string | null;
  /** 'cli' or 'api' (audit). */
  via: 'cli' | 'api';
  /** Where the zip goes; without one only the checks run (nothing is kept). */
  destination?: Writable;
  now: number;
  settings: HmisExportSettings;
  maxFindings?: number;
}

export interface HmisExportResult {
  exportId: string;
  files: HmisFileCount[];
  report: HmisCheckReport;
}

/** Throws HmisExportError when the run cannot be exported (no provider, a bad period). */
export function validateExportRun(
  run: Pick<HmisExportRun, 'providers' | 'startDate' | 'endDate' | 'now' | 'settings'>,
): void {
  if (run.providers.length === 0)
    throw new HmisExportError('Name at least one provider to export.');
  const today = localDateOf(new Date(run.now), run.settings.timeZone);
  const problem = exportPeriodProblem(run.startDate, run.endDate, today);
  if (problem !== null) throw new HmisExportError(problem);
}

/**
 * Runs one export: checks the period, streams every file (into the zip when there is a
 * destination) through the checks, and audits it. Throws HmisExportError for a bad period.
 */
export async function runHmisExport(
  storage: Storage,
  run: HmisExportRun,
  deps: HmisExportDeps,
): Promise<HmisExportResult> {
  validateExportRun(run);

  const params: HmisExportParams = {
    exportId: newId(),
    providers: run.providers,
    startDate: run.startDate,
    endDate: run.endDate,
    exportedAt: new Date(run.now).toISOString(),
    hash: run.hash,
    timeZone: run.settings.timeZone,
    softwareName: SOFTWARE_NAME,
    softwareVersion: fieldnoteVersion(),
    implementationId: run.settings.implementationId ?? (await derivedImplementationId(storage)),
    source: {
      name: run.settings.sourceName,
      contactEmail: run.settings.sourceContactEmail,
    },
  };
  const source = storageExportSource(
    storage,
    run.providers.map((p) => p.id),
  );
  const maxFindings = run.maxFindings === undefined ? {} : { maxFindings: run.maxFindings };
  const encode = run.destination !== undefined;
  const sink =
    (await deps.workerSink?.({ ...maxFindings, encode })) ??
    threadSink(deps.createChecker(run.maxFindings === undefined ? undefined : maxFindings), encode);
  const files: HmisFileCount[] = [];
  let report: HmisCheckReport | null = null;
  // Audited once the last row is read and before the zip's closing bytes go out, so a download
  // never ends before its audit entry is written.
  const finish = async () => {
    report = await sink.finish();
    await storage.appendAudit(auditEntries(run, params.exportId, files, report));
  };
  const entries = sunkFiles(deps.exportFiles(source, params), sink, files, finish);
  try {
    if (run.destination) {
      await pipeline(zipTextStream(entries), run.destination);
    } else {
      for await (const entry of entries) for await (const _text of entry.chunks) void _text;
    }
  } catch (error) {
    sink.close();
    // Part of the data may have left already (a download cut off): that is audited too.
    if (report === null) await storage.appendAudit(auditEntries(run, params.exportId, files, null));
    throw error;
  }
  return { exportId: params.exportId, files, report: report! };
}

/** The files as they stream: each row through the sink and counted, the sink's CSV to the zip. */
async function* sunkFiles(
  files: AsyncIterable<HmisExportFile>,
  sink: HmisRowSink,
  counts: HmisFileCount[],
  onDone: () => Promise<void>,
): AsyncGenerator<ZipTextEntry> {
  for await (const file of files) {
    const count: HmisFileCount = { file: file.name, rows: 0 };
    counts.push(count);
    yield { name: file.name, chunks: sunkRows(file, sink, count) };
  }
  await onDone();
}

/**
 * A file's CSV text, its rows handed to the sink SINK_BATCH_ROWS at a time with up to
 * SINK_IN_FLIGHT batches unanswered, so the sink works on them while the next are mapped.
 */
async function* sunkRows(
  file: HmisExportFile,
  sink: HmisRowSink,
  count: HmisFileCount,
): AsyncGenerator<string> {
  const waiting: Promise<string>[] = [];
  // Each answer is awaited in order below; until then a failure must not count as unhandled.
  const send = (text: Promise<string>) => {
    text.catch(() => undefined);
    waiting.push(text);
  };
  let header = true;
  for await (const page of file.pages ?? onePerPage(file.rows)) {
    let from = 0;
    if (header && page.length > 0) {
      header = false;
      from = 1;
      send(sink.file(file.name, page[0]!));
    }
    for (let at = from; at < page.length; at += SINK_BATCH_ROWS) {
      const rows = page.slice(at, Math.min(page.length, at + SINK_BATCH_ROWS));
      count.rows += rows.length;
      send(sink.rows(file.name, rows));
    }
    while (waiting.length > SINK_IN_FLIGHT) yield await waiting.shift()!;
  }
  while (waiting.length > 0) yield await waiting.shift()!;
}

async function* onePerPage(
  rows: AsyncIterable<readonly string[]>,
): AsyncGenerator<readonly (readonly string[])[]> {
  let page: (readonly string[])[] = [];
  for await (const row of rows) {
    page.push(row);
    if (page.length >= SINK_BATCH_ROWS) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function auditEntries(
  run: HmisExportRun,
  exportId: string,
  files: readonly HmisFileCount[],
  /** Null when the export failed part way. */
  report: HmisCheckReport | null,
): AuditEntry[] {
  const details = {
    exportId,
    via: run.via,
    kind: run.destination ? 'download' : 'check',
    providerIds: run.providers.map((p) => p.id),
    startDate: run.startDate,
    endDate: run.endDate,
    hashed: run.hash,
    rows: Object.fromEntries(files.map((f) => [f.file, f.rows])),
    completed: report !== null,
    findings: report?.counts ?? null,
  };
  return run.providers.map((p) => ({
    at: new Date(run.now).toISOString(),
    userId: run.userId,
    providerId: p.id,
    action: run.destination ? 'hmis_export' : 'hmis_export_check',
    recordType: null,
    recordId: null,
    details,
  }));
}
