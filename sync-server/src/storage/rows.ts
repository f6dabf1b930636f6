// Mapping between the interface's row types (types.ts) and table rows (schema.ts).
import type { Insertable, Selectable } from 'kysely';
import { toNumber } from './batch';
import {
  metaFromVersions,
  type ConflictRecord,
  type ConflictSide,
  type FieldVersion,
  type HistoryEntry,
} from '../../../src/domain/merge';
import {
  descriptorsOf,
  type ProjectDescriptors,
  type Provider,
  type Role,
} from '../../../src/domain/records';
import type {
  ConflictsTable,
  HeldMutationsTable,
  HistoryTable,
  MutationsTable,
  ProvidersTable,
  RecordsTable,
  RefreshTokensTable,
  UsersTable,
  AuditLogTable,
} from './schema';
import type {
  AuditEntry,
  ConflictRow,
  ConflictStatus,
  HeldMutation,
  MutationRow,
  RefreshTokenRow,
  StoredRecord,
  UserRow,
} from './types';

const flag = (b: boolean): number => (b ? 1 : 0);

export function providerToRow(p: Provider): Insertable<ProvidersTable> {
  return {
    id: p.id,
    name: p.name,
    organization_name: p.organizationName,
    project_type: p.projectType,
    funders: JSON.stringify(p.funders),
    coc_code: p.cocCode,
    active: flag(p.active),
    project_descriptors: JSON.stringify(descriptorsOf(p)),
  };
}

export function providerFromRow(r: Selectable<ProvidersTable>): Provider {
  return {
    id: r.id,
    name: r.name,
    organizationName: r.organization_name,
    projectType: r.project_type,
    funders: JSON.parse(r.funders) as number[],
    cocCode: r.coc_code,
    active: r.active !== 0,
    // Rows stored before 008_project_descriptors have none: nulls and empty lists.
    ...descriptorsOf(
      r.project_descriptors === null
        ? {}
        : (JSON.parse(r.project_descriptors) as Partial<ProjectDescriptors>),
    ),
  };
}

export function userToRow(u: UserRow): Insertable<UsersTable> {
  return {
    id: u.id,
    username: u.username,
    display_name: u.displayName,
    email: u.email,
    role: u.role,
    password_hash: u.passwordHash,
    active: flag(u.active),
    failed_sign_ins: u.failedSignIns,
    locked_until: u.lockedUntil,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
  };
}

export function userFromRow(r: Selectable<UsersTable>): UserRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    role: r.role as Role,
    passwordHash: r.password_hash,
    active: r.active !== 0,
    failedSignIns: r.failed_sign_ins,
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function refreshTokenToRow(t: RefreshTokenRow): Insertable<RefreshTokensTable> {
  return {
    id: t.id,
    user_id: t.userId,
    token_hash: t.tokenHash,
    device_id: t.deviceId,
    expires_at: t.expiresAt,
    revoked_at: t.revokedAt,
    created_at: t.createdAt,
  };
}

export function refreshTokenFromRow(r: Selectable<RefreshTokensTable>): RefreshTokenRow {
  return {
    id: r.id,
    userId: r.user_id,
    tokenHash: r.token_hash,
    deviceId: r.device_id,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    createdAt: r.created_at,
  };
}

export function mutationToRow(m: MutationRow): Insertable<MutationsTable> {
  return {
    mutation_id: m.mutationId,
    device_id: m.deviceId,
    seq: m.seq,
    user_id: m.userId,
    provider_id: m.providerId,
    mutation: JSON.stringify(m.mutation),
    result: JSON.stringify(m.result),
    status: m.result.status,
    device_hlc: m.deviceHlc,
    received_at: m.receivedAt,
  };
}

export function mutationFromRow(r: Selectable<MutationsTable>): MutationRow {
  return {
    mutationId: r.mutation_id,
    deviceId: r.device_id,
    seq: toNumber(r.seq),
    userId: r.user_id,
    providerId: r.provider_id,
    mutation: JSON.parse(r.mutation) as MutationRow['mutation'],
    result: JSON.parse(r.result) as MutationRow['result'],
    deviceHlc: r.device_hlc,
    receivedAt: r.received_at,
  };
}

export function heldToRow(h: HeldMutation): Insertable<HeldMutationsTable> {
  return {
    device_id: h.deviceId,
    seq: h.seq,
    user_id: h.userId,
    provider_id: h.providerId,
    mutation: JSON.stringify(h.mutation),
    rejection: h.rejection,
    received_at: h.receivedAt,
  };
}

