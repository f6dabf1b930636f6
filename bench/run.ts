// `npm run bench`: runs the benchmarks, prints the figures and writes them to
// bench/results/<name>.json. Targets are checked here, by people reading the figures, never by
// timed assertions in tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDomainBench } from './domain';

const resultsDir = path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });

const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
};
const figures = runDomainBench();
const report = { name: 'domain', date: new Date().toISOString(), machine, figures };

console.log('Domain benchmark');
for (const [key, value] of Object.entries(figures))
  console.log(`  ${key.padEnd(36)} ${value.toLocaleString('en-US')}`);
const file = path.join(resultsDir, 'domain.json');
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`Written to ${path.relative(process.cwd(), file)}`);
