// The HMIS CSV export at county size: the bench caseload (bench/server/hmis-caseload.ts: the
// generated caseload's households, two stays each, Entry and Exit assessments, CLS) generated
// straight into storage and exported to a temp file at 5,000, 10,000 and 20,000 clients (about
// twice as many enrollments), on SQLite and (with DATABASE_URL) PostgreSQL. The period covers
// every stay, so the whole caseload is exported. Prints the time and the peak memory of each
// export (RSS and heap, sampled while it runs, and the heap above what was live before it
// started) so a flat line shows the export streams; writes bench/results/server-export.json.
// Target (issue 10): under 10 s at 20,000 clients, memory flat as the size grows. Read by
// people, never asserted by timed tests.
//
//   npm run bench:export            (also run at the end of npm run bench:server)
//   npm run bench:export -- --smoke (sizes shrunk: exercises the path only)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { localDateOf } from '../src/domain/records';
import { isEntryPoint } from '../sync-server/src/cli/entry-point';
import { hmisExportSettings, runHmisExport } from '../sync-server/src/hmis/export';
import { HMIS_EXPORT_DEPS } from '../sync-server/src/hmis/export-deps';
import type { StorageKind } from '../sync-server/src/storage/types';
import { createBenchDatabase } from './server/fixtures';
import { hmisBenchReport } from './server/hmis-report';
import { measured, mb, sampledStorage, seconds } from './server/measure';
import { setUpHmisBench } from './server/hmis-setup';

/** Every stay of the bench caseload lies within the last five years. */
export const BENCH_PERIOD_DAYS = 5 * 365;

export interface ExportStep {
  clients: number;
  enrollments: number;
  generateSeconds: number;
  exportSeconds: number;
  zipMb: number;
  clientRows: number;
  enrollmentRows: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** Peak heap less the heap live before the export (after a full GC). */
  heapGrowthMb: number;
  findings: { error: number; high: number; warning: number };
}

export async function runExportBench(
  kind: StorageKind,
  databaseUrl: string | null,
  sizes: readonly number[],
): Promise<ExportStep[]> {
  const database = createBenchDatabase(kind, databaseUrl);
  const out = mkdtempSync(path.join(os.tmpdir(), 'fieldnote-bench-export-'));
  const steps: ExportStep[] = [];
  try {
    const storage = database.open();
    await storage.migrate();
    const now = Date.now();
    const { provider, adminId, caseload } = await setUpHmisBench(storage, {
      now,
      maxClients: Math.max(...sizes),
    });
    for (const size of sizes) {
      const generating = performance.now();
      const counts = await caseload.grow(storage, size);
      const generateSeconds = seconds(performance.now() - generating);
      const file = path.join(out, `export-${size}.zip`);
      const destination = createWriteStream(file);
      const run = await measured((sample) =>
        runHmisExport(
          sampledStorage(storage, sample),
          {
            providers: [provider],
            startDate: localDateOf(new Date(now - BENCH_PERIOD_DAYS * 86_400_000)),
            endDate: localDateOf(new Date(now)),
            // Hashed, as Eva asks (check 126 flags an unhashed export as high priority).
            hash: true,
            userId: adminId,
            via: 'cli',
            destination,
            now,
            settings: hmisExportSettings({}),
          },
          HMIS_EXPORT_DEPS,
        ),
      );
      await finished(destination).catch(() => undefined);
      const result = run.value;
      const rows = (name: string) => result.files.find((f) => f.file === name)?.rows ?? 0;
      const step: ExportStep = {
        clients: counts.clients,
        enrollments: counts.enrollments,
        generateSeconds,
        exportSeconds: seconds(run.ms),
        zipMb: mb(statSync(file).size),
        clientRows: rows('Client.csv'),
        enrollmentRows: rows('Enrollment.csv'),
        peakRssMb: mb(run.rss),
        peakHeapMb: mb(run.heap),
        heapGrowthMb: mb(run.heap - run.heapBefore),
        findings: result.report.counts,
      };
      steps.push(step);
      console.log(
        `  ${kind} ${String(size).padStart(6)} clients: export ${step.exportSeconds.toFixed(2)} s, ` +
          `peak RSS ${step.peakRssMb} MB, peak heap ${step.peakHeapMb} MB (+${step.heapGrowthMb} MB), ` +
          `zip ${step.zipMb} MB (${step.clientRows} clients, ${step.enrollmentRows} enrollments, ` +
          `${counts.records} records stored; Eva: ${step.findings.error} errors, ` +
          `${step.findings.high} high, ${step.findings.warning} warnings)`,
      );
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    await database.cleanup();
  }
  return steps;
}

/** Runs the export benchmark on each kind and writes bench/results/server-export[-smoke].json. */
export async function runExportBenchmarks(options: {
  smoke: boolean;
  databaseUrl: string | null;
}): Promise<void> {
  const kinds: StorageKind[] = options.databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const sizes = options.smoke ? [500, 1_000, 2_000] : [5_000, 10_000, 20_000];
  const writeReport = hmisBenchReport('server-export', options.smoke, sizes);
  console.log(
    `HMIS CSV export benchmark (${options.smoke ? 'smoke run: sizes shrunk' : 'full run'}; target < 10 s at 20,000 clients, memory flat)`,
  );
  const figures: Partial<Record<StorageKind, ExportStep[]>> = {};
  for (const kind of kinds) figures[kind] = await runExportBench(kind, options.databaseUrl, sizes);
  writeReport(figures);
}

if (isEntryPoint(import.meta.url)) {
  await runExportBenchmarks({
    smoke: process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1',
    databaseUrl: process.env.DATABASE_URL?.trim() || null,
  });
}
