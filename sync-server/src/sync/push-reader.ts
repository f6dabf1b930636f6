// What a push reads, read under its locks (the SPEC's "Concurrency"): every key is locked before
// anything it names is read, so what the batch merges in memory cannot change under it before it
// commits. Records, their scopes and the M10 duplicate candidates are cached here for the batch;
// push.ts writes its merged states back into the same maps.
import { fullSsn, nameDobKey, type RecordState } from '../../../src/domain/merge';
import type { Mutation } from '../../../src/domain/protocol';
import { ID_PATTERN, singletonAssessmentId, type RecordType } from '../../../src/domain/records';
import { recordKey, type RecordKey, type StorageTx, type StoredRecord } from '../storage/types';

/**
 * A batch locks each key it reads while it holds at most this many locks; a larger one takes the
 * one exclusive lock. PostgreSQL's shared lock table holds max_locks_per_transaction (64 by
 * default) times max_connections locks in all, so per-key locking stays for the small pushes that
 * are most of the traffic (one save is a few mutations).
 */
export const MAX_KEY_LOCKS = 128;

/** Thrown when a batch would pass MAX_KEY_LOCKS: it runs again with the exclusive lock. */
export class NeedsExclusiveLock extends Error {}

export function deviceLockKey(deviceId: string): string {
  return `device:${deviceId}`;
}

export class BatchReader {
  /** By record key; null for a record the server does not have. */
  readonly records = new Map<string, StoredRecord | null>();
  /** The providers each record is in scope of. */
  readonly scopes = new Map<string, Set<string>>();
  /** Keys this transaction holds locks on (device, records, M10 keys). */
  private readonly locked = new Set<string>();

  constructor(
    private readonly tx: StorageTx,
    /** Holding the one exclusive lock, so no key needs a lock of its own. */
    private readonly exclusive: boolean,
  ) {}

  /**
   * Locks keys not yet held, before anything they name is read. Past MAX_KEY_LOCKS the batch
   * starts again with the exclusive lock (which covers every key).
   */
  async lock(keys: string[]): Promise<void> {
    if (this.exclusive) return;
    const fresh = [...new Set(keys)].filter((k) => !this.locked.has(k));
    if (fresh.length === 0) return;
    if (this.locked.size + fresh.length > MAX_KEY_LOCKS) throw new NeedsExclusiveLock();
    await this.tx.lockKeys(fresh);
    for (const k of fresh) this.locked.add(k);
  }

  async prefetch(mutations: Mutation[]): Promise<void> {
    const keys: RecordKey[] = [];
    for (const m of mutations) {
      keys.push({ type: m.recordType, id: m.recordId });
      for (const ref of this.references(m.recordType, m.fields)) keys.push(ref);
    }
    await this.loadMany(keys);
    // Second hop: the enrollments (and Entry assessments) of records that patches name only by id.
    const second: RecordKey[] = [];
    for (const m of mutations) {
      const current = this.records.get(recordKey(m.recordType, m.recordId));
      if (current) second.push(...this.references(m.recordType, current.state.fields));
    }
    await this.loadMany(second);
    const nameDobKeys: string[] = [];
    const ssns: string[] = [];
    for (const m of mutations) {
      if (m.recordType !== 'client' || m.op !== 'create') continue;
      const k = nameDobKey(m.fields);
      const s = fullSsn(m.fields);
      if (k) nameDobKeys.push(k);
      if (s) ssns.push(s);
    }
    if (nameDobKeys.length + ssns.length > 0) {
      // Two new clients with one name and DOB created at once must see each other (M10).
      await this.lock([
        ...nameDobKeys.map((k) => `m10:name:${k}`),
        ...ssns.map((k) => `m10:ssn:${k}`),
      ]);
      const found = await this.tx.findClients({ nameDobKeys, ssns });
      // Read without their record locks: they are compared with, never written, unless a mutation
      // names them, and then loadMany locks and reads them again.
      for (const r of found) {
        const key = recordKey(r.state.type, r.state.id);
        if (!this.records.has(key)) this.cache(r);
      }
      await this.loadScopes(found.map((r) => ({ type: r.state.type, id: r.state.id })));
    }
  }

  /** The records a mutation's merge context and scope check read: enrollment, client, Entry assessment. */
  private references(type: RecordType, fields: Record<string, unknown>): RecordKey[] {
    const refs: RecordKey[] = [];
    if (typeof fields.enrollmentId === 'string') {
      refs.push({ type: 'enrollment', id: fields.enrollmentId });
      if (type === 'assessment')
        refs.push({ type: 'assessment', id: singletonAssessmentId(fields.enrollmentId, 1) });
    }
    if (type === 'enrollment' && typeof fields.clientId === 'string')
      refs.push({ type: 'client', id: fields.clientId });
    return refs;
  }

  private cache(record: StoredRecord): void {
    this.records.set(recordKey(record.state.type, record.state.id), record);
  }

  /** Locks and reads records not yet read under their lock (with their scopes). */
  async loadMany(keys: RecordKey[]): Promise<void> {
    const missing = new Map<string, RecordKey>();
    for (const k of keys) {
      const key = recordKey(k.type, k.id);
      if (this.records.has(key) && (this.exclusive || this.locked.has(key))) continue;
      // Ids come from devices; one that is not an id names no record (and PostgreSQL refuses some
      // strings, such as NUL bytes, as query parameters), so it is absent without asking storage.
      if (!ID_PATTERN.test(k.id)) {
        this.records.set(key, null);
        this.scopes.set(key, new Set());
      } else {
        missing.set(key, k);
      }
    }
    if (missing.size === 0) return;
    await this.lock([...missing.keys()]);
    for (const key of missing.keys()) this.scopes.delete(key); // read again with the record
    const found = await this.tx.getRecords([...missing.values()]);
    for (const key of missing.keys()) {
      const record = found.get(key) ?? null;
      this.records.set(key, record);
      if (!record) this.scopes.set(key, new Set());
    }
    await this.loadScopes([...missing.values()].filter((k) => found.has(recordKey(k.type, k.id))));
  }

  async loadScopes(keys: RecordKey[]): Promise<void> {
    const wanted = keys.filter((k) => !this.scopes.has(recordKey(k.type, k.id)));
    if (wanted.length === 0) return;
    const found = await this.tx.getScopes(wanted);
    for (const k of wanted) {
      const key = recordKey(k.type, k.id);
      this.scopes.set(key, new Set(found.get(key) ?? []));
    }
  }

  async get(type: RecordType, id: string): Promise<RecordState | null> {
    await this.loadMany([{ type, id }]);
    return this.records.get(recordKey(type, id))?.state ?? null;
  }

  scopeOf(type: RecordType, id: string): Set<string> {
    return this.scopes.get(recordKey(type, id)) ?? new Set();
  }
}
