// A generated county caseload written straight into storage (no HTTP, no push): clients, each
// with two enrollments (one closed last year, one open), merged by the real merge function so the
// stored states, versions and HMIS metadata are what a push would have stored. For the HMIS
// export benchmark (bench/server-export.ts) and the import one. Synthetic people only: made-up
// names from a short list, placeholder SSNs ('xxxxx' and four digits), no real addresses.
import {
  flattenRecord,
  mergeMutation,
  metaFromVersions,
  stampMutation,
} from '../../src/domain/merge';
import type { Mutation } from '../../src/domain/protocol';
import { derivedId, type RecordType } from '../../src/domain/records';
import { formatHlc } from '../../src/domain/clock/hlc';
import type { Storage, StoredRecord } from '../../sync-server/src/storage/types';

const FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Devon',
  'Emery',
  'Finley',
  'Gray',
  'Harper',
  'Indy',
  'Jules',
];
const LAST = ['Testwood', 'Benchley', 'Synthson', 'Madeup', 'Fakeford', 'Mockridge', 'Sampleton'];
const DAY_MS = 86_400_000;

export interface GeneratedCaseload {
  clients: number;
  enrollments: number;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Writes `clients` clients (ids derived from `seed` and the index, so two runs make the same
 * caseload) with two enrollments each at `providerId`, in transactions of `batch` clients, and
 * puts them in the provider's scope. Dates lie in the year before `now`.
 */
export async function generateHmisCaseload(
  storage: Storage,
  options: {
    providerId: string;
    userId: string;
    clients: number;
    now: number;
    seed?: string;
    batch?: number;
    from?: number;
  },
): Promise<GeneratedCaseload> {
  const { providerId, userId, now } = options;
  const seed = options.seed ?? 'bench';
  const batch = options.batch ?? 1000;
  const from = options.from ?? 0;
  let counter = 0;
  const state = (type: RecordType, id: string, fields: Record<string, unknown>, at: number) => {
    const mutation: Mutation = {
      mutationId: derivedId(`${seed}:m:${type}:${id}`),
      deviceId: 'bench-generator',
      seq: ++counter,
      hlc: formatHlc({ millis: at, counter: counter % 100_000, node: 'bench-generator' }),
      recordType: type,
      recordId: id,
      op: 'create',
      fields: flattenRecord(fields) as Mutation['fields'],
      seen: {},
    };
    const outcome = mergeMutation(null, stampMutation(mutation, userId, at), {});
    if (outcome.status === 'rejected' || !outcome.state) {
      throw new Error(`generated ${type} refused by the merge: ${outcome.message ?? ''}`);
    }
    return outcome.state;
  };
  for (let start = from; start < from + options.clients; start += batch) {
    const end = Math.min(start + batch, from + options.clients);
    const records: Omit<StoredRecord, 'changeSeq'>[] = [];
    for (let i = start; i < end; i++) {
      const clientId = derivedId(`${seed}:client:${i}`);
      const at = now - ((i % 300) + 30) * DAY_MS;
      const client = state(
        'client',
        clientId,
        {
          firstName: FIRST[i % FIRST.length],
          middleName: null,
          lastName: `${LAST[i % LAST.length]}${i}`,
          nameSuffix: null,
          nameDataQuality: 1,
          ssn: `xxxxx${String(i % 10_000).padStart(4, '0')}`,
          ssnDataQuality: 2,
          dob: `${1950 + (i % 50)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
          dobDataQuality: 1,
          race: [(i % 7) + 1],
          raceNone: null,
          additionalRaceEthnicity: null,
          sex: i % 2,
          veteranStatus: 0,
          phone: null,
          email: null,
          address: null,
        },
        at,
      );
      records.push({ state: client, clientKeys: null, meta: metaFromVersions(client) });
      for (const k of [0, 1]) {
        const enrollmentId = derivedId(`${seed}:enrollment:${i}:${k}`);
        const startMs = at + k * 20 * DAY_MS;
        const enrollment = state(
          'enrollment',
          enrollmentId,
          {
            clientId,
            providerId,
            householdId: derivedId(`${seed}:household:${i}:${k}`),
            relationshipToHoH: 1,
            projectStartDate: isoDate(startMs),
            entryType: 'basic',
            exitDate: k === 0 ? isoDate(startMs + 10 * DAY_MS) : null,
            exitReason: k === 0 ? 'housed' : null,
            destination: k === 0 ? 410 : null,
            destinationSubsidyType: null,
          },
          startMs,
        );
        records.push({ state: enrollment, clientKeys: null, meta: metaFromVersions(enrollment) });
      }
    }
    await storage.transaction(async (tx) => {
      const first = await tx.reserveChangeSeqs(records.length);
      await tx.putRecords(records.map((r, n) => ({ ...r, changeSeq: first + n })));
      await tx.addScopes(records.map((r) => ({ type: r.state.type, id: r.state.id, providerId })));
    });
  }
  return { clients: options.clients, enrollments: options.clients * 2 };
}
