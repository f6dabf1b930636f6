// The Case Managers tab of an enrollment: who works with the household, from when to when; ending
// an assignment; adding a case manager (a handoff, optionally ending the signed-in person's own
// assignment on the same day). Changes apply to the whole household unless the person unticks
// it. The rules are in src/domain/workflow/case-managers.ts.
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { assignmentsOfEnrollments, enrollmentBundle, type EnrollmentBundle } from '../../db';
import { providerMembersSchema, type ProviderMember } from '../../domain/protocol';
import {
  assignmentFrom,
  assignmentStatus,
  endAssignmentChanges,
  handoffChanges,
  myAssignmentsToEnd,
  validateEndDate,
  validateNewAssignment,
  type Assignment,
  type EnrollmentDates,
  type HandoffInput,
} from '../../domain/workflow/case-managers';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Badge,
  Button,
  ErrorSummary,
  Loading,
  Page,
  RadioGroup,
  Section,
  SelectField,
  TextField,
  type FieldError,
} from '../../shared/ui';
import './case-managers.css';

/** Up to this many people are radio buttons (one tap); more are a select. */
const MAX_RADIO = 6;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function enrollmentDates(view: Record<string, unknown> & { id: string }): EnrollmentDates {
  return {
    id: view.id,
    projectStartDate: str(view.projectStartDate),
    exitDate: typeof view.exitDate === 'string' ? view.exitDate : null,
  };
}

function assignmentsOf(views: readonly Record<string, unknown>[]): Assignment[] {
  return views.map(assignmentFrom).filter((a): a is Assignment => a !== null);
}

export function CaseManagersPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const bundle = useLiveQuery(() => enrollmentBundle(db, enrollmentId), [db, enrollmentId]);
  if (bundle.data === undefined) return <Loading />;
  if (bundle.data === null) {
    return (
      <Page title="Case managers" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <Alert tone="info" title="Enrollment not on this device">
          <p>
            This enrollment is not on this device. It may arrive with the next sync, or it may have
            been removed.
          </p>
        </Alert>
      </Page>
    );
  }
  return <CaseManagers bundle={bundle.data} />;
}

