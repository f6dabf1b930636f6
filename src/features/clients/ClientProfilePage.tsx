// A client's profile: the universal data elements and contact information of the shared client
// record, edited in place (only what the person changed is saved, as one 'client' patch), the
// client's HMIS Release of Information (RoiSection.tsx) and the client's enrollments on this
// device.
import { useMemo, useState, type FormEvent } from 'react';
import { clientWithEnrollments, type RecordView } from '../../db';
import {
  changedGroups,
  clientFormFromRecord,
  clientFormSchema,
  clientFromForm,
  clientPatchFields,
  dataQualityHints,
  issuesOfGroups,
  type ClientForm,
  type ClientIssue,
} from '../../domain/workflow/client-match';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  ErrorSummary,
  Loading,
  Page,
  Section,
} from '../../shared/ui';
import { ClientFields, issueDisplay } from './ClientFields';
import { RoiSection } from './RoiSection';
import './clients.css';

const ID_PREFIX = 'client';
const BACK = { to: paths.caseload(), label: 'My caseload' };

export function ClientProfilePage({ clientId }: { clientId: string }) {
  const { db } = useServices();
  const { data, error } = useLiveQuery(() => clientWithEnrollments(db, clientId), [db, clientId]);
  // A save remounts the form, so it starts again from the saved record.
  const [formKey, setFormKey] = useState(0);
  const [saved, setSaved] = useState(false);

  if (error && !data) {
    return (
      <Page title="Client" back={BACK}>
        <Alert tone="error" title="This client could not be opened">
          <p>{error instanceof Error ? error.message : String(error)}</p>
        </Alert>
      </Page>
    );
  }
  if (!data) {
    return (
      <Page title="Client" back={BACK}>
        <Loading />
      </Page>
    );
  }
  if (!data.client) {
    return (
      <Page title="Client not on this device yet" back={BACK}>
        <Alert tone="info" title="This client's record is not on this device">
          <p>
            A client's record comes to this device with the next sync once they have an enrollment
            here (for example, a project entry you started for someone found on the server). Sync,
            or search for them again.
          </p>
        </Alert>
        <div className="button-row">
          <ButtonLink to={paths.findClient()} variant="primary">
            Find a client
          </ButtonLink>
          <ButtonLink to={paths.sync()}>Sync status</ButtonLink>
        </div>
      </Page>
    );
  }

  const client = data.client;
  return (
    <Page
      title={personName({ firstName: client.firstName, lastName: client.lastName })}
      subtitle={
        <>
          Date of birth {formatDate(typeof client.dob === 'string' ? client.dob : null)}
          {client.pending ? (
            <>
              {' '}
              <Badge tone="pending">Not synced</Badge>
            </>
          ) : null}
        </>
      }
      back={BACK}
    >
      <Enrollments clientId={clientId} enrollments={data.enrollments} />
      <RoiSection client={client} />
      {saved ? (
        <Alert tone="success" title="Saved">
          <p>The changes are on this device and sync when there is a connection.</p>
        </Alert>
      ) : null}
      <ProfileForm
        key={formKey}
        client={client}
        projectStartDates={data.enrollments.map((e) =>
          typeof e.projectStartDate === 'string' ? e.projectStartDate : null,
        )}
        onEdit={() => setSaved(false)}
        onDone={(wasSaved) => {
          setSaved(wasSaved);
          setFormKey((k) => k + 1);
        }}
      />
    </Page>
  );
}

function Enrollments(props: { clientId: string; enrollments: RecordView[] }) {
  const { account } = useServices();
  const providerName = (id: unknown) =>
    account.providers.find((p) => p.id === id)?.name ?? 'Another provider';
  return (
    <Section
      title="Enrollments"
      actions={
        <ButtonLink to={paths.projectStart(props.clientId)} variant="primary">
          Start a project entry
        </ButtonLink>
      }
    >
      {props.enrollments.length ? (
        <ul className="list">
          {props.enrollments.map((e) => (
            <li key={e.id}>
              <Link className="clients-enrollment-link" to={paths.enrollment(e.id)}>
                {providerName(e.providerId)}
              </Link>
              <p className="muted clients-enrollment-dates">
                Started{' '}
                {formatDate(typeof e.projectStartDate === 'string' ? e.projectStartDate : null)}
                {typeof e.exitDate === 'string' ? ` · Exited ${formatDate(e.exitDate)}` : ' · Open'}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>No enrollment yet. Start a project entry to work with this client.</p>
      )}
    </Section>
  );
}

interface ProfileDraft {
  /** The record as it was when editing started: what "changed" is measured against. */
  base: ClientForm;
  form: ClientForm;
}

function isProfileDraft(value: unknown): value is ProfileDraft {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return clientFormSchema.safeParse(v.base).success && clientFormSchema.safeParse(v.form).success;
}

function ProfileForm(props: {
  client: RecordView;
  /** W-START-3 (Eva 84): the DOB cannot be after any of these. */
  projectStartDates: readonly (string | null)[];
  onEdit(): void;
  /** The form is done (saved, or its changes discarded): start again from the record. */
  onDone(saved: boolean): void;
}) {
  const services = useServices();
  const today = services.today();
  const { client } = props;
  const name = personName({ firstName: client.firstName, lastName: client.lastName });
  const draft = useDraft<ProfileDraft | null>(`client:${client.id}`, null, {
    path: paths.client(client.id),
    title: `Client profile: ${name}`,
  });
  const recordForm = useMemo(() => clientFormFromRecord(client), [client]);
  const [issues, setIssues] = useState<ClientIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!draft.loaded) return <Loading />;

  const editing = isProfileDraft(draft.value) ? draft.value : null;
  const base = editing?.base ?? recordForm;
  const form = editing?.form ?? recordForm;
  const display = issueDisplay(issues, ID_PREFIX);

  const set = <K extends keyof ClientForm>(field: K, value: ClientForm[K]) => {
    setNotice(null);
    props.onEdit();
    draft.set((previous) => {
      const current = isProfileDraft(previous) ? previous : { base: recordForm, form: recordForm };
      return { base: current.base, form: { ...current.form, [field]: value } };
    });
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const groups = changedGroups(base, form);
    if (!groups.length) {
      setIssues([]);
      setNotice('Nothing to save: no field was changed.');
      return;
    }
    const { values, issues: all } = clientFromForm(form, {
      today,
      projectStartDates: props.projectStartDates,
    });
    const blocking = issuesOfGroups(all, groups);
    setIssues(blocking);
    if (blocking.length) return;
    setBusy(true);
    try {
      await services.save({
        type: 'client',
        id: client.id,
        op: 'patch',
        fields: clientPatchFields(values, groups),
      });
      await draft.clear();
      props.onDone(true);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  const discard = async () => {
    await draft.clear();
    setIssues([]);
    props.onDone(false);
  };

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      autoComplete="off"
      aria-label="Client details"
      className="clients-profile"
    >
      {draft.restored ? (
        <Alert tone="info" title="Your unsaved changes were restored">
          <p>Save them, or discard them to see the record as it is.</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={display.summary} />
      <ClientFields
        form={form}
        onChange={set}
        errors={display.byField}
        hints={dataQualityHints(form)}
        idPrefix={ID_PREFIX}
        headingLevel={2}
        today={today}
      />
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {failure ? (
        <Alert tone="error" title="The changes were not saved">
          <p>{failure}</p>
        </Alert>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          Save changes
        </Button>
        {editing ? (
          <Button variant="link" onClick={() => void discard()}>
            Discard changes
          </Button>
        ) : null}
      </div>
    </form>
  );
}
