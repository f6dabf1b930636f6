// Property (SPEC.md "Properties the tests check"): at least 3 devices make random offline changes to
// shared records; every interleaving, duplication and reordering of delivery yields the same final
// state, and every submitted value is in the final state, a conflict record, or the history.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MemoryReplica } from '../../../src/domain/merge';
import { groupMembers, fieldPolicy, type RecordState } from '../../../src/domain/merge';
import { singletonAssessmentId, type RecordType } from '../../../src/domain/records';
import type { JsonValue, Mutation } from '../../../src/domain/protocol';
import { Device, USER_A, ids } from './fixtures';
import { baseServer, deviceActions, makeRound } from './scenario';

/** Deliver mutations in the given order (indices into `all`), each possibly several times. */
function deliver(server: MemoryReplica, all: Mutation[], order: number[]): void {
  for (const i of order) server.receive(all[i]!, USER_A);
}

function snapshot(server: MemoryReplica): string {
  return JSON.stringify([...server.records.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every non-empty value of an accepted mutation is current, in a conflict record, or in the history. */
function assertNothingLost(server: MemoryReplica, mutations: Mutation[]): void {
  const kept = new Set<string>();
  const add = (type: string, id: string, group: string, values: Record<string, JsonValue>) => {
    for (const [f, v] of Object.entries(values))
      kept.add(`${type}:${id}:${group}:${f}:${JSON.stringify(v)}`);
  };
  const stateValues = (s: RecordState, group: string) => {
    const out: Record<string, JsonValue> = {};
    for (const f of groupMembers(s.type, group)) if (f in s.fields) out[f] = s.fields[f]!;
    return out;
  };
  for (const s of server.records.values()) {
    for (const group of Object.keys(s.versions)) add(s.type, s.id, group, stateValues(s, group));
  }
  for (const c of server.conflicts.values()) add(c.recordType, c.recordId, c.group, c.loser.values);
  for (const h of server.history) add(h.recordType, h.recordId, h.group, h.replaced.values);

  for (const m of mutations) {
    if (m.op === 'delete' || m.op === 'restore') continue;
    const result = server.receive(m, USER_A); // M7: a replay returns the stored result.
    if (result.status === 'rejected') continue;
    const routed = result.notices.includes('routed_to_entry');
    const type: RecordType = m.recordType;
    const id = routed ? singletonAssessmentId(ids.enrollment, 1) : m.recordId;
    const stage = m.fields.dataCollectionStage ?? server.get(type, id)?.fields.dataCollectionStage;
    for (const [field, value] of Object.entries(m.fields)) {
      if (value === null || value === '' || (routed && !field.startsWith('answers.'))) continue;
      const group = fieldPolicy(type, field, routed ? 1 : stage)!.group;
      expect(
        kept.has(`${type}:${id}:${group}:${field}:${JSON.stringify(value)}`),
        `${m.mutationId} ${field}=${JSON.stringify(value)} lost`,
      ).toBe(true);
    }
  }
}

describe('merge convergence (property)', () => {
  it('M1–M10: any delivery order, duplication and reordering of 3–4 devices converges and loses nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 4 }),
        fc.array(fc.integer({ min: -60_000, max: 60_000 }), { minLength: 4, maxLength: 4 }),
        fc.array(deviceActions, { minLength: 4, maxLength: 4 }),
        fc.array(deviceActions, { minLength: 4, maxLength: 4 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (deviceCount, offsets, round1, round2, seeds, randoms) => {
          const { server: reference } = baseServer();
          const devices = Array.from({ length: deviceCount }, (_, i) =>
            new Device(`dev-${i}`, USER_A, offsets[i]!).pull(reference),
          );

          // Round 1: every device works offline from the same starting point.
          const first = makeRound(devices, round1, 1);
          deliver(
            reference,
            first,
            first.map((_, i) => i),
          );
          // Round 2: devices sync, pull the converged state, then work offline again.
          for (const d of devices) d.pull(reference);
          const second = makeRound(devices, round2, 2);
          deliver(
            reference,
            second,
            second.map((_, i) => i),
          );
          const expected = snapshot(reference);
          assertNothingLost(reference, [...first, ...second]);

          const random = randoms[Symbol.iterator]();
          const shuffled = (n: number) => {
            const order = Array.from({ length: n }, (_, i) => i);
            // Duplicates: replay some mutations (M7), anywhere in the stream.
            for (let i = 0; i < n; i += 3) order.push(Math.floor(random.next().value! * n));
            for (let i = order.length - 1; i > 0; i--) {
              const j = Math.floor(random.next().value! * (i + 1));
              [order[i], order[j]] = [order[j]!, order[i]!];
            }
            return order;
          };
          for (const _seed of seeds) {
            const { server } = baseServer();
            deliver(server, first, shuffled(first.length));
            deliver(server, second, shuffled(second.length));
            expect(snapshot(server)).toBe(expected);
            assertNothingLost(server, [...first, ...second]);
          }
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
    // Generous: this checks correctness, not speed; FC_RUNS=5000 takes about half a minute.
  }, 600_000);
});
