// Latency samples and their percentiles (nearest rank over every sample kept: a 30 s run keeps a
// few tens of thousands, so nothing is estimated).
import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export class LatencyRecorder {
  private readonly samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
  }

  /** Times `fn` and records its duration, also when it throws. */
  async time<T>(fn: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.add(performance.now() - start);
    }
  }

  get count(): number {
    return this.samples.length;
  }

  summary(): LatencySummary {
    return summarize(this.samples);
  }

  static merged(...recorders: LatencyRecorder[]): LatencySummary {
    return summarize(recorders.flatMap((r) => r.samples));
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0
      ? 0
      : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    count: sorted.length,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
    meanMs: round(sorted.length ? total / sorted.length : 0),
  };
}
