// The HMIS CSV import at county size: the bench caseload (bench/server/hmis-caseload.ts, the
// export benchmark's) exported with the real exporter at 5,000, 10,000 and 20,000 clients (about
// twice as many enrollments, with their Entry and Exit assessments and CLS), then each zip
// imported into an empty server with the real import (planHmisImport + applyHmisImport, through
// pushMutations), on SQLite and (with DATABASE_URL) PostgreSQL. Prints the time of the import, of
// a second import of the same file (which changes nothing), and the peak memory (RSS and heap,
// sampled while it runs); writes bench/results/server-import.json. Target (issue 10): under 10 s
// at 20,000 clients. Read by people, never asserted by timed tests.
//
//   npm run bench:import            (also run at the end of npm run bench:server)
//   npm run bench:import -- --smoke (sizes shrunk: exercises the path only)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { planHmisImport } from '../src/domain/hmis-csv/import';
import { localDateOf } from '../src/domain/records';
import { isEntryPoint } from '../sync-server/src/cli/entry-point';
import { readHmisZip } from '../sync-server/src/hmis/csv-zip';
import { hmisExportSettings, runHmisExport } from '../sync-server/src/hmis/export';
import { HMIS_EXPORT_DEPS } from '../sync-server/src/hmis/export-deps';
import { applyHmisImport } from '../sync-server/src/hmis/import/apply';
import type { StorageKind } from '../sync-server/src/storage/types';
import { BENCH_PERIOD_DAYS } from './server-export';
import { createBenchDatabase } from './server/fixtures';
import { hmisBenchReport } from './server/hmis-report';
import { setUpHmisBench } from './server/hmis-setup';
import { measured, mb, sampledStorage, seconds } from './server/measure';

export interface ImportStep {
  clients: number;
  enrollments: number;
  zipMb: number;
  /** Rows in the zip (all files). */
  rows: number;
  /** Records written (created) by the import. */
  records: number;
  importSeconds: number;
  /** Of importSeconds: reading the zip, planning (validation and mapping), applying (pushes). */
  readSeconds: number;
  planSeconds: number;
  applySeconds: number;
  /** The same file again: nothing to change. */
  reimportSeconds: number;
  peakRssMb: number;
  peakHeapMb: number;
}

export async function runImportBench(
  kind: StorageKind,
  databaseUrl: string | null,
  sizes: readonly number[],
): Promise<ImportStep[]> {
  const sourceDb = createBenchDatabase(kind, databaseUrl);
  const out = mkdtempSync(path.join(os.tmpdir(), 'fieldnote-bench-import-'));
  const steps: ImportStep[] = [];
  try {
    const source = sourceDb.open();
    await source.migrate();
    const now = Date.now();
    const { provider, adminId, caseload } = await setUpHmisBench(source, {
      now,
      maxClients: Math.max(...sizes),
    });
    for (const size of sizes) {
      const counts = await caseload.grow(source, size);
      const file = path.join(out, `export-${size}.zip`);
      const destination = createWriteStream(file);
      await runHmisExport(
        source,
        {
          providers: [provider],
          startDate: localDateOf(new Date(now - BENCH_PERIOD_DAYS * 86_400_000)),
          endDate: localDateOf(new Date(now)),
          hash: false,
          userId: adminId,
          via: 'cli',
          destination,
          now,
          settings: hmisExportSettings({}),
        },
        HMIS_EXPORT_DEPS,
      );
      await finished(destination).catch(() => undefined);

      const targetDb = createBenchDatabase(kind, databaseUrl);
      try {
        const target = targetDb.open();
        await target.migrate();
        await target.putProvider(provider);
        let rows = 0;
        const phases = { read: 0, plan: 0 };
        const first = await measured(async (sample) => {
          let at = performance.now();
          const files = await readHmisZip(file);
          phases.read = performance.now() - at;
          sample();
          rows = [...files.values()].reduce((n, r) => n + r.length - 1, 0);
          at = performance.now();
          const result = planHmisImport(files, { providerId: provider.id });
          phases.plan = performance.now() - at;
          sample();
          if (!result.ok)
            throw new Error(`The bench export does not import: ${result.problems[0]?.message}`);
          return applyHmisImport(sampledStorage(target, sample), result.plan, provider);
        });
        const again = await measured(async (sample) => {
          const result = planHmisImport(await readHmisZip(file), { providerId: provider.id });
          sample();
          if (!result.ok) throw new Error('The bench export does not import a second time');
          return applyHmisImport(sampledStorage(target, sample), result.plan, provider);
        });
        if (again.value.created + again.value.updated !== 0) {
          throw new Error('A second import of the same file changed records');
        }
        const step: ImportStep = {
          clients: counts.clients,
          enrollments: counts.enrollments,
          zipMb: mb(statSync(file).size),
          rows,
          records: first.value.created,
          importSeconds: seconds(first.ms),
          readSeconds: seconds(phases.read),
          planSeconds: seconds(phases.plan),
          applySeconds: seconds(first.ms - phases.read - phases.plan),
          reimportSeconds: seconds(again.ms),
          peakRssMb: mb(first.rss),
          peakHeapMb: mb(first.heap),
        };
        steps.push(step);
        console.log(
          `  ${kind} ${String(size).padStart(6)} clients: import ${step.importSeconds.toFixed(2)} s ` +
            `(read ${step.readSeconds.toFixed(2)} s, plan ${step.planSeconds.toFixed(2)} s, apply ` +
            `${step.applySeconds.toFixed(2)} s; ${step.records} records from ${step.rows} rows, ` +
            `zip ${step.zipMb} MB), ` +
            `again ${step.reimportSeconds.toFixed(2)} s, peak RSS ${step.peakRssMb} MB, peak heap ${step.peakHeapMb} MB`,
        );
      } finally {
        await targetDb.cleanup();
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    await sourceDb.cleanup();
  }
  return steps;
}

/** Runs the import benchmark on each kind and writes bench/results/server-import[-smoke].json. */
export async function runImportBenchmarks(options: {
  smoke: boolean;
  databaseUrl: string | null;
}): Promise<void> {
  const kinds: StorageKind[] = options.databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];
  const sizes = options.smoke ? [500, 1_000, 2_000] : [5_000, 10_000, 20_000];
  const writeReport = hmisBenchReport('server-import', options.smoke, sizes);
  console.log(
    `HMIS CSV import benchmark (${options.smoke ? 'smoke run: sizes shrunk' : 'full run'}; target < 10 s at 20,000 clients)`,
  );
  const figures: Partial<Record<StorageKind, ImportStep[]>> = {};
  for (const kind of kinds) figures[kind] = await runImportBench(kind, options.databaseUrl, sizes);
  writeReport(figures);
}

if (isEntryPoint(import.meta.url)) {
  await runImportBenchmarks({
    smoke: process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1',
    databaseUrl: process.env.DATABASE_URL?.trim() || null,
  });
}
