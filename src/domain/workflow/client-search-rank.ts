// A search's results in the order a case manager reads them: those that match as typed first,
// then those found despite a typo (fewest mistakes first), each group by last then first name.
// The device merges its own results with the server's here; the server ranks with the same
// rankBySearch before it cuts its answer to the limit. Pure.
import {
  foldName,
  searchEdits,
  ssnLast4Of,
  type ClientKeys,
  type ClientQuery,
  type KeyFields,
} from './client-query';

/** A client found on this device. */
export interface LocalFound {
  client: ClientKeys & { id: string };
  /** The client has an enrollment at the provider the person enters data as. */
  enrolledHere: boolean;
}

/** A client found by the server's search (recognition fields only). */
export interface ServerFound {
  id: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  ssnLast4: string | null;
  providers: { id: string; name: string }[];
}

export interface FoundClient {
  id: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  ssnLast4: string | null;
  /** On this device: open its profile. Server only: start a project entry to bring it here. */
  onDevice: boolean;
  /** Only known for clients on this device. */
  enrolledHere: boolean | null;
  /** Providers that served the person (from the server); null when the server did not answer. */
  providers: { id: string; name: string }[] | null;
}

const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function byName(a: KeyFields & { id: string }, b: KeyFields & { id: string }): number {
  return (
    foldName(a.lastName).localeCompare(foldName(b.lastName)) ||
    foldName(a.firstName).localeCompare(foldName(b.firstName)) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Clients in search order: fewest typing mistakes first (searchEdits), then by name. Those that
 * do not match the query at all (a server result found by its own criteria) come last.
 */
export function rankBySearch<T extends KeyFields & { id: string }>(
  clients: readonly T[],
  query: ClientQuery | null,
): T[] {
  const edits = new Map<string, number>();
  for (const c of clients) {
    edits.set(c.id, query ? (searchEdits(c, query) ?? Number.POSITIVE_INFINITY) : 0);
  }
  return [...clients].sort((a, b) => edits.get(a.id)! - edits.get(b.id)! || byName(a, b));
}

/**
 * Local and server results as one list, one entry per client id, in search order for `query`
 * (by last then first name when no query is given).
 */
export function mergeFound(
  local: readonly LocalFound[],
  server: readonly ServerFound[] | null,
  query: ClientQuery | null = null,
): FoundClient[] {
  const byId = new Map<string, FoundClient>();
  for (const l of local) {
    byId.set(l.client.id, {
      id: l.client.id,
      firstName: strOrNull(l.client.firstName),
      lastName: strOrNull(l.client.lastName),
      dob: strOrNull(l.client.dob),
      ssnLast4: ssnLast4Of(l.client),
      onDevice: true,
      enrolledHere: l.enrolledHere,
      providers: null,
    });
  }
  for (const s of server ?? []) {
    const known = byId.get(s.id);
    if (known) {
      known.providers = s.providers;
      known.ssnLast4 ??= s.ssnLast4;
      continue;
    }
    byId.set(s.id, {
      id: s.id,
      firstName: s.firstName,
      lastName: s.lastName,
      dob: s.dob,
      ssnLast4: s.ssnLast4,
      onDevice: false,
      enrolledHere: null,
      providers: s.providers,
    });
  }
  return rankBySearch([...byId.values()], query);
}
