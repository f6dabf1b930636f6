// "Create a new client": the universal data elements with their data quality and the client's
// HMIS Release of Information (W-ROI-6), with a check for possible duplicates on this device and
// on the server as soon as the name and date of birth are typed (issue 12) and again before one
// 'client' create is saved. Someone the person set aside ("None of these") is not asked again.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { newId } from '../../domain/records';
import {
  clientCreateFields,
  clientFormSchema,
  clientFromForm,
  dataQualityHints,
  earlyDuplicateKeys,
  emptyClientForm,
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
import { navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Button, ErrorSummary, Section } from '../../shared/ui';
import {
  ClientFields,
  RoiFields,
  clientFieldId,
  issueDisplay,
  roiIssueDisplay,
} from './ClientFields';
import { DuplicateDialog, EarlyDuplicates } from './DuplicateCandidates';
import {
  findDuplicates,
  useEarlyDuplicates,
  type DuplicateFindings,
  type PoolClient,
} from './duplicate-check';

const ID_PREFIX = 'new-client';
const DRAFT_KEY = 'client:new';

type Destination = 'start' | 'profile';

/** The draft: the client form and, since the ROI is asked, its answer (absent in older drafts). */
type NewClientDraft = ClientForm & { roi?: RoiAnswer };

interface DuplicateCheck extends DuplicateFindings {
  values: ClientValues;
  roi: Roi | null;
  destination: Destination;
}

export function NewClient(props: { prefill: ClientQuery | null }) {
  const services = useServices();
  const { save } = services;
  const today = services.today();
  const draft = useDraft<NewClientDraft>(DRAFT_KEY, emptyClientForm, {
    path: paths.findClient(),
    title: 'New client',
  });
  const [open, setOpen] = useState(false);
  const [issues, setIssues] = useState<ClientIssue[]>([]);
  const [roiIssues, setRoiIssues] = useState<RoiIssue[]>([]);
  const [check, setCheck] = useState<DuplicateCheck | null>(null);
  /** Clients the person said are not this person (in the form's early check). */
  const [setAside, setSetAside] = useState<ReadonlySet<string>>(() => new Set());
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
  const early = useEarlyDuplicates(services, shown ? earlyDuplicateKeys(form) : null);
  // Those not set aside, and not twice: the save's dialog lists them too.
  const earlyListed = early?.candidates.filter((c) => !setAside.has(c.client.id)) ?? [];
  const earlyShown =
    !check && early && earlyListed.length ? { ...early, candidates: earlyListed } : null;
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
    setSetAside(new Set());
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
      const found = await findDuplicates(services, input);
      if (found.candidates.every((c) => setAside.has(c.client.id)))
        await create(values, roi, destination);
      else setCheck({ ...found, values, roi, destination });
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
          afterDob={
            earlyShown ? (
              <EarlyDuplicates
                findings={earlyShown}
                onUse={(c) => void pickExisting(c)}
                onNoneOfThese={() =>
                  setSetAside(
                    (ids) => new Set([...ids, ...earlyShown.candidates.map((c) => c.client.id)]),
                  )
                }
              />
            ) : null
          }
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
          <DuplicateDialog
            findings={check}
            onUse={(c) => void pickExisting(c)}
            onCreate={() => void create(check.values, check.roi, check.destination)}
            onCancel={() => setCheck(null)}
          />
        ) : (
          <div className="form-actions">
            {/* While possible duplicates are listed, using one of them is the primary action. */}
            <Button type="submit" variant={earlyShown ? 'secondary' : 'primary'} busy={busy}>
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
