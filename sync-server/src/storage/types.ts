// The storage contract: one interface, two adapters (SQLite via better-sqlite3, the embedded
// default; PostgreSQL when DATABASE_URL is set), both checked by one contract test suite
// (tests/server/storage/contract.ts). Everything the sync algorithm and the accounts need goes
// through here; no SQL lives outside sync-server/src/storage.
//
// Methods are batch-shaped (many keys per call) because a push of 500 mutations must not make
// thousands of round trips. All methods run inside `transaction()`, so a push is all or nothing.
import type { RecordState } from '../../../src/domain/merge';
import type { ConflictRecord, HistoryEntry } from '../../../src/domain/merge';
import type { Mutation, MutationResult } from '../../../src/domain/protocol';
import type { Provider, RecordType, Role } from '../../../src/domain/records';

export type StorageKind = 'sqlite' | 'postgres';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  passwordHash: string;
  active: boolean;
  failedSignIns: number;
  /** ISO instant until which sign-in is refused after too many failures; null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RefreshTokenRow {
  id: string;
  userId: string;
  /** SHA-256 of the token; the token itself is never stored. */
  tokenHash: string;
  deviceId: string | null;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
}

export interface RecordKey {
  type: RecordType;
  id: string;
}

/** A record as stored: its merge state plus what the server indexes it by. */
export interface StoredRecord {
  state: RecordState;
  /** Position in the global change order; set by putRecords. */
  changeSeq: number;
  /** Clients only (M10 and search): normalised first|last|dob, a full SSN, and search fields. */
  clientKeys: ClientKeys | null;
}

export interface ClientKeys {
  nameDob: string | null;
  ssn: string | null;
  /** Normalised first and last name (lowercase letters only), DOB and SSN last 4, for search. */
  firstName: string;
  lastName: string;
  dob: string | null;
  ssnLast4: string | null;
}

/** One mutation as received: kept whatever its fate (M7 replay, M9 rejected-but-kept). */
export interface MutationRow {
  mutationId: string;
  deviceId: string;
  seq: number;
  userId: string;
  providerId: string;
  mutation: Mutation;
  result: MutationResult;
  /** The device's own clock and the server's receive time (both recorded, per the issue). */
  deviceHlc: string;
  receivedAt: string;
}

export interface HeldMutation {
  deviceId: string;
  seq: number;
  userId: string;
  providerId: string;
  mutation: Mutation;
  receivedAt: string;
}

export type ConflictStatus = 'open' | 'resolved';

export interface ConflictRow {
  conflict: ConflictRecord;
  /** The providers whose supervisors see it: those of the record's scope at the time. */
  providerIds: string[];
  status: ConflictStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** 'kept_current' | 'restored' | 'linked' | 'dismissed' */
  resolution: string | null;
}

export interface AuditEntry {
  at: string;
  userId: string | null;
  providerId: string | null;
  /** e.g. 'sign_in', 'sign_in_failed', 'create', 'change', 'delete', 'view_client', 'search', 'resolve_conflict'. */
  action: string;
  recordType: string | null;
  recordId: string | null;
  details: Record<string, unknown>;
}

export interface ChangePage {
  records: StoredRecord[];
  /** The highest changeSeq in the page, or the cursor given when the page is empty. */
  lastSeq: number;
}

export interface StorageTx {
  // Providers, users, memberships
  putProvider(provider: Provider): Promise<void>;
  getProvider(id: string): Promise<Provider | null>;
  listProviders(): Promise<Provider[]>;
  putUser(user: UserRow): Promise<void>;
  getUserById(id: string): Promise<UserRow | null>;
  getUserByUsername(username: string): Promise<UserRow | null>;
  listUsers(): Promise<UserRow[]>;
  addMembership(userId: string, providerId: string): Promise<void>;
  removeMembership(userId: string, providerId: string): Promise<void>;
  listMemberships(userId: string): Promise<string[]>;
  listProviderMembers(providerId: string): Promise<string[]>;
  /** The users who are members of the provider (active or not), by id. */
  listProviderUsers(providerId: string): Promise<UserRow[]>;

  // Refresh tokens
  putRefreshToken(token: RefreshTokenRow): Promise<void>;
  getRefreshTokenByHash(tokenHash: string): Promise<RefreshTokenRow | null>;
  revokeRefreshToken(id: string, at: string): Promise<void>;
  revokeUserRefreshTokens(userId: string, at: string): Promise<void>;

  // Mutations (M7, M9), device sequence (M8), held mutations
  getMutations(mutationIds: string[]): Promise<Map<string, MutationRow>>;
  putMutations(rows: MutationRow[]): Promise<void>;
  getDeviceNextSeqs(deviceIds: string[]): Promise<Map<string, number>>;
  setDeviceNextSeq(deviceId: string, nextSeq: number): Promise<void>;
  getHeld(deviceId: string): Promise<HeldMutation[]>;
  putHeld(rows: HeldMutation[]): Promise<void>;
  deleteHeld(deviceId: string, seqs: number[]): Promise<void>;

  // Records and scope
  getRecords(keys: RecordKey[]): Promise<Map<string, StoredRecord>>;
  /**
   * Reserves `count` consecutive change sequence numbers and returns the first. Concurrent
   * transactions serialise here (a row lock held to commit), so change order equals commit order
   * and a pull never misses a change that commits concurrently.
   */
  reserveChangeSeqs(count: number): Promise<number>;
  putRecords(records: StoredRecord[]): Promise<void>;
  /** Adds records to providers' scope; returns those rows that were new. */
  addScopes(
    rows: (RecordKey & { providerId: string })[],
  ): Promise<(RecordKey & { providerId: string })[]>;
  getScopes(keys: RecordKey[]): Promise<Map<string, string[]>>;
  findClients(query: { nameDobKeys: string[]; ssns: string[] }): Promise<StoredRecord[]>;
  searchClients(query: {
    firstName?: string;
    lastName?: string;
    dob?: string;
    ssnLast4?: string;
    limit: number;
  }): Promise<StoredRecord[]>;
  /** Records in the provider's scope with changeSeq > afterSeq, in change order. */
  pullChanges(providerId: string, afterSeq: number, limit: number): Promise<ChangePage>;
  /**
   * The enrollments of these clients, at every provider, deleted and exited ones included (the
   * caller decides what to show), by id.
   */
  listClientEnrollments(clientIds: string[]): Promise<StoredRecord[]>;

  // Conflicts, history, audit, client links
  putConflicts(rows: ConflictRow[]): Promise<void>;
  getConflict(id: string): Promise<ConflictRow | null>;
  listConflicts(providerId: string, status: ConflictStatus, limit: number): Promise<ConflictRow[]>;
  putHistory(entries: (HistoryEntry & { at: string })[]): Promise<void>;
  appendAudit(entries: AuditEntry[]): Promise<void>;
  listAudit(filter: {
    recordId?: string;
    userId?: string;
    providerId?: string;
    limit: number;
  }): Promise<AuditEntry[]>;
  linkClients(a: string, b: string, linkedBy: string, at: string): Promise<void>;
  listClientLinks(clientId: string): Promise<string[]>;
}

export interface Storage extends StorageTx {
  readonly kind: StorageKind;
  /** Runs the migrations that have not run yet (idempotent; safe with several instances starting). */
  migrate(): Promise<void>;
  /** Ready = reachable and migrated. */
  isReady(): Promise<boolean>;
  transaction<T>(fn: (tx: StorageTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export { recordKey } from '../../../src/domain/records';
