// Signing out of the device: the person chooses whether their data stays on it (sealed under
// their key) or is cleared; clearing is refused while unsynced changes exist unless the person
// ticks that they will lose them (it says how many), so nothing is lost by a slip.
import { useState } from 'react';
import { pendingCount } from '../../db';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Button, Confirm, RadioGroup, Section } from '../../shared/ui';
import { changes, messageOf } from './wording';
export function SignOutSection() {
  const { db, signOut } = useServices();
  const pending = useLiveQuery(() => pendingCount(db), [db]).data;
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<'keep' | 'clear'>('keep');
  const [acknowledged, setAcknowledged] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setOpen(false);
    setData('keep');
    setAcknowledged(false);
    setRefusal(null);
    setError(null);
  };

  const confirm = async () => {
    if (busy) return;
    const clearData = data === 'clear';
    if (clearData && pending === undefined) {
      setRefusal('Still counting the unsynced changes on this device. Try again in a moment.');
      return;
    }
    if (clearData && pending! > 0 && !acknowledged) {
      setRefusal(
        `Tick the box to confirm you will lose ${changes(pending!)}, or keep your data on this device.`,
      );
      return;
    }
    setRefusal(null);
    setError(null);
    setBusy(true);
    try {
      await signOut({ clearData, confirmLosingPending: clearData && acknowledged });
      close();
    } catch (e) {
      setError(`Not signed out: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const pendingText =
    pending === undefined
      ? 'Counting unsynced changes…'
      : pending === 0
        ? 'Everything you entered on this device has synced.'
        : `${changes(pending)} on this device ${pending === 1 ? 'has' : 'have'} not synced yet.`;

  return (
    <Section title="Sign out">
      <p>
        Signing out removes your sign-in from this device. You choose whether your data stays on it.
      </p>
      <p>
        {pendingText}
        {pending ? (
          <>
            {' '}
            <Link to={paths.sync()}>See what has not synced</Link>
          </>
        ) : null}
      </p>
      {open ? (
        <Confirm
          title="Sign out of Fieldnote on this device?"
          confirmLabel={busy ? 'Signing out…' : 'Sign out'}
          danger={data === 'clear'}
          onConfirm={() => void confirm()}
          onCancel={close}
        >
          <p>{pendingText}</p>
          <RadioGroup
            id="sign-out-data"
            label="Your data on this device"
            value={data}
            options={[
              {
                value: 'keep',
                label: 'Keep it — unsynced changes sync the next time you sign in here',
              },
              { value: 'clear', label: 'Clear it from this device' },
            ]}
            onChange={(value) => {
              setData(value ?? 'keep');
              setRefusal(null);
            }}
          />
          {data === 'clear' && pending ? (
            <div className={`field session-confirm-check${refusal ? ' field-invalid' : ''}`}>
              <label className="choice">
                <input
                  autoComplete="off"
                  type="checkbox"
                  checked={acknowledged}
                  aria-invalid={refusal ? true : undefined}
                  aria-describedby={refusal ? 'sign-out-refusal' : undefined}
                  onChange={(e) => {
                    setAcknowledged(e.target.checked);
                    setRefusal(null);
                  }}
                />
                <span>
                  Clear anyway: I will lose {changes(pending)} that {pending === 1 ? 'has' : 'have'}{' '}
                  not synced
                </span>
              </label>
            </div>
          ) : null}
          {refusal ? (
            <p className="field-error" id="sign-out-refusal" role="alert">
              Nothing was cleared. {refusal}
            </p>
          ) : null}
          {error ? (
            <Alert tone="error">
              <p>{error}</p>
            </Alert>
          ) : null}
        </Confirm>
      ) : (
        <div className="button-row">
          <Button onClick={() => setOpen(true)}>Sign out…</Button>
        </div>
      )}
    </Section>
  );
}
