// Push: a batch of mutations from one device, applied in one transaction by the shared merge
// (src/domain/merge/SPEC.md). The steps per mutation follow the SPEC's "order of steps":
// M7 replay → M8 device order (hold gaps) → EDA scope check → stamp → context → mergeMutation.
// Everything a batch touches is loaded up front in a few bulk reads and written back in a few bulk
// writes, so a batch of 500 costs a handful of round trips, not thousands.
//
// Why it is correct under concurrency (SPEC.md, "Concurrency"): the batch merges in memory what it
// read, so nothing it reads may change before it commits. It locks the device's key before reading
// its sequence state, held mutations and stored results (M7, M8), and BatchReader (push-reader.ts)
// locks every record and M10 key before reading it. Pushes touching one record run one after the
// other; pushes touching different records run side by side; SQLite's write lock serialises all.
import {
  contextNeeds,
  hlcInstant,
  nextRecordMeta,
  mergeMutation,
  stampMutation,
  type RecordState,
} from '../../../src/domain/merge';
import type { Mutation, MutationResult } from '../../../src/domain/protocol';
import type { RecordType } from '../../../src/domain/records';
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
import { forbidden } from '../errors';
import { BatchReader, NeedsExclusiveLock, deviceLockKey } from './push-reader';
import { clientKeys } from './client-keys';
import { DuplicateKeys } from './duplicate-candidates';
import { enrollmentProvider, scopeOwner } from './scope';
import { checkHouseholdRules } from './household-check';
import { roiAuditEntry } from './roi-audit';
import {
  VersionAuthors,
  isWithheldClientConflict,
  sharesWith,
  withheldConflictProviders,
} from './roi-visibility';

export interface PushInput {
  user: AuthUser;
  /** The provider the device enters data as (EDA); membership is checked by the route. */
  providerId: string;
  deviceId: string;
  mutations: Mutation[];
  /**
   * Mutations known to be rejected (M9) by their id: their content did not parse, so `mutations`
   * holds only their envelope. They take their turn in the device's sequence like any other.
   */
  rejections?: ReadonlyMap<string, string>;
  /** Server time in ms. */
  now: number;
}

/** Runs of a push aborted by a concurrent one (deadlock, a key inserted at the same moment). */
const PUSH_RETRIES = 8;
/** Batches with more mutations than this lock exclusively from the start. */
const MAX_KEYED_MUTATIONS = 24;

