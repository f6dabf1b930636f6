// Project start (Hennepin "Entry") as steps (W-START-6): the household (start date, members and
// relationships, the head of household's questions about the household, the case manager's
// start), one step per member (universal data elements, W-START-5; 4.12; the HMIS Release of
// Information, W-ROI-7; their Entry assessment from the form definitions as the provider uses
// them), then a review that saves everything as one unit. The draft (step included) is kept on
// the device as the person types. What the screen shows and saves is projectStartView
// (src/domain/workflow/project-start-view.ts); the sections are in this folder's other files.
import { useEffect, useRef, useState } from 'react';
import { clientViewsById, openEnrollmentsAt, type RecordView } from '../../db';
import type { AnswerValue } from '../../domain/forms';
import { newId } from '../../domain/records';
import {
  initialProjectStartDraft,
  type DraftMember,
  type IssueTarget,
  type NewMemberDetails,
  type ProjectStartDraft,
} from '../../domain/workflow/project-start';
import {
  HOUSEHOLD_STEP,
  REVIEW_STEP,
  draftOnStep,
  projectStartView,
} from '../../domain/workflow/project-start-view';
import { enrollmentCocOptions } from '../../domain/workflow/enrollment-coc';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { useDraft } from '../../shared/draft';
import { useLiveQuery } from '../../shared/live';
import { back, navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Button, ErrorSummary, Loading, Page } from '../../shared/ui';
import { CaseManagerSection, StartDateSection } from './DateSections';
import { EntryAssessmentSection, HouseholdQuestionsSection } from './EntryAssessmentSection';
import { addExistingMember, addNewMember, removeMember, updateMember } from './draft-members';
import { HouseholdSection } from './HouseholdSection';
import { MemberUdeSection } from './MemberUdeSection';
import { RoiSection } from './RoiSection';
import { elementIdOf, summaryOf } from './issues';
import { clientName, memberElementId } from './MemberPicker';
import { StartNotices } from './StartNotices';
import { ReviewSection, StepButtons, StepList } from './Steps';
import './project-start.css';

