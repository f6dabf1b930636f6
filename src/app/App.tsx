// The app's composition: who is signed in, which provider they enter data as, the services their
// screens use, the header (provider and sync status always visible) and the routes.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { AccountsDatabase, type AccountRow } from '../db';
import { currentAccount, signIn } from '../sync';
import { ServicesContext, type AppServices } from '../shared/services';
import { Link, useLocation } from '../shared/navigation';
import { paths } from '../shared/paths';
import { Loading } from '../shared/ui';
import { ChooseProviderPage, SignInPage, SyncIndicator, matchRoute } from './routes';
import { browserFetch, startSession, type Session } from './services';
import { UpdatePrompt } from './UpdatePrompt';
import './app.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, staleTime: 30_000, networkMode: 'always' } },
});

export function App() {
  const accounts = useMemo(() => new AccountsDatabase(), []);
  const [account, setAccount] = useState<AccountRow | null | undefined>(undefined);
  const [known, setKnown] = useState<{ username: string; displayName: string }[]>([]);

  const refreshKnown = useCallback(
    () =>
      accounts.accounts
        .toArray()
        .then((rows) =>
          setKnown(rows.map((a) => ({ username: a.username, displayName: a.displayName }))),
        ),
    [accounts],
  );

  useEffect(() => {
    void currentAccount({ accounts }).then(setAccount);
    void refreshKnown();
  }, [accounts, refreshKnown]);

  const onAccountChange = useCallback(
    (next: AccountRow | null) => {
      setAccount(next);
      void refreshKnown();
    },
    [refreshKnown],
  );

  let body;
  if (account === undefined) {
    body = <Loading label="Opening Fieldnote…" />;
  } else if (account === null) {
    body = (
      <SignInPage
        knownAccounts={known}
        signIn={async (username: string, password: string) => {
          onAccountChange(await signIn({ accounts, fetch: browserFetch }, { username, password }));
        }}
      />
    );
  } else if (!account.providerId) {
    body = (
      <ChooseProviderPage
        displayName={account.displayName}
        providers={account.providers}
        current={null}
        onChoose={async (providerId: string) => {
          await accounts.update(account.userId, { providerId });
          onAccountChange((await accounts.accounts.get(account.userId)) ?? null);
        }}
      />
    );
  } else {
    body = <SignedIn accounts={accounts} account={account} onAccountChange={onAccountChange} />;
  }

  return (
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={<Loading />}>{body}</Suspense>
    </QueryClientProvider>
  );
}

function SignedIn(props: {
  accounts: AccountsDatabase;
  account: AccountRow;
  onAccountChange(account: AccountRow | null): void;
}) {
  const { accounts, account, onAccountChange } = props;
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
    <ServicesContext.Provider value={services}>
      <Shell />
    </ServicesContext.Provider>
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
  return (
    <header className="shell-header">
      <Link className="shell-brand" to={paths.caseload()}>
        <img className="shell-logo" src="/icon-192.png" alt="" width="28" height="28" />
        <span className="shell-title">Fieldnote</span>
      </Link>
      <nav className="shell-nav" aria-label="Main">
        <Link to={paths.caseload()}>Caseload</Link>
        <Link to={paths.findClient()}>Find client</Link>
      </nav>
      <div className="shell-status">
        <ProviderBadge />
        <Suspense fallback={null}>
          <SyncIndicator />
        </Suspense>
      </div>
    </header>
  );
}

function ProviderBadge() {
  return (
    <ServicesContext.Consumer>
      {(services) =>
        services ? (
          <Link className="shell-provider" to={paths.account()}>
            <span className="visually-hidden">Entering data as </span>
            {services.provider.name}
          </Link>
        ) : null
      }
    </ServicesContext.Consumer>
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
