// Push and pull throughput through the whole request path, with a raw-insert yardstick.
//
// Push: N mutations (the caseload mix of fixtures.ts) in batches of 500, one request at a time,
// through app.inject with a real access token: routing, JSON parsing, auth, zod validation, the
// push algorithm with the merge, and storage are all inside the measured time; only building the
// request bodies (the devices' work) is outside. A warm-up (another provider) runs first so the
// JIT and the database caches are warm.
//
// Raw: the same mutations' rows (the records they leave, the mutation log, new scope rows) written
// by bare storage calls (reserveChangeSeqs + putRecords + putMutations + addScopes, one transaction
// per 500 mutations) into a fresh database of the same kind. That is roughly the least any push
// implementation has to write, so push time / raw time says how much the push path adds on top
// (reads, merge, validation, history, audit, HTTP).
//
// Pull: every record the push left in the provider's scope, pulled from an empty cursor in pages
// of 1000 through /api/sync/pull (which also writes the HUD view_client audit rows). A pull sends
// each record's latest state once, and a quarter of the mix patches records created earlier, so
// 10,000 mutations leave about 7,500 records to pull, not 10,000.
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { MemoryReplica, metaFromVersions } from '../../src/domain/merge';
import { PROTOCOL_VERSION, type Mutation, type PullResponse } from '../../src/domain/protocol';
import { buildApp } from '../../sync-server/src/app';
import { clientKeys } from '../../sync-server/src/sync/client-keys';
import type {
  MutationRow,
  RecordKey,
  Storage,
  StorageKind,
  StoredRecord,
} from '../../sync-server/src/storage/types';
import {
  BENCH_PASSWORD,
  Caseload,
  benchConfig,
  createBenchDatabase,
  newTokenSecret,
  seedAccounts,
  type Account,
} from './fixtures';
import { summarize, type LatencySummary } from './latency';

export interface ThroughputOptions {
  mutations: number;
  batchSize: number;
  warmupMutations: number;
  pullLimit: number;
  /** Devices whose batches take turns (each batch comes from one device, as in the protocol). */
  devices: number;
  /** Gives up (throws) when a phase takes longer than this. */
  phaseTimeoutMs: number;
}

export interface ThroughputFigures {
  push: {
    mutations: number;
    batches: number;
    ms: number;
    mutationsPerSecond: number;
    batchLatency: LatencySummary;
    statuses: Record<string, number>;
  };
  raw: {
    mutations: number;
    rows: number;
    ms: number;
    rowsPerSecond: number;
    mutationsPerSecond: number;
  };
  /** Push time over raw time for the same mutations (target ≤ 4). */
  pushTimeOverRaw: number;
  pull: { records: number; pages: number; ms: number; recordsPerSecond: number };
}

interface Batch {
  account: Account;
  deviceId: string;
  mutations: Mutation[];
}

/** Batches taking turns between `devices` devices of one account, `total` mutations in all. */
function makeBatches(account: Account, label: string, total: number, options: ThroughputOptions) {
  const caseloads = Array.from(
    { length: options.devices },
    (_, i) => new Caseload(`${label}-${i + 1}`, account.userId, account.providerId),
  );
  const batches: Batch[] = [];
  for (let done = 0, i = 0; done < total; i++) {
    const caseload = caseloads[i % caseloads.length]!;
    const size = Math.min(options.batchSize, total - done);
    batches.push({ account, deviceId: caseload.deviceId, mutations: caseload.next(size) });
    done += size;
  }
  return batches;
}

function pushBody(batch: Batch): string {
  return JSON.stringify({
    protocolVersion: PROTOCOL_VERSION,
    providerId: batch.account.providerId,
    deviceId: batch.deviceId,
    mutations: batch.mutations,
  });
}

class Deadline {
  private readonly end: number;
  constructor(
    private readonly what: string,
    ms: number,
  ) {
    this.end = performance.now() + ms;
  }
  check(): void {
    if (performance.now() > this.end) throw new Error(`${this.what} took too long; gave up`);
  }
}

async function signIn(app: FastifyInstance, account: Account): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: account.username, password: BENCH_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { accessToken: string }).accessToken;
}

async function pushAll(
  app: FastifyInstance,
  token: string,
  bodies: string[],
  deadline: Deadline,
): Promise<{ ms: number; perBatch: number[]; responses: string[] }> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const perBatch: number[] = [];
  const responses: string[] = [];
  const start = performance.now();
  for (const payload of bodies) {
    deadline.check();
    const t = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload });
    perBatch.push(performance.now() - t);
    if (res.statusCode !== 200) throw new Error(`push failed: ${res.statusCode} ${res.body}`);
    responses.push(res.body);
  }
  return { ms: performance.now() - start, perBatch, responses };
}

async function pullAll(
  app: FastifyInstance,
  token: string,
  account: Account,
  limit: number,
  maxPages: number,
  deadline: Deadline,
): Promise<{ records: number; pages: number; ms: number }> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let cursor: string | null = null;
  let records = 0;
  let pages = 0;
  const start = performance.now();
  for (let hasMore = true; hasMore && pages < maxPages;) {
    deadline.check();
    const res = await app.inject({
      method: 'POST',
      url: '/api/sync/pull',
      headers,
      payload: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        providerId: account.providerId,
        deviceId: 'bench-pull',
        cursor,
        limit,
      }),
    });
    if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
    const page = JSON.parse(res.body) as PullResponse;
    records += page.changes.length;
    pages++;
    cursor = page.cursor;
    hasMore = page.hasMore;
  }
  return { records, pages, ms: performance.now() - start };
}

