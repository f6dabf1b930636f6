// Add a household member to an open household after project start (a baby born during the stay, a
// partner moving in): find or quick-create the person (project start's pickers), their own project
// start date, their relationship to the head of household, their Entry assessment, 4.12 and the
// Release of Information for an adult (W-ROI-9), and the signed-in case manager, saved as one
// unit in the SAME HouseholdID. The rules are in src/domain/workflow/household-members.ts
// (W-HH-1 … W-HH-3).
import { useEffect, useRef, useState } from 'react';
import {
  clientViewsById,
  enrollmentBundle,
  type EnrollmentBundle,
  type RecordView,
} from '../../db';
import { HEAD_OF_HOUSEHOLD } from '../../domain/codes';
import { FORMS, formsForFunding } from '../../domain/forms';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { newId } from '../../domain/records';
import {
  addMemberRoi,
  asksAddMemberRoi,
  buildAddMemberChanges,
  checkAddMember,
  householdProblem,
  initialAddMemberDraft,
  summarizeHousehold,
  type AddMemberDraft,
  type AddMemberInput,
} from '../../domain/workflow/household-members';
import {
  ENTRY_STAGE,
  emptyNewMember,
  memberDob,
  memberFormContext,
  newMemberName,
  type IssueTarget,
  type ProjectStartIssue,
} from '../../domain/workflow/project-start';
import { roiAnswerFromDraft, roiOf } from '../../domain/workflow/roi';
import { asksStartCls } from '../../domain/workflow/start-cls';
import { useDraft } from '../../shared/draft';
import { formatDate } from '../../shared/format';
import { FormRenderer, fieldElementId, hudOptions } from '../../shared/forms';
import { useLiveQuery } from '../../shared/live';
import { back, navigate } from '../../shared/navigation';
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
import { householdEnrollments, memberName } from './household-data';
import { MemberRoiSection } from './MemberRoiSection';
import { clsElementId, memberElementId, type HouseholdPickers } from './pickers';
import './household.css';

const PREFIX = 'hh';
const NOT_HEAD = hudOptions('3.15.1').filter((o) => o.value !== HEAD_OF_HOUSEHOLD);

function elementIdOf(target: IssueTarget): string {
  switch (target.kind) {
    case 'projectStartDate':
      return 'hh-start-date';
    case 'caseManagerStartDate':
      return 'hh-cm-start';
    case 'enrollmentCoc':
      return 'hh-start-date';
    case 'cls':
      return clsElementId(PREFIX, target.memberKey, target.field);
    case 'member':
      return memberElementId(target.memberKey, target.field, PREFIX);
    case 'answer':
      return fieldElementId(target.fieldId, `${PREFIX}-a`);
  }
}

/** The screen with project start's pickers passed in (src/app/routes.tsx composes them). */
export function addMemberPageWith(
  pickers: HouseholdPickers,
): (props: { enrollmentId: string }) => React.JSX.Element {
  return function AddMemberPage({ enrollmentId }) {
    return <AddMemberScreen enrollmentId={enrollmentId} pickers={pickers} />;
  };
}

function AddMemberScreen({
  enrollmentId,
  pickers,
}: {
  enrollmentId: string;
  pickers: HouseholdPickers;
}) {
  const services = useServices();
  const today = services.today();
  const { data: bundle } = useLiveQuery(
    () => enrollmentBundle(services.db, enrollmentId),
    [services.db, enrollmentId],
  );
  const draft = useDraft<AddMemberDraft>(
    `household-add:${enrollmentId}`,
    () => initialAddMemberDraft(today),
    { path: paths.addHouseholdMember(enrollmentId), title: 'Add a household member' },
  );
  const backTo = { to: paths.household(enrollmentId), label: 'Household members' };
  if (bundle === undefined || !draft.loaded) return <Loading />;
  if (bundle === null) {
    return (
      <Page title="Add a household member" back={backTo}>
        <p>This enrollment is not on this device yet. It appears here after the next sync.</p>
      </Page>
    );
  }
  return (
    <AddMemberForm
      pickers={pickers}
      bundle={bundle}
      value={draft.value}
      restored={draft.restored}
      set={draft.set}
      clear={draft.clear}
      today={today}
    />
  );
}

