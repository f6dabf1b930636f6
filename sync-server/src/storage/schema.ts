// Kysely's view of the tables (created by migrations.ts). Column names are snake_case as stored.
//
// Both dialects store the same way, so one query code path serves both:
//  - JSON documents (record state, mutations, conflict payloads, audit details) are TEXT holding
//    JSON.stringify output: the server never queries inside them, and TEXT round-trips exactly in
//    both databases (jsonb would reorder keys and add a second code path).
//  - Instants are TEXT ISO strings, returned exactly as stored.
//  - Booleans are INTEGER 0/1.
//  - BIGINT columns come back from pg as strings (they may exceed 2^53); rows.ts maps them with
//    Number(), which is exact for any sequence number the server will reach.
import type { ColumnType, Generated } from 'kysely';

/** A BIGINT: selected as number (SQLite) or string (pg); written as number. */
export type BigIntColumn = ColumnType<number | string, number, number>;
/** An INTEGER used as a boolean. */
export type Flag = number;

export interface ProvidersTable {
  id: string;
  name: string;
  organization_name: string | null;
  project_type: number;
  /** JSON array of funder codes. */
  funders: string;
  coc_code: string | null;
  active: Flag;
  /** JSON of the HUD project descriptors (ProjectDescriptors); null before any were set. */
  project_descriptors: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  role: string;
  password_hash: string;
  active: Flag;
  failed_sign_ins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  user_id: string;
  provider_id: string;
}

export interface RefreshTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  device_id: string | null;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
  /** Issue 11 (migration 012): the rotation family (the sign-in it descends from). */
  family_id: string | null;
  /** The device (installation id, user_devices.device_id) the session was issued to, if named. */
  installation_id: string | null;
  /** Set when the token was rotated: the id of the token that replaced it. */
  replaced_by: string | null;
  /** 'reused' when its family was revoked because a rotated token was used again. */
  revoked_reason: string | null;
}

export interface RecordsTable {
  type: string;
  id: string;
  /** JSON RecordState. */
  state: string;
  /**
   * JSON of state.fields alone (migration 013), for the reads that need no versions (the HMIS
   * export); null only where a row predates it and its migration did not run.
   */
  fields: string | null;
  deleted: Flag;
  change_seq: BigIntColumn;
  name_dob_key: string | null;
  ssn_key: string | null;
  /** Non-null exactly when the record has client keys. */
  first_name: string | null;
  last_name: string | null;
  dob: string | null;
  ssn_last4: string | null;
  /** Enrollments only (migration 005): the enrollment's client, to list a client's enrollments. */
  client_id: string | null;
  /** Enrollments only (migration 010): the enrollment's household, for the household rules. */
  household_id: string | null;
  /** HMIS metadata (migration 009), ISO instants; null only in a row written before it. */
  date_created: string | null;
  date_updated: string | null;
  user_id: string | null;
  date_deleted: string | null;
}

export interface RecordScopesTable {
  type: string;
  id: string;
  provider_id: string;
  /** A copy of the record's change_seq (0 while the record does not exist), for pullChanges. */
  change_seq: BigIntColumn;
}

export interface CountersTable {
  name: string;
  value: BigIntColumn;
}

export interface MutationsTable {
  mutation_id: string;
  device_id: string;
  seq: BigIntColumn;
  user_id: string;
  provider_id: string;
  /** JSON Mutation. */
  mutation: string;
  /** JSON MutationResult. */
  result: string;
  status: string;
  device_hlc: string;
  received_at: string;
}

export interface DevicesTable {
  device_id: string;
  next_seq: BigIntColumn;
  /** The user the device belongs to (migration 006); null only for a device that never pushed. */
  user_id: string | null;
}

export interface HeldMutationsTable {
  device_id: string;
  seq: BigIntColumn;
  user_id: string;
  provider_id: string;
  mutation: string;
  received_at: string;
  /** Why it will be rejected when its turn comes (M9), or null (migration 006). */
  rejection: string | null;
}

export interface ConflictsTable {
  id: string;
  record_type: string;
  record_id: string;
  rule: string;
  /** JSON ConflictRecord. */
  payload: string;
  status: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface ConflictProvidersTable {
  conflict_id: string;
  provider_id: string;
}

export interface HistoryTable {
  id: Generated<BigIntColumn>;
  record_type: string;
  record_id: string;
  group_name: string;
  /** JSON ConflictSide. */
  replaced: string;
  /** JSON FieldVersion. */
  by_version: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<BigIntColumn>;
  at: string;
  user_id: string | null;
  provider_id: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  /** JSON object. */
  details: string;
}

export interface ClientLinksTable {
  /** The smaller of the two client ids, so a pair is stored once. */
  a: string;
  b: string;
  linked_by: string;
  at: string;
}

/** HMIS ids behind imported records (the HMIS CSV import, migration 011). */
export interface HmisExternalIdsTable {
  /** Export.csv ImplementationID|SourceID: what the HMIS ids are unique within. */
  source_key: string;
  /** The CSV file the id is from ("Client.csv"). */
  hmis_file: string;
  hmis_id: string;
  record_type: string;
  record_id: string;
  imported_at: string;
}

/** A user's devices (browser profiles; issue 11, migration 012). */
export interface UserDevicesTable {
  user_id: string;
  /** The installation id (src/domain/protocol/devices.ts), not a sync device id. */
  device_id: string;
  label: string | null;
  shared: Flag;
  /** JSON of the device's ECDSA P-256 public JWK. */
  signing_key: string;
  /** base64 of 32 random bytes, issued at each sign-in. */
  push_secret: string;
  /** Goes up each time a revoked device is registered afresh; access tokens carry it. */
  generation: number;
  first_seen_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  /** When the device was last told to wipe this user's data (after its revocation). */
  wipe_sent_at: string | null;
}

/** The server's ECDH P-256 sealing keys (JWK JSON; migration 012). */
export interface ServerKeysTable {
  id: string;
  public_jwk: string;
  private_jwk: string;
  created_at: string;
}

export interface Database {
  providers: ProvidersTable;
  users: UsersTable;
  memberships: MembershipsTable;
  refresh_tokens: RefreshTokensTable;
  records: RecordsTable;
  record_scopes: RecordScopesTable;
  counters: CountersTable;
  mutations: MutationsTable;
  devices: DevicesTable;
  held_mutations: HeldMutationsTable;
  conflicts: ConflictsTable;
  conflict_providers: ConflictProvidersTable;
  history: HistoryTable;
  audit_log: AuditLogTable;
  client_links: ClientLinksTable;
  hmis_external_ids: HmisExternalIdsTable;
  user_devices: UserDevicesTable;
  server_keys: ServerKeysTable;
}
