// A small history-API router: the app's routes are few and fixed, and every screen must open
// offline from the precached index.html, which the service worker serves for any path.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

/** Guards that may stop a navigation (a form with unsaved input that is not a draft). */
const blockers = new Set<() => boolean>();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  for (const allow of blockers) if (!allow()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  notify();
  window.scrollTo?.(0, 0);
}

export function back(fallback: string): void {
  if (window.history.length > 1) window.history.back();
  else navigate(fallback, { replace: true });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const pathSnapshot = () => window.location.pathname + window.location.search;

/** The current path with its query string, e.g. `/clients/find?q=ro`. */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, pathSnapshot, () => '/');
}

export function useSearchParams(): URLSearchParams {
  const location = useLocation();
  const q = location.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : location.slice(q + 1));
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A link that navigates without reloading (and still opens in a new tab with a modifier). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
