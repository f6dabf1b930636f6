// Domain benchmarks: how fast the shared merge and protocol validation run, independent of storage.
// Figures are printed and returned; run.ts writes them to bench/results/.
import { performance } from 'node:perf_hooks';
import { HybridLogicalClock } from '../src/domain/clock/hlc';
import { MemoryReplica } from '../src/domain/merge';
import { PROTOCOL_VERSION, pushRequestSchema, type Mutation } from '../src/domain/protocol';
import { derivedId } from '../src/domain/records';

const T0 = Date.UTC(2026, 10, 24, 15);

function contactMutations(count: number, devices: number): Mutation[] {
  const clocks = Array.from(
    { length: devices },
    (_, i) => new HybridLogicalClock(`dev-${i}`, () => T0 + i),
  );
  const seqs = new Array<number>(devices).fill(0);
  const enrollmentId = derivedId('bench-enrollment');
  const clientId = derivedId('bench-client');
  const out: Mutation[] = [];
  for (let n = 0; n < count; n++) {
    const d = n % devices;
    seqs[d] = (seqs[d] ?? 0) + 1;
    // Half create contacts, half edit the note of a contact created earlier (same-field merges).
    const create = n < count / 2;
    const target = derivedId(`bench-contact-${create ? n : n % 1000}`);
    out.push({
      mutationId: derivedId(`bench-mutation-${n}`),
      deviceId: `dev-${d}`,
      seq: seqs[d]!,
      hlc: clocks[d]!.tick(),
      recordType: 'contact',
      recordId: target,
      op: create ? 'create' : 'patch',
      fields: create
        ? {
            enrollmentId,
            clientId,
            contactAt: '2026-04-10T16:30:00Z',
            location: 'street',
            kind: 'in_person',
            note: `Contact ${n}`,
            currentLivingSituationId: derivedId(`bench-cls-${n}`),
            interimAssessmentId: null,
          }
        : { note: `Edited ${n}` },
      seen: create ? {} : { note: `Contact ${n % 1000}` },
    });
  }
  return out;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export function runDomainBench(): Record<string, number> {
  const count = 20_000;
  const mutations = contactMutations(count, 4);

  const merge = time(() => {
    const replica = new MemoryReplica(() => T0 + 60_000);
    let conflicts = 0;
    for (const m of mutations)
      if (replica.receive(m, derivedId('bench-user')).conflictIds.length) conflicts++;
    return conflicts;
  });

  const batches = Math.ceil(count / 500);
  const validate = time(() => {
    for (let b = 0; b < batches; b++) {
      pushRequestSchema.parse({
        protocolVersion: PROTOCOL_VERSION,
        providerId: derivedId('bench-provider'),
        deviceId: 'dev-0',
        mutations: mutations.slice(b * 500, b * 500 + 500),
      });
    }
  });

  const clock = new HybridLogicalClock('dev-0');
  const ticks = 200_000;
  const hlc = time(() => {
    for (let i = 0; i < ticks; i++) clock.tick();
  });

  return {
    mutations: count,
    mergeMutationsPerSecond: Math.round(count / (merge.ms / 1000)),
    mergeConflictsRecorded: merge.value,
    pushValidationMutationsPerSecond: Math.round(count / (validate.ms / 1000)),
    hlcTicksPerSecond: Math.round(ticks / (hlc.ms / 1000)),
  };
}
