// Property (SPEC.md "Properties the tests check"): at least 3 devices make random offline changes to
// shared records; every interleaving, duplication and reordering of delivery yields the same final
// state, and every submitted value is in the final state, a conflict record, or the history.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MemoryReplica,
  groupMembers,
  fieldPolicy,
  type RecordState,
} from '../../../src/domain/merge';
import { singletonAssessmentId, type RecordType } from '../../../src/domain/records';
import type { JsonValue, Mutation } from '../../../src/domain/protocol';
import {
  Device,
  T0,
  USER_A,
  clientFields,
  clsFields,
  contactFields,
  entryFields,
  enrollmentFields,
  ids,
  testId,
} from './fixtures';

type Action =
  | { k: 'tick'; ms: number }
  | { k: 'note'; value: string }
  | { k: 'phone'; value: string | null }
  | { k: 'name'; first: string }
  | { k: 'entry'; field: string; value: JsonValue }
  | { k: 'update'; early: boolean; field: string; value: JsonValue }
  | { k: 'exit'; variant: number }
  | { k: 'delete' }
  | { k: 'restore' }
  | { k: 'newClient'; dup: boolean }
  | { k: 'cls'; code: number }
  | { k: 'bad' };

const ENTRY_FIELDS = ['incomeFromAnySource', 'legalInvolvement', 'monthlyIncome'];
const ANSWERS: JsonValue[] = [null, 8, 9, 99, 0, 1, 250];
const EXITS = [
  { exitDate: '2026-06-01', exitReason: 'housed', destination: 435, destinationSubsidyType: 419 },
  {
    exitDate: '2026-06-02',
    exitReason: 'lost_contact',
    destination: 30,
    destinationSubsidyType: null,
  },
  {
    exitDate: '2026-05-20',
    exitReason: 'treatment_or_jail',
    destination: 207,
    destinationSubsidyType: null,
  },
];

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ k: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 20_000 }) }),
  fc.record({
    k: fc.constant('note' as const),
    value: fc.constantFrom('Met at the library', 'Phone call', 'Dropped off ID papers', ''),
  }),
  fc.record({
    k: fc.constant('phone' as const),
    value: fc.constantFrom('6125550100', '6125550111', null),
  }),
  fc.record({ k: fc.constant('name' as const), first: fc.constantFrom('Robin', 'Robyn', 'Rob') }),
  fc.record({
    k: fc.constant('entry' as const),
    field: fc.constantFrom(...ENTRY_FIELDS),
    value: fc.constantFrom(...ANSWERS),
  }),
  fc.record({
    k: fc.constant('update' as const),
    early: fc.boolean(),
    field: fc.constantFrom(...ENTRY_FIELDS),
    value: fc.constantFrom(...ANSWERS),
  }),
  fc.record({
    k: fc.constant('exit' as const),
    variant: fc.integer({ min: 0, max: EXITS.length - 1 }),
  }),
  fc.record({ k: fc.constant('delete' as const) }),
  fc.record({ k: fc.constant('restore' as const) }),
  fc.record({ k: fc.constant('newClient' as const), dup: fc.boolean() }),
  fc.record({ k: fc.constant('cls' as const), code: fc.constantFrom(116, 101, 410, 336) }),
  fc.record({ k: fc.constant('bad' as const) }),
);

function toMutation(device: Device, a: Action, n: string): Mutation | null {
  switch (a.k) {
    case 'tick':
      device.advance(a.ms);
      return null;
    case 'note':
      return device.patch('contact', ids.contact, { note: a.value });
    case 'phone':
      return device.patch('client', ids.client, { phone: a.value });
    case 'name':
      return device.patch('client', ids.client, {
        firstName: a.first,
        middleName: null,
        lastName: 'Testperson',
        nameSuffix: null,
        nameDataQuality: 1,
      });
    case 'entry':
      return device.patch('assessment', ids.entry, { [`answers.${a.field}`]: a.value });
    case 'update':
      return device.create('assessment', testId(`update-${device.id}-${n}`), {
        enrollmentId: ids.enrollment,
        clientId: ids.client,
        dataCollectionStage: 2,
        informationDate: a.early ? '2026-03-01' : '2026-04-15',
        [`answers.${a.field}`]: a.value,
      });
    case 'exit':
      return device.patch('enrollment', ids.enrollment, EXITS[a.variant]!);
    case 'delete':
      return device.delete('contact', ids.contact);
    case 'restore':
      return device.restore('contact', ids.contact);
    case 'newClient':
      return device.create(
        'client',
        testId(`client-${device.id}-${n}`),
        clientFields(a.dup ? {} : { firstName: `Other${n}`, ssn: null, ssnDataQuality: 99 }),
      );
    case 'cls': {
      const leave = a.code === 116 || a.code === 101 ? null : 0;
      return device.patch('currentLivingSituation', ids.cls, {
        currentLivingSituation: a.code,
        clsSubsidyType: null,
        leaveSituation14Days: leave,
        subsequentResidence: null,
        resourcesToObtain: null,
        leaseOwn60Day: null,
        movedTwoOrMore: null,
      });
    }
    case 'bad':
      return device.patch('contact', ids.contact, { kind: '' });
  }
}

function baseServer(): { server: MemoryReplica; setup: Mutation[] } {
  const server = new MemoryReplica(() => T0 + 120_000);
  const admin = new Device('setup', USER_A, -600_000);
  const setup = [
    admin.create('client', ids.client, clientFields()),
    admin.create('enrollment', ids.enrollment, enrollmentFields()),
    admin.create(
      'assessment',
      ids.entry,
      entryFields({ incomeFromAnySource: 99, legalInvolvement: 1 }),
    ),
    admin.create('currentLivingSituation', ids.cls, clsFields()),
    admin.create('contact', ids.contact, contactFields()),
  ];
  for (const m of setup) server.receive(m, USER_A);
  return { server, setup };
}

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

const deviceActions = fc.array(action, { minLength: 1, maxLength: 8 });

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

          const makeRound = (actions: Action[][], round: number) =>
            devices.flatMap((d, i) =>
              (actions[i] ?? [])
                .map((a, j) => toMutation(d, a, `${round}-${j}`))
                .filter((m): m is Mutation => m !== null),
            );

          // Round 1: every device works offline from the same starting point.
          const first = makeRound(round1, 1);
          deliver(
            reference,
            first,
            first.map((_, i) => i),
          );
          // Round 2: devices sync, pull the converged state, then work offline again.
          for (const d of devices) d.pull(reference);
          const second = makeRound(round2, 2);
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
