// Fixtures for the server benchmark: throwaway databases (a SQLite file in a temp directory, or a
// fresh PostgreSQL schema dropped afterwards), synthetic accounts, and a case manager's caseload
// that produces valid mutations in a realistic mix. All people and notes are synthetic.
//
// The caseload, per household: a client, an enrollment, two visits (a Current Living Situation and
// the contact that records it) and two edits of contact notes, one of the household just entered
// and one of a household about a hundred back (so a batch of 500 also reads records written by
// earlier batches). That is 8 mutations: 1/8 clients, 1/8 enrollments, 1/4 CLS, 1/4 contacts,
// 1/4 note patches; 6 records.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Mutation } from '../../src/domain/protocol';
import { newId } from '../../src/domain/records';
import { createProvider, createUser } from '../../sync-server/src/auth/accounts';
import type { Config } from '../../sync-server/src/config';
import { createStorage } from '../../sync-server/src/storage/index';
import type { Storage, StorageKind } from '../../sync-server/src/storage/types';
import { Device, clientFields, clsFields, contactFields } from '../../tests/domain/merge/fixtures';

export const BENCH_PASSWORD = 'synthetic-bench-password-123';

/** Where a benchmark database lives, so another process can open it too. */
export interface DatabaseLocation {
  kind: StorageKind;
  dataDir: string;
  databaseUrl: string | null;
  pgSchema: string | null;
}

export interface BenchDatabase {
  location: DatabaseLocation;
  /** Opens (another) storage on it; closed by cleanup() unless closed before. */
  open(): Storage;
  /** Closes what open() returned and removes the database (temp directory or schema). */
  cleanup(): Promise<void>;
}

export function createBenchDatabase(kind: StorageKind, databaseUrl: string | null): BenchDatabase {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldnote-bench-server-'));
  const pgSchema =
    kind === 'postgres' ? `fieldnote_bench_server_${randomBytes(6).toString('hex')}` : null;
  if (kind === 'postgres' && !databaseUrl) throw new Error('PostgreSQL needs DATABASE_URL');
  const location: DatabaseLocation = {
    kind,
    dataDir,
    databaseUrl: kind === 'postgres' ? databaseUrl : null,
    pgSchema,
  };
  const opened: Storage[] = [];
  return {
    location,
    open() {
      const storage = openLocation(location);
      opened.push(storage);
      return storage;
    },
    async cleanup() {
      await Promise.allSettled(opened.map((s) => s.close()));
      if (location.databaseUrl && pgSchema) await dropSchema(location.databaseUrl, pgSchema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function openLocation(location: DatabaseLocation): Storage {
  return createStorage({
    databaseUrl: location.databaseUrl,
    dataDir: location.dataDir,
    pgSchema: location.pgSchema ?? undefined,
  });
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** A server configuration: listening on 127.0.0.1 only, silent, SQLite or PostgreSQL. */
export function benchConfig(location: DatabaseLocation, tokenSecret: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: location.dataDir,
    staticDir: location.dataDir,
    logLevel: 'silent',
    databaseUrl: location.databaseUrl,
    tokenSecret,
    accessTokenTtlSeconds: 3600,
    refreshTokenTtlDays: 1,
    seedDemo: false,
    bodyLimitBytes: 5 * 1024 * 1024,
    shutdownGraceMs: 2000,
    production: false,
  };
}

export function newTokenSecret(): string {
  return randomBytes(36).toString('base64url');
}

export interface Account {
  userId: string;
  username: string;
  providerId: string;
}

/** One provider per entry, each with one case manager (synthetic). Needs a migrated storage. */
export async function seedAccounts(storage: Storage, count: number): Promise<Account[]> {
  const now = Date.now();
  const out: Account[] = [];
  for (let i = 0; i < count; i++) {
    const provider = await createProvider(
      storage,
      { name: `Bench Outreach ${i + 1}`, projectType: 6, funders: [1] },
      now,
    );
    const username = `bench.casemanager${i + 1}`;
    const user = await createUser(
      storage,
      {
        username,
        displayName: `Bench Case Manager ${i + 1}`,
        role: 'case_manager',
        password: BENCH_PASSWORD,
        providerIds: [provider.id],
      },
      now,
    );
    out.push({ userId: user.id, username, providerId: provider.id });
  }
  return out;
}

/** Letters only, so that names stay distinct after M10's normalisation (which drops digits). */
function letters(n: number): string {
  let s = '';
  let v = n;
  do {
    s = String.fromCharCode(97 + (v % 26)) + s;
    v = Math.floor(v / 26);
  } while (v > 0);
  return s;
}

let people = 0;

interface Household {
  client: string;
  enrollment: string;
  contacts: string[];
}

/**
 * One case manager's device entering a caseload: `next(n)` returns its next n mutations, valid and
 * in sequence. The device's clock follows real time, so the server sees no clock drift.
 */
export class Caseload {
  readonly device: Device;
  private readonly households: Household[] = [];
  private queue: Mutation[] = [];
  private edits = 0;

  constructor(
    deviceId: string,
    userId: string,
    private readonly providerId: string,
  ) {
    this.device = new Device(deviceId, userId);
  }

  get deviceId(): string {
    return this.device.id;
  }

  next(count: number): Mutation[] {
    while (this.queue.length < count) this.queue.push(...this.household());
    return this.queue.splice(0, count);
  }

  private household(): Mutation[] {
    const d = this.device;
    d.time = Date.now();
    const n = people++;
    const h: Household = { client: newId(), enrollment: newId(), contacts: [] };
    const links = { enrollmentId: h.enrollment, clientId: h.client };
    const out: Mutation[] = [
      d.create(
        'client',
        h.client,
        clientFields({
          firstName: `Sam${letters(n)}`,
          lastName: `Benchperson${letters(n * 7 + 3)}`,
          dob: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 10}`,
          // Half with a full (synthetic) SSN, half with only the last four digits known.
          ssn:
            n % 2 === 0
              ? `2${String(n).padStart(8, '0')}`
              : `xxxxx${String(n % 10_000).padStart(4, '0')}`,
          ssnDataQuality: n % 2 === 0 ? 1 : 2,
        }),
      ),
      d.create('enrollment', h.enrollment, {
        clientId: h.client,
        providerId: this.providerId,
        householdId: newId(),
        relationshipToHoH: 1,
        projectStartDate: '2026-03-02',
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
      }),
    ];
    for (const day of ['2026-04-10', '2026-05-14']) {
      const cls = newId();
      const contact = newId();
      out.push(
        d.create('currentLivingSituation', cls, clsFields({ ...links, informationDate: day })),
        d.create(
          'contact',
          contact,
          contactFields({
            ...links,
            contactAt: `${day}T16:30:00Z`,
            currentLivingSituationId: cls,
            note: `Visit ${day}: talked about the housing list and the next appointment.`,
          }),
        ),
      );
      h.contacts.push(contact);
    }
    this.households.push(h);
    const older = this.households[Math.max(0, this.households.length - 1 - 97)]!;
    for (const target of [h.contacts[1]!, older.contacts[this.edits % 2]!]) {
      this.edits++;
      out.push(
        d.patch('contact', target, {
          note: `Edit ${this.edits}: followed up; documents requested for the housing application.`,
        }),
      );
    }
    return out;
  }
}

/** A deterministic pseudo-random generator (mulberry32), so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
