// `npm run bench:server`: the sync server under load, on SQLite and (when DATABASE_URL is set) on
// PostgreSQL, each in throwaway databases. Prints the figures next to their targets and writes them
// to bench/results/server.json. Targets are read by people, never asserted by timed tests.
//
//   1. Push throughput: 10,000 mutations in batches of 500 through the whole HTTP push path, and
//      the same rows written by bare storage calls as a yardstick (bench/server/throughput.ts).
//      Targets: >= 10,000 mutations/s on SQLite, >= 5,000 on PostgreSQL, push time <= 4x raw.
//   2. Pull of everything that push left, in pages of 1000 (same file).
//   3. 100 devices pushing and pulling for 30 s against a listening server (bench/server/load.ts).
//      Target: p99 < 250 ms with 0 errors.
//   4. The HMIS CSV export at 5,000, 10,000 and 20,000 clients (bench/server-export.ts).
//      Target: < 10 s at 20,000 clients, memory flat.
//   5. The HMIS CSV import at the same sizes into an empty server (bench/server-import.ts).
//
// `--smoke` (or BENCH_SMOKE=1) shrinks every size so CI exercises the path in seconds; it writes
// bench/results/server-smoke.json and its figures are not to be read against the targets.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StorageKind } from '../sync-server/src/storage/types';
import { runExportBenchmarks } from './server-export';
import { runImportBenchmarks } from './server-import';
import { runLoad, type LoadOptions } from './server/load';
import { checkTargets, printReport, type KindFigures } from './server/report';
import { runThroughput, type ThroughputOptions } from './server/throughput';

const smoke = process.argv.includes('--smoke') || process.env.BENCH_SMOKE === '1';
const databaseUrl = process.env.DATABASE_URL?.trim() || null;
const kinds: StorageKind[] = databaseUrl ? ['sqlite', 'postgres'] : ['sqlite'];

const throughputOptions: ThroughputOptions = {
  mutations: smoke ? 1_000 : 10_000,
  batchSize: 500,
  warmupMutations: smoke ? 500 : 2_000,
  pullLimit: 1000,
  devices: 4,
  phaseTimeoutMs: 10 * 60_000,
};
const loadOptions: LoadOptions = {
  devices: smoke ? 20 : 100,
  seconds: smoke ? 3 : 30,
  devicesPerProvider: 10,
  pullLimit: 500,
  requestTimeoutMs: 10_000,
};

// Other work on the machine skews every figure here: the load average is kept with them.
const loadAverageAtStart = Math.round(os.loadavg()[0]! * 100) / 100;
const figures: Partial<Record<StorageKind, KindFigures>> = {};
for (const kind of kinds) {
  console.log(`Running on ${kind}...`);
  const throughput = await runThroughput(kind, databaseUrl, throughputOptions);
  const load = await runLoad(kind, databaseUrl, loadOptions);
  figures[kind] = { throughput, load };
}

const targets = checkTargets(figures);
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart,
  loadAverageAtEnd: Math.round(os.loadavg()[0]! * 100) / 100,
};
const name = smoke ? 'server-smoke' : 'server';
const report = {
  name,
  date: new Date().toISOString(),
  machine,
  mode: smoke ? 'smoke' : 'full',
  options: { throughput: throughputOptions, load: loadOptions },
  figures,
  targets,
};

printReport(
  `Server benchmark (${smoke ? 'smoke run: sizes shrunk, targets not meaningful' : 'full run'}; ` +
    `${machine.cpus} CPUs, 1-min load average ${loadAverageAtStart} at start, ${machine.loadAverageAtEnd} at end)`,
  figures,
  targets,
);
const resultsDir = path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${name}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Written to ${path.relative(process.cwd(), file)}`);

// 4. The HMIS CSV export of 20,000 clients (bench/server-export.ts, its own results file).
await runExportBenchmarks({ smoke, databaseUrl });

// 5. The HMIS CSV import of 20,000 clients into an empty server (bench/server-import.ts).
await runImportBenchmarks({ smoke, databaseUrl });
