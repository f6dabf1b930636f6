// Project start (Hennepin "Entry"): the project start date, the household, each member's Entry
// assessment (MN Core and Hennepin Case Management at stage 1, from the form definitions) and the
// signed-in case manager on the Case Managers tab, saved as one unit. The rules (what blocks
// saving, which records a save creates) are in src/domain/workflow/project-start.ts.
import { useEffect, useRef, useState } from 'react';
import { clientViewsById, openEnrollmentsAt, type RecordView } from '../../db';
import { FORMS, type AnswerValue, type FormDefinition } from '../../domain/forms';
import { newId } from '../../domain/records';
import {
  ENTRY_STAGE,
  buildProjectStartChanges,
  checkHousehold,
  checkProjectStart,
  emptyNewMember,
  headFirst,
  initialProjectStartDraft,
  memberDob,
  memberFormContext,
  missingEntryAnswerCount,
  newMemberName,
  type DraftMember,
  type IssueTarget,
  type NewMemberDetails,
  type ProjectStartDraft,
  type ProjectStartInput,
  type ProjectStartIssue,
  type ProjectStartMember,
} from '../../domain/workflow/project-start';
import { enrollmentCocOptions } from '../../domain/workflow/enrollment-coc';
import { ageOn } from '../../domain/workflow/form-context';
import { asksStartCls, emptyStartCls } from '../../domain/workflow/start-cls';
import { useDraft } from '../../shared/draft';
import { formatDate } from '../../shared/format';
import { FormRenderer, fieldElementId, hudOptions } from '../../shared/forms';
import { useLiveQuery } from '../../shared/live';
import { Link, back, navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Button,
  ErrorSummary,
  Loading,
  Page,
  Section,
  SelectField,
  TextField,
  type FieldError,
} from '../../shared/ui';
import { AddMember, NewMemberFields, clientName, memberElementId } from './MemberPicker';
import { StartClsFields, clsElementId } from './StartClsFields';
import './project-start.css';

const RELATIONSHIP_OPTIONS = hudOptions('3.15.1');

function answerPrefix(key: string): string {
  return `ps-a-${key}`;
}

function elementIdOf(target: IssueTarget): string {
  switch (target.kind) {
    case 'projectStartDate':
      return 'ps-start-date';
    case 'caseManagerStartDate':
      return 'ps-cm-start';
    case 'enrollmentCoc':
      return 'ps-coc';
    case 'cls':
      return clsElementId('ps', target.memberKey, target.field);
    case 'member':
      return memberElementId(target.memberKey, target.field);
    case 'answer':
      return fieldElementId(target.fieldId, answerPrefix(target.memberKey));
  }
}

/** The errors for the summary: answers named by member when there are several, each once. */
function summaryOf(errors: readonly ProjectStartIssue[], members: readonly ProjectStartMember[]) {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const target = e.target;
    const member =
      target.kind === 'answer' || target.kind === 'cls'
        ? members.find((m) => m.key === target.memberKey)
        : undefined;
    const message = member && members.length > 1 ? `${member.name}: ${e.message}` : e.message;
    if (seen.has(message)) continue;
    seen.add(message);
    out.push({ fieldId: elementIdOf(target), message });
  }
  return out;
}

/**
 * The forms with each section title naming the member: with several members' answers open, every
 * section (a landmark) keeps a unique name. Fields and rules are the definitions' own.
 */
function formsNaming(name: string): readonly FormDefinition[] {
  return FORMS.map((form) => ({
    ...form,
    sections: form.sections.map((section) => ({ ...section, title: `${section.title} (${name})` })),
  }));
}

/** Display names, made unique ("New household member 2") so labels and landmarks never clash. */
function uniqueNames(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  return names.map((name) => {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    return n === 1 ? name : `${name} ${n}`;
  });
}

/** Name of a client who is only known by id (found on the server, not yet on this device). */
function unknownClientName(clientId: string): string {
  return `Client …${clientId.slice(-6)}`;
}

export function ProjectStartPage({ clientId }: { clientId: string }) {
  const services = useServices();
  const { db, provider, account } = services;
  const today = services.today();

  const client = useLiveQuery(
    async () => ({ view: await clientViewsById(db, [clientId]).then((m) => m.get(clientId)) }),
    [db, clientId],
  );
  const name = client.data?.view ? clientName(client.data.view) : null;
  const draft = useDraft<ProjectStartDraft>(
    `project-start:${clientId}`,
    () => initialProjectStartDraft(clientId, today),
    { path: paths.projectStart(clientId), title: `Project start: ${name ?? 'new household'}` },
  );

  if (!draft.loaded || client.data === undefined) return <Loading />;
  return (
    <ProjectStartForm
      clientId={clientId}
      clientOnDevice={client.data.view !== undefined}
      value={draft.value}
      restored={draft.restored}
      set={draft.set}
      clear={draft.clear}
      today={today}
      providerName={provider.name}
      providerId={provider.id}
      projectType={provider.projectType}
      cocOptions={enrollmentCocOptions(provider)}
      caseManagerId={account.userId}
      caseManagerName={account.displayName}
    />
  );
}

