// "Create a new client": the universal data elements with their data quality, then a check for
// possible duplicates on this device and on the server before one 'client' create is saved.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localDuplicateCandidates } from '../../db';
import { clientMatchesSchema, type ClientMatch } from '../../domain/protocol';
import { newId } from '../../domain/records';
import {
  clientCreateFields,
  clientFormSchema,
  clientFromForm,
  dataQualityHints,
  emptyClientForm,
  possibleDuplicates,
  ssnLast4Of,
  type Candidate,
  type ClientForm,
  type ClientIssue,
  type ClientKeys,
  type ClientQuery,
  type ClientValues,
} from '../../domain/workflow/client-match';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices, type AppServices } from '../../shared/services';
import { Alert, Badge, Button, Confirm, ErrorSummary, Section } from '../../shared/ui';
import { ClientFields, clientFieldId, issueDisplay } from './ClientFields';
import { maskedSsn, searchPath } from './search';

const ID_PREFIX = 'new-client';
const DRAFT_KEY = 'client:new';

type Destination = 'start' | 'profile';

interface PoolClient extends ClientKeys {
  id: string;
  firstName: string | null;
  lastName: string | null;
  dob: string | null;
  onDevice: boolean;
  enrolledHere: boolean | null;
  providers: { id: string; name: string }[] | null;
}

