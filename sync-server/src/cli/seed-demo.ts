// The demo: two providers, four users with published passwords and a synthetic caseload, so the
// app can be tried without an HMIS administrator. `npm run seed:demo` runs it against the
// server's database (DATA_DIR / DATABASE_URL); the server runs it on an empty database unless
// SEED_DEMO=false. It is idempotent: it does nothing when the demo provider exists.
//
// EVERY PERSON HERE IS INVENTED. Names come from a small list of made-up surnames, SSNs are never
// real ('xxxxx' and four random digits, data quality "partial", or none at all), and notes say
// they are demo data. The caseload is written through the sync push (sync/push.ts), exactly as a
// device would, so it carries the same history, scopes and audit trail as real work.
import { mkdirSync } from 'node:fs';
import { formatHlc } from '../../../src/domain/clock/hlc';
import { FORMS, fieldStatuses, hudColumnToFieldId, type Answers } from '../../../src/domain/forms';
import { flattenRecord } from '../../../src/domain/merge';
import type { JsonValue, Mutation, MutationResult } from '../../../src/domain/protocol';
import {
  derivedId,
  localDateOf,
  newId,
  singletonAssessmentId,
  type Assessment,
  type CaseManagerAssignment,
  type Client,
  type Contact,
  type CurrentLivingSituation,
  type Enrollment,
  type RecordType,
  type Role,
} from '../../../src/domain/records';
import { createProvider, createUser, type NewProvider } from '../auth/accounts';
import { expectedLosUnderThreshold } from '../../../src/domain/validation';
import type { AuthUser } from '../auth/types';
import { ConfigError, loadConfig } from '../config';
import { createStorage } from '../storage/index';
import type { Storage } from '../storage/types';
import { pushMutations } from '../sync/push';
import { HOUSEHOLDS, type Household, type Person } from './demo-caseload';
import { isEntryPoint } from './entry-point';

export const DEMO_PROVIDER_ID = derivedId('fieldnote-demo:provider:family-case-management');
export const DEMO_OUTREACH_PROVIDER_ID = derivedId('fieldnote-demo:provider:downtown-outreach');

type DemoProvider = NewProvider & { id: string; funders: number[] };

/** The demo site of both providers' CoC: Hennepin County (MN-500), geocode 279053 (Minneapolis). */
const DEMO_COC = {
  cocCode: 'MN-500',
  geocode: '279053',
  address2: null,
  city: 'Minneapolis',
  state: 'MN',
  geographyType: 1, // Urban
};

/**
 * The demo providers, with every HUD project descriptor an HMIS CSV export needs
 * (projectDescriptorProblems is empty for each). Grant ids and addresses are invented.
 */
