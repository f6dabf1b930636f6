// Bench 6, a caseload opened: synthetic clients (with an enrollment each) stored the way a pull
// stores them (storePulledPage, 500 records a page) into a device database, encrypted or not;
// then the database is reopened and read as the screens read it: every client decrypted
// (clients.toArray(), what the caseload and search read), a search by last name
// (searchLocalClients) and the new-client form's duplicate check (localDuplicateCandidates),
// both of which read and decrypt every client (no PII is indexed, src/db/schema.ts version 3).
import {
  computeView,
  localDuplicateCandidates,
  searchLocalClients,
  storePulledPage,
} from '../../../src/db';
import { HybridLogicalClock } from '../../../src/domain/clock/hlc';
import type { RecordState } from '../../../src/domain/merge';
import type { Mutation } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import { householdChanges, newHousehold } from '../caseload';
import type { CaseloadFigures, CaseloadSeed } from './api';
import { freshName, openBenchDatabase } from './keys';

const PAGE = 500;
const now = () => performance.now();

/** The client that the searches look for: one in the middle of the caseload. */
function probe(clients: number) {
  const n = Math.floor(clients / 2);
  const [client] = householdChanges(n, newHousehold(), 'probe');
  return client!.fields as { firstName: string; lastName: string; dob: string };
}

/** Providers by seed: the enrollments' provider, for the searches' "enrollments here". */
const providers = new Map<string, string>();

export async function benchCaseloadSeed(
  clients: number,
  encrypted: boolean,
  providerId: string,
): Promise<CaseloadSeed> {
  const node = 'bench-caseload';
  const clock = new HybridLogicalClock(node);
  const states: RecordState[] = [];
  let seq = 0;
  for (let n = 0; n < clients; n++) {
    for (const c of householdChanges(n, newHousehold(), providerId).slice(0, 2)) {
      seq += 1;
      const mutation: Mutation = {
        mutationId: newId(),
        deviceId: node,
        seq,
        hlc: clock.tick(),
        recordType: c.type,
        recordId: c.id,
        op: 'create',
        fields: c.fields,
        seen: {},
      };
      const { state } = computeView(null, [mutation]);
      if (!state) throw new Error(`the synthetic ${c.type} did not merge`);
      states.push(state);
    }
  }
  const name = freshName(encrypted ? 'caseload-enc' : 'caseload');
  const db = await openBenchDatabase(name, encrypted);
  const t = now();
  for (let i = 0; i < states.length; i += PAGE) {
    await storePulledPage(db, providerId, states.slice(i, i + PAGE), `bench-cursor-${i}`);
  }
  const writeMs = now() - t;
  db.close();
  providers.set(name, providerId);
  return { name, encrypted, clients, records: states.length, writeMs };
}

export async function benchCaseloadOpen(
  seed: CaseloadSeed,
  runs: number,
): Promise<CaseloadFigures> {
  const providerId = providers.get(seed.name);
  if (!providerId) throw new Error(`no caseload ${seed.name} in this page`);
  const wanted = probe(seed.clients);
  let t = now();
  const db = await openBenchDatabase(seed.name, seed.encrypted);
  const openMs = now() - t;
  try {
    t = now();
    const first = await db.clients.toArray();
    const firstReadMs = now() - t;
    const figures: CaseloadFigures = {
      openMs,
      firstReadMs,
      readMs: [],
      searchMs: [],
      duplicatesMs: [],
      clientsRead: first.filter((r) => typeof r.view?.lastName === 'string').length,
      searchHits: 0,
      probeFound: false,
      duplicateHits: 0,
    };
    for (let i = 0; i < runs; i++) {
      t = now();
      await db.clients.toArray();
      figures.readMs.push(now() - t);

      t = now();
      const hits = await searchLocalClients(db, { lastName: wanted.lastName }, providerId);
      figures.searchMs.push(now() - t);
      figures.searchHits = hits.length;
      figures.probeFound = hits.some(
        (h) => h.client.firstName === wanted.firstName && h.enrollmentsHere.length === 1,
      );

      t = now();
      const candidates = await localDuplicateCandidates(db, wanted, providerId);
      figures.duplicatesMs.push(now() - t);
      figures.duplicateHits = candidates.length;
    }
    return figures;
  } finally {
    db.close();
  }
}
