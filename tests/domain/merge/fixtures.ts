// Synthetic people and a simulated device for merge tests. No real personal data.
import { HybridLogicalClock } from '../../../src/domain/clock/hlc';
import { derivedId } from '../../../src/domain/records/ids';
import { singletonAssessmentId, type RecordType } from '../../../src/domain/records';
import { flattenRecord, type FieldValues, type MemoryReplica } from '../../../src/domain/merge';
import type { JsonValue, Mutation } from '../../../src/domain/protocol';

export const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);

export function testId(name: string): string {
  return derivedId(`test:${name}`);
}

export const USER_A = testId('user-a');
export const USER_B = testId('user-b');

export const ids = {
  client: testId('client-1'),
  enrollment: testId('enrollment-1'),
  household: testId('household-1'),
  provider: testId('provider-1'),
  cls: testId('cls-1'),
  contact: testId('contact-1'),
  entry: singletonAssessmentId(testId('enrollment-1'), 1),
};

export const PROJECT_START = '2026-03-02';

export function clientFields(overrides: Partial<Record<string, JsonValue>> = {}): FieldValues {
  return flattenRecord({
    firstName: 'Robin',
    middleName: null,
    lastName: 'Testperson',
    nameSuffix: null,
    nameDataQuality: 1,
    ssn: 'xxxxx1234',
    ssnDataQuality: 2,
    dob: '1990-05-17',
    dobDataQuality: 1,
    race: [3],
    raceNone: null,
    additionalRaceEthnicity: null,
    sex: 0,
    veteranStatus: 0,
    phone: null,
    email: null,
    address: null,
    ...overrides,
  });
}

export function enrollmentFields(overrides: Partial<Record<string, JsonValue>> = {}): FieldValues {
  return {
    clientId: ids.client,
    providerId: ids.provider,
    householdId: ids.household,
    relationshipToHoH: 1,
    projectStartDate: PROJECT_START,
    entryType: 'basic',
    exitDate: null,
    exitReason: null,
    destination: null,
    destinationSubsidyType: null,
    ...overrides,
  };
}

export function entryFields(answers: Record<string, JsonValue> = {}): FieldValues {
  return flattenRecord({
    enrollmentId: ids.enrollment,
    clientId: ids.client,
    dataCollectionStage: 1,
    informationDate: PROJECT_START,
    answers,
  });
}

export function clsFields(overrides: Partial<Record<string, JsonValue>> = {}): FieldValues {
  return {
    enrollmentId: ids.enrollment,
    clientId: ids.client,
    informationDate: '2026-04-10',
    currentLivingSituation: 116,
    clsSubsidyType: null,
    verifiedBy: null,
    leaveSituation14Days: null,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    locationDetails: 'Under the bridge by the river',
    ...overrides,
  };
}

export function contactFields(overrides: Partial<Record<string, JsonValue>> = {}): FieldValues {
  return {
    enrollmentId: ids.enrollment,
    clientId: ids.client,
    contactAt: '2026-04-10T16:30:00Z',
    location: 'street',
    kind: 'in_person',
    note: 'Talked about housing options.',
    currentLivingSituationId: ids.cls,
    interimAssessmentId: null,
    ...overrides,
  };
}

/**
 * A case manager's device: its own clock and sequence numbers, and a local view of records used to
 * fill in `seen` the way the real device's write path does.
 */
export class Device {
  private seq = 0;
  private counter = 0;
  readonly clock: HybridLogicalClock;
  readonly view = new Map<string, FieldValues>();
  time: number;

  constructor(
    readonly id: string,
    readonly userId: string,
    offsetMs = 0,
  ) {
    this.time = T0 + offsetMs;
    this.clock = new HybridLogicalClock(id, () => this.time);
  }

  /** Lets time pass on this device. */
  advance(ms: number): this {
    this.time += ms;
    return this;
  }

  private mutation(
    type: RecordType,
    recordId: string,
    op: Mutation['op'],
    fields: FieldValues,
    seen: FieldValues,
  ): Mutation {
    this.seq += 1;
    this.counter += 1;
    return {
      mutationId: derivedId(`mutation:${this.id}:${this.counter}`),
      deviceId: this.id,
      seq: this.seq,
      hlc: this.clock.tick(),
      recordType: type,
      recordId,
      op,
      fields,
      seen,
    };
  }

  create(type: RecordType, recordId: string, fields: FieldValues): Mutation {
    const view = this.view.get(`${type}:${recordId}`) ?? {};
    this.view.set(`${type}:${recordId}`, { ...view, ...fields });
    return this.mutation(type, recordId, 'create', fields, {});
  }

  patch(type: RecordType, recordId: string, fields: FieldValues): Mutation {
    const view = this.view.get(`${type}:${recordId}`) ?? {};
    const seen: FieldValues = {};
    for (const f of Object.keys(fields)) seen[f] = view[f] ?? null;
    this.view.set(`${type}:${recordId}`, { ...view, ...fields });
    return this.mutation(type, recordId, 'patch', fields, seen);
  }

  delete(type: RecordType, recordId: string): Mutation {
    return this.mutation(type, recordId, 'delete', {}, {});
  }

  restore(type: RecordType, recordId: string): Mutation {
    return this.mutation(type, recordId, 'restore', {}, {});
  }

  /** Takes the server's current state as this device's view (a pull), and its clock. */
  pull(server: MemoryReplica): this {
    this.view.clear();
    for (const state of server.records.values())
      this.view.set(`${state.type}:${state.id}`, { ...state.fields });
    this.clock.receive(server.serverHlc());
    return this;
  }
}
