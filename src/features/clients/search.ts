// The server's client search as this feature calls it.
import type { ClientQuery } from '../../domain/workflow/client-match';

/** GET /api/clients/search with only the criteria given. */
export function searchPath(providerId: string, query: ClientQuery, limit?: number): string {
  const params = new URLSearchParams({ providerId });
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (limit) params.set('limit', String(limit));
  return `/api/clients/search?${params.toString()}`;
}

/** The last 4 of the SSN as shown, or that they are not known. */
export function maskedSsn(last4: string | null): string {
  return last4 ?? 'Not known';
}