function AddMemberForm(props: {
  pickers: HouseholdPickers;
  bundle: EnrollmentBundle;
  value: AddMemberDraft;
  restored: boolean;
  set(update: (previous: AddMemberDraft) => AddMemberDraft): void;
  clear(): Promise<void>;
  today: string;
}) {
  const { bundle, value, set, today } = props;
  const { AddMember, NewMemberFields, StartClsFields } = props.pickers;
  const { db, save, account, provider } = useServices();
  const [errors, setErrors] = useState<ProjectStartIssue[]>([]);
  const [summary, setSummary] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [picked, setPicked] = useState<RecordView | null>(null);
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  });

  const existingId = value.clientId !== null && value.newClient === null ? value.clientId : null;
  const view = useLiveQuery(
    () => clientViewsById(db, existingId ? [existingId] : []),
    [db, existingId],
  );
  const household = householdEnrollments(bundle);
  const problem = householdProblem(household);
  const head = summarizeHousehold(household).head;
  const householdStart = summarizeHousehold(household).householdStart;
  const providerId = String(bundle.enrollment.providerId);
  const ownProvider = account.providers.find((p) => p.id === providerId) ?? provider;
  const projectType = ownProvider.projectType;
  // The Entry's forms as this provider uses them: with a federal funder, 4.05–4.10 (W-DIS1).
  const federal = hasFederalFunder(ownProvider, today);
  const forms = formsForFunding(FORMS, federal);

  const chosenView = existingId ? (view.data?.get(existingId) ?? picked ?? undefined) : undefined;
  const name =
    value.newClient !== null
      ? newMemberName(value.newClient) || 'The new household member'
      : existingId
        ? memberName(chosenView, existingId)
        : 'The new member';
  const key = value.clientId ?? 'none';
  const member = {
    key,
    clientId: key,
    newClient: value.newClient,
    dob: typeof chosenView?.dob === 'string' ? chosenView.dob : null,
    name,
    roi: chosenView ? roiOf(chosenView) : null,
  };
  const roiAnswer = roiAnswerFromDraft(value.roi);
  const input: AddMemberInput = {
    household,
    householdId: String(bundle.enrollment.householdId),
    providerId,
    projectType,
    today,
    caseManagerId: account.userId,
    member,
    projectStartDate: value.projectStartDate,
    relationshipToHoH: value.relationshipToHoH,
    answers: value.answers,
    cls: value.cls,
    caseManagerStartDate: value.caseManagerStartDate,
    roiAnswer,
    federal,
  };
  const asksRoi = asksAddMemberRoi(input);
  const context = memberFormContext(
    { ...member, relationshipToHoH: value.relationshipToHoH },
    { projectType, projectStartDate: value.projectStartDate, today },
  );
  const asksCls = asksStartCls(
    { relationshipToHoH: null, dob: memberDob(member) },
    value.projectStartDate || today,
  );

  const errorFor = (target: IssueTarget): string | null => {
    const id = elementIdOf(target);
    return errors.find((e) => elementIdOf(e.target) === id)?.message ?? null;
  };
  const answerErrors: Record<string, string> = {};
  for (const e of errors)
    if (e.target.kind === 'answer' && !answerErrors[e.target.fieldId])
      answerErrors[e.target.fieldId] = e.message;

  const onSave = async () => {
    setSaveError(null);
    if (value.clientId === null) {
      const message = 'Choose the person joining the household, or add a new person.';
      setErrors([]);
      setSummary([{ fieldId: 'hh-search', message }]);
      return;
    }
    const check = checkAddMember(input);
    setErrors(check.errors);
    const seen = new Set<string>();
    setSummary(
      check.errors
        .filter((e) => !seen.has(e.message) && seen.add(e.message))
        .map((e) => ({ fieldId: elementIdOf(e.target), message: e.message })),
    );
    if (check.errors.length > 0) return;
    setSaving(true);
    try {
      const records = buildAddMemberChanges(input);
      await save(records.changes);
      await props.clear();
      navigate(paths.enrollment(records.enrollmentId), { replace: true });
    } catch (error) {
      setSaving(false);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const cmStart = value.caseManagerStartDate ?? value.projectStartDate;
  return (
    <Page
      title="Add a household member"
      subtitle={head ? <>Head of household: {head.name}</> : undefined}
      back={{ to: paths.household(bundle.enrollment.id), label: 'Household members' }}
    >
      {props.restored ? (
        <Alert tone="info">
          <p>Your unsaved input from earlier is back. Nothing has been saved yet.</p>
        </Alert>
      ) : null}
      {problem ? (
        <Alert tone="error" title="No one can join this household now">
          <p>{problem}</p>
        </Alert>
      ) : (
        <>
          <ErrorSummary errors={summary} />
          {saveError ? (
            <Alert tone="error" title="Not saved">
              <p>{saveError}</p>
            </Alert>
          ) : null}
          <Section title="Who is joining">
            {value.clientId === null ? (
              <AddMember
                idPrefix={PREFIX}
                heading="Find or add the person"
                memberIds={household.filter((m) => m.exitDate === null).map((m) => m.clientId)}
                onAddExisting={(client) => {
                  setPicked(client);
                  set((prev) => ({ ...prev, clientId: client.id, newClient: null }));
                  focusNext.current = memberElementId(client.id, 'relationshipToHoH', PREFIX);
                }}
                onAddNew={() => {
                  const id = newId();
                  set((prev) => ({ ...prev, clientId: id, newClient: emptyNewMember() }));
                  focusNext.current = memberElementId(id, 'firstName', PREFIX);
                }}
              />
            ) : (
              <>
                <p className="household-chosen">
                  <span className="household-member-name">{name}</span>
                  {value.newClient ? (
                    <span className="muted">
                      New client: the rest of the profile can be completed later.
                    </span>
                  ) : member.dob ? (
                    <span className="muted">born {formatDate(member.dob)}</span>
                  ) : null}
                </p>
                {value.newClient ? (
                  <NewMemberFields
                    idPrefix={PREFIX}
                    memberKey={key}
                    details={value.newClient}
                    today={today}
                    errorFor={(field) => errorFor({ kind: 'member', memberKey: key, field })}
                    onChange={(patch) =>
                      set((prev) =>
                        prev.newClient
                          ? { ...prev, newClient: { ...prev.newClient, ...patch } }
                          : prev,
                      )
                    }
                  />
                ) : null}
                <Button
                  variant="link"
                  onClick={() => {
                    // An answer given for someone else is not theirs.
                    set((prev) => ({ ...prev, clientId: null, newClient: null, roi: undefined }));
                    focusNext.current = `${PREFIX}-search`;
                  }}
                >
                  Choose someone else
                </Button>
              </>
            )}
          </Section>

          <Section title="Start">
            <TextField
              id="hh-start-date"
              type="date"
              label="Project start date"
              hint={`The day they joined the household in the program: not before the household's start${householdStart ? ` (${formatDate(householdStart)})` : ''}, not before their birth, not in the future.`}
              required
              min={householdStart ?? undefined}
              max={today}
              value={value.projectStartDate}
              error={errorFor({ kind: 'projectStartDate' })}
              onChange={(v) => set((prev) => ({ ...prev, projectStartDate: v }))}
            />
            <SelectField
              id={memberElementId(key, 'relationshipToHoH', PREFIX)}
              label={`Relationship to the head of household${head ? ` (${head.name})` : ''}`}
              required
              value={value.relationshipToHoH}
              options={NOT_HEAD}
              error={errorFor({ kind: 'member', memberKey: key, field: 'relationshipToHoH' })}
              onChange={(v) => set((prev) => ({ ...prev, relationshipToHoH: v }))}
            />
          </Section>

          {value.clientId !== null && asksCls ? (
            <Section title="Current Living Situation">
              <StartClsFields
                idPrefix={PREFIX}
                memberKey={key}
                name={name}
                value={value.cls}
                projectType={projectType}
                errorFor={(field) => errorFor({ kind: 'cls', memberKey: key, field })}
                onChange={(cls) => set((prev) => ({ ...prev, cls }))}
              />
            </Section>
          ) : null}

          {value.clientId !== null ? (
            <MemberRoiSection
              memberKey={key}
              name={name}
              asked={asksRoi}
              recorded={member.roi}
              fromHead={asksRoi ? null : addMemberRoi(input)}
              answer={roiAnswer}
              today={today}
              elementId={(field) => memberElementId(key, field, PREFIX)}
              errorFor={errorFor}
              onAnswer={(roi) => set((prev) => ({ ...prev, roi }))}
            />
          ) : null}

          {value.clientId !== null ? (
            <Section title={`Entry assessment: ${name}`}>
              <p className="muted">
                Missing answers do not block saving: the enrollment lists what is still to ask.
              </p>
              <FormRenderer
                forms={forms}
                stage={ENTRY_STAGE}
                answers={value.answers}
                context={context}
                errors={answerErrors}
                idPrefix={`${PREFIX}-a`}
                headingLevel={3}
                onChange={(fieldId, answer) =>
                  set((prev) => ({ ...prev, answers: { ...prev.answers, [fieldId]: answer } }))
                }
              />
            </Section>
          ) : null}

          <Section title="Case manager">
            <p>You ({account.displayName}) are added as the case manager of the new member.</p>
            <TextField
              id="hh-cm-start"
              type="date"
              label="Your start date as case manager"
              hint="Their project start date, unless you started working with them later."
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
              Add to the household
            </Button>
            <Button onClick={() => back(paths.household(bundle.enrollment.id))}>Cancel</Button>
          </div>
        </>
      )}
    </Page>
  );
}
