// The administrator's devices screen (issue 11 §2): every person's devices, or one person's (by
// username), active ones first, and "Revoke…" on each active one. Revoking, after a confirmation
// that says what happens, ends the device's sessions at once; the device wipes that person's
// data at its next contact with the server (sync-server/src/auth/devices.ts). The same is in the
// admin CLI (list-devices, revoke-device).
//
// The list and the revocation live on the server: offline, the screen says so and does not try.
// Administrators only; anyone else is told who manages devices.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  deviceListResponseSchema,
  deviceRevokeResponseSchema,
  type DeviceListResponse,
  type DeviceRevokeRequest,
  type DeviceView,
} from '../../domain/protocol';
import { useServices, useSyncStatus } from '../../shared/services';
import { Alert, Badge, Button, Confirm, Loading, Page, Section, TextField } from '../../shared/ui';
import { REVOKE_PATH, devicesView, listPath, withDevice, type DeviceRow } from './devices-view';
import './devices.css';

const QUERY_KEY = 'admin-devices';

function errorText(error: unknown): string {
  if (error instanceof TypeError)
    return 'Could not reach the server. Check the connection and try again.';
  return error instanceof Error && error.message
    ? error.message
    : 'Something went wrong. Try again.';
}

interface Outcome {
  tone: 'success' | 'info' | 'error';
  title: string;
  text: string;
}

