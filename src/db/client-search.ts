// Finding clients in this device's copy of the shared client records, by name (the
// [lastName+firstName] index, read key by key), date of birth (the dob index) or the last 4 of
// the SSN. Names are compared folded (case and accents ignored) by src/domain/workflow/client-match.ts.
import {
  matchesQuery,
  nameMayMatch,
  ssnLast4Of,
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

/** Ids of clients whose indexed last and first name pass the test (reads only the index). */
async function idsByName(
  db: DeviceDatabase,
  test: (name: { firstName: string; lastName: string }) => boolean,
): Promise<string[]> {
  const ids: string[] = [];
  await db.clients.orderBy('[lastName+firstName]').eachKey((key, cursor) => {
    const [lastName, firstName] = key as [string, string];
    if (test({ firstName, lastName })) ids.push(cursor.primaryKey as string);
  });
  return ids;
}

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
  let rows: (RecordRow | undefined)[];
  if (query.dob) {
    rows = await db.clients.where('dob').equals(query.dob).toArray();
  } else if (foldName(query.firstName) || foldName(query.lastName)) {
    const names = { firstName: query.firstName, lastName: query.lastName };
    rows = await db.clients.bulkGet(await idsByName(db, (n) => matchesQuery(n, names)));
  } else if (query.ssnLast4) {
    rows = await db.clients.filter((r) => ssnLast4Of(r.view ?? {}) === query.ssnLast4).toArray();
  } else {
    return [];
  }
  const found = liveViews(rows)
    .filter((v) => matchesQuery(v, query))
    .sort(byName)
    .slice(0, limit);
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
  const ids = new Set(await idsByName(db, (n) => nameMayMatch(input, n)));
  if (typeof input.dob === 'string' && input.dob) {
    for (const id of await db.clients.where('dob').equals(input.dob).primaryKeys()) ids.add(id);
  }
  const found = liveViews(await db.clients.bulkGet([...ids])).sort(byName);
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
