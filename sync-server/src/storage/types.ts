// The storage contract: one interface, two adapters (SQLite via better-sqlite3, the embedded
// default; PostgreSQL when DATABASE_URL is set), both checked by one contract test suite
// (tests/server/storage/contract.ts). Everything the sync algorithm and the accounts need goes
// through here; no SQL lives outside sync-server/src/storage.
//
// Methods are batch-shaped (many keys per call) because a push of 500 mutations must not make
// thousands of round trips. All methods run inside `transaction()`, so a push is all or nothing.
import type { FieldValues, RecordMeta, RecordState } from '../../../src/domain/merge';
import type { ConflictRecord, HistoryEntry } from '../../../src/domain/merge';
import type { Mutation, MutationResult } from '../../../src/domain/protocol';
import type { P256PublicJwk } from '../../../src/domain/protocol/devices';
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
  /** HMIS DateCreated, DateUpdated, UserID and DateDeleted, kept by the merge (metadata.ts). */
  meta: RecordMeta;
}

/** A record as the HMIS export reads it: its fields, soft delete and metadata, no versions. */
export interface RecordFields {
  type: RecordType;
  id: string;
  fields: FieldValues;
  deleted: boolean;
  meta: RecordMeta;
}

export interface ScopedFieldsPage {
  records: RecordFields[];
  /** The id to page on from, or null when this was the last page. */
  next: string | null;
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

/** A device's sequence state (M8) and the user it belongs to. */
export interface DeviceRow {
  deviceId: string;
  nextSeq: number;
  /** Null only for a device stored before owners were kept and not used since (migration 006). */
  userId: string | null;
}

export interface HeldMutation {
  deviceId: string;
  seq: number;
  userId: string;
  providerId: string;
  mutation: Mutation;
  /** A mutation whose content was not valid (M9): why it is rejected when its turn comes. */
  rejection: string | null;
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

/**
 * A position in the list of a provider's conflicts, which listConflicts reads oldest first by
 * (createdAt, id): the last conflict of a page. The route hands it out as an opaque cursor.
 */
export interface ConflictCursor {
  createdAt: string;
  id: string;
}

export interface ConflictPage {
  conflicts: ConflictRow[];
  /** Where the next page starts, or null when this page is the last. */
  nextCursor: ConflictCursor | null;
}

export interface ChangePage {
  records: StoredRecord[];
  /** The highest changeSeq in the page, or the cursor given when the page is empty. */
  lastSeq: number;
}

/** One HMIS id behind an imported record (the HMIS CSV import). */
export interface ExternalIdRow {
  /** Export.csv ImplementationID|SourceID. */
  sourceKey: string;
  /** "Client.csv" */
  hmisFile: string;
  hmisId: string;
  recordType: RecordType;
  recordId: string;
  importedAt: string;
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

  /**
   * Takes transaction-scoped locks on these keys (and, with `exclusive`, on everything: a push too
   * large to lock key by key), held until the transaction ends. PostgreSQL: advisory locks, so a
   * key can be locked before the row it names exists (two devices creating one Entry assessment).
   * SQLite: nothing to do, since every transaction holds the database's write lock from its start
   * (BEGIN IMMEDIATE). Callers lock a key before they read what it names; see push.ts.
   */
  lockKeys(keys: string[], options?: { exclusive?: boolean }): Promise<void>;

  // Mutations (M7, M9), device sequence (M8), held mutations
  getMutations(mutationIds: string[]): Promise<Map<string, MutationRow>>;
  /** Inserts; a mutation id that is already stored fails the transaction (M7: never twice). */
  putMutations(rows: MutationRow[]): Promise<void>;
  getDevices(deviceIds: string[]): Promise<Map<string, DeviceRow>>;
  /** Sets the device's next sequence number; the first user to write a device becomes its owner. */
  setDeviceNextSeq(deviceId: string, nextSeq: number, userId: string): Promise<void>;
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
  /** The enrollments of these households (deleted ones included), by id: the M11 rules. */
  listHouseholdEnrollments(householdIds: string[]): Promise<StoredRecord[]>;
  /**
   * Records of one type in the scope of any of these providers, each once, ordered by id: at most
   * `limit`, those with an id after `afterId` (from the start when null). The HMIS export pages
   * through a county's data with it.
   */
  listScopedRecords(
    providerIds: string[],
    type: RecordType,
    afterId: string | null,
    limit: number,
  ): Promise<StoredRecord[]>;
  /**
   * As listScopedRecords, each record as its fields, soft delete and HMIS metadata only (no
   * versions): what the HMIS export reads, at a fraction of the parsing. A page may hold fewer
   * than `limit` records and still have a `next` page (the cursor to pass as afterId), which is
   * null after the last.
   */
  listScopedFields(
    providerIds: string[],
    type: RecordType,
    afterId: string | null,
    limit: number,
  ): Promise<ScopedFieldsPage>;
  /** Records of one type by id as listScopedFields gives them; ids not stored are absent. */
  getRecordFields(type: RecordType, ids: string[]): Promise<Map<string, RecordFields>>;

  // Conflicts, history, audit, client links
  putConflicts(rows: ConflictRow[]): Promise<void>;
  getConflict(id: string): Promise<ConflictRow | null>;
  /**
   * A page of the provider's conflicts with this status, oldest first by (createdAt, id): at most
   * `limit`, those after `after` (from the start when null). Keyset paging: a conflict put between
   * two page reads with a later createdAt is on a later page, and none is missed or read twice.
   */
  listConflicts(
    providerId: string,
    status: ConflictStatus,
    limit: number,
    after?: ConflictCursor | null,
  ): Promise<ConflictPage>;
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

