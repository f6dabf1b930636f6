// Project start (Hennepin "Entry"): the project start date, the household, the HMIS Release of
// Information of those without one (W-ROI-7), each member's Entry assessment (MN Core, 4.05–4.10
// and Hennepin Case Management at stage 1, from the form definitions as the provider uses them)
// and the signed-in case manager on the Case Managers tab, saved as one unit. The rules (what blocks saving, which records a save creates) are in
// src/domain/workflow/project-start.ts; the sections are in this folder's other files.
import { useEffect, useRef, useState } from 'react';
import { clientViewsById, openEnrollmentsAt, type RecordView } from '../../db';
import type { AnswerValue } from '../../domain/forms';
import { newId } from '../../domain/records';
import {
  buildProjectStartChanges,
  checkHousehold,
  checkProjectStart,
  headFirst,
  initialProjectStartDraft,
  projectStartForms,
  type DraftMember,
  type IssueTarget,
  type NewMemberDetails,
  type ProjectStartDraft,
  type ProjectStartInput,
  type ProjectStartIssue,
} from '../../domain/workflow/project-start';
import { enrollmentCocOptions } from '../../domain/workflow/enrollment-coc';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { useDraft } from '../../shared/draft';
import { useLiveQuery } from '../../shared/live';
import { back, navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Button, ErrorSummary, Loading, Page, type FieldError } from '../../shared/ui';
import { CaseManagerSection, StartDateSection } from './DateSections';
import { EntryAssessmentSection } from './EntryAssessmentSection';
import {
  addExistingMember,
  addNewMember,
  projectStartMembers,
  removeMember,
  updateMember,
} from './draft-members';
import { HouseholdSection } from './HouseholdSection';
import { RoiSection } from './RoiSection';
import { answerErrorsOf, elementIdOf, summaryOf, unknownClientName } from './issues';
import { clientName, memberElementId } from './MemberPicker';
import { StartNotices } from './StartNotices';
import './project-start.css';

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
      federal={hasFederalFunder(provider, today)}
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
  /** The provider has a federal funder today: 4.05–4.10 are required at entry (W-DIS5). */
  federal: boolean;
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

  const members = projectStartMembers(value.members, (id) => views.data?.get(id) ?? picked.get(id));

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
    federal: props.federal,
  };
  const forms = projectStartForms(input);
  const warnings = checkHousehold(members).warnings;

  const ordered = headFirst(members);
  const headKey = members.find((m) => m.relationshipToHoH === 1)?.key ?? ordered[0]?.key;
  const mainName = members.find((m) => m.key === clientId)?.name ?? unknownClientName(clientId);

  // ---- changes to the draft ----
  const setFocusNext = (id: string) => {
    focusNext.current = id;
  };
  const update = (key: string, change: (m: DraftMember) => DraftMember) =>
    set((prev) => updateMember(prev, key, change));
  const updateNew = (key: string, patch: Partial<NewMemberDetails>) =>
    update(key, (m) => (m.newClient ? { ...m, newClient: { ...m.newClient, ...patch } } : m));
  const setAnswer = (key: string, fieldId: string, answer: AnswerValue) =>
    update(key, (m) => ({ ...m, answers: { ...m.answers, [fieldId]: answer } }));
  const remove = (key: string) => {
    set((prev) => removeMember(prev, key));
    setFocusNext('ps-add-heading');
  };
  const addExisting = (view: RecordView) => {
    setPicked((prev) => new Map(prev).set(view.id, view));
    set((prev) => addExistingMember(prev, view.id));
    setFocusNext(memberElementId(view.id, 'relationshipToHoH'));
  };
  const addNew = () => {
    const id = newId();
    set((prev) => addNewMember(prev, id));
    setFocusNext(memberElementId(id, 'firstName'));
  };

  // ---- errors ----
  const errorFor = (target: IssueTarget): string | null => {
    const id = elementIdOf(target);
    return errors.find((e) => elementIdOf(e.target) === id)?.message ?? null;
  };
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
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
      <StartNotices
        restored={props.restored}
        clientOnDevice={props.clientOnDevice}
        mainName={mainName}
        providerName={props.providerName}
        open={openHere.data ?? []}
      />
      <ErrorSummary errors={summary} />
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}

      <StartDateSection
        today={today}
        projectStartDate={value.projectStartDate}
        cocOptions={props.cocOptions}
        enrollmentCoc={value.enrollmentCoc ?? null}
        errorFor={errorFor}
        onStartDate={(v) => set((prev) => ({ ...prev, projectStartDate: v }))}
        onCoc={(v) => set((prev) => ({ ...prev, enrollmentCoc: v }))}
      />

      <HouseholdSection
        clientId={clientId}
        ordered={ordered}
        draftMembers={value.members}
        projectStartDate={value.projectStartDate}
        today={today}
        known={(id) => Boolean(views.data?.has(id)) || picked.has(id)}
        warnings={warnings}
        errorFor={errorFor}
        onRelationship={(key, v) => update(key, (d) => ({ ...d, relationshipToHoH: v }))}
        onNewDetails={updateNew}
        onRemove={remove}
        onAddExisting={addExisting}
        onAddNew={addNew}
      />

      <RoiSection
        ordered={ordered}
        projectStartDate={value.projectStartDate}
        today={today}
        errorFor={errorFor}
        onAnswer={(key, answer) => update(key, (d) => ({ ...d, roiAnswer: answer }))}
      />

      {ordered.map((m) => (
        <EntryAssessmentSection
          key={m.key}
          member={m}
          isHead={m.key === headKey}
          isOpen={m.key === headKey || expanded.has(m.key)}
          onToggle={() => toggle(m.key)}
          input={input}
          forms={forms}
          errorFor={errorFor}
          answerErrors={answerErrorsOf(errors, m.key)}
          onAnswer={(fieldId, answer) => setAnswer(m.key, fieldId, answer)}
          onCls={(cls) => update(m.key, (d) => ({ ...d, cls }))}
        />
      ))}

      <CaseManagerSection
        today={today}
        caseManagerName={props.caseManagerName}
        value={cmStart}
        error={errorFor({ kind: 'caseManagerStartDate' })}
        onChange={(v) =>
          set((prev) => ({
            ...prev,
            caseManagerStartDate: v === prev.projectStartDate ? null : v,
          }))
        }
      />

      <div className="form-actions">
        <Button variant="primary" busy={saving} onClick={() => void onSave()}>
          Save project start
        </Button>
        <Button onClick={() => back(paths.client(clientId))}>Cancel</Button>
      </div>
    </Page>
  );
}
