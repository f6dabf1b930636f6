// Push: a batch of mutations from one device, applied in one transaction by the shared merge
// (src/domain/merge/SPEC.md). The steps per mutation follow the SPEC's "order of steps":
// M7 replay → M8 device order (hold gaps) → EDA scope check → stamp → context → mergeMutation.
// Everything a batch touches is loaded up front in a few bulk reads and written back in a few bulk
// writes, so a batch of 500 costs a handful of round trips, not thousands.
import {
  contextNeeds,
  fullSsn,
  isPossibleDuplicate,
  mergeMutation,
  nameDobKey,
  stampMutation,
  type RecordState,
} from '../../../src/domain/merge';
import type { Mutation, MutationResult } from '../../../src/domain/protocol';
import { ID_PATTERN, singletonAssessmentId, type RecordType } from '../../../src/domain/records';
import type { AuthUser } from '../auth/types';
import {
  recordKey,
  type AuditEntry,
  type ConflictRow,
  type HeldMutation,
  type MutationRow,
  type RecordKey,
  type Storage,
  type StorageTx,
  type StoredRecord,
} from '../storage/types';
import { clientKeys } from './client-keys';
import { enrollmentProvider, scopeOwner } from './scope';

export interface PushInput {
  user: AuthUser;
  /** The provider the device enters data as (EDA); membership is checked by the route. */
  providerId: string;
  deviceId: string;
  mutations: Mutation[];
  /** Server time in ms. */
  now: number;
}

export async function pushMutations(storage: Storage, input: PushInput): Promise<MutationResult[]> {
  return storage.transaction((tx) => new PushBatch(tx, input).run());
}

interface Author {
  userId: string;
  providerId: string;
}

function rejectedResult(mutationId: string, message: string): MutationResult {
  return { mutationId, status: 'rejected', message, notices: [], conflictIds: [] };
}

const AUDIT_ACTION: Readonly<Record<Mutation['op'], string>> = {
  create: 'create',
  patch: 'change',
  delete: 'delete',
  restore: 'restore',
};

class PushBatch {
  private readonly records = new Map<string, StoredRecord | null>();
  private readonly scopes = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private readonly newScopes: (RecordKey & { providerId: string })[] = [];
  private readonly conflicts = new Map<string, ConflictRow>();
  private readonly history: Parameters<StorageTx['putHistory']>[0] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly processed = new Map<string, MutationRow>();
  private readonly heldToPut: HeldMutation[] = [];
  private readonly heldDrained: number[] = [];
  private readonly receivedAt: string;
  private nextSeq = 1;

  constructor(
    private readonly tx: StorageTx,
    private readonly input: PushInput,
  ) {
    this.receivedAt = new Date(input.now).toISOString();
  }

  async run(): Promise<MutationResult[]> {
    const { mutations, deviceId } = this.input;
    const stored = await this.tx.getMutations(mutations.map((m) => m.mutationId));
    this.nextSeq = (await this.tx.getDeviceNextSeqs([deviceId])).get(deviceId) ?? 1;
    const held = new Map((await this.tx.getHeld(deviceId)).map((h) => [h.seq, h]));
    await this.prefetch([...mutations, ...[...held.values()].map((h) => h.mutation)]);

    const heldResults = new Map<string, MutationResult>();
    for (const m of mutations) {
      if (stored.has(m.mutationId) || this.processed.has(m.mutationId)) continue; // M7
      if (m.seq < this.nextSeq) {
        this.finish(
          m,
          this.author(),
          rejectedResult(
            m.mutationId,
            `Sequence number ${m.seq} was already used by another change from this device.`,
          ),
        );
      } else if (m.seq > this.nextSeq) {
        // M8: hold until the missing one arrives (kept across pushes).
        if (!held.has(m.seq)) {
          const row: HeldMutation = {
            deviceId,
            seq: m.seq,
            ...this.author(),
            mutation: m,
            receivedAt: this.receivedAt,
          };
          held.set(m.seq, row);
          this.heldToPut.push(row);
        }
        heldResults.set(m.mutationId, {
          mutationId: m.mutationId,
          status: 'held',
          message: `Waiting for this device's change number ${this.nextSeq}.`,
          notices: [],
          conflictIds: [],
        });
      } else {
        await this.apply(m, this.author());
        await this.drain(held);
      }
    }
    await this.flush();
    return mutations.map(
      (m) =>
        this.processed.get(m.mutationId)?.result ??
        stored.get(m.mutationId)?.result ??
        heldResults.get(m.mutationId)!,
    );
  }

