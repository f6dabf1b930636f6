// What the bench page exposes on `window.fieldnoteBench` for the driver (bench/client.ts), and the
// shapes of the figures it hands back. Timings are raw samples in ms (performance.now()); the
// driver summarises them.

export interface PageAccount {
  username: string;
  password: string;
  providerId: string;
}

export interface SaveFigures {
  /** saveChange: record view + outbox entry, one Dexie transaction, strict durability. */
  save: number[];
  /** One put of a similar-sized object into a plain object store, strict durability. */
  rawPut: number[];
  /** One Dexie put of the same record row in its own strict transaction (Dexie's own overhead). */
  dexiePut: number[];
  /** saveChange's sequence of IndexedDB requests, written by hand in one raw strict transaction. */
  rawSameWork: number[];
  /** Sizes (JSON characters) of what one save writes: record row and outbox entry. */
  recordRowChars: number;
  outboxEntryChars: number;
  rawObjectChars: number;
}

export interface SyncFigures {
  outcome: string;
  /** Changes queued (bench 2) or records expected (bench 3). */
  count: number;
  /** Untimed setup for bench 2: how long queuing took (ms), saves one by one. */
  queueMs: number;
  /** engine.sync() from call to return (ms). */
  syncMs: number;
  /** From sync() until the last push batch was settled (ms); 0 when nothing was queued. */
  pushMs: number;
  pendingAfter: number;
  /** Record rows in the device database after the sync. */
  recordsAfter: number;
  requests: number;
  pulledPages: number;
  /** Time spent waiting on fetch + reading the body (network, server, and the page's own I/O). */
  transportMs: number;
  /** The part of transportMs spent on push requests. */
  pushTransportMs: number;
  responseChars: number;
}

export interface BenchApi {
  saves(count: number, warmup: number): Promise<SaveFigures>;
  queuedSync(account: PageAccount, count: number): Promise<SyncFigures>;
  pull(account: PageAccount, expected: number): Promise<SyncFigures>;
  diagnose(account: PageAccount, pageSize: number): Promise<Diagnosis>;
}

declare global {
  interface Window {
    fieldnoteBench?: BenchApi;
  }
}

/** bench 3 and bench 2 taken apart (see page/diagnose.ts); all ms unless said. */
export interface Diagnosis {
  pageSize: number;
  pageChars: number;
  fetchMs: number;
  jsonParseMs: number;
  schemaParseMs: number;
  storePulledPageMs: number;
  /** pendingMutationsOf for every record of the page, in one read transaction. */
  pendingLookupsMs: number;
  /** computeView + recordRow for every record of the page (CPU only). */
  computeViewsMs: number;
  bulkPutPrototypeMs: number;
  bulkPutPrototypeRows: number;
  settlePushResultsMs: number;
  /** withClock + deviceId + takeSeq in one strict transaction (samples). */
  saveSyncStateTx: number[];
  /** mutationSchema.parse + computeView of one contact create. */
  saveCpuMsPerSave: number;
}
