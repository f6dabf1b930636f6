// The browser's fetch in the shape the sync engine and session code take (no caching: the API
// must never be answered from a cache).
import type { HttpFetch } from '../sync/session';

export const browserFetch: HttpFetch = async (url, init) => {
  const response = await fetch(url, { ...init, cache: 'no-store', credentials: 'same-origin' });
  return { status: response.status, text: () => response.text() };
};