export async function pushMutations(storage: Storage, input: PushInput): Promise<MutationResult[]> {
  let exclusive = input.mutations.length > MAX_KEYED_MUTATIONS;
  for (;;) {
    try {
      const { results, changed } = await storage.transaction(
        async (tx) => {
          const batch = new PushBatch(tx, input, exclusive);
          const results = await batch.run();
          return { results, changed: batch.changedEnrollments() };
        },
        { retries: PUSH_RETRIES },
      );
      // M11, once the push is committed (household-check.ts says why after, not inside).
      await checkHouseholdRules(storage, changed, input.now);
      return results;
    } catch (error) {
      if (!(error instanceof NeedsExclusiveLock) || exclusive) throw error;
      exclusive = true;
    }
  }
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
  private readonly reader: BatchReader;
  private readonly records: Map<string, StoredRecord | null>;
  private readonly scopes: Map<string, Set<string>>;
  private readonly dirty = new Set<string>();
  private readonly newScopes: (RecordKey & { providerId: string })[] = [];
  private readonly conflicts = new Map<string, ConflictRow>();
  private readonly history: Parameters<StorageTx['putHistory']>[0] = [];
  private readonly audit: AuditEntry[] = [];
  private readonly processed = new Map<string, MutationRow>();
  private readonly duplicates = new DuplicateKeys();
  private readonly heldToPut: HeldMutation[] = [];
  private readonly heldDrained: number[] = [];
  private readonly receivedAt: string;
  private nextSeq = 1;
  /** Mutation results already stored, for this batch and the device's held mutations (M7). */
  private stored = new Map<string, MutationRow>();
  /** The device's row as read: written back when its sequence moved or it has no owner yet. */
  private deviceRow: { nextSeq: number; owned: boolean } | null = null;

  constructor(
    private readonly tx: StorageTx,
    private readonly input: PushInput,
    private readonly exclusive: boolean,
  ) {
    this.receivedAt = new Date(input.now).toISOString();
    this.reader = new BatchReader(tx, exclusive);
    this.records = this.reader.records;
    this.scopes = this.reader.scopes;
  }

  async run(): Promise<MutationResult[]> {
    const { mutations, deviceId, user } = this.input;
    if (this.exclusive) await this.tx.lockKeys([], { exclusive: true });
    else await this.reader.lock([deviceLockKey(deviceId)]);
    const device = (await this.tx.getDevices([deviceId])).get(deviceId);
    if (device?.userId && device.userId !== user.id) {
      // Device ids are visible in pulled version stamps; pushing under another person's would take
      // its sequence numbers and stop that device's queue.
      throw forbidden('This device id belongs to another user. Sign out and sign in again.');
    }
    this.nextSeq = device?.nextSeq ?? 1;
    this.deviceRow = device ? { nextSeq: device.nextSeq, owned: device.userId !== null } : null;
    const held = new Map((await this.tx.getHeld(deviceId)).map((h) => [h.seq, h]));
    this.stored = await this.tx.getMutations([
      ...mutations.map((m) => m.mutationId),
      ...[...held.values()].map((h) => h.mutation.mutationId),
    ]);
    const stored = this.stored;
    await this.reader.prefetch([...mutations, ...[...held.values()].map((h) => h.mutation)]);

    const heldResults = new Map<string, MutationResult>();
    const foreign = new Map<string, MutationResult>();
    for (const m of mutations) {
      if (this.processed.has(m.mutationId)) continue; // M7, within the batch
      const earlier = stored.get(m.mutationId);
      if (earlier && earlier.deviceId === deviceId) continue; // M7: replay the stored result
      if (earlier) {
        // Another device's mutation id: its result is not this device's to read, and the id
        // cannot be stored twice. Rejected, consuming the sequence number if it is the next one.
        foreign.set(
          m.mutationId,
          rejectedResult(m.mutationId, 'This change has the id of another device’s change.'),
        );
        if (m.seq === this.nextSeq) {
          this.nextSeq += 1;
          await this.drain(held);
        }
        continue;
      }
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
            rejection: this.input.rejections?.get(m.mutationId) ?? null,
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
        await this.apply(m, this.author(), this.input.rejections?.get(m.mutationId) ?? null);
        await this.drain(held);
      }
    }
    await this.flush();
    return mutations.map(
      (m) =>
        foreign.get(m.mutationId) ??
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
      const author = { userId: entry.userId, providerId: entry.providerId };
      await this.apply(entry.mutation, author, entry.rejection);
    }
  }

  // --- applying ------------------------------------------------------------------------------

  /** EDA: may this provider change this record? Returns a reason when it may not. */
  private async scopeProblem(
    m: Mutation,
    current: RecordState | null,
    providerId: string,
  ): Promise<string | null> {
    if (current) {
      return this.reader.scopeOf(m.recordType, m.recordId).has(providerId)
        ? null
        : "This record is not in your provider's caseload.";
    }
    if (m.op !== 'create') return null; // the merge rejects it: not on the server.
    if (m.recordType === 'client') return null;
    if (m.recordType === 'enrollment') {
      if (m.fields.providerId !== providerId)
        return 'An enrollment is created for the provider you are entering data as.';
      const clientId = m.fields.clientId;
      if (typeof clientId !== 'string' || !(await this.reader.get('client', clientId))) {
        return 'The client of this enrollment is not on the server.';
      }
      return null;
    }
    const owner = scopeOwner(m.recordType, m.fields);
    const enrollment = owner ? await this.reader.get('enrollment', owner.id) : null;
    if (!enrollment) return 'The enrollment of this record is not on the server.';
    return enrollmentProvider(enrollment) === providerId
      ? null
      : "This enrollment is not in your provider's caseload.";
  }

  private async apply(m: Mutation, author: Author, rejection: string | null): Promise<void> {
    this.nextSeq = m.seq + 1;
    if (this.stored.has(m.mutationId)) {
      // A held mutation whose id another device's change has since taken: see run().
      this.processed.delete(m.mutationId);
      return;
    }
    if (rejection !== null) {
      this.finish(m, author, rejectedResult(m.mutationId, rejection));
      return;
    }
    const current = await this.reader.get(m.recordType, m.recordId);
    const problem = await this.scopeProblem(m, current, author.providerId);
    if (problem) {
      this.finish(m, author, rejectedResult(m.mutationId, problem));
      return;
    }
    const stamped = stampMutation(m, author.userId, this.input.now);
    const needs = contextNeeds(stamped, current);
    const outcome = mergeMutation(current, stamped, {
      enrollment: needs.enrollmentId
        ? await this.reader.get('enrollment', needs.enrollmentId)
        : undefined,
      entryAssessment: needs.entryAssessmentId
        ? await this.reader.get('assessment', needs.entryAssessmentId)
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
      const previous = this.records.get(key) ?? null;
      this.records.set(key, {
        state: outcome.state,
        changeSeq: previous?.changeSeq ?? 0,
        clientKeys: clientKeys(outcome.state),
        meta: nextRecordMeta(previous?.meta ?? null, previous?.state ?? null, outcome.state, {
          at: hlcInstant(stamped.effectiveHlc),
          userId: author.userId,
        }),
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
        const providers = new Set([
          author.providerId,
          ...this.reader.scopeOf(c.recordType, c.recordId),
        ]);
        if (c.relatedRecordId)
          for (const p of this.reader.scopeOf(c.recordType, c.relatedRecordId)) providers.add(p);
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
      // W-ROI-5: a change of the client's Release of Information is audited on its own.
      const roiChange = roiAuditEntry(previous?.state ?? null, outcome.state, {
        at: this.receivedAt,
        ...author,
        mutationId: m.mutationId,
        deviceId: m.deviceId,
      });
      if (roiChange) this.audit.push(roiChange);
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
    return this.duplicates.candidates(m, this.records.values());
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

  /**
   * W-ROI-3: a conflict on a contact field of a client who does not share goes to the providers
   * that recorded the two values, not to every provider serving the client. Decided on the
   * client as this batch leaves it (a change of choice in the batch counts from then on).
   */
  private async limitWithheldConflicts(): Promise<void> {
    let authors: VersionAuthors | null = null;
    for (const row of this.conflicts.values()) {
      const c = row.conflict;
      if (!isWithheldClientConflict(c)) continue;
      const client = this.records.get(recordKey('client', c.recordId));
      if (!client || sharesWith(client.state)) continue;
      authors ??= new VersionAuthors(
        this.tx,
        new Map([...this.processed.values()].map((r) => [r.mutationId, r.providerId])),
      );
      const recordedBy = await withheldConflictProviders(authors, c);
      // Nobody found (should not happen): the provider whose change made the conflict.
      row.providerIds = recordedBy.length > 0 ? recordedBy : row.providerIds.slice(0, 1);
    }
  }

  // --- writing -------------------------------------------------------------------------------

  /** The enrollments this batch changed, as stored: what the M11 check looks around. */
  changedEnrollments(): RecordState[] {
    const out: RecordState[] = [];
    for (const key of this.dirty) {
      const record = this.records.get(key);
      if (record?.state.type === 'enrollment') out.push(record.state);
    }
    return out;
  }

  private async flush(): Promise<void> {
    const tx = this.tx;
    // Everything else first: change numbers are reserved last, because reserving takes the row
    // lock that serialises concurrent pushes until commit (so pulls never miss a change). The
    // shorter it is held, the less PostgreSQL pushes and pulls queue behind each other.
    if (this.newScopes.length > 0) await tx.addScopes(this.newScopes);
    if (this.conflicts.size > 0) {
      await this.limitWithheldConflicts();
      await tx.putConflicts([...this.conflicts.values()]);
    }
    if (this.history.length > 0) await tx.putHistory(this.history);
    if (this.processed.size > 0) await tx.putMutations([...this.processed.values()]);
    if (this.deviceRow?.nextSeq !== this.nextSeq || !this.deviceRow.owned) {
      await tx.setDeviceNextSeq(this.input.deviceId, this.nextSeq, this.input.user.id);
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
