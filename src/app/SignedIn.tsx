// Everything a signed-in person uses: their device database and sync engine (services.ts), the
// header with the provider they enter data as and the sync status, the routes, and the lock
// that ends the unlock after a while without input or at the end of its window (idle-lock.ts).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AccountRow } from '../db/accounts';
import { accountsDatabase } from './accounts-db';
import { ServicesContext, useServices, type AppServices } from '../shared/services';
import { Link, useLocation } from '../shared/navigation';
import { paths } from '../shared/paths';
import { Loading } from '../shared/ui';
import { SyncIndicator, matchRoute } from './routes';
import { startSession, type Session } from './services';
import { IdleLock } from '../sync/idle-lock';
import { UpdatePrompt } from './UpdatePrompt';

const queryClient = new QueryClient({
  // Screens that ask the server say so when it cannot be reached; retrying only delays that.
  defaultOptions: { queries: { retry: false, staleTime: 30_000, networkMode: 'always' } },
});

export function SignedIn(props: {
  account: AccountRow;
  unlockedUntil: number;
  /** The device is marked as shared: the shorter inactivity lock applies. */
  shared: boolean;
  onAccountChange(account: AccountRow): void;
  onLocked(): void;
}) {
  const { account, onAccountChange, onLocked, unlockedUntil } = props;
  const accounts = accountsDatabase();
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(account);
  useLayoutEffect(() => {
    latest.current = account;
  });

  useEffect(() => {
    let disposed = false;
    let started: Session | null = null;
    startSession({
      accounts,
      account: latest.current,
      unlockedUntil,
      getAccount: () => latest.current,
      onAccountChange,
      onLocked,
    }).then(
      (s) => {
        if (disposed) s.dispose();
        else {
          started = s;
          setSession(s);
        }
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      disposed = true;
      started?.dispose();
    };
  }, [accounts, account.userId, onAccountChange, onLocked, unlockedUntil]);

  const policy = account.policy;
  const idleMinutes = props.shared ? policy.sharedIdleLockMinutes : policy.idleLockMinutes;
  useIdleLock(session, idleMinutes * 60_000, unlockedUntil);

  const provider = account.providers.find((p) => p.id === account.providerId);
  const services = useMemo<AppServices | null>(
    () => (session && provider ? { ...session.services, account, provider } : null),
    [session, account, provider],
  );

  if (error) return <p role="alert">Fieldnote could not open this device's data: {error}</p>;
  if (!services) return <Loading label="Opening your caseload…" />;
  return (
    <QueryClientProvider client={queryClient}>
      <ServicesContext.Provider value={services}>
        <Shell />
      </ServicesContext.Provider>
    </QueryClientProvider>
  );
}

/** Input that counts as someone using the page. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/** Locks the session after `idleMs` without input, and at `unlockedUntil` whatever happens. */
function useIdleLock(session: Session | null, idleMs: number, unlockedUntil: number): void {
  useEffect(() => {
    if (!session) return;
    const idle = new IdleLock({
      idleMs,
      unlockedUntil,
      now: () => Date.now(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      onLock: () => void session.services.lock(),
    });
    const onActivity = () => idle.activity();
    // A phone that slept with the page open: check as soon as it is seen again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') idle.check();
    };
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, onActivity, { passive: true, capture: true });
    }
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      idle.dispose();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, true);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [session, idleMs, unlockedUntil]);
}

function Shell() {
  const location = useLocation();
  const match = matchRoute(location);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <ShellHeader />
      <UpdatePrompt formOpen={match?.route.form === true} />
      <main className="shell-main" id="main">
        <Suspense fallback={<Loading />}>
          {match ? <match.route.Page key={match.key} {...match.props} /> : <NotFound />}
        </Suspense>
      </main>
    </div>
  );
}

/**
 * One row, at most 64 px on a phone: the main navigation (scrolls sideways when it does not fit),
 * the account (who data is entered as; Lock — switch person is there) and the sync status, which
 * is always visible. On a phone the account shows as an icon and the sync status in short words;
 * screen readers hear the full words either way.
 */
function ShellHeader() {
  const { provider, account } = useServices();
  const reviewer = account.role === 'supervisor' || account.role === 'admin';
  return (
    <header className="shell-header">
      <Link className="shell-brand" to={paths.caseload()}>
        <img className="shell-logo" src="/icon-192.png" alt="" width="28" height="28" />
        <span className="shell-title">Fieldnote</span>
      </Link>
      <nav className="shell-nav" aria-label="Main">
        <Link to={paths.caseload()}>Caseload</Link>
        <Link to={paths.findClient()}>Find client</Link>
        {reviewer ? <Link to={paths.dataQuality()}>Data quality</Link> : null}
        {reviewer ? <Link to={paths.hmisExport()}>HMIS export</Link> : null}
        {account.role === 'admin' ? <Link to={paths.adminDevices()}>Devices</Link> : null}
      </nav>
      <div className="shell-status">
        <Link className="shell-provider" to={paths.account()}>
          <PersonIcon />
          <span className="visually-hidden">Entering data as </span>
          <span className="shell-provider-name">{provider.name}</span>
        </Link>
        <Suspense fallback={null}>
          <SyncIndicator />
        </Suspense>
      </div>
    </header>
  );
}

/** The account's icon (a head and shoulders); the link's words say what it is. */
function PersonIcon() {
  return (
    <svg
      className="shell-provider-icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

function NotFound() {
  return (
    <div className="page">
      <h1 className="page-title">Page not found</h1>
      <p>
        <Link to={paths.caseload()}>Go to your caseload</Link>
      </p>
    </div>
  );
}
