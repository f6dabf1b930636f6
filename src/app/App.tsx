// The app's entry: who is signed in and which provider they enter data as. It loads only React
// and the accounts database; the sign-in screen, and everything a signed-in person uses (device
// database, sync engine, screens), are separate chunks, so the first screen appears quickly on
// a slow phone connection.
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { AccountsDatabase, type AccountRow } from '../db/accounts';
// The sign-in screen is what a new device shows first: it is in the entry chunk, not a
// second round trip.
import { ChooseProviderPage, SignInPage } from '../features/session';
import './app.css';

const SignedIn = lazy(async () => ({ default: (await import('./SignedIn')).SignedIn }));

function Opening({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}

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
    void accounts.current(Date.now()).then(setAccount);
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
    body = <Opening label="Opening Fieldnote…" />;
  } else if (account === null) {
    body = (
      <SignInPage
        knownAccounts={known}
        signIn={async (username: string, password: string) => {
          const [{ signIn }, { browserFetch }] = await Promise.all([
            import('../sync/session'),
            import('./http'),
          ]);
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

  return <Suspense fallback={<Opening label="Opening Fieldnote…" />}>{body}</Suspense>;
}