function CaseManagers({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const { db, provider, account } = services;
  const today = services.today();
  const enrollmentId = bundle.enrollment.id;
  const [message, setMessage] = useState<string | null>(null);
  const [endingId, setEndingId] = useState<string | null>(null);

  const householdIds = bundle.household.map((m) => m.enrollment.id);
  const household = useLiveQuery(
    () => assignmentsOfEnrollments(db, householdIds),
    [db, householdIds.join(',')],
  );
  const members = useQuery({
    queryKey: ['provider-members', provider.id],
    queryFn: () => services.api(`/api/providers/${provider.id}/members`, providerMembersSchema),
  });

  const memberList = members.data?.members ?? [];
  const nameOf = (caseManagerId: string): string => {
    if (caseManagerId === account.userId) return `${account.displayName} (you)`;
    const member = memberList.find((m) => m.id === caseManagerId);
    return member ? member.displayName : `Case manager (id …${caseManagerId.slice(-6)})`;
  };

  const mine = assignmentsOf(bundle.assignments);
  const householdAssignments = assignmentsOf(household.data ?? bundle.assignments);
  const enrollments = bundle.household.map((m) => enrollmentDates(m.enrollment));
  const clientName = personName({
    firstName: bundle.client?.firstName,
    lastName: bundle.client?.lastName,
  });
  const others = bundle.household.length - 1;

  return (
    <Page
      title="Case managers"
      subtitle={
        <>
          {clientName}
          {others > 0 ? ` and ${others} other household member${others === 1 ? '' : 's'}` : ''}
        </>
      }
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      {message ? (
        <Alert tone="success">
          <p>{message}</p>
        </Alert>
      ) : null}

      <Section title="Assignments">
        {mine.length === 0 ? (
          <p className="muted">No case manager is recorded for this enrollment yet.</p>
        ) : (
          <ul className="list">
            {mine.map((a) => {
              const status = assignmentStatus(a, today);
              return (
                <li key={a.id} className="case-managers-item">
                  <p className="case-managers-name">
                    <strong>{nameOf(a.caseManagerId)}</strong>{' '}
                    <Badge tone={status === 'active' ? 'ok' : 'neutral'}>
                      {status === 'active'
                        ? 'Active'
                        : status === 'ended'
                          ? 'Ended'
                          : `Starts ${formatDate(a.startDate)}`}
                    </Badge>
                  </p>
                  <p className="muted">
                    From {formatDate(a.startDate)}
                    {a.endDate ? ` to ${formatDate(a.endDate)}` : ''}
                  </p>
                  {status !== 'ended' && endingId !== a.id ? (
                    <Button
                      aria-label={`End assignment of ${nameOf(a.caseManagerId)}`}
                      onClick={() => {
                        setMessage(null);
                        setEndingId(a.id);
                      }}
                    >
                      End assignment
                    </Button>
                  ) : null}
                  {endingId === a.id ? (
                    <EndAssignmentForm
                      assignment={a}
                      name={nameOf(a.caseManagerId)}
                      householdAssignments={householdAssignments}
                      householdSize={bundle.household.length}
                      today={today}
                      onDone={(text) => {
                        setEndingId(null);
                        if (text) setMessage(text);
                      }}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <AddCaseManager
        enrollmentId={enrollmentId}
        enrollments={enrollments}
        assignments={mine}
        householdAssignments={householdAssignments}
        members={memberList}
        membersState={members.isPending ? 'loading' : members.isError ? 'offline' : 'ready'}
        nameOf={nameOf}
        today={today}
        onSaved={setMessage}
      />
    </Page>
  );
}

function Checkbox(props: {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="choice" htmlFor={props.id}>
        <input
          autoComplete="off"
          id={props.id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span>{props.children}</span>
      </label>
    </div>
  );
}

function saveErrorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function EndAssignmentForm(props: {
  assignment: Assignment;
  name: string;
  householdAssignments: readonly Assignment[];
  householdSize: number;
  today: string;
  onDone(message: string | null): void;
}) {
  const { save } = useServices();
  const [endDate, setEndDate] = useState(props.today);
  const [wholeHousehold, setWholeHousehold] = useState(true);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const fieldId = `cm-end-${props.assignment.id}`;

  const onSave = async () => {
    const issues = validateEndDate({
      assignment: props.assignment,
      endDate,
      today: props.today,
    });
    setErrors(issues.map((i) => ({ fieldId, message: i.message })));
    if (issues.length > 0) return;
    const result = endAssignmentChanges({
      assignment: props.assignment,
      endDate,
      householdAssignments: props.householdAssignments,
      wholeHousehold: wholeHousehold && props.householdSize > 1,
    });
    setSaving(true);
    setSaveError(null);
    try {
      await save(result.changes);
      const count = result.ended.length;
      props.onDone(
        `${props.name}: assignment ended on ${formatDate(endDate)}${count > 1 ? ` for ${count} household members` : ''}.`,
      );
    } catch (error) {
      setSaving(false);
      setSaveError(saveErrorText(error));
    }
  };

  return (
    <div
      className="case-managers-form"
      role="group"
      aria-label={`End the assignment of ${props.name}`}
    >
      <ErrorSummary errors={errors} />
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}
      <TextField
        id={fieldId}
        type="date"
        label="End date"
        hint="The last day of the assignment: not before it started, not in the future."
        required
        max={props.today}
        min={props.assignment.startDate}
        value={endDate}
        error={errors[0]?.message ?? null}
        onChange={setEndDate}
      />
      {props.householdSize > 1 ? (
        <Checkbox id={`${fieldId}-household`} checked={wholeHousehold} onChange={setWholeHousehold}>
          For the whole household (end it on every member&apos;s enrollment)
        </Checkbox>
      ) : null}
      <div className="button-row">
        <Button variant="primary" busy={saving} onClick={() => void onSave()}>
          Save end date
        </Button>
        <Button onClick={() => props.onDone(null)}>Cancel</Button>
      </div>
    </div>
  );
}

function AddCaseManager(props: {
  enrollmentId: string;
  enrollments: readonly EnrollmentDates[];
  assignments: readonly Assignment[];
  householdAssignments: readonly Assignment[];
  members: readonly ProviderMember[];
  membersState: 'loading' | 'offline' | 'ready';
  nameOf(caseManagerId: string): string;
  today: string;
  onSaved(message: string): void;
}) {
  const services = useServices();
  const { account } = services;
  const [caseManagerId, setCaseManagerId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(props.today);
  const [wholeHousehold, setWholeHousehold] = useState(true);
  const [endMine, setEndMine] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const people = [
    { value: account.userId, label: `${account.displayName} (you)` },
    ...props.members
      .filter((m) => m.id !== account.userId)
      .map((m) => ({
        value: m.id,
        label: m.role === 'supervisor' ? `${m.displayName} (supervisor)` : m.displayName,
      })),
  ];
  const householdSize = props.enrollments.length;
  const enrollment = props.enrollments.find((e) => e.id === props.enrollmentId)!;
  const handoff: HandoffInput = {
    enrollmentId: props.enrollmentId,
    caseManagerId: caseManagerId ?? '',
    startDate,
    enrollments: props.enrollments,
    householdAssignments: props.householdAssignments,
    wholeHousehold: wholeHousehold && householdSize > 1,
    endMineFor: endMine ? account.userId : null,
  };
  const canEndMine =
    caseManagerId !== null &&
    caseManagerId !== account.userId &&
    myAssignmentsToEnd({ ...handoff, endMineFor: account.userId }).length > 0;

  const onSave = async () => {
    const issues = validateNewAssignment({
      caseManagerId,
      startDate,
      enrollment,
      assignments: props.assignments,
      today: props.today,
      nameOf: props.nameOf,
    });
    const ids = { caseManagerId: 'cm-new-person', startDate: 'cm-new-start' } as const;
    setErrors(issues.map((i) => ({ fieldId: ids[i.field], message: i.message })));
    const byField: Record<string, string> = {};
    for (const i of issues) byField[i.field] ??= i.message;
    setFieldErrors(byField);
    if (issues.length > 0 || caseManagerId === null) return;
    const result = handoffChanges({
      ...handoff,
      endMineFor: canEndMine && endMine ? account.userId : null,
    });
    setSaving(true);
    setSaveError(null);
    try {
      await services.save(result.changes);
      const who = props.nameOf(caseManagerId);
      const parts = [
        `${who} added from ${formatDate(startDate)}${result.added.length > 1 ? ` for ${result.added.length} household members` : ''}.`,
      ];
      if (result.skipped.length > 0) {
        parts.push(
          `${result.skipped.length} household member${result.skipped.length === 1 ? ' was' : 's were'} left out (already assigned, or not enrolled on that date).`,
        );
      }
      if (result.ended.length > 0) parts.push(`Your assignment ended on ${formatDate(startDate)}.`);
      props.onSaved(parts.join(' '));
      setCaseManagerId(null);
      setEndMine(false);
      setStartDate(props.today);
      setSaving(false);
    } catch (error) {
      setSaving(false);
      setSaveError(saveErrorText(error));
    }
  };

  const personProps = {
    id: 'cm-new-person',
    label: 'Case manager',
    required: true,
    value: caseManagerId,
    options: people,
    error: fieldErrors.caseManagerId ?? null,
    onChange: (v: string | null) => setCaseManagerId(v),
  };
  return (
    <Section title="Add a case manager">
      {props.membersState === 'loading' ? (
        <p className="muted" role="status">
          Loading this provider&apos;s case managers…
        </p>
      ) : props.membersState === 'offline' ? (
        <Alert tone="info" title="The list of case managers needs a connection">
          <p>
            The other case managers of {services.provider.name} can be listed when this device is
            online. You can still add yourself now.
          </p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}
      {people.length <= MAX_RADIO ? (
        <RadioGroup {...personProps} />
      ) : (
        <SelectField {...personProps} />
      )}
      <TextField
        id="cm-new-start"
        type="date"
        label="Start date"
        hint="The first day they work with the household. Not in the future."
        required
        max={props.today}
        value={startDate}
        error={fieldErrors.startDate ?? null}
        onChange={setStartDate}
      />
      {canEndMine ? (
        <Checkbox id="cm-end-mine" checked={endMine} onChange={setEndMine}>
          End my assignment ({account.displayName}) on the same day
        </Checkbox>
      ) : null}
      {householdSize > 1 ? (
        <Checkbox id="cm-household" checked={wholeHousehold} onChange={setWholeHousehold}>
          For the whole household ({householdSize} people)
        </Checkbox>
      ) : null}
      <div className="button-row">
        <Button variant="primary" busy={saving} onClick={() => void onSave()}>
          Add case manager
        </Button>
      </div>
    </Section>
  );
}
