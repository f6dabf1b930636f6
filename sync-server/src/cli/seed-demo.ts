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
import { flattenRecord } from '../../../src/domain/merge';
import type { JsonValue, Mutation, MutationResult } from '../../../src/domain/protocol';
import {
  derivedId,
  localDateOf,
  newId,
  type RecordType,
  type Role,
} from '../../../src/domain/records';
import { createProvider, createUser, type NewProvider } from '../auth/accounts';
import type { AuthUser } from '../auth/types';
import { ConfigError, loadConfig } from '../config';
import { createStorage } from '../storage/index';
import type { Storage } from '../storage/types';
import { pushMutations } from '../sync/push';
import { HOUSEHOLDS } from './demo-caseload';
import { householdRecords, random } from './demo-records';
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

// ---- writing records ---------------------------------------------------------------------------

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
    const built = householdRecords(household, {
      provider: {
        id: provider.id,
        projectType: provider.projectType,
        cocCode: provider.cocCode ?? null,
      },
      caseManagerId: worker.id,
      today,
      rand,
      newId,
    });
    const mutations: Mutation[] = [];
    for (const [i, client] of built.clients.entries()) {
      const enrollment = built.enrollments[i]!;
      mutations.push(
        writer.mutation(deviceId, 'client', client),
        writer.mutation(deviceId, 'enrollment', enrollment),
        ...built.assessments
          .filter((a) => a.enrollmentId === enrollment.id)
          .map((a) => writer.mutation(deviceId, 'assessment', a)),
      );
    }
    mutations.push(
      ...built.assignments.map((a) => writer.mutation(deviceId, 'caseManagerAssignment', a)),
    );
    for (const contact of built.contacts) {
      const situations = built.situations.filter(
        (c) =>
          c.informationDate === contact.contactAt.slice(0, 10) &&
          built.enrollments.some((e) => e.id === c.enrollmentId),
      );
      mutations.push(
        ...situations.map((c) => writer.mutation(deviceId, 'currentLivingSituation', c)),
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
