// The device database: one Dexie (IndexedDB) database per signed-in user, so on a shared tablet
// each person's data is kept apart, and (from version 3) encrypted at rest under that person's
// data key (crypto/encrypted-tables.ts): opened with the key, rows read and write as plain
// objects; opened without it (the service worker), only the clear routing fields and the
// changes sealed for the server can be used. No React: this module also runs in the service worker.
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { RecordState } from '../domain/merge';
import type { DeliverResult, Mutation, SealedEnvelope } from '../domain/protocol';
import type { RecordOfType, RecordType } from '../domain/records';
import { encryptionMiddleware } from './crypto/encrypted-tables';

/**
 * A record as the screens should show it: the server's state with this device's pending
 * mutations merged on top (assessment answers under `answers`), plus the soft-delete flag and
 * whether unsynced local changes are part of it.
 */
export type RecordView = Record<string, unknown> & {
  id: string;
  deleted: boolean;
  pending: boolean;
};

/**
 * A record of one type as the screens show it, typed from its zod schema (src/domain/records):
 * every view is computed from changes the merge checked against that schema (M9). Fields are
 * optional because a view may be partial (a patch queued here before its record was pulled).
 */
export type TypedView<T extends RecordType> = Partial<RecordOfType[T]> & {
  id: string;
  deleted: boolean;
  pending: boolean;
};

/** One row of a record table. Index fields are lifted from the view to top-level properties. */
export interface RecordRow {
  id: string;
  type: RecordType;
  /** The server's state as last pulled; null for a record that exists only on this device. */
  server: RecordState | null;
  /** What the screens show (server state plus pending local mutations); null if nothing yet. */
  view: RecordView | null;
  clientId?: string;
  providerId?: string;
  householdId?: string;
  enrollmentId?: string;
  contactAt?: string;
  caseManagerId?: string;
}

export interface OutboxRow {
  localSeq?: number;
  /** `${recordType}:${recordId}`: finds a record's pending mutations. */
  recordKey: string;
  /** The provider the change was made as (Enter Data As); it is pushed as that provider. */
  providerId: string;
  mutation: Mutation;
  status: 'pending';
  createdAt: number;
  /** The change sealed for the server at save time, so a locked device can deliver it. */
  sealed?: SealedEnvelope;
  /** What the server answered to a delivery made while the person was locked. */
  delivery?: { status: DeliverResult['status']; at: number };
}

export interface SyncStateRow {
  key: string;
  value: unknown;
}

/** A pushed change that lost to another one (kept on the server for a supervisor's review). */
export interface ConflictNoticeRow {
  /** The mutation id of the change that lost. */
  id: string;
  recordType: RecordType;
  recordId: string;
  message: string | null;
  conflictIds: string[];
  at: number;
}

/** A change the server rejected: "needs attention". Never blocks the changes behind it. */
export interface RejectedRow {
  id?: number;
  mutation: Mutation;
  providerId: string;
  message: string;
  at: number;
}

/**
 * A form's unsaved input, kept as the person types so a closed tab, a reload or a dead battery
 * never loses it. Deleted when the form is saved or discarded.
 */
export interface DraftRow {
  /** The form and what it is about, e.g. `contact:<enrollmentId>`. */
  key: string;
  /** The form's input, as the form keeps it. */
  value: unknown;
  /** Where the form is (so a drafts list can reopen it) and how to name it to a person. */
  path: string;
  title: string;
  updatedAt: number;
}

export const RECORD_TABLES = {
  client: 'clients',
  enrollment: 'enrollments',
  assessment: 'assessments',
  currentLivingSituation: 'currentLivingSituations',
  contact: 'contacts',
  caseManagerAssignment: 'caseManagerAssignments',
} as const satisfies Record<RecordType, string>;
export type RecordTableName = (typeof RECORD_TABLES)[RecordType];

/** Version 1 of the schema. A new version adds a `db.version(n)` call; never edit this one. */
export const SCHEMA_V1 = {
  clients: 'id, [lastName+firstName], dob',
  enrollments: 'id, clientId, providerId, householdId',
  assessments: 'id, enrollmentId',
  currentLivingSituations: 'id, enrollmentId',
  contacts: 'id, enrollmentId, [enrollmentId+contactAt]',
  caseManagerAssignments: 'id, enrollmentId, caseManagerId',
  outbox: '++localSeq, recordKey',
  syncState: 'key',
  conflicts: 'id, recordId',
  rejected: '++id',
} as const;

/** Version 2: drafts of open forms. */
export const SCHEMA_V2 = {
  drafts: 'key, updatedAt',
} as const;

/**
 * Version 3: encrypted at rest. The name and date-of-birth indexes go (no PII in any index);
 * search reads the decrypted clients instead (client-search.ts). Rows are sealed at the first
 * unlock after the upgrade (crypto/migrate.ts).
 */
export const SCHEMA_V3 = {
  clients: 'id',
} as const;

export const SCHEMA_VERSION = 3;

export function databaseName(userId: string): string {
  return `fieldnote-${userId}`;
}

export interface DeviceDatabaseOptions {
  /** IndexedDB implementation (tests, or a worker with its own). Defaults to the global one. */
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
  /** Wall clock for the device's HLC and timestamps. */
  now?: () => number;
  /** Declares later schema versions (tests of upgrades). */
  upgrades?: (db: DeviceDatabase) => void;
  /** Opens the database as an earlier app version would (tests of upgrades). */
  schemaVersion?: number;
  /**
   * The person's data key while they are unlocked (crypto/keyring.ts). Without it the database
   * is opened raw: sealed rows stay sealed (the service worker, a wipe).
   */
  dataKey?: () => Uint8Array | null;
}

export class DeviceDatabase extends Dexie {
  clients!: Table<RecordRow, string>;
  enrollments!: Table<RecordRow, string>;
  assessments!: Table<RecordRow, string>;
  currentLivingSituations!: Table<RecordRow, string>;
  contacts!: Table<RecordRow, string>;
  caseManagerAssignments!: Table<RecordRow, string>;
  outbox!: Table<OutboxRow, number>;
  syncState!: Table<SyncStateRow, string>;
  conflicts!: Table<ConflictNoticeRow, string>;
  rejected!: Table<RejectedRow, number>;
  drafts!: Table<DraftRow, string>;

  readonly now: () => number;
  /** Opened with the person's data key (rows are sealed and opened as they are written and read). */
  readonly encrypted: boolean;

  constructor(
    readonly userId: string,
    options: DeviceDatabaseOptions = {},
  ) {
    super(databaseName(userId), {
      // Chromium defaults to relaxed durability; an outbox commit must survive a power cut.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    });
    this.now = options.now ?? Date.now;
    const version = options.schemaVersion ?? SCHEMA_VERSION;
    this.version(1).stores(SCHEMA_V1);
    if (version >= 2) this.version(2).stores(SCHEMA_V2);
    if (version >= 3) this.version(3).stores(SCHEMA_V3);
    options.upgrades?.(this);
    this.encrypted = options.dataKey !== undefined;
    if (options.dataKey) this.use(encryptionMiddleware(this.name, options.dataKey));
  }

  recordTable(type: RecordType): Table<RecordRow, string> {
    return this[RECORD_TABLES[type]];
  }

  get recordTables(): Table<RecordRow, string>[] {
    return Object.values(RECORD_TABLES).map((name) => this[name]);
  }
}

export { recordKey } from '../domain/records';