  private author(): Author {
    return { userId: this.input.user.id, providerId: this.input.providerId };
  }

  private async drain(held: Map<number, HeldMutation>): Promise<void> {
    for (let entry = held.get(this.nextSeq); entry; entry = held.get(this.nextSeq)) {
      held.delete(entry.seq);
      if (this.heldToPut.includes(entry)) this.heldToPut.splice(this.heldToPut.indexOf(entry), 1);
      else this.heldDrained.push(entry.seq);
      await this.apply(entry.mutation, { userId: entry.userId, providerId: entry.providerId });
    }
  }

  // --- loading -------------------------------------------------------------------------------

  private async prefetch(mutations: Mutation[]): Promise<void> {
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
      const found = await this.tx.findClients({ nameDobKeys, ssns });
      for (const r of found) this.cache(r);
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

  private async loadMany(keys: RecordKey[]): Promise<void> {
    const missing = new Map<string, RecordKey>();
    for (const k of keys) {
      const key = recordKey(k.type, k.id);
      if (this.records.has(key)) continue;
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
    const found = await this.tx.getRecords([...missing.values()]);
    for (const key of missing.keys()) {
      const record = found.get(key) ?? null;
      this.records.set(key, record);
      if (!record) this.scopes.set(key, new Set());
    }
    await this.loadScopes([...missing.values()].filter((k) => found.has(recordKey(k.type, k.id))));
  }

  private async loadScopes(keys: RecordKey[]): Promise<void> {
    const wanted = keys.filter((k) => !this.scopes.has(recordKey(k.type, k.id)));
    if (wanted.length === 0) return;
    const found = await this.tx.getScopes(wanted);
    for (const k of wanted) {
      const key = recordKey(k.type, k.id);
      this.scopes.set(key, new Set(found.get(key) ?? []));
    }
  }

  private async get(type: RecordType, id: string): Promise<RecordState | null> {
    await this.loadMany([{ type, id }]);
    return this.records.get(recordKey(type, id))?.state ?? null;
  }

  private scopeOf(type: RecordType, id: string): Set<string> {
    return this.scopes.get(recordKey(type, id)) ?? new Set();
  }

  // --- applying ------------------------------------------------------------------------------

  /** EDA: may this provider change this record? Returns a reason when it may not. */
  private async scopeProblem(
    m: Mutation,
    current: RecordState | null,
    providerId: string,
  ): Promise<string | null> {
    if (current) {
      return this.scopeOf(m.recordType, m.recordId).has(providerId)
        ? null
        : "This record is not in your provider's caseload.";
    }
    if (m.op !== 'create') return null; // the merge rejects it: not on the server.
    if (m.recordType === 'client') return null;
    if (m.recordType === 'enrollment') {
      if (m.fields.providerId !== providerId)
        return 'An enrollment is created for the provider you are entering data as.';
      const clientId = m.fields.clientId;
      if (typeof clientId !== 'string' || !(await this.get('client', clientId))) {
        return 'The client of this enrollment is not on the server.';
      }
      return null;
    }
    const owner = scopeOwner(m.recordType, m.fields);
    const enrollment = owner ? await this.get('enrollment', owner.id) : null;
    if (!enrollment) return 'The enrollment of this record is not on the server.';
    return enrollmentProvider(enrollment) === providerId
      ? null
      : "This enrollment is not in your provider's caseload.";
  }

  private async apply(m: Mutation, author: Author): Promise<void> {
    this.nextSeq = m.seq + 1;
    const current = await this.get(m.recordType, m.recordId);
    const problem = await this.scopeProblem(m, current, author.providerId);
    if (problem) {
      this.finish(m, author, rejectedResult(m.mutationId, problem));
      return;
    }
    const stamped = stampMutation(m, author.userId, this.input.now);
    const needs = contextNeeds(stamped, current);
    const outcome = mergeMutation(current, stamped, {
      enrollment: needs.enrollmentId ? await this.get('enrollment', needs.enrollmentId) : undefined,
      entryAssessment: needs.entryAssessmentId
        ? await this.get('assessment', needs.entryAssessmentId)
        : undefined,
      duplicateCandidates: needs.duplicateCheck ? this.duplicateCandidates(m) : undefined,
    });
    const result: MutationResult = {
      mutationId: m.mutationId,
      status: outcome.status,
      message: outcome.message,
      notices: outcome.notices,
      conflictIds: outcome.conflicts.map((c) => c.id),
    };
    if (outcome.state) {
      const { type, id } = outcome.target;
      const key = recordKey(type, id);
      const previous = this.records.get(key);
      this.records.set(key, {
        state: outcome.state,
        changeSeq: previous?.changeSeq ?? 0,
        clientKeys: clientKeys(outcome.state),
      });
      this.dirty.add(key);
      if (!this.scopes.has(key)) this.scopes.set(key, new Set());
      // A record enters the scope of the provider that created it; a new enrollment also brings its
      // client into that provider's scope, so the client is pulled by its devices.
      this.ensureScope(type, id, author.providerId);
      if (type === 'enrollment' && typeof outcome.state.fields.clientId === 'string') {
        this.ensureScope('client', outcome.state.fields.clientId, author.providerId);
      }
      for (const c of outcome.conflicts) {
        const providers = new Set([author.providerId, ...this.scopeOf(c.recordType, c.recordId)]);
        if (c.relatedRecordId)
          for (const p of this.scopeOf(c.recordType, c.relatedRecordId)) providers.add(p);
        this.conflicts.set(c.id, {
          conflict: c,
          providerIds: [...providers],
          status: 'open',
          createdAt: this.receivedAt,
          resolvedAt: null,
          resolvedBy: null,
          resolution: null,
        });
      }
      for (const h of outcome.history) this.history.push({ ...h, at: this.receivedAt });
      this.audit.push({
        at: this.receivedAt,
        userId: author.userId,
        providerId: author.providerId,
        action: AUDIT_ACTION[m.op],
        recordType: type,
        recordId: id,
        details: {
          mutationId: m.mutationId,
          deviceId: m.deviceId,
          status: outcome.status,
          fields: Object.keys(m.fields),
        },
      });
    }
    this.finish(m, author, result);
  }

  private ensureScope(type: RecordType, id: string, providerId: string): void {
    const key = recordKey(type, id);
    const scope = this.scopes.get(key) ?? new Set<string>();
    this.scopes.set(key, scope);
    if (scope.has(providerId)) return;
    scope.add(providerId);
    this.newScopes.push({ type, id, providerId });
    // A record entering a scope gets a new change number, so that provider's devices pull it.
    if (this.records.get(key)) this.dirty.add(key);
  }

  private duplicateCandidates(m: Mutation): RecordState[] {
    const out: RecordState[] = [];
    for (const record of this.records.values()) {
      if (
        record &&
        record.state.type === 'client' &&
        record.state.id !== m.recordId &&
        isPossibleDuplicate(m.fields, record.state.fields)
      ) {
        out.push(record.state);
      }
    }
    return out;
  }

  private finish(m: Mutation, author: Author, result: MutationResult): void {
    if (result.status === 'rejected') {
      this.audit.push({
        at: this.receivedAt,
        userId: author.userId,
        providerId: author.providerId,
        action: 'rejected',
        recordType: m.recordType,
        recordId: m.recordId,
        details: { mutationId: m.mutationId, message: result.message },
      });
    }
    this.processed.set(m.mutationId, {
      mutationId: m.mutationId,
      deviceId: m.deviceId,
      seq: m.seq,
      userId: author.userId,
      providerId: author.providerId,
      mutation: m,
      result,
      deviceHlc: m.hlc,
      receivedAt: this.receivedAt,
    });
  }

  // --- writing -------------------------------------------------------------------------------

  private async flush(): Promise<void> {
    const tx = this.tx;
    // Everything else first: change numbers are reserved last, because reserving takes the row
    // lock that serialises concurrent pushes until commit (so pulls never miss a change). The
    // shorter it is held, the less PostgreSQL pushes and pulls queue behind each other.
    if (this.newScopes.length > 0) await tx.addScopes(this.newScopes);
    if (this.conflicts.size > 0) await tx.putConflicts([...this.conflicts.values()]);
    if (this.history.length > 0) await tx.putHistory(this.history);
    if (this.processed.size > 0) {
      await tx.putMutations([...this.processed.values()]);
      await tx.setDeviceNextSeq(this.input.deviceId, this.nextSeq);
    }
    if (this.heldToPut.length > 0) await tx.putHeld(this.heldToPut);
    if (this.heldDrained.length > 0) await tx.deleteHeld(this.input.deviceId, this.heldDrained);
    if (this.audit.length > 0) await tx.appendAudit(this.audit);
    if (this.dirty.size > 0) {
      let seq = await tx.reserveChangeSeqs(this.dirty.size);
      const rows: StoredRecord[] = [];
      for (const key of this.dirty) {
        const record = this.records.get(key)!;
        rows.push({ ...record, changeSeq: seq++ });
      }
      await tx.putRecords(rows);
    }
  }
}