interface RawBatch {
  records: StoredRecord[];
  mutations: MutationRow[];
  scopes: (RecordKey & { providerId: string })[];
}

/** The rows each batch leaves, computed by the in-memory replica of the sync algorithm. */
function rawBatches(batches: Batch[]): RawBatch[] {
  const replica = new MemoryReplica(Date.now);
  const receivedAt = new Date().toISOString();
  return batches.map((batch) => {
    const { userId, providerId } = batch.account;
    const touched = new Map<string, RecordKey>();
    const mutations: MutationRow[] = [];
    const scopes: RawBatch['scopes'] = [];
    for (const m of batch.mutations) {
      const result = replica.receive(m, userId);
      touched.set(`${m.recordType}:${m.recordId}`, { type: m.recordType, id: m.recordId });
      if (m.op === 'create') scopes.push({ type: m.recordType, id: m.recordId, providerId });
      mutations.push({
        mutationId: m.mutationId,
        deviceId: m.deviceId,
        seq: m.seq,
        userId,
        providerId,
        mutation: m,
        result,
        deviceHlc: m.hlc,
        receivedAt,
      });
    }
    const records = [...touched.values()].map((k): StoredRecord => {
      const state = replica.get(k.type, k.id)!;
      return { state, changeSeq: 0, clientKeys: clientKeys(state), meta: metaFromVersions(state) };
    });
    return { records, mutations, scopes };
  });
}

async function writeRaw(storage: Storage, batches: RawBatch[], deadline: Deadline) {
  let rows = 0;
  const start = performance.now();
  for (const b of batches) {
    deadline.check();
    await storage.transaction(async (tx) => {
      let seq = await tx.reserveChangeSeqs(b.records.length);
      await tx.putRecords(b.records.map((r) => ({ ...r, changeSeq: seq++ })));
      await tx.putMutations(b.mutations);
      await tx.addScopes(b.scopes);
    });
    rows += b.records.length + b.mutations.length + b.scopes.length;
  }
  return { rows, ms: performance.now() - start };
}

const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));

export async function runThroughput(
  kind: StorageKind,
  databaseUrl: string | null,
  options: ThroughputOptions,
): Promise<ThroughputFigures> {
  const pushDb = createBenchDatabase(kind, databaseUrl);
  const rawDb = createBenchDatabase(kind, databaseUrl);
  let app: FastifyInstance | null = null;
  try {
    const storage = pushDb.open();
    await storage.migrate();
    const [warmAccount, account] = (await seedAccounts(storage, 2)) as [Account, Account];
    const warm = makeBatches(warmAccount, 'warm', options.warmupMutations, options);
    const measured = makeBatches(account, 'bench', options.mutations, options);

    // Raw yardstick first, on its own database (rows computed before the clock starts).
    const rawStorage = rawDb.open();
    await rawStorage.migrate();
    const rawDeadline = new Deadline('The raw insert phase', options.phaseTimeoutMs);
    await writeRaw(rawStorage, rawBatches(warm), rawDeadline);
    const raw = await writeRaw(rawStorage, rawBatches(measured), rawDeadline);

    app = buildApp(benchConfig(pushDb.location, newTokenSecret()), { storage });
    await app.ready();
    const warmToken = await signIn(app, warmAccount);
    const token = await signIn(app, account);
    const pushDeadline = new Deadline('The push phase', options.phaseTimeoutMs);
    await pushAll(app, warmToken, warm.map(pushBody), pushDeadline);
    const bodies = measured.map(pushBody);
    const pushed = await pushAll(app, token, bodies, pushDeadline);

    const statuses: Record<string, number> = {};
    for (const body of pushed.responses) {
      for (const r of (JSON.parse(body) as { results: { status: string }[] }).results)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    }

    const maxPages = Math.ceil(options.mutations / options.pullLimit) + 5;
    const pullDeadline = new Deadline('The pull phase', options.phaseTimeoutMs);
    await pullAll(app, warmToken, warmAccount, options.pullLimit, maxPages, pullDeadline);
    const pull = await pullAll(app, token, account, options.pullLimit, maxPages, pullDeadline);

    return {
      push: {
        mutations: options.mutations,
        batches: bodies.length,
        ms: Math.round(pushed.ms),
        mutationsPerSecond: perSecond(options.mutations, pushed.ms),
        batchLatency: summarize(pushed.perBatch),
        statuses,
      },
      raw: {
        mutations: options.mutations,
        rows: raw.rows,
        ms: Math.round(raw.ms),
        rowsPerSecond: perSecond(raw.rows, raw.ms),
        mutationsPerSecond: perSecond(options.mutations, raw.ms),
      },
      pushTimeOverRaw: Math.round((pushed.ms / raw.ms) * 100) / 100,
      pull: {
        records: pull.records,
        pages: pull.pages,
        ms: Math.round(pull.ms),
        recordsPerSecond: perSecond(pull.records, pull.ms),
      },
    };
  } finally {
    await app?.close();
    await pushDb.cleanup();
    await rawDb.cleanup();
  }
}