export const DEMO_PROVIDERS: readonly [DemoProvider, DemoProvider] = [
  {
    id: DEMO_PROVIDER_ID,
    name: 'Hennepin Family Case Management (demo)',
    organizationName: 'Hennepin Family Services (demo)',
    projectType: 6, // Services Only
    funders: [1], // Case Management
    cocCode: 'MN-500',
    descriptors: {
      organizationId: 'demo-hennepin-family-services',
      victimServiceProvider: 0,
      operatingStartDate: '2019-07-01',
      operatingEndDate: null,
      continuumProject: 1,
      residentialAffiliation: 0,
      hmisParticipationType: 1, // HMIS Participating
      hopwaMedAssistedLivingFac: null,
      targetPopulation: 4, // Not applicable
      hudFunders: [
        {
          funder: 4, // HUD: CoC – Supportive Services Only
          otherFunder: null,
          grantId: 'DEMO-MN500-SSO-0001',
          startDate: '2025-10-01',
          endDate: null,
        },
        {
          funder: 46, // Local or Other Funding Source
          otherFunder: 'Hennepin County family case management (demo)',
          grantId: 'DEMO-HC-FCM-2026',
          startDate: '2025-10-01',
          endDate: null,
        },
      ],
      projectCocs: [{ ...DEMO_COC, address1: '100 Example Avenue South', zip: '55415' }],
      hmisParticipation: [{ type: 1, startDate: '2019-07-01', endDate: null }],
      ceParticipation: [],
    },
  },
  {
    id: DEMO_OUTREACH_PROVIDER_ID,
    name: 'Downtown Shelter Outreach (demo)',
    organizationName: 'Downtown Shelter Services (demo)',
    projectType: 4, // Street Outreach
    funders: [] as number[],
    cocCode: 'MN-500',
    descriptors: {
      organizationId: 'demo-downtown-shelter-services',
      victimServiceProvider: 0,
      operatingStartDate: '2021-01-04',
      operatingEndDate: null,
      continuumProject: 1,
      residentialAffiliation: null, // only for Services Only projects
      hmisParticipationType: 1,
      hopwaMedAssistedLivingFac: null,
      targetPopulation: 4,
      hudFunders: [
        {
          funder: 11, // HUD: ESG – Street Outreach
          otherFunder: null,
          grantId: 'DEMO-ESG-SO-0002',
          startDate: '2025-10-01',
          endDate: null,
        },
      ],
      projectCocs: [{ ...DEMO_COC, address1: '200 Sample Street', zip: '55403' }],
      hmisParticipation: [{ type: 1, startDate: '2021-01-04', endDate: null }],
      ceParticipation: [],
    },
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** DEMO ONLY: published in the README. */
  password: string;
  providerIds: string[];
}

/** The demo sign-ins (documented in the README, "Demo sign-ins"). Never use them for real data. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    username: 'demo.casemanager',
    displayName: 'Casey Demo',
    role: 'case_manager',
    password: 'fieldnote-demo-cm',
    providerIds: [DEMO_PROVIDER_ID],
  },
  {
    username: 'demo.casemanager2',
    displayName: 'Jordan Demo',
    role: 'case_manager',
    password: 'fieldnote-demo-cm2',
    providerIds: [DEMO_PROVIDER_ID],
  },
  {
    username: 'demo.supervisor',
    displayName: 'Sam Demo',
    role: 'supervisor',
    password: 'fieldnote-demo-sup',
    providerIds: [DEMO_PROVIDER_ID, DEMO_OUTREACH_PROVIDER_ID],
  },
  {
    username: 'demo.admin',
    displayName: 'Alex Demo',
    role: 'admin',
    password: 'fieldnote-demo-admin',
    providerIds: [DEMO_PROVIDER_ID, DEMO_OUTREACH_PROVIDER_ID],
  },
];

// ---- building records --------------------------------------------------------------------------

const DAY_MS = 24 * 60 * 60 * 1000;

/** A local date `days` after `date` (negative for before). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

function ageOn(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Deterministic pseudo-random numbers (mulberry32), so the demo looks the same every time. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 3.917.5 months homeless in the past three years, by length of stay. */
function monthsHomeless(lengthOfStay: number): number {
  return lengthOfStay >= 4 ? 104 : lengthOfStay === 3 ? 102 : 101;
}

/** Every answer this person could be asked at entry; filtered to what the forms actually ask. */
function entryAnswers(
  household: Household,
  person: Person,
  start: string,
  projectType: number,
): Record<string, JsonValue> {
  const isHead = person.rel === 1;
  const isAdult = ageOn(person.dob, start) >= 18;
  const homeless = [116, 101, 118].includes(household.priorSituation);
  const income = isHead ? household.mfip : 0;
  const candidate: Record<string, JsonValue> = {
    // MN Core: 3.917
    livingSituation: household.priorSituation,
    lengthOfStay: household.lengthOfStay,
    losUnderThreshold: expectedLosUnderThreshold(household.priorSituation, household.lengthOfStay),
    previousStreetESSH: 1,
    dateToStreetESSH: addDays(start, homeless ? -30 * (household.lengthOfStay >= 4 ? 4 : 1) : -14),
    timesHomelessPastThreeYears: 1,
    monthsHomelessPastThreeYears: monthsHomeless(household.lengthOfStay),
    // 3.08
    disablingCondition: isHead && household.disabling ? 1 : 0,
    // 4.02
    incomeFromAnySource: income > 0 ? 1 : 0,
    [hudColumnToFieldId('TANF')]: 1,
    [hudColumnToFieldId('TANFAmount')]: income,
    totalMonthlyIncome: income,
    // 4.03
    benefitsFromAnySource: household.snap && isHead ? 1 : 0,
    [hudColumnToFieldId('SNAP')]: 1,
    // 4.04
    insuranceFromAnySource: 1,
    [hudColumnToFieldId('Medicaid')]: 1,
    // 4.11
    domesticViolenceSurvivor: 0,
    // Hennepin Case Management
    docPhotoId: isAdult ? 'has' : 'not_needed',
    docBirthCertificate: isAdult ? 'working_on_it' : 'has',
    docSocialSecurityCard: 'has',
    docProofOfIncome: income > 0 ? 'has' : 'not_needed',
    docDisabilityVerification: isHead && household.disabling ? 'working_on_it' : 'not_needed',
    docHomelessnessVerification: isHead ? 'has' : 'not_needed',
    householdMonthlyIncome: household.mfip,
    householdIncomeSources: [9], // 4.02 code 9: TANF (MFIP)
    legalInvolvement: 0,
    preferredAreas:
      household.provider === 'fcm'
        ? ['minneapolis_north', 'anywhere_in_hennepin']
        : ['minneapolis_downtown'],
    housingTypes:
      household.members.length > 2 ? ['apartment', 'house_or_townhouse'] : ['apartment'],
    hasPets: 0,
    willingToShareHousing: household.members.length === 1 ? 1 : 0,
  };
  // Keep exactly the fields the forms ask this person at entry, given the answers above.
  const asked = fieldStatuses(FORMS, 1, candidate as Answers, {
    projectType,
    subject: { isHeadOfHousehold: isHead, isAdult },
  });
  const answers: Record<string, JsonValue> = {};
  for (const status of asked) {
    if (status.state === 'asked' && Object.hasOwn(candidate, status.field.id)) {
      answers[status.field.id] = candidate[status.field.id]!;
    }
  }
  return answers;
}

class MutationWriter {
  private readonly seqs = new Map<string, number>();
  private counter = 0;

  constructor(private readonly now: number) {}

  mutation(
    deviceId: string,
    recordType: RecordType,
    record: { id: string } & Record<string, unknown>,
  ): Mutation {
    const seq = (this.seqs.get(deviceId) ?? 0) + 1;
    this.seqs.set(deviceId, seq);
    this.counter += 1;
    const fields = flattenRecord(record);
    const seen: Record<string, JsonValue> = {};
    for (const key of Object.keys(fields)) seen[key] = null;
    return {
      mutationId: newId(),
      deviceId,
      seq,
      hlc: formatHlc({ millis: this.now, counter: this.counter % 100_000, node: deviceId }),
      recordType,
      recordId: record.id,
      op: 'create',
      fields,
      seen,
    };
  }
}

export interface SeedResult {
  seeded: boolean;
  providers: number;
  users: number;
  households: number;
  records: number;
}

/**
 * Seeds the demo into `storage` (migrated). Does nothing and returns seeded=false when the demo
 * provider exists already.
 */
export async function seedDemo(storage: Storage, options: { now: number }): Promise<SeedResult> {
  const { now } = options;
  if (await storage.getProvider(DEMO_PROVIDER_ID)) {
    return { seeded: false, providers: 0, users: 0, households: 0, records: 0 };
  }
  for (const provider of DEMO_PROVIDERS) {
    await createProvider(
      storage,
      {
        ...provider,
        funders: [...provider.funders],
        descriptors: structuredClone(provider.descriptors),
      },
      now,
    );
  }
  const users = new Map<string, AuthUser>();
  for (const demo of DEMO_USERS) {
    const row = await createUser(
      storage,
      {
        id: derivedId(`fieldnote-demo:user:${demo.username}`),
        username: demo.username,
        displayName: demo.displayName,
        role: demo.role,
        password: demo.password,
        providerIds: demo.providerIds,
      },
      now,
    );
    users.set(demo.username, {
      id: row.id,
      username: row.username,
      role: row.role,
      providerIds: demo.providerIds,
    });
  }
  const workers = {
    cm: users.get('demo.casemanager')!,
    cm2: users.get('demo.casemanager2')!,
    sup: users.get('demo.supervisor')!,
  };

  const today = localDateOf(new Date(now));
  const rand = random(20_260_302);
  const writer = new MutationWriter(now);
  let records = 0;

  for (const household of HOUSEHOLDS) {
    const worker = workers[household.worker];
    const deviceId = `demo-seed-${household.worker}`;
    const provider = household.provider === 'fcm' ? DEMO_PROVIDERS[0] : DEMO_PROVIDERS[1];
    const start = addDays(today, -household.startDaysAgo);
    const householdId = newId();
    const mutations: Mutation[] = [];
    let headEnrollment: Enrollment | null = null;

    for (const person of household.members) {
      const hasSsn = rand() < 0.7;
      const client: Client = {
        id: newId(),
        firstName: person.first,
        middleName: null,
        lastName: person.last,
        nameSuffix: null,
        nameDataQuality: 1,
        ssn: hasSsn ? `xxxxx${String(Math.floor(rand() * 10_000)).padStart(4, '0')}` : null,
        ssnDataQuality: hasSsn ? 2 : 99,
        dob: person.dob,
        dobDataQuality: 1,
        race: person.race,
        raceNone: null,
        additionalRaceEthnicity: null,
        sex: person.sex,
        veteranStatus: ageOn(person.dob, start) >= 18 ? 0 : 99,
        phone: null,
        email: null,
        address: null,
      };
      const enrollment: Enrollment = {
        id: newId(),
        clientId: client.id,
        providerId: provider.id,
        householdId,
        relationshipToHoH: person.rel,
        projectStartDate: start,
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
      };
      const entry: Assessment = {
        id: singletonAssessmentId(enrollment.id, 1),
        enrollmentId: enrollment.id,
        clientId: client.id,
        dataCollectionStage: 1,
        informationDate: start,
        answers: entryAnswers(
          household,
          person,
          start,
          provider.projectType,
        ) as Assessment['answers'],
      };
      mutations.push(
        writer.mutation(deviceId, 'client', client),
        writer.mutation(deviceId, 'enrollment', enrollment),
        writer.mutation(deviceId, 'assessment', entry),
      );
      if (person.rel === 1) headEnrollment = enrollment;
    }

    const head = headEnrollment!;
    const assignment: CaseManagerAssignment = {
      id: newId(),
      enrollmentId: head.id,
      caseManagerId: worker.id,
      startDate: start,
      endDate: null,
    };
    mutations.push(writer.mutation(deviceId, 'caseManagerAssignment', assignment));

    for (const plan of household.contacts) {
      const contactAt = new Date(
        Date.parse(`${addDays(start, plan.daysAfterStart)}T16:30:00Z`),
      ).toISOString();
      const informationDate = localDateOf(contactAt);
      const situation: CurrentLivingSituation = {
        id: newId(),
        enrollmentId: head.id,
        clientId: head.clientId,
        informationDate,
        currentLivingSituation: plan.situation,
        clsSubsidyType: null,
        verifiedBy: null,
        // 4.12.B is asked for temporary and institutional situations; these households stay.
        leaveSituation14Days: [116, 101, 118].includes(plan.situation) ? null : 0,
        subsequentResidence: null,
        resourcesToObtain: null,
        leaseOwn60Day: null,
        movedTwoOrMore: null,
        locationDetails: null,
      };
      const contact: Contact = {
        id: newId(),
        enrollmentId: head.id,
        clientId: head.clientId,
        contactAt,
        location: plan.location,
        kind: plan.kind,
        note: plan.note,
        currentLivingSituationId: situation.id,
        interimAssessmentId: null,
      };
      mutations.push(
        writer.mutation(deviceId, 'currentLivingSituation', situation),
        writer.mutation(deviceId, 'contact', contact),
      );
    }

    const results = await pushMutations(storage, {
      user: worker,
      providerId: provider.id,
      deviceId,
      mutations,
      now,
    });
    const refused = results.filter(
      (r: MutationResult) => r.status === 'rejected' || r.status === 'held',
    );
    if (refused.length > 0) {
      const first = refused[0]!;
      throw new Error(
        `The demo seed could not write ${refused.length} record(s); the first: ${first.status}: ${first.message ?? ''}`,
      );
    }
    records += mutations.length;
  }

  return {
    seeded: true,
    providers: DEMO_PROVIDERS.length,
    users: DEMO_USERS.length,
    households: HOUSEHOLDS.length,
    records,
  };
}

// ---- command line ------------------------------------------------------------------------------

export interface SeedIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: Record<string, string | undefined>;
  cwd?: string;
  storage?: Storage;
  now?: () => number;
}

/** `npm run seed:demo`: seeds the server's database; returns the exit code. */
export async function main(
  io: SeedIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
): Promise<number> {
  let storage = io.storage;
  const ownStorage = storage === undefined;
  try {
    if (!storage) {
      const config = loadConfig(io.env ?? process.env, io.cwd ?? process.cwd());
      if (config.databaseUrl === null) mkdirSync(config.dataDir, { recursive: true });
      storage = createStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await storage.migrate();
    }
    const result = await seedDemo(storage, { now: (io.now ?? Date.now)() });
    if (!result.seeded) {
      io.out('The demo is already there (the demo provider exists); nothing to do.');
      return 0;
    }
    io.out(
      `Seeded the demo: ${result.providers} providers, ${result.users} users, ${result.households} households (${result.records} records). All people are invented.`,
    );
    io.out('Demo sign-ins (DEMO ONLY, the passwords are public):');
    for (const user of DEMO_USERS)
      io.out(`  ${user.username.padEnd(20)} ${user.password.padEnd(22)} ${user.role}`);
    return 0;
  } catch (error) {
    const message =
      error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    io.err(`Error: ${message}`);
    return 1;
  } finally {
    if (ownStorage && storage) await storage.close().catch(() => undefined);
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main();
}
