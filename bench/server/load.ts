// Many devices syncing at once against a real listening server (serve.ts, a process of its own)
// over HTTP with Node's fetch (undici, keep-alive). After an unmeasured first sync of every device
// (which opens its connection), each simulated device loops until time is up: push its next 1–5
// mutations (its own device id and sequence; a failed push is retried with the same mutations, as
// a device keeps its queue), then pull one page from its cursor. There is no think time, so this
// is a closed loop at full speed: the latency a device sees is the time inside the server plus the
// time its request waits behind the others the server has in hand (Little's law: mean latency =
// devices / requests per second). The server reports its own view (inServer) to tell them apart.
//
// Devices are spread over providers, ten per provider (one case manager's token each), so a pull
// returns what the provider's other devices pushed meanwhile, as in a real team.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  PROTOCOL_VERSION,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '../../src/domain/protocol';
import type { StorageKind } from '../../sync-server/src/storage/types';
import {
  BENCH_PASSWORD,
  Caseload,
  createBenchDatabase,
  newTokenSecret,
  seedAccounts,
  seededRandom,
  type Account,
  type DatabaseLocation,
} from './fixtures';
import { LatencyRecorder, type LatencySummary } from './latency';
import type { ServeMessage, ServerFigures } from './serve';

export interface LoadOptions {
  devices: number;
  seconds: number;
  devicesPerProvider: number;
  pullLimit: number;
  requestTimeoutMs: number;
}

export interface LoadFigures {
  devices: number;
  providers: number;
  /** Whether each device had a connection of its own (see connectionPerDevice()). */
  connectionPerDevice: boolean;
  /** The unmeasured first sync of every device (opening the connections). */
  connectSeconds: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  mutationsPushed: number;
  recordsPulled: number;
  push: LatencySummary;
  pull: LatencySummary;
  overall: LatencySummary;
  /** Requests that were not 2xx or threw (timeouts, connection errors). */
  errors: number;
  errorSamples: string[];
  /** Mutations the server answered with something other than applied or merged. */
  mutationsNotApplied: number;
  /** CPU time of the server process over the wall time, in % of one core. */
  serverCpuPercent: number;
  /** The same for this process (the simulated devices). */
  clientCpuPercent: number;
  /** Time inside the server (arrival to response sent), as Fastify measures it. */
  inServer: { push: LatencySummary; pull: LatencySummary } | null;
}

interface Server {
  port: number;
  /** Marks the start of the measured time (the server's CPU time counts from here). */
  start(): void;
  close(): Promise<ServerFigures | null>;
}

function nextMessage(child: ChildProcess, type: ServeMessage['type'], timeoutMs: number) {
  return new Promise<ServeMessage>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`server: no '${type}' message`)), timeoutMs);
    const onMessage = (m: ServeMessage) => m.type === type && done(null, m);
    const onExit = (code: number | null) => done(new Error(`server exited with ${code}`));
    function done(error: Error | null, message?: ServeMessage) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Resolves when the child has exited (it may be writing a CPU profile), or after `ms`. */
