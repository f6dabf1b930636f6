// Finding a client's shared record before creating one. Returns only what is needed to recognise
// a person (names, date of birth, last 4 of SSN, data quality, which providers have served them),
// never another provider's enrollment data, and audits every search. Which providers served a
// client is transactional: for a client who does not share (HMIS Release of Information, RULES.md
// W-ROI-3) only the searching user's own providers are listed.
//
// Names are typo tolerant (issue 12: "Odesa Quarington" finds "Odessa Quarrington") by the
// device's own rule, matchesQuery and rankBySearch of src/domain/workflow/client-query.ts. The
// storage matches names as prefixes only, so the candidates are read more widely and the shared
// rule decides: when a date of birth or the last 4 of the SSN are given, every client with them
// (whatever the name); otherwise every client whose given names start with the same first
// letters (a typo in a first letter is then not forgiven: Soundex keeps the first letter too).
// At most TYPO_CANDIDATES are read; the matches as typed are read on their own as well, so a
// crowded first letter never hides one.
import type { ClientMatch, ClientSearchCriteria } from '../../../src/domain/protocol';
import { normalizeName } from '../../../src/domain/merge';
import { recordKey } from '../../../src/domain/records';
import { matchesQuery, rankBySearch } from '../../../src/domain/workflow/client-match';
import { badRequest } from '../errors';
import type { Storage, StoredRecord } from '../storage/types';
import { viewerOf, visibleProviders } from './roi-visibility';

/** The most candidate rows a typo-tolerant search reads beyond the matches as typed. */
export const TYPO_CANDIDATES = 1000;

/** The criteria of a search: the protocol's (src/domain/protocol/api.ts). */
export type ClientQuery = ClientSearchCriteria;

/** What the server answers per client: the protocol's type (src/domain/protocol/api.ts). */
export type { ClientMatch };

const str = (v: unknown) => (typeof v === 'string' ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : null);

/** What the shared search rule compares: the stored names and DOB, and the stored last 4. */
function keysOf(r: StoredRecord) {
  const f = r.state.fields;
  return {
    firstName: f.firstName,
    lastName: f.lastName,
    dob: f.dob,
    ssnLast4: r.clientKeys?.ssnLast4,
  };
}

export async function searchClients(
  storage: Storage,
  input: { userId: string; providerId: string; query: ClientQuery; now: number },
): Promise<ClientMatch[]> {
  const q = input.query;
  const firstName = q.firstName ? normalizeName(q.firstName) : undefined;
  const lastName = q.lastName ? normalizeName(q.lastName) : undefined;
  if (!firstName && !lastName && !q.dob && !q.ssnLast4) {
    throw badRequest('Search by name, date of birth or the last 4 of the SSN.');
  }
  const found: StoredRecord[] = await storage.searchClients({
    firstName,
    lastName,
    dob: q.dob,
    ssnLast4: q.ssnLast4,
    limit: q.limit,
  });
  if (firstName || lastName) {
    const exact = new Set(found.map((r) => r.state.id));
    const wider = await storage.searchClients(
      q.dob || q.ssnLast4
        ? { dob: q.dob, ssnLast4: q.ssnLast4, limit: TYPO_CANDIDATES }
        : { firstName: firstName?.[0], lastName: lastName?.[0], limit: TYPO_CANDIDATES },
    );
    for (const r of wider) {
      if (!exact.has(r.state.id) && matchesQuery(keysOf(r), q)) found.push(r);
    }
  }
  const ranked = rankBySearch(
    found.map((r) => ({ ...keysOf(r), id: r.state.id, record: r })),
    q,
  );
  const live = ranked
    .map((c) => c.record)
    .filter((r) => !r.state.deleted)
    .slice(0, q.limit);
  const scopes = await storage.getScopes(live.map((r) => ({ type: 'client', id: r.state.id })));
  const providerNames = new Map((await storage.listProviders()).map((p) => [p.id, p.name]));
  const viewer = await viewerOf(storage, input.userId);
  const clients = live.map((r): ClientMatch => {
    const f = r.state.fields;
    const servedBy = scopes.get(recordKey('client', r.state.id)) ?? [];
    return {
      id: r.state.id,
      firstName: str(f.firstName),
      lastName: str(f.lastName),
      nameDataQuality: num(f.nameDataQuality),
      dob: str(f.dob),
      dobDataQuality: num(f.dobDataQuality),
      ssnLast4: r.clientKeys?.ssnLast4 ?? null,
      ssnDataQuality: num(f.ssnDataQuality),
      providers: visibleProviders(r.state, viewer, servedBy).map((id) => ({
        id,
        name: providerNames.get(id) ?? 'Unknown provider',
      })),
    };
  });
  await storage.appendAudit([
    {
      at: new Date(input.now).toISOString(),
      userId: input.userId,
      providerId: input.providerId,
      action: 'search_clients',
      recordType: 'client',
      recordId: null,
      details: {
        query: {
          firstName: q.firstName ?? null,
          lastName: q.lastName ?? null,
          dob: q.dob ?? null,
          ssnLast4: q.ssnLast4 ? 'given' : null,
        },
        resultIds: clients.map((c) => c.id),
      },
    },
  ]);
  return clients;
}