export function DevicesPage() {
  const { account, api, now } = useServices();
  const online = useSyncStatus((s) => s.online);
  const allowed = account.role === 'admin';
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState('');
  const [username, setUsername] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeBox = useRef<HTMLDivElement>(null);

  const list = useQuery({
    queryKey: [QUERY_KEY, username],
    queryFn: () => api(listPath(username), deviceListResponseSchema),
    enabled: allowed && online,
  });

  const revoke = useMutation({
    // Say at once that it failed offline (the app's queries do the same), never wait silently.
    networkMode: 'always',
    mutationFn: (device: DeviceView) => {
      const body: DeviceRevokeRequest = { userId: device.userId, deviceId: device.deviceId };
      return api(REVOKE_PATH, deviceRevokeResponseSchema, { method: 'POST', body });
    },
    onSuccess: (result) => {
      // Every cached list that holds this device shows it as the server now has it.
      queryClient.setQueriesData<DeviceListResponse>({ queryKey: [QUERY_KEY] }, (old) =>
        old ? { devices: withDevice(old.devices, result.device) } : old,
      );
      const name = result.device.displayName || result.device.username;
      setOutcome(
        result.alreadyRevoked
          ? {
              tone: 'info',
              title: 'Already revoked',
              text: `This device of ${name} was revoked before; nothing changed.`,
            }
          : {
              tone: 'success',
              title: 'Device revoked',
              text: `${name}'s sessions on it have ended. Their data on it is wiped the next time it reaches the server.`,
            },
      );
    },
    onError: (error) => {
      setOutcome({ tone: 'error', title: 'Not revoked', text: errorText(error) });
    },
  });

  // The confirmation that had focus is gone: the outcome takes it, so it is heard and seen.
  useEffect(() => {
    if (outcome) outcomeBox.current?.focus();
  }, [outcome]);

  if (!allowed) {
    return (
      <Page title="Devices">
        <Alert tone="info" title="For administrators">
          <p>
            An administrator manages the phones and tablets people sign in on. If a device is lost
            or stolen, tell yours at once.
          </p>
        </Alert>
      </Page>
    );
  }

  const view = list.data ? devicesView(list.data.devices, now()) : null;
  const busyKey = revoke.isPending
    ? `${revoke.variables.userId}:${revoke.variables.deviceId}`
    : null;

  const renderRow = (row: DeviceRow) => (
    <DeviceItem
      key={row.key}
      row={row}
      online={online}
      busy={busyKey === row.key}
      disabled={revoke.isPending}
      confirming={confirming === row.key}
      onAsk={() => {
        setOutcome(null);
        setConfirming(row.key);
      }}
      onCancel={() => setConfirming(null)}
      onConfirm={() => {
        setConfirming(null);
        setOutcome(null);
        revoke.mutate(row.device);
      }}
    />
  );

  return (
    <Page title="Devices" subtitle="The phones and tablets people sign in on">
      {!online ? (
        <Alert tone="warning" title="You are offline">
          <p>
            Devices are listed and revoked on the server, so this screen needs the network. Connect,
            then try again.
          </p>
        </Alert>
      ) : null}
      <form
        autoComplete="off"
        className="devices-filter"
        role="search"
        aria-label="Devices of one person"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(null);
          setUsername(draft.trim());
        }}
      >
        <TextField
          label="Username"
          hint="Leave empty for everyone's devices."
          value={draft}
          onChange={setDraft}
          autoComplete="off"
          maxLength={200}
        />
        <div className="button-row">
          <Button type="submit" disabled={!online}>
            Show devices
          </Button>
          {username ? (
            <Button
              onClick={() => {
                setDraft('');
                setUsername('');
                setConfirming(null);
              }}
              disabled={!online}
            >
              Show everyone
            </Button>
          ) : null}
        </div>
      </form>
      <div ref={outcomeBox} tabIndex={-1} className="devices-outcome">
        {outcome ? (
          <Alert tone={outcome.tone} title={outcome.title}>
            <p>{outcome.text}</p>
          </Alert>
        ) : null}
      </div>
      {list.isError ? (
        <Alert tone="error" title="Could not list devices">
          <p>{errorText(list.error)}</p>
          <Button onClick={() => void list.refetch()} disabled={!online}>
            Try again
          </Button>
        </Alert>
      ) : null}
      {list.isLoading ? <Loading label="Asking the server for devices…" /> : null}
      {view ? (
        <>
          <Section title={`Active devices (${view.active.length})`}>
            {view.active.length ? (
              <ul className="list">{view.active.map(renderRow)}</ul>
            ) : (
              <p className="muted">
                {username
                  ? `${username} is not signed in on any device.`
                  : 'No active devices. A device is listed once someone signs in on it.'}
              </p>
            )}
          </Section>
          {view.revoked.length ? (
            <Section title={`Revoked devices (${view.revoked.length})`}>
              <ul className="list">{view.revoked.map(renderRow)}</ul>
            </Section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

function DeviceItem(props: {
  row: DeviceRow;
  online: boolean;
  busy: boolean;
  disabled: boolean;
  confirming: boolean;
  onAsk(): void;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { row } = props;
  const name = row.device.displayName || row.device.username;
  return (
    <li className="device-item">
      <div className="device-head">
        <h3 className="device-title">{row.title}</h3>
        {row.active ? <Badge tone="ok">Active</Badge> : <Badge tone="warning">Revoked</Badge>}
        {row.device.shared ? <Badge>Shared device</Badge> : null}
      </div>
      <p className="device-owner">{row.owner}</p>
      <p className="device-meta muted">
        {row.lastSeen} · {row.firstSeen} · Device id{' '}
        <span className="device-id" title={row.device.deviceId}>
          {row.shortId}
        </span>
      </p>
      {row.revoked ? <p className="device-revoked">{row.revoked}</p> : null}
      {row.wipe ? <p className="device-meta muted">{row.wipe}</p> : null}
      {row.active && !props.confirming ? (
        <Button
          variant="danger"
          onClick={props.onAsk}
          busy={props.busy}
          disabled={!props.online || props.disabled}
        >
          {/* The visible words first, then which device (several rows have a "Revoke…"). */}
          <span aria-hidden="true">{props.busy ? 'Revoking…' : 'Revoke…'}</span>
          <span className="visually-hidden">
            {`${props.busy ? 'Revoking…' : 'Revoke…'} ${row.title} of ${row.owner}`}
          </span>
        </Button>
      ) : null}
      {row.active && props.confirming ? (
        <Confirm
          title={`Revoke ${row.title} of ${name}?`}
          confirmLabel="Revoke device"
          danger
          onConfirm={props.onConfirm}
          onCancel={props.onCancel}
        >
          <p>
            {name}&apos;s sessions on this device end at once. Fieldnote wipes {name}&apos;s data on
            it the next time it reaches the server; changes on it that have not synced may be lost.
          </p>
          <p>
            {name} can sign in on it again later. Other people&apos;s data on it stays, and so do{' '}
            {name}&apos;s other devices.
          </p>
        </Confirm>
      ) : null}
    </li>
  );
}
