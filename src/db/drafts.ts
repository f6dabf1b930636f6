// Drafts: an open form's input, written as the person types, so nothing typed is lost to a closed
// tab, a reload or a dead battery. A draft is deleted when its form is saved or discarded.
import type { DeviceDatabase, DraftRow } from './schema';

export async function loadDraft(db: DeviceDatabase, key: string): Promise<DraftRow | undefined> {
  return db.drafts.get(key);
}

export async function saveDraft(
  db: DeviceDatabase,
  draft: Omit<DraftRow, 'updatedAt'>,
): Promise<void> {
  await db.drafts.put({ ...draft, updatedAt: db.now() });
}

export async function deleteDraft(db: DeviceDatabase, key: string): Promise<void> {
  await db.drafts.delete(key);
}

/** Every draft on this device, newest first. */
export async function listDrafts(db: DeviceDatabase): Promise<DraftRow[]> {
  return db.drafts.orderBy('updatedAt').reverse().toArray();
}
