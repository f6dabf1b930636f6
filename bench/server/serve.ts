// The server under load (load.ts forks this file): the real app, buildApp + listen on 127.0.0.1
// port 0, in a process of its own so the simulated devices do not share its event loop. It reports
// its port over IPC; on 'start' it starts counting (CPU time, and how long each push and pull took
// inside the server, from the request's arrival to the end of its response), and on 'close' it
// closes gracefully and reports those figures. Comparing them with the latency the devices see
// tells time in the server from time queued before it (or in the devices' own process).
//
// Environment: BENCH_LOCATION (a DatabaseLocation as JSON, already migrated and seeded) and
// BENCH_TOKEN_SECRET.
import { performance } from 'node:perf_hooks';
import { buildApp } from '../../sync-server/src/app';
import { benchConfig, openLocation, type DatabaseLocation } from './fixtures';
import { summarize, type LatencySummary } from './latency';

export interface ServerFigures {
  cpuMs: number;
  wallMs: number;
  push: LatencySummary;
  pull: LatencySummary;
}

export type ServeMessage =
  { type: 'listening'; port: number } | ({ type: 'closed' } & ServerFigures);

const send = (message: ServeMessage, then: () => void = () => {}) =>
  process.send?.(message, undefined, undefined, then);

const location = JSON.parse(process.env.BENCH_LOCATION ?? 'null') as DatabaseLocation | null;
const secret = process.env.BENCH_TOKEN_SECRET;
if (!location || !secret || !process.send) {
  console.error('bench/server/serve.ts is started by bench/server/load.ts');
  process.exit(2);
}

// Parent gone (crashed or killed): do not outlive it.
process.on('disconnect', () => process.exit(1));

const storage = openLocation(location);
const app = buildApp(benchConfig(location, secret), { storage, closeStorage: true });
const inServer = { push: [] as number[], pull: [] as number[] };
let counting = false;
app.addHook('onResponse', async (request, reply) => {
  if (!counting) return;
  if (request.url === '/api/sync/push') inServer.push.push(reply.elapsedTime);
  else if (request.url === '/api/sync/pull') inServer.pull.push(reply.elapsedTime);
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
let cpuStart = process.cpuUsage();
let wallStart = performance.now();
send({ type: 'listening', port });

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'start') {
    counting = true;
    cpuStart = process.cpuUsage();
    wallStart = performance.now();
  }
  if (message?.type !== 'close') return;
  const cpu = process.cpuUsage(cpuStart);
  const wallMs = performance.now() - wallStart;
  counting = false;
  void app.close().finally(() =>
    send(
      {
        type: 'closed',
        cpuMs: (cpu.user + cpu.system) / 1000,
        wallMs,
        push: summarize(inServer.push),
        pull: summarize(inServer.pull),
      },
      () => process.exit(0),
    ),
  );
});
