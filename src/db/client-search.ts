// Finding clients in this device's copy of the shared client records, by name, date of birth or
// the last 4 of the SSN. Names are compared folded (case and accents ignored) by
// src/domain/workflow/client-match.ts. No PII is indexed (the database is encrypted at rest,
// schema.ts version 3), so a search reads the person's clients, decrypted as they are read: a
// caseload is hundreds to a few thousand clients, and the name index it replaces was read
// whole as well.
import {
  rankBySearch,
  matchesQuery,
  nameMayMatch,
  foldName,
  type ClientKeys,
  type ClientQuery,
} from '../domain/workflow/client-match';
import { viewsWhere } from './queries';
import type { DeviceDatabase, RecordRow, RecordView } from './schema';

export interface LocalClientHit {
  client: RecordView;
  /** The client's enrollments at the given provider on this device. */
  enrollmentsHere: RecordView[];
}

/** The live clients on this device whose view passes the test. */
async function clientsWhere(
  db: DeviceDatabase,
  test: (view: RecordView) => boolean,
): Promise<RecordView[]> {
  return liveViews(await db.clients.toArray()).filter(test);
}

const nameOf = (v: RecordView) => ({
  firstName: typeof v.firstName === 'string' ? v.firstName : '',
  lastName: typeof v.lastName === 'string' ? v.lastName : '',
});

function liveViews(rows: (RecordRow | undefined)[]): RecordView[] {
  const out: RecordView[] = [];
  for (const row of rows) if (row?.view && !row.view.deleted) out.push(row.view);
  return out;
}

function byName(a: RecordView, b: RecordView): number {
  return (
    foldName(a.lastName).localeCompare(foldName(b.lastName)) ||
    foldName(a.firstName).localeCompare(foldName(b.firstName)) ||
    a.id.localeCompare(b.id)
  );
}

async function withEnrollments(
  db: DeviceDatabase,
  clients: RecordView[],
  providerId: string,
): Promise<LocalClientHit[]> {
  if (!clients.length) return [];
  // One index read for every client's enrollments.
  const rows = await db.enrollments
    .where('clientId')
    .anyOf(clients.map((c) => c.id))
    .toArray();
  const here = new Map<string, RecordView[]>();
  for (const e of liveViews(rows)) {
    if (e.providerId !== providerId) continue;
    const key = String(e.clientId);
    here.set(key, [...(here.get(key) ?? []), e]);
  }
  return clients.map((client) => ({ client, enrollmentsHere: here.get(client.id) ?? [] }));
}

/** Clients on this device matching every given criterion, by name, at most `limit`. */
export async function searchLocalClients(
  db: DeviceDatabase,
  query: ClientQuery,
  providerId: string,
  limit = 50,
): Promise<LocalClientHit[]> {
  const anyCriterion =
    query.dob || foldName(query.firstName) || foldName(query.lastName) || query.ssnLast4;
  if (!anyCriterion) return [];
  // Ranked before the cut (exact matches, then fewest typos, then by name), so a crowd of
  // near-misses never pushes out the client typed exactly.
  const found = rankBySearch(await clientsWhere(db, (v) => matchesQuery(v, query)), query).slice(
    0,
    limit,
  );
  return withEnrollments(db, found, providerId);
}

/** The clients with these ids that are on this device (e.g. found by the server's search). */
export async function localClientsByIds(
  db: DeviceDatabase,
  ids: readonly string[],
  providerId: string,
): Promise<LocalClientHit[]> {
  if (!ids.length) return [];
  return withEnrollments(db, liveViews(await db.clients.bulkGet([...ids])), providerId);
}

/**
 * Clients on this device that may be the same person as a new client: the same date of birth,
 * or a name that scores (same, similar, swapped, same last name). The caller scores them.
 */
export async function localDuplicateCandidates(
  db: DeviceDatabase,
  input: ClientKeys,
  providerId: string,
): Promise<LocalClientHit[]> {
  const dob = typeof input.dob === 'string' && input.dob ? input.dob : null;
  const found = (
    await clientsWhere(db, (v) => nameMayMatch(input, nameOf(v)) || (dob !== null && v.dob === dob))
  ).sort(byName);
  return withEnrollments(db, found, providerId);
}

/** A client's record (null when it is not on this device) and its enrollments here, newest first. */
export async function clientWithEnrollments(
  db: DeviceDatabase,
  clientId: string,
): Promise<{ client: RecordView | null; enrollments: RecordView[] }> {
  const row = await db.clients.get(clientId);
  const client = row?.view && !row.view.deleted ? row.view : null;
  const enrollments = await viewsWhere(db, 'enrollment', 'clientId', clientId);
  enrollments.sort((a, b) =>
    String(b.projectStartDate ?? '').localeCompare(String(a.projectStartDate ?? '')),
  );
  return { client, enrollments };
}