export function heldFromRow(r: Selectable<HeldMutationsTable>): HeldMutation {
  return {
    deviceId: r.device_id,
    seq: toNumber(r.seq),
    userId: r.user_id,
    providerId: r.provider_id,
    mutation: JSON.parse(r.mutation) as HeldMutation['mutation'],
    rejection: r.rejection,
    receivedAt: r.received_at,
  };
}

/**
 * Client keys are stored for clients only, so a match on them needs no type filter; the client id
 * column is set for enrollments only (clientId never changes on an enrollment: IMMUTABLE_FIELDS).
 */
export function recordToRow(r: StoredRecord): Insertable<RecordsTable> {
  const k = r.state.type === 'client' ? r.clientKeys : null;
  const clientId = r.state.type === 'enrollment' ? r.state.fields.clientId : null;
  const householdId = r.state.type === 'enrollment' ? r.state.fields.householdId : null;
  return {
    type: r.state.type,
    id: r.state.id,
    state: JSON.stringify(r.state),
    fields: JSON.stringify(r.state.fields),
    deleted: flag(r.state.deleted),
    change_seq: r.changeSeq,
    name_dob_key: k?.nameDob ?? null,
    ssn_key: k?.ssn ?? null,
    first_name: k?.firstName ?? null,
    last_name: k?.lastName ?? null,
    dob: k?.dob ?? null,
    ssn_last4: k?.ssnLast4 ?? null,
    client_id: typeof clientId === 'string' ? clientId : null,
    household_id: typeof householdId === 'string' ? householdId : null,
    date_created: r.meta.dateCreated,
    date_updated: r.meta.dateUpdated,
    user_id: r.meta.userId,
    date_deleted: r.meta.dateDeleted,
  };
}

export function recordFromRow(r: Selectable<RecordsTable>): StoredRecord {
  const state = JSON.parse(r.state) as StoredRecord['state'];
  return {
    state,
    changeSeq: toNumber(r.change_seq),
    meta:
      r.date_created === null || r.date_updated === null || r.user_id === null
        ? metaFromVersions(state)
        : {
            dateCreated: r.date_created,
            dateUpdated: r.date_updated,
            userId: r.user_id,
            dateDeleted: r.date_deleted,
          },
    clientKeys:
      r.first_name === null
        ? null
        : {
            nameDob: r.name_dob_key,
            ssn: r.ssn_key,
            firstName: r.first_name,
            lastName: r.last_name ?? '',
            dob: r.dob,
            ssnLast4: r.ssn_last4,
          },
  };
}

export function conflictToRow(c: ConflictRow): Insertable<ConflictsTable> {
  return {
    id: c.conflict.id,
    record_type: c.conflict.recordType,
    record_id: c.conflict.recordId,
    rule: c.conflict.rule,
    payload: JSON.stringify(c.conflict),
    status: c.status,
    created_at: c.createdAt,
    resolved_at: c.resolvedAt,
    resolved_by: c.resolvedBy,
    resolution: c.resolution,
  };
}

export function conflictFromRow(r: Selectable<ConflictsTable>, providerIds: string[]): ConflictRow {
  return {
    conflict: JSON.parse(r.payload) as ConflictRecord,
    providerIds,
    status: r.status as ConflictStatus,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    resolution: r.resolution,
  };
}

export type HistoryWithTime = HistoryEntry & { at: string };

export function historyToRow(h: HistoryWithTime): Insertable<HistoryTable> {
  return {
    record_type: h.recordType,
    record_id: h.recordId,
    group_name: h.group,
    replaced: JSON.stringify(h.replaced),
    by_version: JSON.stringify(h.by),
    at: h.at,
  };
}

export function historyFromRow(r: Selectable<HistoryTable>): HistoryWithTime {
  return {
    recordType: r.record_type as HistoryEntry['recordType'],
    recordId: r.record_id,
    group: r.group_name,
    replaced: JSON.parse(r.replaced) as ConflictSide,
    by: JSON.parse(r.by_version) as FieldVersion,
    at: r.at,
  };
}

export function auditToRow(a: AuditEntry): Insertable<AuditLogTable> {
  return {
    at: a.at,
    user_id: a.userId,
    provider_id: a.providerId,
    action: a.action,
    record_type: a.recordType,
    record_id: a.recordId,
    details: JSON.stringify(a.details),
  };
}

export function auditFromRow(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    at: r.at,
    userId: r.user_id,
    providerId: r.provider_id,
    action: r.action,
    recordType: r.record_type,
    recordId: r.record_id,
    details: JSON.parse(r.details) as Record<string, unknown>,
  };
}
