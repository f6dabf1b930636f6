// The signed-in person's account: who they are, the provider they enter data as (and switching
// it), locking a shared tablet for the next person, signing out (optionally clearing this
// device's copy, never silently losing unsynced changes) and whether the browser keeps the data.
import { useEffect, useState } from 'react';
import { requestPersistentStorage, storageEstimate, type AccountRow } from '../../db';
import { formatDateTime } from '../../shared/format';
import { useServices } from '../../shared/services';
import { Alert, Button, Loading, Page, RadioGroup, Section } from '../../shared/ui';
import { providerDetails, providerLabel } from './providers';
import { SignOutSection } from './SignOutSection';
import { messageOf } from './wording';
import './session.css';

const ROLE_LABELS: Record<AccountRow['role'], string> = {
  case_manager: 'Case manager',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

export function AccountPage() {
  const { account } = useServices();
  return (
    <Page title="Your account" subtitle={account.displayName}>
      <WhoSection />
      <ProviderSection />
      <LockSection />
      <SignOutSection />
      <StorageSection />
    </Page>
  );
}

function WhoSection() {
  const { account, unlockedUntil } = useServices();
  return (
    <Section title="Signed in">
      <dl className="facts">
        <dt>Name</dt>
        <dd>{account.displayName}</dd>
        <dt>Username</dt>
        <dd>{account.username}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
      </dl>
      <p>
        Signed in on this device; Fieldnote stays unlocked until {formatDateTime(unlockedUntil)} at
        the latest, and locks itself sooner after a while without use. Then it asks for your
        password again, which works offline too.
      </p>
      {account.refreshTokenSealed ? null : (
        <Alert tone="warning" title="Sign in again to sync">
          <p>
            The server has ended this device&apos;s sign-in, so your changes stay on this device
            until you sign in again. Choose &ldquo;Lock — switch person&rdquo;, then sign in while
            connected.
          </p>
        </Alert>
      )}
    </Section>
  );
}

function ProviderSection() {
  const { account, provider, switchProvider } = useServices();
  const [chosen, setChosen] = useState<string | null>(provider.id);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const doSwitch = async () => {
    if (busy) return;
    const next = account.providers.find((p) => p.id === chosen);
    if (!next) {
      setOutcome({ tone: 'error', text: 'Choose a provider to switch to.' });
      return;
    }
    if (next.id === provider.id) {
      setOutcome({ tone: 'success', text: `You already enter data as ${next.name}.` });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      await switchProvider(next.id);
      setOutcome({ tone: 'success', text: `You now enter data as ${next.name}.` });
    } catch (error) {
      setOutcome({ tone: 'error', text: `Not switched: ${messageOf(error)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Enter data as">
      <p>
        You enter data as <strong>{provider.name}</strong> ({providerDetails(provider)}). The
        records you create belong to this provider&apos;s project.
      </p>
      {account.providers.length > 1 ? (
        <>
          <RadioGroup
            id="account-provider"
            label="Switch to"
            value={chosen}
            options={account.providers.map((p) => ({ value: p.id, label: providerLabel(p) }))}
            onChange={(value) => {
              setChosen(value);
              setOutcome(null);
            }}
          />
          <div className="button-row">
            <Button variant="primary" busy={busy} onClick={() => void doSwitch()}>
              Switch provider
            </Button>
          </div>
        </>
      ) : (
        <p className="muted">This is the only provider you belong to.</p>
      )}
      {outcome ? (
        <Alert tone={outcome.tone}>
          <p>{outcome.text}</p>
        </Alert>
      ) : null}
    </Section>
  );
}

function LockSection() {
  const { lock } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const doLock = async () => {
    setBusy(true);
    setError(null);
    try {
      await lock();
    } catch (e) {
      setError(`Not locked: ${messageOf(e)}`);
      setBusy(false);
    }
  };
  return (
    <Section title="Switch person">
      <p>
        On a shared tablet, lock Fieldnote before you hand it over. Your data and any unsynced
        changes stay on this device; they sync again after you unlock with your password.
      </p>
      {error ? (
        <Alert tone="error">
          <p>{error}</p>
        </Alert>
      ) : null}
      <div className="button-row">
        <Button busy={busy} onClick={() => void doLock()}>
          Lock — switch person
        </Button>
      </div>
    </Section>
  );
}

interface StorageState {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

async function readStorage(): Promise<StorageState> {
  const storage = (navigator as { storage?: Partial<StorageManager> }).storage;
  let persisted: boolean | null = null;
  try {
    persisted = (await storage?.persisted?.()) ?? null;
  } catch {
    persisted = null;
  }
  return { persisted, ...(await storageEstimate()) };
}

/** "0.3 MB", "12 MB", "2,048 MB" */
function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 10 ? `${mb.toFixed(1)} MB` : `${Math.round(mb).toLocaleString('en-US')} MB`;
}

function StorageSection() {
  const [report, setReport] = useState<StorageState | null>(null);
  const [asking, setAsking] = useState(false);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void readStorage().then((r) => {
      if (!cancelled) setReport(r);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const ask = async () => {
    setAsking(true);
    try {
      setReport(await requestPersistentStorage());
      setAsked(true);
    } finally {
      setAsking(false);
    }
  };

  return (
    <Section title="Storage on this device">
      <p>
        Browsers may delete an app&apos;s offline data when the device runs low on space (Safari
        also after about a week without use) unless its storage is kept. Changes that have not
        synced would be lost with it.
      </p>
      {report === null ? (
        <Loading label="Checking storage…" />
      ) : (
        <>
          <dl className="facts">
            <dt>Kept by the browser</dt>
            <dd>
              {report.persisted === true
                ? 'Yes — the browser will not delete Fieldnote’s data'
                : report.persisted === false
                  ? 'No — the browser may delete Fieldnote’s data when space runs low'
                  : 'Unknown — this browser does not say'}
            </dd>
            <dt>Space used</dt>
            <dd>
              {report.usageBytes === null ? 'Unknown' : formatMegabytes(report.usageBytes)}
              {report.quotaBytes === null
                ? null
                : ` of ${formatMegabytes(report.quotaBytes)} available`}
            </dd>
          </dl>
          {report.persisted === true ? null : (
            <div className="button-row">
              <Button busy={asking} onClick={() => void ask()}>
                Ask the browser to keep Fieldnote&apos;s data
              </Button>
            </div>
          )}
          {asked && report.persisted !== true ? (
            <Alert tone="warning" title="The browser did not agree">
              <p>
                Adding Fieldnote to the home screen usually lets the browser keep its data. Until
                then, sync often so nothing is kept only on this device.
              </p>
            </Alert>
          ) : null}
          {asked && report.persisted === true ? (
            <Alert tone="success">
              <p>The browser will keep Fieldnote&apos;s data on this device.</p>
            </Alert>
          ) : null}
        </>
      )}
    </Section>
  );
}
