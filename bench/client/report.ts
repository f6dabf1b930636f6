// Targets, printing, and the JSON written to bench/results/ (client.json; client-smoke.json for a
// smoke run, whose tiny sizes say nothing about the targets).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Target {
  name: string;
  /** What is compared, e.g. "p95(save)/p95(raw put)". */
  measure: string;
  value: number;
  limit: number;
  comparison: '<=' | '<' | '>=';
  unit: string;
  met: boolean;
}

export function target(
  name: string,
  measure: string,
  value: number,
  comparison: '<=' | '<' | '>=',
  limit: number,
  unit: string,
): Target {
  const met =
    comparison === '<=' ? value <= limit : comparison === '>=' ? value >= limit : value < limit;
  return { name, measure, value, limit, comparison, unit, met };
}

export function machineInfo(chromium: string): Record<string, string | number> {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    chromium,
  };
}

export function printSection(title: string, rows: Record<string, unknown>): void {
  console.log(title);
  for (const [key, value] of Object.entries(rows)) {
    const shown =
      typeof value === 'number'
        ? value.toLocaleString('en-US')
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    console.log(`  ${key.padEnd(34)} ${shown}`);
  }
}

export function printTargets(targets: readonly Target[], smoke: boolean): void {
  console.log(smoke ? 'Targets (smoke sizes: indicative only)' : 'Targets');
  for (const t of targets) {
    const verdict = t.met ? 'met' : 'NOT MET';
    console.log(
      `  ${t.name.padEnd(34)} ${t.value.toLocaleString('en-US')} ${t.unit} ${t.comparison} ${t.limit} ${t.unit}: ${verdict}`,
    );
  }
}

export function writeReport(smoke: boolean, report: Record<string, unknown>): string {
  const dir = path.join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, smoke ? 'client-smoke.json' : 'client.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}
