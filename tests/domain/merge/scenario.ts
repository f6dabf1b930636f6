// Random offline work for the merge property tests: actions a case manager's device can take on
// shared records, turned into mutations. Shared by the domain convergence test and the server's
// equivalence test (the server must store exactly what the reference model computes).
import fc from 'fast-check';
import { MemoryReplica } from '../../../src/domain/merge';
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

export type Action =
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

export const ENTRY_FIELDS = ['incomeFromAnySource', 'legalInvolvement', 'monthlyIncome'];
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

export const action: fc.Arbitrary<Action> = fc.oneof(
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

export function toMutation(device: Device, a: Action, n: string): Mutation | null {
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

export function baseServer(): { server: MemoryReplica; setup: Mutation[] } {
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

export const deviceActions = fc.array(action, { minLength: 1, maxLength: 8 });

/** The mutations of one round: each device turns its actions into mutations, in device order. */
export function makeRound(devices: Device[], actions: Action[][], round: number): Mutation[] {
  return devices.flatMap((d, i) =>
    (actions[i] ?? [])
      .map((a, j) => toMutation(d, a, `${round}-${j}`))
      .filter((m): m is Mutation => m !== null),
  );
}
