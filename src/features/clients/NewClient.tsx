// "Create a new client": the universal data elements with their data quality and the client's
// HMIS Release of Information (W-ROI-6), then a check for possible duplicates on this device and
// on the server before one 'client' create is saved.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { localDuplicateCandidates } from '../../db';
import type { ClientMatch } from '../../domain/protocol';
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
import {
  roiAnswerFromDraft,
  roiFromAnswer,
  type Roi,
  type RoiAnswer,
  type RoiIssue,
} from '../../domain/workflow/roi';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices, type AppServices } from '../../shared/services';
import { Alert, Badge, Button, Confirm, ErrorSummary, Section } from '../../shared/ui';
import {
  ClientFields,
  RoiFields,
  clientFieldId,
  issueDisplay,
  roiIssueDisplay,
} from './ClientFields';
import { maskedSsn, searchServer } from './search';

const ID_PREFIX = 'new-client';
const DRAFT_KEY = 'client:new';

type Destination = 'start' | 'profile';

/** The draft: the client form and, since the ROI is asked, its answer (absent in older drafts). */
type NewClientDraft = ClientForm & { roi?: RoiAnswer };

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
  roi: Roi | null;
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
    queries.map((q) => searchServer(api, providerId, q, 50)),
  );
  const answered = settled.filter((s) => s.status === 'fulfilled');
  return { checked: answered.length > 0, clients: answered.flatMap((s) => s.value.clients) };
}

export function NewClient(props: { prefill: ClientQuery | null }) {
  const services = useServices();
  const { db, provider, save } = services;
  const today = services.today();
  const draft = useDraft<NewClientDraft>(DRAFT_KEY, emptyClientForm, {
    path: paths.findClient(),
    title: 'New client',
  });
  const [open, setOpen] = useState(false);
  const [issues, setIssues] = useState<ClientIssue[]>([]);
  const [roiIssues, setRoiIssues] = useState<RoiIssue[]>([]);
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

  const form: NewClientDraft = clientFormSchema.safeParse(draft.value).success
    ? draft.value
    : emptyClientForm();
  const roiAnswer = roiAnswerFromDraft(form.roi);
  const display = issueDisplay(issues, ID_PREFIX);
  const roiDisplay = roiIssueDisplay(roiIssues, ID_PREFIX);

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
    setRoiIssues([]);
    setCheck(null);
    setFailure(null);
    setOpen(false);
  };

  const create = async (values: ClientValues, roi: Roi | null, destination: Destination) => {
    if (creating.current) return;
    creating.current = true;
    setFailure(null);
    try {
      const id = newId();
      await save({
        type: 'client',
        id,
        op: 'create',
        fields: clientCreateFields({ ...values, roi }),
      });
      await draft.clear();
      navigate(destination === 'start' ? paths.projectStart(id) : paths.client(id));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      creating.current = false;
    }
  };

  const submit = async (destination: Destination) => {
    const result = clientFromForm(form, { today });
    const roiResult = roiFromAnswer(roiAnswer, { today });
    setIssues(result.issues);
    setRoiIssues(roiResult.issues);
    setFailure(null);
    if (result.issues.length || roiResult.issues.length) return;
    const { values } = result;
    const { roi } = roiResult;
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
      if (!candidates.length) await create(values, roi, destination);
      else setCheck({ candidates, values, roi, destination, serverChecked: remote.checked });
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

  const set = <K extends keyof NewClientDraft>(field: K, value: NewClientDraft[K]) => {
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
      <form onSubmit={onSubmit} noValidate aria-label="New client" autoComplete="off">
        <ErrorSummary errors={[...display.summary, ...roiDisplay.summary]} />
        <ClientFields
          form={form}
          onChange={set}
          errors={display.byField}
          hints={dataQualityHints(form)}
          idPrefix={ID_PREFIX}
          headingLevel={3}
          today={today}
        />
        <RoiFields
          answer={roiAnswer}
          onChange={(answer) => set('roi', answer)}
          errors={roiDisplay.byField}
          idPrefix={ID_PREFIX}
          headingLevel={3}
          today={today}
          intro={
            <p>
              Ask every adult (the head of household answers for children). Left unanswered, the
              client is saved without one and treated as Do Not Share until it is recorded.
            </p>
          }
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
            onCreate={() => void create(check.values, check.roi, check.destination)}
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
