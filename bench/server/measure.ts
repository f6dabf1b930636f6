// Time and peak memory of one benchmark step. A timer on the main thread cannot sample a step
// that never yields to it (better-sqlite3 is synchronous, so a SQLite import runs as one long
// chain of resolved promises and a 10 ms interval fired not once), so:
//  - peak RSS is sampled every 5 ms by a worker thread (RSS is the process's, whichever thread
//    reads it);
//  - peak heap (this isolate's) is sampled by the main thread whenever the step calls `sample`
//    (the benchmarks call it around every storage call) and on a
//    timer; heapBefore is what was live before the step, after a full GC.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

export const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
export const seconds = (ms: number) => Math.round(ms / 10) / 100;

/** A full garbage collection, exposed at run time (tsx gives no way to pass --expose-gc). */
const gc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
})();

const RSS_SAMPLER = `
const { parentPort } = require('node:worker_threads');
let peak = process.memoryUsage.rss();
const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 5);
parentPort.on('message', () => { clearInterval(timer); parentPort.postMessage(Math.max(peak, process.memoryUsage.rss())); });
`;

async function rssSampler(): Promise<() => Promise<number>> {
  const worker = new Worker(RSS_SAMPLER, { eval: true });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  return async () => {
    const peak = new Promise<number>((resolve) => worker.once('message', resolve));
    worker.postMessage('stop');
    const value = await peak;
    await worker.terminate();
    return value;
  };
}

export interface Measured<T> {
  value: T;
  ms: number;
  rss: number;
  heap: number;
  heapBefore: number;
}

/** Runs `run`, which may call `sample` as often as it likes (cheap: one V8 counter read). */
export async function measured<T>(run: (sample: () => void) => Promise<T>): Promise<Measured<T>> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heap = heapBefore;
  const sample = () => {
    heap = Math.max(heap, getHeapStatistics().used_heap_size);
  };
  const stopRss = await rssSampler();
  const timer = setInterval(sample, 10);
  const started = performance.now();
  try {
    const value = await run(sample);
    const ms = performance.now() - started;
    sample();
    return { value, ms, rss: await stopRss(), heap, heapBefore };
  } finally {
    clearInterval(timer);
  }
}

/** The storage with `sample` called before and after every call of its methods. */
export function sampledStorage<S extends object>(storage: S, sample: () => void): S {
  return new Proxy(storage, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        sample();
        try {
          return (await (value as (...a: unknown[]) => unknown).apply(target, args)) as unknown;
        } finally {
          sample();
        }
      };
    },
  });
}
