// The server's client search as this feature calls it, and where a search's criteria are kept.
//
// Criteria are names, a DOB and SSN digits, so they never go into a URL: not the request's (server
// and proxy logs, Referer) and not the page's (browser history, Chromium's session files on a
// shared tablet). The request is a POST with a JSON body; the page keeps the criteria in memory,
// with only an opaque key in history.state so that Back to the search shows it again.
import { clientMatchesSchema, type ClientMatch } from '../../domain/protocol';
import type { ClientSearchRequest } from '../../domain/protocol/api';
import type { ClientQuery } from '../../domain/workflow/client-match';
import type { AppServices } from '../../shared/services';

export const SEARCH_PATH = '/api/clients/search';

/** The POST body for a search with only the criteria given. */
export function searchBody(providerId: string, query: ClientQuery, limit?: number) {
  const body: ClientSearchRequest = { providerId };
  for (const key of ['firstName', 'lastName', 'dob', 'ssnLast4'] as const) {
    const value = query[key];
    if (value) body[key] = value;
  }
  if (limit) body.limit = limit;
  return body;
}

/** POST /api/clients/search through the person's session (fails offline: callers say so). */
export function searchServer(
  api: AppServices['api'],
  providerId: string,
  query: ClientQuery,
  limit?: number,
): Promise<{ clients: ClientMatch[] }> {
  return api(SEARCH_PATH, clientMatchesSchema, {
    method: 'POST',
    body: searchBody(providerId, query, limit),
  });
}

// ---- remembering a search without a URL ------------------------------------------------------

/** The history.state field that names a remembered search. */
const STATE_KEY = 'fieldnoteSearch';
/** Searches kept per page load; a reload (Lock reloads the page) forgets them all. */
const MAX_REMEMBERED = 20;
const remembered = new Map<string, { owner: string; query: ClientQuery }>();

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keeps `query` in memory for `owner` (account and provider) and puts only its random key in the
 * current history entry, so Back and Forward find it again while nothing readable is stored.
 */
export function rememberSearch(owner: string, query: ClientQuery): void {
  const key = randomKey();
  remembered.set(key, { owner, query });
  while (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  const state: unknown = window.history.state;
  const base = typeof state === 'object' && state !== null ? state : {};
  // The path without any query string: an old link's criteria are dropped from history too.
  window.history.replaceState({ ...base, [STATE_KEY]: key }, '', window.location.pathname);
}

/** Removes a query string from the page's URL (an old link that carried criteria). */
export function dropUrlQuery(): void {
  if (window.location.search) {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
}

/** The search remembered for this history entry, if it is `owner`'s. */
export function recalledSearch(owner: string): ClientQuery | null {
  const state: unknown = window.history.state;
  if (typeof state !== 'object' || state === null) return null;
  const key = (state as Record<string, unknown>)[STATE_KEY];
  if (typeof key !== 'string') return null;
  const entry = remembered.get(key);
  return entry && entry.owner === owner ? entry.query : null;
}

/** The last 4 of the SSN as shown, or that they are not known. */
export function maskedSsn(last4: string | null): string {
  return last4 ?? 'Not known';
}
