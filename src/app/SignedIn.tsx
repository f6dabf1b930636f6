// Everything a signed-in person uses: their device database and sync engine (services.ts), the
// header with the provider they enter data as and the sync status, and the routes.
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
import { UpdatePrompt } from './UpdatePrompt';

const queryClient = new QueryClient({
  // Screens that ask the server say so when it cannot be reached; retrying only delays that.
  defaultOptions: { queries: { retry: false, staleTime: 30_000, networkMode: 'always' } },
});

export function SignedIn(props: {
  account: AccountRow;
  onAccountChange(account: AccountRow | null): void;
}) {
  const { account, onAccountChange } = props;
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
      getAccount: () => latest.current,
      onAccountChange,
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
  }, [accounts, account.userId, onAccountChange]);

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
      </nav>
      <div className="shell-status">
        <Link className="shell-provider" to={paths.account()}>
          <span className="visually-hidden">Entering data as </span>
          {provider.name}
        </Link>
        <Suspense fallback={null}>
          <SyncIndicator />
        </Suspense>
      </div>
    </header>
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