  // HMIS CSV import
  /** Stores HMIS ids of imported records; one already stored (same source, file, id) is kept. */
  putExternalIds(rows: ExternalIdRow[]): Promise<void>;
  /** The stored rows for these HMIS ids of one source and file. */
  getExternalIds(sourceKey: string, hmisFile: string, hmisIds: string[]): Promise<ExternalIdRow[]>;
}

/** A user's device (issue 11): one browser profile, by its installation id. */
export interface UserDeviceRow {
  userId: string;
  /** The installation id (src/domain/protocol/devices.ts), not a sync device id. */
  deviceId: string;
  label: string | null;
  shared: boolean;
  /** The device's ECDSA P-256 public key (JWK), which signs its sealed deliveries. */
  signingKey: P256PublicJwk;
  /** base64 of 32 random bytes: the HMAC key of this user on this device, issued at sign-in. */
  pushSecret: string;
  /** Goes up each time a revoked device is registered afresh; access tokens carry it. */
  generation: number;
  firstSeenAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  /** When the device was last told to wipe this user's data (after its revocation). */
  wipeSentAt: string | null;
}

/** A refresh token with its rotation family and device (issue 11). */
export interface SessionTokenRow extends RefreshTokenRow {
  /** The family: every token rotated from one sign-in shares it. */
  familyId: string;
  /** The installation id the session was issued to, when the sign-in named its device. */
  installationId: string | null;
  /** The successor's id once this token was rotated (it is then revoked too). */
  replacedBy: string | null;
  /** 'reused' when the family was revoked because one of its rotated tokens was used again. */
  revokedReason: 'reused' | null;
}

/** The server's ECDH P-256 sealing key pair (JWK JSON). */
export interface ServerKeyRow {
  id: string;
  publicJwk: string;
  privateJwk: string;
  createdAt: string;
}

/** What the guard checks on every authenticated request: one read. */
export interface AccessState {
  active: boolean;
  /** Null when the token names no device or the device is not registered. */
  device: Pick<
    UserDeviceRow,
    'generation' | 'revokedAt' | 'revokedReason' | 'lastSeenAt' | 'wipeSentAt'
  > | null;
  /** True when a family id was given and that token family was revoked for reuse. */
  familyRevoked: boolean;
}

/**
 * Devices, sessions and server keys (issue 11; device-queries.ts). Kept apart from StorageTx so
 * that its queries live in a file of their own; Storage and the tx of storage.transaction() have
 * both.
 */
export interface DeviceTx {
  /**
   * Registers the device at sign-in, or updates its label, shared flag, signing key and push
   * secret; a revoked device is registered afresh (revocation cleared, generation + 1). Returns the
   * row as stored. Concurrent sign-ins of one device end with one row.
   */
  registerUserDevice(input: {
    userId: string;
    deviceId: string;
    label: string | null;
    shared: boolean;
    signingKey: P256PublicJwk;
    pushSecret: string;
    at: string;
  }): Promise<UserDeviceRow>;
  getUserDevice(userId: string, deviceId: string): Promise<UserDeviceRow | null>;
  /** One user's devices, or everyone's; by user, then last seen (latest first). */
  listUserDevices(userId?: string): Promise<UserDeviceRow[]>;
  /** Revokes one device of the user (all of them when deviceId is null); returns those revoked now. */
  revokeUserDevices(
    userId: string,
    deviceId: string | null,
    at: string,
    reason: string,
  ): Promise<UserDeviceRow[]>;
  touchUserDevice(userId: string, deviceId: string, at: string): Promise<void>;
  markWipeSent(userId: string, deviceId: string, at: string): Promise<void>;
  /**
   * The user's active flag, with a device id that device's state, and with a family id whether
   * that refresh-token family was revoked for reuse; null for no such user. One round trip.
   */
  getAccessState(
    userId: string,
    deviceId: string | null,
    familyId?: string | null,
  ): Promise<AccessState | null>;

  putSessionToken(token: SessionTokenRow): Promise<void>;
  getSessionTokenByHash(tokenHash: string): Promise<SessionTokenRow | null>;
  /**
   * Marks a token rotated (revoked, replaced by successorId) if it is not revoked yet. False when
   * another transaction rotated or revoked it first (PostgreSQL: the update waits for that one).
   */
  rotateRefreshToken(id: string, successorId: string, at: string): Promise<boolean>;
  /**
   * Revokes every token of the family for reuse (revoked_reason 'reused', rotated ones included).
   * True when this call marked any token; false when the family was already revoked so.
   */
  revokeTokenFamily(familyId: string, at: string): Promise<boolean>;
  revokeDeviceRefreshTokens(userId: string, installationId: string, at: string): Promise<void>;

  /** The newest server sealing key, or null before the first is made. */
  getServerKey(): Promise<ServerKeyRow | null>;
  /** Inserts a key unless one with its id exists (then nothing changes). */
  insertServerKey(key: ServerKeyRow): Promise<void>;
}

export interface Storage extends StorageTx, DeviceTx {
  readonly kind: StorageKind;
  /** Runs the migrations that have not run yet (idempotent; safe with several instances starting). */
  migrate(): Promise<void>;
  /** Ready = reachable and migrated. */
  isReady(): Promise<boolean>;
  /**
   * Runs fn in one transaction. With `retries`, a transaction that PostgreSQL aborts because of a
   * concurrent one (a deadlock among row or advisory locks, a serialization failure, a unique key
   * inserted at the same moment) runs again from the start, up to that many more times; fn must
   * therefore keep no state outside the transaction.
   */
  transaction<T>(
    fn: (tx: StorageTx & DeviceTx) => Promise<T>,
    options?: { retries?: number },
  ): Promise<T>;
  close(): Promise<void>;
}

export { recordKey } from '../../../src/domain/records';
