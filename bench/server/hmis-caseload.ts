// A generated county caseload written straight into storage (no HTTP, no push), for the HMIS
// export and import benchmarks. The households are the generated caseload's
// (sync-server/src/cli/generated-caseload.ts, built like the demo's in demo-records.ts): heads,
// partners and children, every HUD element answered on the Entry assessment, exits with their
// Exit assessment, the Case Managers tab assignment, and a Current Living Situation for every
// adult at each visit. Each household has two stays at the provider, so 20,000 clients come with
// about 40,000 enrollments: an earlier stay that ended (a readmission, as in a county's data) and
// the generated one. To keep a benchmark run in minutes, each stay keeps its last
// VISITS_PER_STAY visits (contacts are not exported; their CLS are).
//
// Records are merged by the real merge function, so the stored states, versions and HMIS
// metadata are what a push would have stored; each record is created on its own date by the
// household's case manager. EVERY PERSON IS INVENTED (generated-caseload.ts).
import { formatHlc } from '../../src/domain/clock/hlc';
import {
  flattenRecord,
  mergeMutation,
  metaFromVersions,
  stampMutation,
} from '../../src/domain/merge';
import type { Mutation } from '../../src/domain/protocol';
import { derivedId, localDateOf, type RecordType } from '../../src/domain/records';
import type { Household } from '../../sync-server/src/cli/demo-caseload';
import {
  householdRecords,
  random,
  type HouseholdRecords,
} from '../../sync-server/src/cli/demo-records';
import { generateHouseholds } from '../../sync-server/src/cli/generated-caseload';
import type { Storage, StoredRecord } from '../../sync-server/src/storage/types';
import { clientKeys } from '../../sync-server/src/sync/client-keys';

/** Visits (contact and its CLS) kept per stay. */
const VISITS_PER_STAY = 2;
/** Households per storage transaction. */
const BATCH_HOUSEHOLDS = 100;
/** Households generated up front: enough for the largest size (about 2.9 people each). */
const HOUSEHOLDS_PER_CLIENT = 0.45;

export interface CaseloadCounts {
  clients: number;
  enrollments: number;
  assessments: number;
  situations: number;
  records: number;
}

export interface HmisCaseloadOptions {
  providerId: string;
  projectType: number;
  cocCode: string | null;
  /** The households' case managers (two users), who create their records. */
  caseManagerIds: { cm: string; cm2: string };
  /** The largest size asked for, in clients. */
  maxClients: number;
  now: number;
  seed?: number;
}

type Records = HouseholdRecords;

/** The earlier stay of a household: it ended 30–120 days before the generated one began. */
function earlierStay(h: Household, rand: () => number): Household {
  const length = 30 + Math.floor(rand() * 170);
  const gap = 30 + Math.floor(rand() * 90);
  return {
    ...h,
    startDaysAgo: h.startDaysAgo + gap + length,
    contacts: [10, Math.max(11, length - 10)].map((daysAfterStart, i) => ({
      daysAfterStart,
      kind: 'in_person',
      location: 'shelter',
      situation: h.contacts[i]?.situation ?? h.priorSituation,
      note: 'Generated synthetic contact.',
    })),
    exit: { daysAfterStart: length, destination: 422, reason: 'housed' },
  };
}

/**
 * A caseload that grows: grow(storage, n) writes households until the storage holds at least n
 * clients (ids derived from the seed, so two runs write the same caseload).
 */
export class HmisCaseload {
  private readonly households: Household[];
  private readonly rand: () => number;
  private readonly today: string;
  private next = 0;
  private ids = 0;
  private counter = 0;
  readonly counts: CaseloadCounts = {
    clients: 0,
    enrollments: 0,
    assessments: 0,
    situations: 0,
    records: 0,
  };

  constructor(private readonly options: HmisCaseloadOptions) {
    const seed = options.seed ?? 2026;
    this.today = localDateOf(new Date(options.now));
    this.households = generateHouseholds(
      Math.ceil(options.maxClients * HOUSEHOLDS_PER_CLIENT) + 100,
      seed,
      this.today,
    );
    this.rand = random(seed + 1);
  }

  async grow(storage: Storage, clients: number): Promise<CaseloadCounts> {
    while (this.counts.clients < clients) {
      const records: Omit<StoredRecord, 'changeSeq'>[] = [];
      for (let n = 0; n < BATCH_HOUSEHOLDS && this.counts.clients < clients; n++) {
        const h = this.households[this.next++];
        if (h === undefined) throw new Error('The bench caseload ran out of households');
        records.push(...this.household(h));
      }
      const { providerId } = this.options;
      await storage.transaction(async (tx) => {
        const first = await tx.reserveChangeSeqs(records.length);
        await tx.putRecords(records.map((r, n) => ({ ...r, changeSeq: first + n })));
        await tx.addScopes(
          records.map((r) => ({ type: r.state.type, id: r.state.id, providerId })),
        );
      });
    }
    return { ...this.counts };
  }