const STEP_HEADING = 'ps-step-heading';

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
  // Set by a Save: the errors show on their fields and steps from then on (fixed ones go away).
  const [showErrors, setShowErrors] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const focusNext = useRef<string | null>(null);
  // Clients added from the search, shown by name at once (before the live query reads them).
  const [picked, setPicked] = useState<ReadonlyMap<string, RecordView>>(new Map());

  const existingIds = value.members.filter((m) => !m.newClient).map((m) => m.clientId);
  const views = useLiveQuery(() => clientViewsById(db, existingIds), [db, existingIds.join(',')]);
  const openHere = useLiveQuery(
    () => openEnrollmentsAt(db, clientId, props.providerId),
    [db, clientId, props.providerId],
  );

  // After a step change, or adding or removing a member, move focus to where the person continues.
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    const element = document.getElementById(id);
    element?.focus();
    if (id === STEP_HEADING) element?.scrollIntoView?.({ block: 'start' });
  });

  const clients = new Map<string, RecordView>(picked);
  for (const [id, view] of views.data ?? []) clients.set(id, view);
  const view = projectStartView({
    draft: value,
    clientId,
    clients,
    provider: {
      id: props.providerId,
      projectType: props.projectType,
      cocOptions: props.cocOptions,
      federal: props.federal,
    },
    caseManagerId: props.caseManagerId,
    today,
    showErrors,
  });
  const { current, members } = view;

  // ---- changes to the draft ----
  const setFocusNext = (id: string) => {
    focusNext.current = id;
  };
  const go = (step: string) => {
    set((prev) => draftOnStep(prev, step));
    setFocusNext(STEP_HEADING);
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
  const addExisting = (record: RecordView) => {
    setPicked((prev) => new Map(prev).set(record.id, record));
    set((prev) => addExistingMember(prev, record.id));
    setFocusNext(memberElementId(record.id, 'relationshipToHoH'));
  };
  const addNew = () => {
    const id = newId();
    set((prev) => addNewMember(prev, id));
    setFocusNext(memberElementId(id, 'firstName'));
  };

  // ---- errors: each on the step where it is fixed ----
  const errorFor = (target: IssueTarget): string | null => {
    const id = elementIdOf(target);
    return view.shownErrors.find((e) => elementIdOf(e.target) === id)?.message ?? null;
  };
  const stepErrors = view.shownErrors.filter((e) => view.stepOf(e.target) === current.key);
  const summary = summaryOf(stepErrors, members);
  const onSave = async () => {
    setSaveError(null);
    setShowErrors(true);
    if (!view.canSave || view.records === null) {
      // Errors found at save are shown on the step they belong to: go there.
      if (view.firstStepWithErrors !== null && view.firstStepWithErrors !== current.key)
        set((prev) => draftOnStep(prev, view.firstStepWithErrors!));
      return;
    }
    setSaving(true);
    try {
      await save(view.records.changes);
      await props.clear();
      navigate(paths.enrollment(view.records.headEnrollmentId), { replace: true });
    } catch (error) {
      setSaving(false);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const cmStart = value.caseManagerStartDate ?? value.projectStartDate;
  // Names first: the members' records are read once before the form shows.
  if (views.data === undefined) return <Loading />;
  const memberStep = current.kind === 'member' ? view.memberSteps.get(current.key) : undefined;
  const headStep = view.headKey !== undefined ? view.memberSteps.get(view.headKey) : undefined;
  const otherSteps = view.steps.filter((s) => s.key !== current.key && s.errorCount > 0);

  return (
    <Page
      title="Project start"
      subtitle={
        <>
          {view.mainName} · {props.providerName}
        </>
      }
      back={{ to: paths.client(clientId), label: 'Client profile' }}
    >
      <StartNotices
        restored={props.restored}
        clientOnDevice={props.clientOnDevice}
        mainName={view.mainName}
        providerName={props.providerName}
        open={openHere.data ?? []}
      />
      <StepList view={view} onGo={go} />
      <h2 id={STEP_HEADING} className="ps-step-heading" tabIndex={-1}>
        {current.heading}
      </h2>
      <ErrorSummary errors={summary} />
      {otherSteps.length > 0 ? (
        <Alert tone="warning" title="Other steps have something to fix">
          {otherSteps.map((s) => (
            <Button key={s.key} variant="link" onClick={() => go(s.key)}>
              {s.title}: {s.errorCount} to fix
            </Button>
          ))}
        </Alert>
      ) : null}
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}

      {current.key === HOUSEHOLD_STEP ? (
        <>
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
            ordered={members}
            draftMembers={value.members}
            projectStartDate={value.projectStartDate}
            today={today}
            known={(id) => clients.has(id)}
            warnings={view.householdWarnings}
            errorFor={errorFor}
            onRelationship={(key, v) => update(key, (d) => ({ ...d, relationshipToHoH: v }))}
            onNewDetails={updateNew}
            onRemove={remove}
            onAddExisting={addExisting}
            onAddNew={addNew}
          />
          {headStep ? (
            <HouseholdQuestionsSection
              step={headStep}
              forms={view.forms}
              householdFieldIds={view.householdFieldIds}
              onAnswer={(fieldId, answer) => setAnswer(headStep.member.key, fieldId, answer)}
            />
          ) : null}
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
        </>
      ) : null}

      {memberStep ? (
        <>
          <MemberUdeSection
            step={memberStep}
            projectStartDate={value.projectStartDate}
            errorFor={errorFor}
            onNewDetails={(patch) => updateNew(memberStep.member.key, patch)}
          />
          <RoiSection
            ordered={members}
            only={memberStep.member.key}
            projectStartDate={value.projectStartDate}
            today={today}
            errorFor={errorFor}
            onAnswer={(key, answer) => update(key, (d) => ({ ...d, roiAnswer: answer }))}
          />
          <EntryAssessmentSection
            step={memberStep}
            projectType={props.projectType}
            federal={props.federal}
            forms={view.forms}
            householdFieldIds={view.householdFieldIds}
            errorFor={errorFor}
            onAnswer={(fieldId, answer) => setAnswer(memberStep.member.key, fieldId, answer)}
            onCls={(cls) => update(memberStep.member.key, (d) => ({ ...d, cls }))}
          />
        </>
      ) : null}

      {current.key === REVIEW_STEP ? <ReviewSection view={view} onGo={go} /> : null}

      <StepButtons
        view={view}
        saving={saving}
        onGo={go}
        onSave={() => void onSave()}
        onCancel={() => back(paths.client(clientId))}
      />
    </Page>
  );
}
