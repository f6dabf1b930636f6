// The targets the figures are read against, and the printed report. Targets are checked here, by
// people reading the figures, never by timed assertions in tests.
import type { StorageKind } from '../../sync-server/src/storage/types';
import type { LoadFigures } from './load';
import type { ThroughputFigures } from './throughput';

export interface KindFigures {
  throughput: ThroughputFigures;
  load: LoadFigures;
}

export interface TargetCheck {
  target: string;
  value: number;
  met: boolean;
}

const PUSH_TARGET: Record<StorageKind, number> = { sqlite: 10_000, postgres: 5_000 };
const MAX_PUSH_OVER_RAW = 4;
const MAX_P99_MS = 250;

export function checkTargets(
  figures: Partial<Record<StorageKind, KindFigures>>,
): Record<string, TargetCheck> {
  const out: Record<string, TargetCheck> = {};
  for (const [kind, f] of Object.entries(figures) as [StorageKind, KindFigures][]) {
    const push = f.throughput.push.mutationsPerSecond;
    out[`${kind}.throughput.push.mutationsPerSecond`] = {
      target: `>= ${PUSH_TARGET[kind].toLocaleString('en-US')}`,
      value: push,
      met: push >= PUSH_TARGET[kind],
    };
    out[`${kind}.throughput.pushTimeOverRaw`] = {
      target: `<= ${MAX_PUSH_OVER_RAW}`,
      value: f.throughput.pushTimeOverRaw,
      met: f.throughput.pushTimeOverRaw <= MAX_PUSH_OVER_RAW,
    };
    for (const part of ['push', 'pull', 'overall'] as const) {
      const p99 = f.load[part].p99Ms;
      out[`${kind}.load.${part}.p99Ms`] = {
        target: `< ${MAX_P99_MS}`,
        value: p99,
        met: p99 < MAX_P99_MS,
      };
    }
    out[`${kind}.load.errors`] = { target: '= 0', value: f.load.errors, met: f.load.errors === 0 };
  }
  return out;
}

/** `a.b.c` → value, for printing nested figures one per line. */
function flatten(value: unknown, prefix: string, out: [string, unknown][]): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, value]);
  }
  return out;
}

const show = (v: unknown) =>
  typeof v === 'number' ? v.toLocaleString('en-US') : Array.isArray(v) ? v.join(' | ') : String(v);

export function printReport(
  title: string,
  figures: Partial<Record<StorageKind, KindFigures>>,
  targets: Record<string, TargetCheck>,
): void {
  console.log(title);
  for (const [key, value] of flatten(figures, '', [])) {
    if (Array.isArray(value) && value.length === 0) continue;
    const t = targets[key];
    const note = t ? `   target ${t.target}: ${t.met ? 'met' : 'NOT MET'}` : '';
    console.log(`  ${key.padEnd(44)} ${show(value)}${note}`);
  }
  const missed = Object.entries(targets).filter(([, t]) => !t.met);
  console.log(
    missed.length === 0
      ? '  All targets met.'
      : `  Targets not met: ${missed.map(([k]) => k).join(', ')}`,
  );
}
