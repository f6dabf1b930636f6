// The app's entry: who is unlocked and which provider they enter data as. It loads only React,
// a bare IndexedDB look at the accounts (accounts-peek.ts) and the sign-in screen; Dexie and
// everything a signed-in person uses (device database, sync engine, screens) are separate
// chunks, so the first screen appears quickly on a slow phone connection.
//
// Nobody is unlocked when a page opens: a person's data key lives in the page's memory only, so
// a reload, a closed tab or a lock always comes back to the sign-in screen. Locking, signing out
// and a wipe reload the page, the surest way to drop everything decrypted from memory.
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { AccountRow } from '../db/accounts';
import { peekAccounts, type AccountsPeek } from '../db/accounts-peek';
import type { Unlocked } from '../sync/session';
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

/** Drops every key and decrypted value this page holds by loading it again. */
function reloadPage(): void {
  window.location.reload();
}

export function App(props: { onLocked?: () => void } = {}) {
  const onLocked = props.onLocked ?? reloadPage;
  const [unlocked, setUnlocked] = useState<Unlocked | null>(null);
  const [peek, setPeek] = useState<AccountsPeek | undefined>(undefined);

  useEffect(() => {
    void peekAccounts().then(setPeek, () => setPeek({ known: [], shared: false }));
  }, []);

  const onAccountChange = useCallback((account: AccountRow) => {
    setUnlocked((current) => (current ? { ...current, account } : current));
  }, []);

  let body;
  if (peek === undefined) {
    body = <Opening label="Opening Fieldnote…" />;
  } else if (unlocked === null) {
    body = (
      <SignInPage
        knownAccounts={peek.known}
        shared={peek.shared}
        onSharedChange={async (shared: boolean) => {
          const accounts = (await import('./accounts-db')).accountsDatabase();
          await accounts.setShared(shared);
          setPeek(await peekAccounts());
        }}
        preload={() => void import('../db/crypto/kdf').then((kdf) => kdf.preloadKdf())}
        signIn={async (username: string, password: string) => {
          const [{ signIn }, { browserFetch }, { accountsDatabase }, { wipeDeviceData }] =
            await Promise.all([
              import('../sync/session'),
              import('./http'),
              import('./accounts-db'),
              import('./services'),
            ]);
          setUnlocked(
            await signIn(
              { accounts: accountsDatabase(), fetch: browserFetch, wipeData: wipeDeviceData },
              { username, password },
            ),
          );
        }}
      />
    );
  } else if (!unlocked.account.providerId) {
    const { account } = unlocked;
    body = (
      <ChooseProviderPage
        displayName={account.displayName}
        providers={account.providers}
        current={null}
        onChoose={async (providerId: string) => {
          const accounts = (await import('./accounts-db')).accountsDatabase();
          await accounts.update(account.userId, { providerId });
          const updated = await accounts.accounts.get(account.userId);
          if (updated) onAccountChange(updated);
          else onLocked();
        }}
      />
    );
  } else {
    body = (
      <SignedIn
        account={unlocked.account}
        unlockedUntil={unlocked.unlockedUntil}
        shared={peek.shared}
        onAccountChange={onAccountChange}
        onLocked={onLocked}
      />
    );
  }

  return <Suspense fallback={<Opening label="Opening Fieldnote…" />}>{body}</Suspense>;
}