interface FormProps {
  clientId: string;
  clientOnDevice: boolean;
  value: ProjectStartDraft;
  restored: boolean;
  set(update: (previous: ProjectStartDraft) => ProjectStartDraft): void;
  clear(): Promise<void>;
  today: string;
  providerName: string;
  providerId: string;
  projectType: number;
  /** 3.16: the project's CoC codes (empty: none set up). */
  cocOptions: readonly string[];
  caseManagerId: string;
  caseManagerName: string;
}

function ProjectStartForm(props: FormProps) {
  const { clientId, value, set, today } = props;
  const { db, save } = useServices();
  const [errors, setErrors] = useState<ProjectStartIssue[]>([]);
  // Kept as state: the summary takes focus whenever it changes, so only a save attempt sets it.
  const [summary, setSummary] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const focusNext = useRef<string | null>(null);
  // Clients added from the search, shown by name at once (before the live query reads them).
  const [picked, setPicked] = useState<ReadonlyMap<string, RecordView>>(new Map());

  const existingIds = value.members.filter((m) => !m.newClient).map((m) => m.clientId);
  const views = useLiveQuery(() => clientViewsById(db, existingIds), [db, existingIds.join(',')]);
  const openHere = useLiveQuery(
    () => openEnrollmentsAt(db, clientId, props.providerId),
    [db, clientId, props.providerId],
  );

  // After adding or removing a member, move focus to where the person continues.
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });

  const names = uniqueNames(
    value.members.map((m) => {
      const view = views.data?.get(m.clientId) ?? picked.get(m.clientId);
      return m.newClient
        ? newMemberName(m.newClient) || 'New household member'
        : view
          ? clientName(view)
          : unknownClientName(m.clientId);
    }),
  );
  const members: ProjectStartMember[] = value.members.map((m, index) => {
    const view = views.data?.get(m.clientId) ?? picked.get(m.clientId);
    return {
      key: m.key,
      clientId: m.clientId,
      newClient: m.newClient,
      dob: typeof view?.dob === 'string' ? view.dob : null,
      name: names[index]!,
      relationshipToHoH: m.relationshipToHoH,
      answers: m.answers,
      cls: m.cls ?? emptyStartCls(),
    };
  });

  const input: ProjectStartInput = {
    providerId: props.providerId,
    projectType: props.projectType,
    projectStartDate: value.projectStartDate,
    today,
    caseManagerId: props.caseManagerId,
    caseManagerStartDate: value.caseManagerStartDate,
    members,
    cocOptions: props.cocOptions,
    enrollmentCoc: value.enrollmentCoc ?? null,
  };
  const warnings = checkHousehold(members).warnings;
  const cocOptions = props.cocOptions;

  const ordered = headFirst(members);
  const headKey = members.find((m) => m.relationshipToHoH === 1)?.key ?? ordered[0]?.key;
  const mainName = members.find((m) => m.key === clientId)?.name ?? unknownClientName(clientId);

  // ---- changes to the draft ----
  const setFocusNext = (id: string) => {
    focusNext.current = id;
  };
  const updateMember = (key: string, update: (m: DraftMember) => DraftMember) =>
    set((prev) => ({
      ...prev,
      members: prev.members.map((m) => (m.key === key ? update(m) : m)),
    }));
  const updateNew = (key: string, patch: Partial<NewMemberDetails>) =>
    updateMember(key, (m) => (m.newClient ? { ...m, newClient: { ...m.newClient, ...patch } } : m));
  const setAnswer = (key: string, fieldId: string, answer: AnswerValue) =>
    updateMember(key, (m) => ({ ...m, answers: { ...m.answers, [fieldId]: answer } }));
  const removeMember = (key: string) => {
    set((prev) => ({ ...prev, members: prev.members.filter((m) => m.key !== key) }));
    setFocusNext('ps-add-heading');
  };
  const addExisting = (view: RecordView) => {
    const id = view.id;
    setPicked((prev) => new Map(prev).set(id, view));
    set((prev) =>
      prev.members.some((m) => m.clientId === id)
        ? prev
        : {
            ...prev,
            members: [
              ...prev.members,
              { key: id, clientId: id, newClient: null, relationshipToHoH: null, answers: {} },
            ],
          },
    );
    setFocusNext(memberElementId(id, 'relationshipToHoH'));
  };
  const addNew = () => {
    const id = newId();
    set((prev) => ({
      ...prev,
      members: [
        ...prev.members,
        {
          key: id,
          clientId: id,
          newClient: emptyNewMember(),
          relationshipToHoH: null,
          answers: {},
        },
      ],
    }));
    setFocusNext(memberElementId(id, 'firstName'));
  };

  // ---- errors ----
  const errorFor = (target: IssueTarget): string | null => {
    const id = elementIdOf(target);
    return errors.find((e) => elementIdOf(e.target) === id)?.message ?? null;
  };
  const answerErrors = (key: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const e of errors) {
      if (e.target.kind === 'answer' && e.target.memberKey === key && !out[e.target.fieldId])
        out[e.target.fieldId] = e.message;
    }
    return out;
  };
  const onSave = async () => {
    setSaveError(null);
    const check = checkProjectStart(input);
    setErrors(check.errors);
    setSummary(summaryOf(check.errors, members));
    if (check.errors.length > 0) {
      const withErrors = new Set(expanded);
      for (const e of check.errors)
        if (e.target.kind === 'answer' || e.target.kind === 'cls')
          withErrors.add(e.target.memberKey);
      setExpanded(withErrors);
      return;
    }
    setSaving(true);
    try {
      const records = buildProjectStartChanges(input);
      await save(records.changes);
      await props.clear();
      navigate(paths.enrollment(records.headEnrollmentId), { replace: true });
    } catch (error) {
      setSaving(false);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const cmStart = value.caseManagerStartDate ?? value.projectStartDate;
  const open = openHere.data ?? [];
  // Names first: the members' records are read once before the form shows.
  if (views.data === undefined) return <Loading />;

  return (
    <Page
      title="Project start"
      subtitle={
        <>
          {mainName} · {props.providerName}
        </>
      }
      back={{ to: paths.client(clientId), label: 'Client profile' }}
    >
      {props.restored ? (
        <Alert tone="info">
          <p>Your unsaved input from earlier is back. Nothing has been saved yet.</p>
        </Alert>
      ) : null}
      {!props.clientOnDevice ? (
        <Alert tone="info" title="Client not on this device yet">
          <p>
            This client&apos;s record arrives on this device after the next sync. You can start the
            enrollment now: it is saved with the client&apos;s id.
          </p>
        </Alert>
      ) : null}
      {open.length > 0 ? (
        <Alert tone="warning" title="Already enrolled here">
          <p>
            {mainName} already has an open enrollment with {props.providerName} (project start{' '}
            {formatDate(String(open[0]!.projectStartDate))}).{' '}
            <Link to={paths.enrollment(open[0]!.id)}>Open that enrollment</Link> instead of starting
            a second one, unless this is a new stay.
          </p>
        </Alert>
      ) : null}
      <ErrorSummary errors={summary} />
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}

      <Section title="Start date">
        <TextField
          id="ps-start-date"
          type="date"
          label="Project start date"
          hint="The day the household started with the program. Not in the future."
          required
          max={today}
          value={value.projectStartDate}
          error={errorFor({ kind: 'projectStartDate' })}
          onChange={(v) => set((prev) => ({ ...prev, projectStartDate: v }))}
        />
        {cocOptions.length > 1 ? (
          <SelectField
            id="ps-coc"
            label="Continuum of Care (Enrollment CoC)"
            hint="The CoC where the head of household is staying. Only this project's CoCs are listed."
            required
            value={value.enrollmentCoc ?? cocOptions[0]!}
            options={cocOptions.map((c) => ({ value: c, label: c }))}
            error={errorFor({ kind: 'enrollmentCoc' })}
            onChange={(v) => set((prev) => ({ ...prev, enrollmentCoc: v }))}
          />
        ) : cocOptions.length === 1 ? (
          <p id="ps-coc">Continuum of Care (Enrollment CoC): {cocOptions[0]}</p>
        ) : (
          <Alert tone="warning" title="No Continuum of Care for this project">
            <p id="ps-coc">
              This project has no CoC set up, so the Enrollment CoC stays empty. You can save the
              project start; ask an administrator to add the project&apos;s CoC, because the HMIS
              export needs it.
            </p>
          </Alert>
        )}
      </Section>

      <Section title="Household">
        <p className="muted">
          Everyone who starts with the program together. Exactly one person is the head of
          household.
        </p>
        <ul className="list project-start-members">
          {ordered.map((m) => {
            const draftMember = value.members.find((d) => d.key === m.key)!;
            const age = ageOn(m.newClient ? m.newClient.dob : m.dob, value.projectStartDate);
            return (
              <li key={m.key} className="project-start-member">
                <h3 className="project-start-member-name">{m.name}</h3>
                {m.newClient ? (
                  <p className="muted">
                    New client: the rest of the profile can be completed later.
                  </p>
                ) : age !== null ? (
                  <p className="muted">Age {age} on the project start date</p>
                ) : !views.data?.has(m.clientId) && !picked.has(m.clientId) ? (
                  <p className="muted">Record not on this device yet.</p>
                ) : null}
                {m.newClient ? (
                  <NewMemberFields
                    idPrefix="ps"
                    memberKey={m.key}
                    details={m.newClient}
                    today={today}
                    errorFor={(field) => errorFor({ kind: 'member', memberKey: m.key, field })}
                    onChange={(patch) => updateNew(m.key, patch)}
                  />
                ) : null}
                <SelectField
                  id={memberElementId(m.key, 'relationshipToHoH')}
                  label={`Relationship to head of household (${m.name})`}
                  required
                  value={draftMember.relationshipToHoH}
                  options={RELATIONSHIP_OPTIONS}
                  error={errorFor({ kind: 'member', memberKey: m.key, field: 'relationshipToHoH' })}
                  onChange={(v) => updateMember(m.key, (d) => ({ ...d, relationshipToHoH: v }))}
                />
                {m.key !== clientId ? (
                  <Button variant="link" onClick={() => removeMember(m.key)}>
                    Remove {m.name} from the household
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
        {warnings.length > 0 ? (
          <Alert tone="warning">
            {warnings.map((w) => (
              <p key={w.message}>{w.message}</p>
            ))}
          </Alert>
        ) : null}
        <AddMember
          memberIds={value.members.map((m) => m.clientId)}
          onAddExisting={addExisting}
          onAddNew={addNew}
        />
      </Section>

      {ordered.map((m) => {
        const isOpen = m.key === headKey || expanded.has(m.key);
        const regionId = `ps-entry-${m.key}`;
        const missing = missingEntryAnswerCount(m, input);
        const asksCls = asksStartCls(
          { relationshipToHoH: m.relationshipToHoH, dob: memberDob(m) },
          value.projectStartDate || today,
        );
        return (
          <Section key={m.key} title={`Entry assessment: ${m.name}`}>
            {m.key === headKey ? null : (
              <Button
                aria-expanded={isOpen}
                aria-controls={regionId}
                onClick={() =>
                  setExpanded((prev) => {
                    const next = new Set(prev);
                    if (next.has(m.key)) next.delete(m.key);
                    else next.add(m.key);
                    return next;
                  })
                }
              >
                {isOpen ? `Hide answers for ${m.name}` : `Answer for ${m.name}`}
              </Button>
            )}
            <div id={regionId} hidden={!isOpen}>
              {isOpen ? (
                <>
                  {asksCls ? (
                    <StartClsFields
                      idPrefix="ps"
                      memberKey={m.key}
                      name={m.name}
                      value={m.cls ?? emptyStartCls()}
                      projectType={props.projectType}
                      errorFor={(field) => errorFor({ kind: 'cls', memberKey: m.key, field })}
                      onChange={(cls) => updateMember(m.key, (d) => ({ ...d, cls }))}
                    />
                  ) : null}
                  <p className="muted">
                    {missing === 0
                      ? 'Every required answer is recorded.'
                      : `${missing} required ${missing === 1 ? 'answer is' : 'answers are'} still to ask. You can save without them: the enrollment lists what is missing.`}
                  </p>
                  <FormRenderer
                    forms={m.key === headKey ? FORMS : formsNaming(m.name)}
                    stage={ENTRY_STAGE}
                    answers={m.answers}
                    context={memberFormContext(m, input)}
                    errors={answerErrors(m.key)}
                    idPrefix={answerPrefix(m.key)}
                    headingLevel={3}
                    onChange={(fieldId, answer) => setAnswer(m.key, fieldId, answer)}
                  />
                </>
              ) : null}
            </div>
          </Section>
        );
      })}

      <Section title="Case manager">
        <p>
          You ({props.caseManagerName}) are added as the case manager of everyone in this household.
        </p>
        <TextField
          id="ps-cm-start"
          type="date"
          label="Your start date as case manager"
          hint="The project start date, unless you started working with the household later."
          required
          max={today}
          value={cmStart}
          error={errorFor({ kind: 'caseManagerStartDate' })}
          onChange={(v) =>
            set((prev) => ({
              ...prev,
              caseManagerStartDate: v === prev.projectStartDate ? null : v,
            }))
          }
        />
      </Section>

      <div className="form-actions">
        <Button variant="primary" busy={saving} onClick={() => void onSave()}>
          Save project start
        </Button>
        <Button onClick={() => back(paths.client(clientId))}>Cancel</Button>
      </div>
    </Page>
  );
}
