// Reads of the project start and Case Managers screens: clients on this device by name, a
// client's open enrollments at a provider, and the Case Managers tab entries of a household.
import { normalizeName } from '../domain/merge';
import { getView, viewsWhere } from './queries';
import type { DeviceDatabase, RecordView } from './schema';

/**
 * Clients on this device whose names match every word typed (each word starts the first or last
 * name, ignoring case and punctuation), at most `limit`, by last then first name.
 */
export async function searchClientsForHousehold(
  db: DeviceDatabase,
  text: string,
  limit = 10,
): Promise<RecordView[]> {
  const words = text
    .split(/\s+/)
    .map((w) => normalizeName(w))
    .filter((w) => w !== '');
  if (words.length === 0) return [];
  const rows = await db.clients
    .filter((row) => {
      const view = row.view;
      if (!view || view.deleted) return false;
      const names = [
        normalizeName(view.firstName as string),
        normalizeName(view.lastName as string),
      ];
      return words.every((w) => names.some((n) => n.startsWith(w)));
    })
    .toArray();
  const key = (v: RecordView) =>
    `${normalizeName(v.lastName as string)} ${normalizeName(v.firstName as string)}`;
  return rows
    .map((r) => r.view!)
    .sort((a, b) => key(a).localeCompare(key(b)))
    .slice(0, limit);
}

/** Several clients by id (those on this device; the others are left out). */
export async function clientViewsById(
  db: DeviceDatabase,
  ids: readonly string[],
): Promise<Map<string, RecordView>> {
  const views = await Promise.all(ids.map((id) => getView(db, 'client', id)));
  const out = new Map<string, RecordView>();
  for (const v of views) if (v) out.set(v.id, v);
  return out;
}

/** The client's enrollments at the provider that have no exit date. */
export async function openEnrollmentsAt(
  db: DeviceDatabase,
  clientId: string,
  providerId: string,
): Promise<RecordView[]> {
  const enrollments = await viewsWhere(db, 'enrollment', 'clientId', clientId);
  return enrollments.filter(
    (e) => e.providerId === providerId && (e.exitDate === null || e.exitDate === undefined),
  );
}

/** The Case Managers tab entries of several enrollments (a household's), by start date. */
export async function assignmentsOfEnrollments(
  db: DeviceDatabase,
  enrollmentIds: readonly string[],
): Promise<RecordView[]> {
  const lists = await Promise.all(
    enrollmentIds.map((id) => viewsWhere(db, 'caseManagerAssignment', 'enrollmentId', id)),
  );
  return lists
    .flat()
    .sort((a, b) => String(a.startDate ?? '').localeCompare(String(b.startDate ?? '')));
}
