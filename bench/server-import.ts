// The HMIS CSV import at county size: a generated caseload (bench/server/hmis-caseload.ts, the
// export benchmark's generator) exported with the real exporter at 5,000, 10,000 and 20,000
// clients (two enrollments each), then each zip imported into an empty server with the real
// import (planHmisImport + applyHmisImport, through pushMutations), on SQLite and (with
// DATABASE_URL) PostgreSQL. Prints the time of the import, of a second import of the same file
// (which changes nothing), and the peak memory (RSS and heap, sampled while it runs); writes
// bench/results/server-import.json. Target (issue 10): under 10 s at 20,000 clients. Read by
// people, never asserted by timed tests.
//
//   npm run bench:import            (also run at the end of npm run bench:server)
//   npm run bench:import -- --smoke (sizes shrunk: exercises the path only)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { planHmisImport } from '../src/domain/hmis-csv/import';
import { localDateOf } from '../src/domain/records';
import { createProvider, createUser } from '../sync-server/src/auth/accounts';
import { isEntryPoint } from '../sync-server/src/cli/entry-point';
import { DEMO_PROVIDERS } from '../sync-server/src/cli/seed-demo';
import { readHmisZip } from '../sync-server/src/hmis/csv-zip';
import { hmisExportSettings, runHmisExport } from '../sync-server/src/hmis/export';
import { HMIS_EXPORT_DEPS } from '../sync-server/src/hmis/export-deps';
import { applyHmisImport } from '../sync-server/src/hmis/import/apply';
import type { StorageKind } from '../sync-server/src/storage/types';
import { createBenchDatabase } from './server/fixtures';
import { generateHmisCaseload } from './server/hmis-caseload';
import { hmisBenchReport } from './server/hmis-report';

export interface ImportStep {
  clients: number;
  enrollments: number;
  zipMb: number;
  /** Rows in the zip (all files). */
  rows: number;
  /** Records written (created) by the import. */
  records: number;
  importSeconds: number;
  /** The same file again: nothing to change. */
  reimportSeconds: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const seconds = (ms: number) => Math.round(ms / 10) / 100;

/** Peak RSS and heap while `run` runs, sampled every 10 ms. */
async function measured<T>(
  run: () => Promise<T>,
): Promise<{ value: T; ms: number; rss: number; heap: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 10);
  const started = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - started, rss, heap };
  } finally {
    clearInterval(sampler);
  }
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
    const provider = await createProvider(
      source,
      {
        name: 'Bench County Case Management',
        organizationName: 'Bench County (synthetic)',
        projectType: 6,
        funders: [1],
        cocCode: 'MN-500',
        // The demo's synthetic descriptors: an export the import accepts needs Project.csv whole.
        descriptors: structuredClone(DEMO_PROVIDERS[0].descriptors),
      },
      now,
    );
    const user = await createUser(
      source,
      {
        username: 'bench.generator',
        displayName: 'Bench Generator',
        role: 'admin',
        password: 'synthetic-bench-password-123',
        providerIds: [provider.id],
      },
      now,
    );
    let written = 0;
    for (const size of sizes) {
      await generateHmisCaseload(source, {
        providerId: provider.id,
        userId: user.id,
        clients: size - written,
        from: written,
        now,
      });
      written = size;
      const file = path.join(out, `export-${size}.zip`);
      const destination = createWriteStream(file);
      await runHmisExport(
        source,
        {
          providers: [provider],
          startDate: localDateOf(new Date(now - 400 * 86_400_000)),
          endDate: localDateOf(new Date(now)),
          hash: false,
          userId: user.id,
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
        const first = await measured(async () => {
          const files = await readHmisZip(file);
          rows = [...files.values()].reduce((n, r) => n + r.length - 1, 0);
          const result = planHmisImport(files, { providerId: provider.id });
          if (!result.ok)
            throw new Error(`The bench export does not import: ${result.problems[0]?.message}`);
          return applyHmisImport(target, result.plan, provider);
        });
        const again = await measured(async () => {
          const result = planHmisImport(await readHmisZip(file), { providerId: provider.id });
          if (!result.ok) throw new Error('The bench export does not import a second time');
          return applyHmisImport(target, result.plan, provider);
        });
        if (again.value.created + again.value.updated !== 0) {
          throw new Error('A second import of the same file changed records');
        }
        const step: ImportStep = {
          clients: size,
          enrollments: size * 2,
          zipMb: mb(statSync(file).size),
          rows,
          records: first.value.created,
          importSeconds: seconds(first.ms),
          reimportSeconds: seconds(again.ms),
          peakRssMb: mb(first.rss),
          peakHeapMb: mb(first.heap),
        };
        steps.push(step);
        console.log(
          `  ${kind} ${String(size).padStart(6)} clients: import ${step.importSeconds.toFixed(2)} s ` +
            `(${step.records} records from ${step.rows} rows, zip ${step.zipMb} MB), ` +
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