  /** Both stays of one household as stored records. */
  private household(h: Household): Omit<StoredRecord, 'changeSeq'>[] {
    const current = this.stay(h);
    const earlier = this.stay(earlierStay(h, this.rand));
    // The earlier stay is the same people: its records point at the current stay's clients.
    const clientOf = new Map(earlier.clients.map((c, i) => [c.id, current.clients[i]!.id]));
    const same = <T extends { clientId: string }>(r: T): T => ({
      ...r,
      clientId: clientOf.get(r.clientId)!,
    });
    const all: Records = {
      clients: current.clients,
      enrollments: [...earlier.enrollments.map(same), ...current.enrollments],
      assessments: [...earlier.assessments.map(same), ...current.assessments],
      assignments: [...earlier.assignments, ...current.assignments],
      situations: [...earlier.situations.map(same), ...current.situations],
      contacts: [...earlier.contacts.map(same), ...current.contacts],
    };
    const userId =
      h.worker === 'cm2' ? this.options.caseManagerIds.cm2 : this.options.caseManagerIds.cm;
    const startOf = new Map(all.enrollments.map((e) => [e.id, e.projectStartDate]));
    const firstStart = new Map<string, string>();
    for (const e of all.enrollments) {
      const seen = firstStart.get(e.clientId);
      if (seen === undefined || e.projectStartDate < seen)
        firstStart.set(e.clientId, e.projectStartDate);
    }
    const out: Omit<StoredRecord, 'changeSeq'>[] = [];
    const put = (type: RecordType, record: { id: string }, date: string) =>
      out.push(this.stored(type, record, date, userId));
    for (const c of all.clients) put('client', c, firstStart.get(c.id)!);
    for (const e of all.enrollments) put('enrollment', e, e.projectStartDate);
    for (const a of all.assessments) put('assessment', a, a.informationDate);
    for (const a of all.assignments) put('caseManagerAssignment', a, startOf.get(a.enrollmentId)!);
    for (const s of all.situations) put('currentLivingSituation', s, s.informationDate);
    for (const c of all.contacts) put('contact', c, c.contactAt.slice(0, 10));
    this.counts.clients += all.clients.length;
    this.counts.enrollments += all.enrollments.length;
    this.counts.assessments += all.assessments.length;
    this.counts.situations += all.situations.length;
    this.counts.records += out.length;
    return out;
  }

  private stay(h: Household): Records {
    const { cm, cm2 } = this.options.caseManagerIds;
    const trimmed = { ...h, contacts: h.contacts.slice(-VISITS_PER_STAY) };
    return householdRecords(trimmed, {
      provider: {
        id: this.options.providerId,
        projectType: this.options.projectType,
        cocCode: this.options.cocCode,
      },
      caseManagerId: h.worker === 'cm2' ? cm2 : cm,
      today: this.today,
      rand: this.rand,
      newId: () => derivedId(`bench-caseload:${this.options.seed ?? 2026}:${this.ids++}`),
    });
  }

  /** A record as a push creating it on `date` would have stored it. */
  private stored(
    type: RecordType,
    record: { id: string },
    date: string,
    userId: string,
  ): Omit<StoredRecord, 'changeSeq'> {
    const at = Math.min(Date.parse(`${date}T18:00:00.000Z`), this.options.now);
    const counter = ++this.counter;
    const mutation: Mutation = {
      mutationId: derivedId(`bench-caseload:m:${type}:${record.id}`),
      deviceId: 'bench-generator',
      seq: counter,
      hlc: formatHlc({ millis: at, counter: counter % 100_000, node: 'bench-generator' }),
      recordType: type,
      recordId: record.id,
      op: 'create',
      fields: flattenRecord(record) as Mutation['fields'],
      seen: {},
    };
    const outcome = mergeMutation(null, stampMutation(mutation, userId, at), {});
    if (outcome.status === 'rejected' || !outcome.state) {
      throw new Error(`generated ${type} refused by the merge: ${outcome.message ?? ''}`);
    }
    return {
      state: outcome.state,
      clientKeys: clientKeys(outcome.state),
      meta: metaFromVersions(outcome.state),
    };
  }
}
