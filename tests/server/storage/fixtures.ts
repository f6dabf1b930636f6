// Hand-built rows for the storage contract. Synthetic people only.
import {
  metaFromVersions,
  type ConflictRecord,
  type FieldVersion,
  type RecordState,
} from '../../../src/domain/merge';
import type { JsonValue, Mutation, MutationResult } from '../../../src/domain/protocol';
import {
  EMPTY_PROJECT_DESCRIPTORS,
  type Provider,
  type RecordType,
} from '../../../src/domain/records';
import type {
  ClientKeys,
  ConflictRow,
  MutationRow,
  StoredRecord,
  UserRow,
} from '../../../sync-server/src/storage';

export const T0 = Date.UTC(2026, 2, 2, 15, 0, 0);

/** An instant as the server writes it. */
export function iso(offsetMs = 0): string {
  return new Date(T0 + offsetMs).toISOString();
}

/** A 32-hex id from a tag and a number, readable in failures: id('c', 7) = 'c000...0007'. */
export function id(tag: 'a' | 'b' | 'c' | 'd' | 'e' | 'f', n: number): string {
  return `${tag}${n.toString(16).padStart(31, '0')}`;
}

export const PROVIDER_A = id('a', 1);
export const PROVIDER_B = id('a', 2);
export const USER_1 = id('b', 1);
export const USER_2 = id('b', 2);

export function hlc(ms: number, deviceId = 'dev-1', counter = 0): string {
  return `${String(T0 + ms).padStart(15, '0')}-${String(counter).padStart(5, '0')}-${deviceId}`;
}

export function version(ms: number, overrides: Partial<FieldVersion> = {}): FieldVersion {
  return {
    hlc: hlc(ms),
    deviceId: 'dev-1',
    userId: USER_1,
    mutationId: id('e', ms + 1),
    gen: 0,
    valueClass: 1,
    kind: 0,
    ...overrides,
  };
}

export function provider(n: number, overrides: Partial<Provider> = {}): Provider {
  return {
    id: id('a', n),
    name: `Test Outreach ${n}`,
    organizationName: 'Synthetic Services',
    projectType: 4,
    funders: [1, 3],
    cocCode: 'MN-500',
    active: true,
    ...EMPTY_PROJECT_DESCRIPTORS,
    ...overrides,
  };
}

export function user(n: number, overrides: Partial<UserRow> = {}): UserRow {
  return {
    id: id('b', n),
    username: `tester.${n}`,
    displayName: `Tester ${n}`,
    email: `tester${n}@example.org`,
    role: 'case_manager',
    passwordHash: `scrypt$salt${n}$hash${n}`,
    active: true,
    failedSignIns: 0,
    lockedUntil: null,
    createdAt: iso(),
    updatedAt: iso(),
    ...overrides,
  };
}

export interface ClientPerson {
  first: string;
  last: string;
  dob: string | null;
  ssn: string | null;
}

export function clientState(n: number, person: ClientPerson, deleted = false): RecordState {
  return {
    type: 'client',
    id: id('c', n),
    fields: {
      firstName: person.first,
      lastName: person.last,
      dob: person.dob,
      ssn: person.ssn,
      race: [3, 5],
      address: { city: 'Testville', zip: '55401' },
    },
    versions: { name: version(n), dob: version(n, { valueClass: 0 }) },
    deleted,
    resolutions: n % 2 === 0 ? { name: [hlc(n + 1)] } : {},
  };
}

export function clientKeysOf(person: ClientPerson): ClientKeys {
  const first = person.first.toLowerCase().replace(/[^a-z]/g, '');
  const last = person.last.toLowerCase().replace(/[^a-z]/g, '');
  return {
    nameDob: person.dob ? `${first}|${last}|${person.dob}` : null,
    ssn: person.ssn,
    firstName: first,
    lastName: last,
    dob: person.dob,
    ssnLast4: person.ssn ? person.ssn.slice(-4) : null,
  };
}

export function client(n: number, person: ClientPerson, changeSeq = n): StoredRecord {
  const state = clientState(n, person);
  return { state, changeSeq, clientKeys: clientKeysOf(person), meta: metaFromVersions(state) };
}

/** A non-client record (no client keys). */
export function record(
  type: Exclude<RecordType, 'client'>,
  n: number,
  changeSeq = n,
): StoredRecord {
  return withMeta({
    state: {
      type,
      id: id('d', n),
      fields: { clientId: id('c', n), note: `synthetic ${n}`, amount: n * 1.5, done: n % 2 === 0 },
      versions: { main: version(n) },
      deleted: false,
      resolutions: {},
    },
    changeSeq,
    clientKeys: null,
  });
}

/** An enrollment (id 'd' n) of client 'c' clientN at a provider, open unless `fields` says otherwise. */
export function enrollment(
  n: number,
  clientN: number,
  providerId: string,
  options: { fields?: Record<string, JsonValue>; deleted?: boolean; changeSeq?: number } = {},
): StoredRecord {
  return withMeta({
    state: {
      type: 'enrollment',
      id: id('d', n),
      fields: {
        clientId: id('c', clientN),
        providerId,
        householdId: id('d', n + 1000),
        relationshipToHoH: 1,
        projectStartDate: '2026-03-02',
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
        ...options.fields,
      },
      versions: { main: version(n) },
      deleted: options.deleted ?? false,
      resolutions: {},
    },
    changeSeq: options.changeSeq ?? n,
    clientKeys: null,
  });
}

/** A record with the metadata its versions imply (what migration 009 gives old rows). */
function withMeta(r: Omit<StoredRecord, 'meta'>): StoredRecord {
  return { ...r, meta: metaFromVersions(r.state) };
}

export function mutation(n: number, deviceId = 'dev-1'): Mutation {
  return {
    mutationId: id('e', n),
    deviceId,
    seq: n,
    hlc: hlc(n, deviceId),
    recordType: 'client',
    recordId: id('c', n),
    op: 'patch',
    fields: { firstName: `Robin${n}`, 'answers.q1': [1, 2] } as Mutation['fields'],
    seen: { firstName: null },
  };
}

export function mutationRow(n: number, result: Partial<MutationResult> = {}): MutationRow {
  const m = mutation(n);
  return {
    mutationId: m.mutationId,
    deviceId: m.deviceId,
    seq: m.seq,
    userId: USER_1,
    providerId: PROVIDER_A,
    mutation: m,
    result: {
      mutationId: m.mutationId,
      status: 'applied',
      message: null,
      notices: [],
      conflictIds: [],
      ...result,
    },
    deviceHlc: m.hlc,
    receivedAt: iso(n),
  };
}

export function conflictRow(
  n: number,
  providerIds: string[],
  overrides: Partial<ConflictRow> = {},
): ConflictRow {
  const conflict: ConflictRecord = {
    id: id('f', n),
    rule: n % 2 === 0 ? 'M3' : 'M10',
    recordType: 'client',
    recordId: id('c', n),
    group: 'name',
    fields: ['firstName', 'lastName'],
    winner: { values: { firstName: 'Robin', lastName: 'Testperson' }, version: version(n) },
    loser: { values: { firstName: 'Robyn', lastName: 'Testperson' }, version: version(n - 1) },
    relatedRecordId: n % 2 === 0 ? null : id('c', n + 1000),
    message: 'Two devices changed the name.',
  };
  return {
    conflict,
    providerIds,
    status: 'open',
    createdAt: iso(n * 1000),
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    ...overrides,
  };
}
