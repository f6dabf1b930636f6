// The possible-duplicate check of "Create a new client": the clients on this device and on the
// server that may be the person being added, scored by src/domain/workflow/client-duplicates.ts.
// It runs while the form is filled, as soon as the first name, last name and date of birth are
// typed (issue 12), and again with everything when the person saves.
import { useEffect, useState } from 'react';
import { localDuplicateCandidates } from '../../db';
import type { ClientMatch } from '../../domain/protocol';
import {
  possibleDuplicates,
  ssnLast4Of,
  type Candidate,
  type ClientKeys,
  type ClientQuery,
} from '../../domain/workflow/client-match';
import type { AppServices } from '../../shared/services';
import { searchServer } from './search';

/** A client that may be the person being added, from this device or the server. */
export interface PoolClient extends ClientKeys {
  id: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  onDevice: boolean;
  enrolledHere: boolean | null;
  providers: { id: string; name: string }[] | null;
}

export interface DuplicateFindings {
  candidates: Candidate<PoolClient>[];
  /** False when the server could not be searched (offline). */
  serverChecked: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The server's clients that may be this person: same last name, same DOB, same last 4. */
async function serverCandidates(
  api: AppServices['api'],
  providerId: string,
  input: ClientKeys,
): Promise<{ checked: boolean; clients: ClientMatch[] }> {
  const queries: ClientQuery[] = [];
  if (typeof input.lastName === 'string' && input.lastName)
    queries.push({ lastName: input.lastName });
  if (typeof input.dob === 'string' && input.dob) queries.push({ dob: input.dob });
  const last4 = ssnLast4Of(input);
  if (last4) queries.push({ ssnLast4: last4 });
  if (!queries.length) return { checked: true, clients: [] };
  const settled = await Promise.allSettled(
    queries.map((q) => searchServer(api, providerId, q, 50)),
  );
  const answered = settled.filter((s) => s.status === 'fulfilled');
  return { checked: answered.length > 0, clients: answered.flatMap((s) => s.value.clients) };
}

/** The clients on this device and on the server that may be the same person as `input`. */
export async function findDuplicates(
  services: Pick<AppServices, 'db' | 'provider' | 'api'>,
  input: ClientKeys,
): Promise<DuplicateFindings> {
  const [local, remote] = await Promise.all([
    localDuplicateCandidates(services.db, input, services.provider.id),
    serverCandidates(services.api, services.provider.id, input),
  ]);
  const providersById = new Map(remote.clients.map((c) => [c.id, c.providers]));
  const pool: PoolClient[] = [
    ...local.map((hit) => ({
      id: hit.client.id,
      firstName: str(hit.client.firstName),
      lastName: str(hit.client.lastName),
      dob: str(hit.client.dob),
      ssn: hit.client.ssn,
      onDevice: true,
      enrolledHere: hit.enrollmentsHere.length > 0,
      providers: providersById.get(hit.client.id) ?? null,
    })),
    ...remote.clients.map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      dob: c.dob,
      ssnLast4: c.ssnLast4,
      onDevice: false,
      enrolledHere: null,
      providers: c.providers,
    })),
  ];
  return { candidates: possibleDuplicates(input, pool), serverChecked: remote.checked };
}

/** How long typing must pause before the check runs (each server search is audited). */
const SETTLE_MS = 300;

/**
 * The possible duplicates of what is typed so far: null until `keys` are given (first name,
 * last name and date of birth, earlyDuplicateKeys) and the check for them has answered. A
 * failed check shows nothing: the check on save still runs.
 */
export function useEarlyDuplicates(
  services: Pick<AppServices, 'db' | 'provider' | 'api'>,
  keys: ClientKeys | null,
): DuplicateFindings | null {
  const { db, provider, api } = services;
  const keysJson = keys ? JSON.stringify(keys) : null;
  const [found, setFound] = useState<{ keysJson: string; findings: DuplicateFindings } | null>(
    null,
  );
  useEffect(() => {
    if (keysJson === null) return;
    let live = true;
    const timer = setTimeout(() => {
      const input = JSON.parse(keysJson) as ClientKeys;
      findDuplicates({ db, provider, api }, input).then(
        (findings) => {
          if (live) setFound({ keysJson, findings });
        },
        () => {},
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, provider, api, keysJson]);
  return found && found.keysJson === keysJson ? found.findings : null;
}