function exited(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function startServer(location: DatabaseLocation, tokenSecret: string): Promise<Server> {
  // BENCH_SERVER_CPU_PROF=<dir>: the server process writes a V8 CPU profile there when it exits.
  const profileDir = process.env.BENCH_SERVER_CPU_PROF;
  const child = fork(path.join(import.meta.dirname, 'serve.ts'), [], {
    execArgv: profileDir
      ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`]
      : process.execArgv,
    env: {
      ...process.env,
      BENCH_LOCATION: JSON.stringify(location),
      BENCH_TOKEN_SECRET: tokenSecret,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    const listening = await nextMessage(child, 'listening', 60_000);
    if (listening.type !== 'listening') throw new Error('unexpected message');
    return {
      port: listening.port,
      start: () => child.send({ type: 'start' }),
      async close() {
        try {
          const closed = nextMessage(child, 'closed', 30_000);
          child.send({ type: 'close' });
          const m = await closed;
          await exited(child, 10_000);
          if (m.type !== 'closed') return null;
          const { type: _type, ...figures } = m;
          return figures;
        } catch {
          return null;
        } finally {
          kill();
        }
      },
    };
  } catch (error) {
    kill();
    throw error;
  }
}

interface Outcome {
  ok: boolean;
  body: string;
  problem: string;
}

interface Dispatcher {
  close(): Promise<void>;
}

/**
 * A keep-alive connection of its own for each device, as real devices have: an Agent of Node's
 * bundled undici (the class of fetch's global dispatcher, there after the first fetch) limited to
 * one connection. Sharing fetch's global pool instead makes undici open extra connections in
 * bursts and close idle ones after 4 s; each new one then waits to be accepted (see the connect
 * phase in runLoad), which would measure the pool rather than the server. Null when the class is
 * not found: the devices then share the global pool (reported as connectionPerDevice: false).
 */
function connectionPerDevice(): (() => Dispatcher) | null {
  const global = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')];
  const Agent = (global as { constructor?: unknown } | undefined)?.constructor;
  if (typeof Agent !== 'function' || Agent.name !== 'Agent') return null;
  const AgentClass = Agent as new (options: Record<string, number>) => Dispatcher;
  return () =>
    new AgentClass({ connections: 1, keepAliveTimeout: 120_000, keepAliveMaxTimeout: 600_000 });
}

/** HTTP to the server; measured() records latency and counts errors, request() does neither. */
class Client {
  readonly push = new LatencyRecorder();
  readonly pull = new LatencyRecorder();
  errors = 0;
  readonly errorSamples: string[] = [];

  constructor(
    private readonly base: string,
    private readonly timeoutMs: number,
  ) {}

  async request(
    url: string,
    body: unknown,
    token?: string,
    dispatcher?: Dispatcher,
  ): Promise<Outcome> {
    try {
      const res = await fetch(`${this.base}${url}`, {
        ...(dispatcher ? ({ dispatcher } as RequestInit) : {}),
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      return { ok: res.ok, body: text, problem: `${url} ${res.status} ${text.slice(0, 160)}` };
    } catch (error) {
      return { ok: false, body: '', problem: `${url} ${String(error)}` };
    }
  }

  async measured(
    recorder: LatencyRecorder,
    url: string,
    body: unknown,
    token: string,
    dispatcher?: Dispatcher,
  ) {
    const outcome = await recorder.time(() => this.request(url, body, token, dispatcher));
    if (!outcome.ok) {
      this.errors++;
      if (this.errorSamples.length < 5) this.errorSamples.push(outcome.problem);
    }
    return outcome;
  }
}

type SignedIn = Account & { token: string };

class SimulatedDevice {
  pushed = 0;
  pulled = 0;
  notApplied = 0;
  private cursor: string | null = null;
  private pending: Mutation[] = [];
  private readonly caseload: Caseload;

  constructor(
    id: string,
    private readonly client: Client,
    private readonly account: SignedIn,
    private readonly pullLimit: number,
    private readonly random: () => number,
    readonly dispatcher: Dispatcher | undefined,
  ) {
    this.caseload = new Caseload(id, account.userId, account.providerId);
  }

  private body(extra: Record<string, unknown>) {
    return {
      protocolVersion: PROTOCOL_VERSION,
      providerId: this.account.providerId,
      deviceId: this.caseload.deviceId,
      ...extra,
    };
  }

  /** The first sync of a freshly signed-in device (opens its connection); not measured. */
  async initialSync(): Promise<void> {
    const res = await this.client.request(
      '/api/sync/pull',
      this.body({ cursor: null, limit: this.pullLimit }),
      this.account.token,
      this.dispatcher,
    );
    if (!res.ok) throw new Error(`initial pull failed: ${res.problem}`);
    this.cursor = (JSON.parse(res.body) as PullResponse).cursor;
  }

  /** Push, then pull, until the deadline (and at most a million rounds). */
  async run(deadline: number): Promise<void> {
    const { client, account } = this;
    for (let round = 0; round < 1_000_000 && performance.now() < deadline; round++) {
      if (this.pending.length === 0)
        this.pending = this.caseload.next(1 + Math.floor(this.random() * 5));
      const pushed = await client.measured(
        client.push,
        '/api/sync/push',
        this.body({ mutations: this.pending }),
        account.token,
        this.dispatcher,
      );
      if (pushed.ok) {
        for (const r of (JSON.parse(pushed.body) as PushResponse).results)
          if (r.status !== 'applied' && r.status !== 'merged') this.notApplied++;
        this.pushed += this.pending.length;
        this.pending = [];
      }
      if (performance.now() >= deadline) break;
      const pulled = await client.measured(
        client.pull,
        '/api/sync/pull',
        this.body({ cursor: this.cursor, limit: this.pullLimit }),
        account.token,
        this.dispatcher,
      );
      if (pulled.ok) {
        const page = JSON.parse(pulled.body) as PullResponse;
        this.pulled += page.changes.length;
        this.cursor = page.cursor;
      }
    }
  }
}

export async function runLoad(
  kind: StorageKind,
  databaseUrl: string | null,
  options: LoadOptions,
): Promise<LoadFigures> {
  const db = createBenchDatabase(kind, databaseUrl);
  let server: Server | null = null;
  const dispatchers: Dispatcher[] = [];
  try {
    const providers = Math.ceil(options.devices / options.devicesPerProvider);
    const seedStorage = db.open();
    await seedStorage.migrate();
    const accounts = await seedAccounts(seedStorage, providers);
    await seedStorage.close();

    server = await startServer(db.location, newTokenSecret());
    const client = new Client(`http://127.0.0.1:${server.port}`, options.requestTimeoutMs);
    const signedIn: SignedIn[] = [];
    for (const account of accounts) {
      const res = await client.request('/api/auth/sign-in', {
        username: account.username,
        password: BENCH_PASSWORD,
      });
      if (!res.ok) throw new Error(`sign-in failed: ${res.problem}`);
      const { accessToken } = JSON.parse(res.body) as { accessToken: string };
      signedIn.push({ ...account, token: accessToken });
    }

    const random = seededRandom(2026);
    const newConnection = connectionPerDevice();
    const devices = Array.from(
      { length: options.devices },
      (_, i) =>
        new SimulatedDevice(
          `load-${i + 1}`,
          client,
          signedIn[i % providers]!,
          options.pullLimit,
          random,
          newConnection?.(),
        ),
    );
    dispatchers.push(...devices.flatMap((d) => (d.dispatcher ? [d.dispatcher] : [])));
    // Connect phase: every device syncs once, so every connection is open before the clock
    // starts. Node (libuv >= 1.45) accepts one new connection per event-loop turn, and a saturated
    // server takes ~100 ms per turn, so connections opened under full load wait seconds to be
    // accepted. That is a separate matter (connectSeconds), not mixed into the steady state.
    const connectStart = performance.now();
    await Promise.all(devices.map((d) => d.initialSync()));
    const connectMs = performance.now() - connectStart;

    server.start();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await Promise.all(devices.map((d) => d.run(start + options.seconds * 1000)));
    const wallMs = performance.now() - start;
    const clientCpu = process.cpuUsage(cpuStart);
    const inServer = await server.close();
    server = null;

    const requests = client.push.count + client.pull.count;
    const sum = (f: (d: SimulatedDevice) => number) => devices.reduce((s, d) => s + f(d), 0);
    return {
      devices: options.devices,
      providers,
      connectionPerDevice: newConnection !== null,
      connectSeconds: Math.round(connectMs / 100) / 10,
      seconds: Math.round(wallMs / 100) / 10,
      requests,
      requestsPerSecond: Math.round(requests / (wallMs / 1000)),
      mutationsPushed: sum((d) => d.pushed),
      recordsPulled: sum((d) => d.pulled),
      push: client.push.summary(),
      pull: client.pull.summary(),
      overall: LatencyRecorder.merged(client.push, client.pull),
      errors: client.errors,
      errorSamples: client.errorSamples,
      mutationsNotApplied: sum((d) => d.notApplied),
      serverCpuPercent: inServer ? Math.round((inServer.cpuMs / inServer.wallMs) * 100) : -1,
      clientCpuPercent: Math.round(((clientCpu.user + clientCpu.system) / 1000 / wallMs) * 100),
      inServer: inServer ? { push: inServer.push, pull: inServer.pull } : null,
    };
  } finally {
    await server?.close();
    await Promise.allSettled(dispatchers.map((d) => d.close()));
    await db.cleanup();
  }
}
