// Synthetic client records for the clients screens, stored as pulled from the server (synced) or
// saved through the real write path (pending). Invented people only.
import { recordRow, saveChanges, type DeviceDatabase, type RecordView } from '../../../../src/db';
import { unflattenFields, type FieldValues, type RecordState } from '../../../../src/domain/merge';
import type { JsonValue } from '../../../../src/domain/protocol';
import { newId, type RecordType } from '../../../../src/domain/records';
import { TEST_PROVIDER } from '../render';
import { clientFields as baseClientFields } from '../../../domain/merge/fixtures';

export function clientFields(overrides: Record<string, unknown> = {}): FieldValues {
  return baseClientFields({
    ssn: '123451234',
    ssnDataQuality: 1,
    phone: '6125550123',
    ...(overrides as Record<string, JsonValue>),
  });
}

export function enrollmentFields(clientId: string, overrides: FieldValues = {}): FieldValues {
  return {
    clientId,
    providerId: TEST_PROVIDER.id,
    householdId: newId(),
    relationshipToHoH: 1,
    projectStartDate: '2026-02-02',
    entryType: 'basic',
    exitDate: null,
    exitReason: null,
    destination: null,
    destinationSubsidyType: null,
    ...overrides,
  };
}

/** Stores a record as if pulled from the server (no pending changes). */
export async function storeSynced(
  db: DeviceDatabase,
  type: RecordType,
  id: string,
  fields: FieldValues,
): Promise<void> {
  const server: RecordState = { type, id, fields, versions: {}, deleted: false, resolutions: {} };
  const view: RecordView = { ...unflattenFields(id, fields), id, deleted: false, pending: false };
  await db.recordTable(type).put(recordRow(type, id, server, view));
}

/** Saves a record as this device would (pending until synced). */
export async function saveLocal(
  db: DeviceDatabase,
  type: RecordType,
  id: string,
  fields: FieldValues,
): Promise<void> {
  await saveChanges(db, [{ type, id, op: 'create', fields }], { providerId: TEST_PROVIDER.id });
}
