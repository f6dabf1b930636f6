// The results file of the HMIS export and import benchmarks: the machine, the sizes and the
// figures per storage, written to bench/results/<name>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const load = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** Starts timing a run: call the returned function with the figures to write the file. */
export function hmisBenchReport(
  name: string,
  smoke: boolean,
  sizes: readonly number[],
): (figures: unknown) => void {
  const loadAverageAtStart = load();
  return (figures) => {
    const fullName = smoke ? `${name}-smoke` : name;
    const report = {
      name: fullName,
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 2 ** 30),
        loadAverageAtStart,
        loadAverageAtEnd: load(),
      },
      mode: smoke ? 'smoke' : 'full',
      sizes,
      figures,
    };
    const dir = path.join(import.meta.dirname, '..', 'results');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${fullName}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Written to ${path.relative(process.cwd(), file)}`);
  };
}
