// The sync page: the state in full, then what needs the person (rejected changes), what is waiting
// (the outbox), conflicts, and unsaved drafts. Everything here reads the device database, except
// the server's open conflicts for supervisors.
import { useId, useState } from 'react';
import { listDrafts } from '../../db';
import type { SyncOutcome } from '../../sync';
import { ago, formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices, useSyncStatus } from '../../shared/services';
import { Alert, Button, ButtonLink, Page, Section } from '../../shared/ui';
import { Conflicts } from './Conflicts';
import { PendingChanges } from './PendingChanges';
import { RejectedChanges } from './RejectedChanges';
import { useTick } from './useTick';
import { OUTCOME_TEXT, plural } from './words';
import './sync.css';

export function SyncPage() {
  return (
    <Page title="Sync" subtitle="What is saved on this device and what has reached the server">
      <PhaseAlert />
      <StatusSection />
      <RejectedChanges />
      <PendingChanges />
      <Conflicts />
      <DraftsSummary />
    </Page>
  );
}

/** States that retrying cannot fix: the person has to act. */
function PhaseAlert() {
  const { lock } = useServices();
  const phase = useSyncStatus((s) => s.phase);
  const lastError = useSyncStatus((s) => s.lastError);
  const [locking, setLocking] = useState(false);
  if (phase === 'update_required') {
    return (
      <Alert tone="warning" title="Update Fieldnote to sync">
        <p>
          This version of the app is too old for the server. Your unsynced changes stay on this
          device and sync after the update.
        </p>
        <p>Finish any form you have open, then reload the app to update it.</p>
        <div className="button-row">
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload and update
          </Button>
        </div>
      </Alert>
    );
  }
  if (phase === 'signed_out') {
    return (
      <Alert tone="warning" title="Sign in again to sync">
        <p>
          Your session on the server has ended. Everything you saved stays on this device and syncs
          after you sign in again.
        </p>
        <div className="button-row">
          <Button
            variant="primary"
            busy={locking}
            onClick={() => {
              setLocking(true);
              void lock().finally(() => setLocking(false));
            }}
          >
            Lock and sign in again
          </Button>
        </div>
      </Alert>
    );
  }
  if (phase === 'needs_attention') {
    return (
      <Alert tone="warning" title="The server refused changes for this provider">
        {lastError ? <p>{lastError}</p> : null}
        <p>
          Your changes stay on this device. If you no longer work for this provider, ask your
          supervisor to add you again, or <Link to={paths.account()}>switch the provider</Link> you
          enter data as.
        </p>
      </Alert>
    );
  }
  return null;
}

function StatusSection() {
  const { syncNow, now } = useServices();
  const s = useSyncStatus((status) => status);
  useTick(30_000);
  const hintId = useId();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const at = now();

  const run = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      setOutcome(await syncNow());
    } catch {
      setOutcome('error');
    } finally {
      setRunning(false);
    }
  };

  const retrying = s.nextRetryAt !== null && (s.phase === 'error' || s.phase === 'offline');
  return (
    <Section title="Status">
      <dl className="facts">
        <dt>Connection</dt>
        <dd>{s.online ? 'Online' : 'Offline'}</dd>
        <dt>Last synced</dt>
        <dd>
          {s.lastSuccessAt === null
            ? 'Not yet since this app opened'
            : `${formatDateTime(s.lastSuccessAt)} (${ago(s.lastSuccessAt, at)})`}
        </dd>
        <dt>Waiting to sync</dt>
        <dd>
          {s.pendingCount === 0
            ? 'Nothing: every change is on the server'
            : `${plural(s.pendingCount, 'change')}${
                s.oldestPendingAt === null
                  ? ''
                  : `, the oldest saved ${formatDateTime(s.oldestPendingAt)}`
              }`}
        </dd>
        {retrying ? (
          <>
            <dt>Next try</dt>
            <dd>{formatDateTime(s.nextRetryAt)}</dd>
          </>
        ) : null}
        {s.lastError ? (
          <>
            <dt>Last problem</dt>
            <dd>{s.lastError}</dd>
          </>
        ) : null}
      </dl>
      <div className="button-row">
        <Button
          variant="primary"
          busy={running || s.phase === 'syncing'}
          disabled={!s.online}
          aria-describedby={s.online ? undefined : hintId}
          onClick={() => void run()}
        >
          Sync now
        </Button>
      </div>
      {s.online ? null : (
        <p className="muted" id={hintId}>
          You are offline. Your changes are kept on this device, and Fieldnote syncs by itself when
          the connection is back.
        </p>
      )}
      <p role="status">{outcome ? OUTCOME_TEXT[outcome] : ''}</p>
    </Section>
  );
}

function DraftsSummary() {
  const { db } = useServices();
  const drafts = useLiveQuery(() => listDrafts(db), [db]).data;
  if (drafts === undefined) return null;
  return (
    <Section title="Unsaved drafts">
      <p>
        {drafts.length === 0
          ? 'No unsaved forms on this device.'
          : `${plural(drafts.length, 'form')} on this device ${
              drafts.length === 1 ? 'has' : 'have'
            } typing that was never saved.`}
      </p>
      {drafts.length ? <ButtonLink to={paths.drafts()}>See drafts</ButtonLink> : null}
    </Section>
  );
}
