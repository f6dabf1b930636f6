// The HMIS CSV export at county size: 20,000 clients and 40,000 enrollments generated straight
// into storage (bench/server/hmis-caseload.ts), exported to a temp file at 5,000, 10,000 and
// 20,000 clients, on SQLite and (with DATABASE_URL) PostgreSQL. Prints the time and the peak
// memory of each export (RSS and heap, sampled while it runs) so a flat line shows the export
// streams; writes bench/results/server-export.json. Target (issue 10): under 10 s at 20,000
// clients, memory flat as the size grows. Read by people, never asserted by timed tests.
//
//   npm run bench:export            (also run at the end of npm run bench:server)
//   npm run bench:export -- --smoke (sizes shrunk: exercises the path only)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDateOf } from '../src/domain/records';
import { createProvider, createUser } from '../sync-server/src/auth/accounts';
import { isEntryPoint } from '../sync-server/src/cli/entry-point';
import { hmisExportSettings, runHmisExport } from '../sync-server/src/hmis/export';
import { HMIS_EXPORT_DEPS } from '../sync-server/src/hmis/export-deps';
import type { StorageKind } from '../sync-server/src/storage/types';
import { createBenchDatabase } from './server/fixtures';
import { generateHmisCaseload } from './server/hmis-caseload';
import { hmisBenchReport } from './server/hmis-report';

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
  findings: { error: number; high: number; warning: number };
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

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
    const provider = await createProvider(
      storage,
      { name: 'Bench County Case Management', projectType: 6, funders: [1], cocCode: 'MN-500' },
      now,
    );
    const user = await createUser(
      storage,
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
      const generating = performance.now();
      await generateHmisCaseload(storage, {
        providerId: provider.id,
        userId: user.id,
        clients: size - written,
        from: written,
        now,
      });
      written = size;
      const generateSeconds = (performance.now() - generating) / 1000;
      (globalThis as { gc?: () => void }).gc?.();
      let peakRss = process.memoryUsage().rss;
      let peakHeap = process.memoryUsage().heapUsed;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 10);
      const file = path.join(out, `export-${size}.zip`);
      const started = performance.now();
      const result = await runHmisExport(
        storage,
        {
          providers: [provider],
          startDate: localDateOf(new Date(now - 400 * 86_400_000)),
          endDate: localDateOf(new Date(now)),
          hash: false,
          userId: user.id,
          via: 'cli',
          destination: createWriteStream(file),
          now,
          settings: hmisExportSettings({}),
        },
        HMIS_EXPORT_DEPS,
      );
      const exportSeconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const rows = (name: string) => result.files.find((f) => f.file === name)?.rows ?? 0;
      const step: ExportStep = {
        clients: size,
        enrollments: size * 2,
        generateSeconds: Math.round(generateSeconds * 100) / 100,
        exportSeconds: Math.round(exportSeconds * 100) / 100,
        zipMb: mb(statSync(file).size),
        clientRows: rows('Client.csv'),
        enrollmentRows: rows('Enrollment.csv'),
        peakRssMb: mb(peakRss),
        peakHeapMb: mb(peakHeap),
        findings: result.report.counts,
      };
      steps.push(step);
      console.log(
        `  ${kind} ${String(size).padStart(6)} clients: export ${step.exportSeconds.toFixed(2)} s, ` +
          `peak RSS ${step.peakRssMb} MB, peak heap ${step.peakHeapMb} MB, zip ${step.zipMb} MB ` +
          `(${step.clientRows} clients, ${step.enrollmentRows} enrollments; ` +
          `Eva: ${step.findings.error} errors, ${step.findings.high} high, ${step.findings.warning} warnings)`,
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
