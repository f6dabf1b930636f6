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
  /** The same saves into a database opened with a data key (encrypted at rest, as shipped). */
  saveEncrypted: number[];
  /** One put of a similar-sized object into a plain object store, strict durability. */
  rawPut: number[];
  /** One Dexie put of the same record row in its own strict transaction (Dexie's own overhead). */
  dexiePut: number[];
  /** The same Dexie put into the encrypted database (the row sealed by the middleware). */
  dexiePutEncrypted: number[];
  /** saveChange's sequence of IndexedDB requests, written by hand in one raw strict transaction. */
  rawSameWork: number[];
  /** Sizes (JSON characters) of what one save writes: record row and outbox entry. */
  recordRowChars: number;
  outboxEntryChars: number;
  rawObjectChars: number;
  /** Bytes of the sealed part (`enc`) of the encrypted record row and outbox entry as stored. */
  sealedRowBytes: number;
  sealedOutboxBytes: number;
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

/** Argon2id parameters (src/db/crypto/kdf.ts KdfTuning: m in KiB, t iterations, p lanes). */
export interface KdfSetting {
  m: number;
  t: number;
  p: number;
}

/** The first use of the KDF in a page: its chunk fetched and its WebAssembly compiled. */
export interface KdfLoadFigures {
  /** import() of src/db/crypto/argon2.ts (the chunk with hash-wasm), from a fresh page. */
  importMs: number;
  /** The first deriveKey with tiny parameters: compiles hash-wasm's Argon2 WebAssembly. */
  firstDeriveMs: number;
  /** The same derivation again (module compiled): what the first one cost beyond loading. */
  secondDeriveMs: number;
}

/** newKdfParams as a first sign-in runs it: timed baseline derivation, then maybe a longer one. */
export interface CalibrationFigures {
  chosen: KdfSetting;
  /** The whole first-sign-in derivation (calibration run, plus the chosen one when it differs). */
  ms: number;
}

/** Unlocks with a data key wrapped under `setting` (samples, ms). */
export interface UnlockFigures {
  setting: KdfSetting;
  /** deriveKey alone: the key-encryption key. */
  deriveMs: number[];
  /** unwrapDataKey: derivation plus opening the wrapped data key (the unlock's whole cost). */
  unlockMs: number[];
  /** The unwrap step alone (the AEAD open of the wrapped key, no derivation), ms per unwrap. */
  unwrapOnlyMs: number;
  /** Every unwrap gave back the key that was wrapped. */
  keyMatched: boolean;
}

/** A synthetic caseload written into a device database (untimed setup, but its time is kept). */
export interface CaseloadSeed {
  name: string;
  encrypted: boolean;
  clients: number;
  /** Client + enrollment rows stored through storePulledPage, 500 records a page. */
  records: number;
  writeMs: number;
}

/** A caseload database reopened and read (samples, ms). */
export interface CaseloadFigures {
  /** openDeviceDatabase on the existing database (a fresh Dexie instance). */
  openMs: number;
  /** The first clients.toArray() after opening. */
  firstReadMs: number;
  /** clients.toArray() again (median material). */
  readMs: number[];
  /** searchLocalClients by a last name (reads and decrypts every client, then enrollments). */
  searchMs: number[];
  /** localDuplicateCandidates for a new client (the new-client form's check). */
  duplicatesMs: number[];
  /** Clients read back with their name (decrypted). */
  clientsRead: number;
  searchHits: number;
  /** The searched-for client was found, with its enrollment at the provider. */
  probeFound: boolean;
  duplicateHits: number;
}

export interface BenchApi {
  saves(count: number, warmup: number): Promise<SaveFigures>;
  queuedSync(account: PageAccount, count: number, encrypted: boolean): Promise<SyncFigures>;
  pull(account: PageAccount, expected: number, encrypted: boolean): Promise<SyncFigures>;
  diagnose(account: PageAccount, pageSize: number, encrypted: boolean): Promise<Diagnosis>;
  kdfLoad(): Promise<KdfLoadFigures>;
  calibrate(): Promise<CalibrationFigures>;
  unlock(setting: KdfSetting, runs: number): Promise<UnlockFigures>;
  caseloadSeed(clients: number, encrypted: boolean, providerId: string): Promise<CaseloadSeed>;
  caseloadOpen(seed: CaseloadSeed, runs: number): Promise<CaseloadFigures>;
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
