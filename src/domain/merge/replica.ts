// An in-memory model of the server's sync algorithm: the executable reading of SPEC.md that the
// property tests run against. The real server follows the same steps over SQLite or PostgreSQL:
//   M7 a mutation id is applied once (a replay returns the stored result);
//   M8 a device's mutations apply in sequence order (a gap holds later ones until it is filled);
//   then the context is loaded (contextNeeds) and the pure merge applied.
import { formatHlc } from '../clock/hlc';
import { recordKey } from '../records';
import type { MutationResult } from '../protocol/messages';
import type { Mutation } from '../protocol/mutation';
import { contextNeeds } from './context';
import { nameDobKey, fullSsn } from './duplicates';
import { mergeMutation } from './merge';
import { stampMutation } from './stamp';
import type { ConflictRecord, HistoryEntry, RecordState } from './state';

export class MemoryReplica {
  readonly records = new Map<string, RecordState>();
  readonly conflicts = new Map<string, ConflictRecord>();
  readonly history: HistoryEntry[] = [];
  private readonly results = new Map<string, MutationResult>();
  private readonly nextSeq = new Map<string, number>();
  private readonly held = new Map<string, Map<number, { mutation: Mutation; userId: string }>>();

  constructor(private readonly now: () => number = Date.now) {}

  get(type: string, id: string): RecordState | null {
    return this.records.get(recordKey(type, id)) ?? null;
  }

  serverHlc(): string {
    return formatHlc({ millis: this.now(), counter: 0, node: 'server' });
  }

  /** Receives one mutation; returns its result (or 'held' while an earlier one is missing). */
  receive(mutation: Mutation, userId: string): MutationResult {
    const known = this.results.get(mutation.mutationId);
    if (known) return known; // M7
    const expected = this.nextSeq.get(mutation.deviceId) ?? 1;
    if (mutation.seq < expected) {
      return this.record(mutation, {
        status: 'rejected',
        message: `Sequence number ${mutation.seq} was already used by another change from this device.`,
      });
    }
    if (mutation.seq > expected) {
      const queue = this.held.get(mutation.deviceId) ?? new Map();
      queue.set(mutation.seq, { mutation, userId });
      this.held.set(mutation.deviceId, queue);
      return {
        mutationId: mutation.mutationId,
        status: 'held',
        message: `Waiting for this device's change number ${expected}.`,
        notices: [],
        conflictIds: [],
      };
    }
    const result = this.apply(mutation, userId);
    this.drain(mutation.deviceId);
    return result;
  }

  private drain(deviceId: string): void {
    const queue = this.held.get(deviceId);
    for (;;) {
      const next = this.nextSeq.get(deviceId) ?? 1;
      const entry = queue?.get(next);
      if (!entry) return;
      queue!.delete(next);
      this.apply(entry.mutation, entry.userId);
    }
  }

  private apply(mutation: Mutation, userId: string): MutationResult {
    this.nextSeq.set(mutation.deviceId, mutation.seq + 1);
    const stamped = stampMutation(mutation, userId, this.now());
    const current = this.get(mutation.recordType, mutation.recordId);
    const needs = contextNeeds(stamped, current);
    const outcome = mergeMutation(current, stamped, {
      enrollment: needs.enrollmentId ? this.get('enrollment', needs.enrollmentId) : undefined,
      entryAssessment: needs.entryAssessmentId
        ? this.get('assessment', needs.entryAssessmentId)
        : undefined,
      duplicateCandidates: needs.duplicateCheck ? this.duplicateCandidates(mutation) : undefined,
    });
    if (outcome.state)
      this.records.set(recordKey(outcome.target.type, outcome.target.id), outcome.state);
    for (const c of outcome.conflicts) this.conflicts.set(c.id, c);
    this.history.push(...outcome.history);
    return this.record(mutation, {
      status: outcome.status,
      message: outcome.message,
      notices: outcome.notices,
      conflictIds: outcome.conflicts.map((c) => c.id),
    });
  }

  private duplicateCandidates(m: Mutation): RecordState[] {
    const wantKey = nameDobKey(m.fields);
    const wantSsn = fullSsn(m.fields);
    return [...this.records.values()].filter(
      (r) =>
        r.type === 'client' &&
        r.id !== m.recordId &&
        ((wantKey !== null && nameDobKey(r.fields) === wantKey) ||
          (wantSsn !== null && fullSsn(r.fields) === wantSsn)),
    );
  }

  private record(
    mutation: Mutation,
    partial: Pick<MutationResult, 'status' | 'message'> & Partial<MutationResult>,
  ): MutationResult {
    const result: MutationResult = {
      mutationId: mutation.mutationId,
      status: partial.status,
      message: partial.message,
      notices: partial.notices ?? [],
      conflictIds: partial.conflictIds ?? [],
    };
    this.results.set(mutation.mutationId, result);
    return result;
  }
}