interface DuplicateCheck {
  candidates: Candidate<PoolClient>[];
  values: ClientValues;
  destination: Destination;
  /** False when the server could not be searched (offline). */
  serverChecked: boolean;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The server's clients that may be this person: same last name, same DOB, same last 4. */
async function serverCandidates(
  api: AppServices['api'],
  providerId: string,
  input: ClientKeys,
): Promise<{ checked: boolean; clients: ClientMatch[] }> {
  const queries: ClientQuery[] = [];
  if (typeof input.lastName === 'string' && input.lastName)
    queries.push({ lastName: input.lastName });
  if (typeof input.dob === 'string' && input.dob) queries.push({ dob: input.dob });
  const last4 = ssnLast4Of(input);
  if (last4) queries.push({ ssnLast4: last4 });
  if (!queries.length) return { checked: true, clients: [] };
  const settled = await Promise.allSettled(
    queries.map((q) => api(searchPath(providerId, q, 50), clientMatchesSchema)),
  );
  const answered = settled.filter((s) => s.status === 'fulfilled');
  return { checked: answered.length > 0, clients: answered.flatMap((s) => s.value.clients) };
}

export function NewClient(props: { prefill: ClientQuery | null }) {
  const services = useServices();
  const { db, provider, save } = services;
  const today = services.today();
  const draft = useDraft<ClientForm>(DRAFT_KEY, emptyClientForm, {
    path: paths.findClient(),
    title: 'New client',
  });
  const [open, setOpen] = useState(false);
  const [issues, setIssues] = useState<ClientIssue[]>([]);
  const [check, setCheck] = useState<DuplicateCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const creating = useRef(false);
  const focusFirst = useRef(false);

  // A restored draft opens the form: the person was in the middle of adding someone.
  const shown = open || draft.restored;

  useEffect(() => {
    if (shown && focusFirst.current) {
      focusFirst.current = false;
      document.getElementById(clientFieldId(ID_PREFIX, 'firstName'))?.focus();
    }
  }, [shown]);

  const form = clientFormSchema.safeParse(draft.value).success ? draft.value : emptyClientForm();
  const display = issueDisplay(issues, ID_PREFIX);

  // Starts a new form with what was searched for.
  const start = () => {
    draft.set(
      emptyClientForm({
        firstName: props.prefill?.firstName ?? '',
        lastName: props.prefill?.lastName ?? '',
        dob: props.prefill?.dob ?? '',
      }),
    );
    focusFirst.current = true;
    setOpen(true);
  };

  const discard = async () => {
    await draft.clear();
    setIssues([]);
    setCheck(null);
    setFailure(null);
    setOpen(false);
  };

  const create = async (values: ClientValues, destination: Destination) => {
    if (creating.current) return;
    creating.current = true;
    setFailure(null);
    try {
      const id = newId();
      await save({ type: 'client', id, op: 'create', fields: clientCreateFields(values) });
      await draft.clear();
      navigate(destination === 'start' ? paths.projectStart(id) : paths.client(id));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      creating.current = false;
    }
  };

  const submit = async (destination: Destination) => {
    const result = clientFromForm(form, { today });
    setIssues(result.issues);
    setFailure(null);
    if (result.issues.length) return;
    const { values } = result;
    const input: ClientKeys = {
      firstName: values.firstName,
      lastName: values.lastName,
      dob: values.dob,
      ssn: values.ssn,
    };
    setBusy(true);
    try {
      const [local, remote] = await Promise.all([
        localDuplicateCandidates(db, input, provider.id),
        serverCandidates(services.api, provider.id, input),
      ]);
      const providersById = new Map(remote.clients.map((c) => [c.id, c.providers]));
      const pool: PoolClient[] = [
        ...local.map((hit) => ({
          id: hit.client.id,
          firstName: str(hit.client.firstName),
          lastName: str(hit.client.lastName),
          dob: str(hit.client.dob),
          ssn: hit.client.ssn,
          onDevice: true,
          enrolledHere: hit.enrollmentsHere.length > 0,
          providers: providersById.get(hit.client.id) ?? null,
        })),
        ...remote.clients.map((c) => ({
          id: c.id,
          firstName: c.firstName,
          lastName: c.lastName,
          dob: c.dob,
          ssnLast4: c.ssnLast4,
          onDevice: false,
          enrolledHere: null,
          providers: c.providers,
        })),
      ];
      const candidates = possibleDuplicates(input, pool);
      if (!candidates.length) await create(values, destination);
      else setCheck({ candidates, values, destination, serverChecked: remote.checked });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const pickExisting = async (client: PoolClient) => {
    await draft.clear();
    navigate(client.onDevice ? paths.client(client.id) : paths.projectStart(client.id));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit('start');
  };

  const set = <K extends keyof ClientForm>(field: K, value: ClientForm[K]) => {
    setCheck(null);
    draft.set((previous) => {
      const base = clientFormSchema.safeParse(previous).success ? previous : emptyClientForm();
      return { ...base, [field]: value };
    });
  };

  if (!shown) {
    return (
      <Section title="New client">
        <p>If the search does not find the person, add them as a new client.</p>
        <Button variant="secondary" onClick={start}>
          Create a new client
        </Button>
      </Section>
    );
  }

  return (
    <Section title="New client">
      {draft.restored ? (
        <Alert tone="info" title="Your unsaved new client was restored">
          <p>Continue where you left off, or discard it.</p>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate aria-label="New client">
        <ErrorSummary errors={display.summary} />
        <ClientFields
          form={form}
          onChange={set}
          errors={display.byField}
          hints={dataQualityHints(form)}
          idPrefix={ID_PREFIX}
          headingLevel={3}
          today={today}
        />
        {failure ? (
          <Alert tone="error" title="The client was not saved">
            <p>{failure}</p>
          </Alert>
        ) : null}
        {check ? (
          <DuplicateList
            check={check}
            onUse={(c) => void pickExisting(c)}
            onCreate={() => void create(check.values, check.destination)}
            onCancel={() => setCheck(null)}
          />
        ) : (
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={busy}>
              Create and start a project entry
            </Button>
            <Button busy={busy} onClick={() => void submit('profile')}>
              Create and open profile
            </Button>
            <Button variant="link" onClick={() => void discard()}>
              Discard
            </Button>
          </div>
        )}
      </form>
    </Section>
  );
}

function DuplicateList(props: {
  check: DuplicateCheck;
  onUse(client: PoolClient): void;
  onCreate(): void;
  onCancel(): void;
}) {
  const { candidates, serverChecked } = props.check;
  return (
    <Confirm
      title={
        candidates.length === 1
          ? 'Is this the same person?'
          : `Is one of these ${candidates.length} people the same person?`
      }
      confirmLabel="None of these — create new"
      cancelLabel="Back to the form"
      onConfirm={props.onCreate}
      onCancel={props.onCancel}
    >
      <p>
        These records look like the person you are adding. If one is this person, use it: a second
        record splits their history.
      </p>
      {serverChecked ? null : (
        <p>
          <strong>Only this device's records were checked (offline).</strong> The server checks
          again when this syncs.
        </p>
      )}
      <ul className="list">
        {candidates.map(({ client, reasons }) => (
          <li key={client.id} className="clients-result">
            <p className="clients-result-name">{personName(client)}</p>
            <p className="clients-reasons">
              {reasons.map((r) => (
                <Badge key={r} tone="warning">
                  {r}
                </Badge>
              ))}
            </p>
            <dl className="facts">
              <dt>Date of birth</dt>
              <dd>{formatDate(client.dob)}</dd>
              <dt>Last 4 of SSN</dt>
              <dd>{maskedSsn(ssnLast4Of(client))}</dd>
              {client.providers ? (
                <>
                  <dt>Served by</dt>
                  <dd>
                    {client.providers.length
                      ? client.providers.map((p) => p.name).join(', ')
                      : 'No provider'}
                  </dd>
                </>
              ) : null}
              {client.onDevice ? (
                <>
                  <dt>Here</dt>
                  <dd>{client.enrolledHere ? 'Has an enrollment here' : 'No enrollment here'}</dd>
                </>
              ) : null}
            </dl>
            <Button onClick={() => props.onUse(client)}>
              Use this client<span className="visually-hidden">: {personName(client)}</span>
            </Button>
          </li>
        ))}
      </ul>
    </Confirm>
  );
}
