// The app's entry: who is signed in and which provider they enter data as. It loads only React,
// a bare IndexedDB look at the accounts (accounts-peek.ts) and the sign-in screen; Dexie and
// everything a signed-in person uses (device database, sync engine, screens) are separate
// chunks, so the first screen appears quickly on a slow phone connection.
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { AccountRow } from '../db/accounts';
import { peekAccounts } from '../db/accounts-peek';
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
  const [account, setAccount] = useState<AccountRow | null | undefined>(undefined);
  const [known, setKnown] = useState<{ username: string; displayName: string }[]>([]);

  const refreshKnown = useCallback(
    () => peekAccounts(Date.now()).then((peek) => setKnown(peek.known)),
    [],
  );

  useEffect(() => {
    void peekAccounts(Date.now()).then(
      (peek) => {
        setAccount(peek.current);
        setKnown(peek.known);
      },
      () => setAccount(null),
    );
  }, []);

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
          const [{ signIn }, { browserFetch }, { accountsDatabase }] = await Promise.all([
            import('../sync/session'),
            import('./http'),
            import('./accounts-db'),
          ]);
          onAccountChange(
            await signIn(
              { accounts: accountsDatabase(), fetch: browserFetch },
              { username, password },
            ),
          );
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
          const accounts = (await import('./accounts-db')).accountsDatabase();
          await accounts.update(account.userId, { providerId });
          onAccountChange((await accounts.accounts.get(account.userId)) ?? null);
        }}
      />
    );
  } else {
    body = <SignedIn account={account} onAccountChange={onAccountChange} />;
  }

  return <Suspense fallback={<Opening label="Opening Fieldnote…" />}>{body}</Suspense>;
}
