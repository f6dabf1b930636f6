// The export worker's main-thread side: one worker thread (export-worker.ts) shared by the
// process's exports, started on the first and kept (unref'd, so it never keeps the process
// alive), and the HmisRowSink that sends it an export's rows. Starting it costs the loading of
// the checker's modules (most of a second), which later exports do not pay again; an export
// that finds it busy with another export checks and encodes on the main thread instead.
//
// The worker loads TypeScript through tsx's API (tsx is how the server runs), so it starts the
// same under the server, the CLI and the test runner, whatever loader the parent uses.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HmisCheckReport } from '../../../src/domain/hmis-csv/quality';
import type { HmisRowSink } from './export-sink';
import { EXPORT_WORKER_MARK, type WorkerReply, type WorkerRequest } from './export-worker';

/** Young generation of the worker: csv-stringify makes short-lived garbage by the megabyte. */
const WORKER_YOUNG_GENERATION_MB = 48;

const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.tsx)
  .then((api) => (api.tsImport ?? api.default.tsImport)(workerData.module, workerData.parent))
  .catch((error) => parentPort.postMessage({ kind: 'failed', message: String(error && error.stack || error) }));
`;

/**
 * The URL of tsx's ESM API (the "import" entry of tsx/esm/api). Not require.resolve's answer:
 * that is the CommonJS entry, which, imported, registers tsx's hooks from a path that does not
 * exist, so the worker never started and every export checked on the main thread.
 */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports?: Record<string, { import?: string | { default?: string } }>;
  };
  const entry = exports?.['./esm/api']?.import;
  const file = typeof entry === 'string' ? entry : entry?.default;
  if (file === undefined) return pathToFileURL(require.resolve('tsx/esm/api')).href;
  return pathToFileURL(path.join(path.dirname(manifest), file)).href;
}

type Pending = {
  resolve: (reply: WorkerReply & { kind: 'reply' }) => void;
  reject: (e: Error) => void;
};

class ExportWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextSession = 1;
  dead: Error | null = null;
  busy = false;
  /** Resolves true once the worker serves, false if it could not start. */
  readonly ready: Promise<boolean>;
  private onReady: (ok: boolean) => void = () => undefined;

  constructor() {
    this.ready = new Promise((resolve) => (this.onReady = resolve));
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: {
        [EXPORT_WORKER_MARK]: true,
        tsx: tsxEsmApi(),
        module: new URL('./export-worker.ts', import.meta.url).href,
        parent: import.meta.url,
      },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (message: WorkerReply | { kind: 'failed'; message: string }) => {
      if (message.kind === 'failed') {
        this.fail(new Error(`The export worker did not start: ${message.message}`));
      } else if (message.kind === 'ready') this.onReady(true);
      else {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiting?.resolve(message);
      }
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The export worker exited (${code}).`)));
    // After the listeners: adding a 'message' listener refs the worker's port again, and a
    // process whose export had ended then never exited.
    this.worker.unref();
  }

  private fail(error: Error): void {
    this.dead ??= error;
    this.onReady(false);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    if (current === this) current = null;
  }

  request(body: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerReply & { kind: 'reply' }> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    const reply = new Promise<WorkerReply & { kind: 'reply' }>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    this.worker.postMessage({ ...body, id });
    return reply;
  }

  session(): number {
    return this.nextSession++;
  }

  /**
   * Taken by an export (the worker keeps the process alive while it serves one: a SQLite export
   * may have nothing else pending while it waits for the worker) or given back (unref'd again).
   */
  hold(held: boolean): void {
    this.busy = held;
    if (held) this.worker.ref();
    else this.worker.unref();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

let current: ExportWorker | null = null;

/**
 * A sink on the shared export worker, or null when it cannot take this export: another export is
 * using it, or it could not start (the export then checks and encodes on the main thread, as it
 * did before the worker existed). `encode` false: rows are only checked.
 */
export async function workerSink(options: {
  maxFindings?: number;
  encode: boolean;
}): Promise<HmisRowSink | null> {
  current ??= new ExportWorker();
  const worker = current;
  if (worker.busy) return null;
  worker.hold(true);
  if (!(await worker.ready)) {
    worker.hold(false);
    return null;
  }
  const session = worker.session();
  let closed = false;
  const release = () => {
    if (closed) return;
    closed = true;
    worker.hold(false);
  };
  const ask = async (body: DistributiveOmit<WorkerRequest, 'id' | 'session'>) => {
    if (closed) throw new Error('The export has ended.');
    const request = { ...body, session } as DistributiveOmit<WorkerRequest, 'id'>;
    const reply = await worker.request(request);
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply;
  };
  // Requests are posted as they are made and answered in order; a failed start fails them all.
  const started = ask({ kind: 'start', encode: options.encode, maxFindings: options.maxFindings });
  started.catch(() => undefined);
  return {
    async file(name, header) {
      return (await ask({ kind: 'file', name, header })).text ?? '';
    },
    async rows(name, rows) {
      return (await ask({ kind: 'rows', name, rows })).text ?? '';
    },
    async finish(): Promise<HmisCheckReport> {
      try {
        await started;
        return (await ask({ kind: 'finish' })).report!;
      } finally {
        release();
      }
    },
    close: release,
  };
}
