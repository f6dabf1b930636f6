// Sign in. The first sign-in on a device needs a connection; afterwards the person can unlock
// offline with the same password. A personal device lists who signed in here before, so
// switching person is one tap and the password; a device marked as shared lists nobody (the
// next person at a shelter tablet should not learn who used it) and locks sooner when idle.
// Nothing here invites the browser to remember the password (autocomplete off): on a managed
// tablet the browser's password manager should also be off by policy (README).
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
// Not '../../sync': this screen is in the app's first chunk, without the sync engine.
import { SignInError } from '../../sync/sign-in-error';
import { Alert, Button, ErrorSummary, Page, TextField, type FieldError } from '../../shared/ui';
import './session.css';

export interface SignInPageProps {
  /** People who signed in on this device before (they can unlock offline). */
  knownAccounts: { username: string; displayName: string }[];
  /** Throws SignInError (src/sync/session.ts) with a message to show. */
  signIn(username: string, password: string): Promise<void>;
  /** The device is marked as shared (several staff use it). */
  shared?: boolean;
  onSharedChange?(shared: boolean): Promise<void>;
  /** Fetches what unlocking needs (the KDF's code) while the person types. */
  preload?(): void;
}

const USERNAME_ID = 'sign-in-username';
const PASSWORD_ID = 'sign-in-password';

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

function focusById(id: string): void {
  document.getElementById(id)?.focus();
}

export function SignInPage(props: SignInPageProps) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<{ message: string; attempt: number } | null>(null);
  const online = useOnline();
  const { preload } = props;
  useEffect(() => preload?.(), [preload]);

  // After a refused sign-in the password is cleared; put the cursor back in it.
  useEffect(() => {
    if (failure) focusById(PASSWORD_ID);
  }, [failure]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const name = username.trim();
    const errors: FieldError[] = [];
    if (!name) errors.push({ fieldId: USERNAME_ID, message: 'Enter your username' });
    if (!password) errors.push({ fieldId: PASSWORD_ID, message: 'Enter your password' });
    setFieldErrors(errors);
    if (errors.length) return;
    setBusy(true);
    setFailure(null);
    try {
      await props.signIn(name, password);
      // The app now shows the next screen; this one is about to unmount.
    } catch (error) {
      const message =
        error instanceof SignInError
          ? error.message
          : `Fieldnote could not sign you in: ${error instanceof Error ? error.message : String(error)}`;
      setPassword('');
      setFailure((previous) => ({ message, attempt: (previous?.attempt ?? 0) + 1 }));
    } finally {
      setBusy(false);
    }
  };

  const pick = (account: { username: string }) => {
    setUsername(account.username);
    setFieldErrors([]);
    setFailure(null);
    focusById(PASSWORD_ID);
  };

  const errorFor = (id: string) => fieldErrors.find((e) => e.fieldId === id)?.message ?? null;

  return (
    <main className="shell-main session-main" id="main">
      <Page title="Sign in to Fieldnote">
        <p>
          The first time you sign in on a device, it needs an internet connection. After that you
          can unlock Fieldnote on this device with your password, even offline.
        </p>
        {online ? null : (
          <Alert tone="warning" title="This device is offline">
            <p>Only people who have signed in on this device before can sign in now.</p>
          </Alert>
        )}

        {props.knownAccounts.length ? (
          <section className="section" aria-labelledby="sign-in-known">
            <h2 className="section-title" id="sign-in-known">
              Signed in on this device before
            </h2>
            <p className="muted">Tap your name, then enter your password.</p>
            <ul className="session-picks">
              {props.knownAccounts.map((account) => (
                <li key={account.username}>
                  <Button
                    onClick={() => pick(account)}
                    aria-pressed={username.trim().toLowerCase() === account.username}
                  >
                    <span className="session-pick">
                      <span>{account.displayName}</span>
                      <span className="session-pick-username">{account.username}</span>
                    </span>
                  </Button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <form className="section" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
          <ErrorSummary errors={fieldErrors} />
          {failure ? (
            <Alert tone="error" title="Not signed in">
              <p>{failure.message}</p>
            </Alert>
          ) : null}
          <TextField
            id={USERNAME_ID}
            label="Username"
            value={username}
            onChange={setUsername}
            autoComplete="off"
            required
            error={errorFor(USERNAME_ID)}
          />
          <TextField
            id={PASSWORD_ID}
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="off"
            required
            error={errorFor(PASSWORD_ID)}
          />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </Button>
          </div>
          <p className="visually-hidden" role="status">
            {busy ? 'Signing in…' : ''}
          </p>
        </form>
        {props.onSharedChange ? (
          <SharedDeviceSetting shared={props.shared ?? false} onChange={props.onSharedChange} />
        ) : null}
      </Page>
    </main>
  );
}

/** Marks this device as shared: nobody is listed here, and Fieldnote locks sooner when idle. */
function SharedDeviceSetting(props: { shared: boolean; onChange(shared: boolean): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <section className="section" aria-labelledby="sign-in-shared">
      <h2 className="section-title" id="sign-in-shared">
        This device
      </h2>
      <label className="checkbox">
        <input
          type="checkbox"
          autoComplete="off"
          checked={props.shared}
          disabled={busy}
          onChange={(event) => {
            setBusy(true);
            void props.onChange(event.target.checked).finally(() => setBusy(false));
          }}
        />{' '}
        Several staff use this device (a shared tablet): do not list who signed in here, and lock
        sooner when nobody is using it.
      </label>
    </section>
  );
}
