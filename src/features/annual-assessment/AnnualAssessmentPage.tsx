// The annual assessment (stage 5) of a household: one information date inside the window around
// the head of household's anniversary, and the stage-5 forms for every member with an open
// enrollment whose assessment for this year is due or late. Answers start empty: the annual
// assessment records what is true now, never a copy of earlier answers. Saved through the app's
// one write path (services.save → device outbox), one Assessment per member (W-ANNUAL-3).
import { useState, type FormEvent } from 'react';
import {
  DEFAULT_PICKLIST_REGISTRY,
  FORMS,
  formsForFunding,
  formsForStage,
  type AnswerValue,
} from '../../domain/forms';
import {
  ANNUAL_STAGE,
  annualAssessmentChanges,
  annualAssessmentStatus,
  annualFormContext,
  anniversaryStart,
  latestOpenWindow,
  type AnnualAssessmentStatus,
  type AnnualIssue,
  type AnnualWindow,
} from '../../domain/workflow/annual-assessment';
import { relationshipLabel } from '../../domain/workflow/enrollment-summary';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { useDraft } from '../../shared/draft';
import { FormRenderer, fieldElementId } from '../../shared/forms';
import { formatDate } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Button,
  ButtonLink,
  ErrorSummary,
  Loading,
  Page,
  TextField,
  type FieldError,
} from '../../shared/ui';
import {
  annualEnrollmentOf,
  annualHousehold,
  assessmentInfos,
  memberName,
  type AnnualHousehold,
  type AnnualMemberView,
} from './household';

const DATE_ID = 'annual-information-date';
const TITLE = 'Annual assessment';

export function AnnualAssessmentPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const { data, error } = useLiveQuery(() => annualHousehold(db, enrollmentId), [db, enrollmentId]);
  const back = { to: paths.enrollment(enrollmentId), label: 'Enrollment' };
  if (data === undefined) {
    return error ? (
      <Page title={TITLE} back={back}>
        <Alert tone="error" title="This household could not be read on this device.">
          <p>Reload the page. If it keeps happening, tell your administrator.</p>
        </Alert>
      </Page>
    ) : (
      <Loading label="Opening the annual assessment…" />
    );
  }
  if (data === null) {
    return (
      <Page title="Enrollment not found" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <p>
          This enrollment is not on this device. If it was just recorded on another device, it
          appears here after the next sync.
        </p>
      </Page>
    );
  }
  return <AnnualForm household={data} />;
}

interface Draft {
  date: string;
  /** Answers by member enrollment id. */
  answers: Record<string, Record<string, AnswerValue>>;
}

interface MemberRow {
  view: AnnualMemberView;
  status: AnnualAssessmentStatus;
}

function statusWords(status: AnnualAssessmentStatus): string {
  switch (status.kind) {
    case 'done':
      return 'already recorded for this year';
    case 'due':
      return `due by ${formatDate(status.window.closes)}`;
    case 'late':
      return `late: the window closed on ${formatDate(status.window.closes)}`;
    case 'not_due':
      return 'not due (exited, or joined after the anniversary)';
  }
}

function AnnualForm({ household }: { household: AnnualHousehold }) {
  const services = useServices();
  const today = services.today();
  const { enrollment } = household;
  const provider =
    services.provider.id === enrollment.providerId
      ? services.provider
      : services.account.providers.find((p) => p.id === enrollment.providerId);
  const forms = formsForStage(
    ANNUAL_STAGE,
    formsForFunding(FORMS, hasFederalFunder(provider, today)),
  );
  const enrollments = household.members.map((m) => annualEnrollmentOf(m.enrollment));
  const from = anniversaryStart(annualEnrollmentOf(enrollment), enrollments);
  const window = latestOpenWindow(from, today);
  const allAssessments = household.members.flatMap((m) => assessmentInfos(m.assessments));
  const rows: MemberRow[] = household.members.map((view, i) => ({
    view,
    status: annualAssessmentStatus(enrollments[i]!, enrollments, allAssessments, today),
  }));
  const toAssess = rows.filter((r) => r.status.kind === 'due' || r.status.kind === 'late');
  const headName = memberName(household.members[0]!);

  const back = { to: paths.enrollment(enrollment.id), label: headName };
  if (window === null || toAssess.length === 0) {
    return (
      <Page title={TITLE} subtitle={`Household of ${headName}`} back={back}>
        <NothingToRecord window={window} from={from} rows={rows} />
        <div className="button-row">
          <ButtonLink to={paths.enrollment(enrollment.id)}>Back to the enrollment</ButtonLink>
        </div>
      </Page>
    );
  }
  return (
    <AnnualFormBody
      household={household}
      window={window}
      from={from}
      rows={rows}
      toAssess={toAssess}
      forms={forms}
      projectType={provider?.projectType ?? null}
      headName={headName}
    />
  );
}

function NothingToRecord(props: { window: AnnualWindow | null; from: string; rows: MemberRow[] }) {
  if (props.window === null) {
    return (
      <Alert tone="info" title="No annual assessment is due yet.">
        <p>
          The household started on {formatDate(props.from)}. The first annual assessment is due in
          the 30 days before or after the first anniversary.
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="success" title="Nothing to record for this year.">
      <p>
        Every member with an open enrollment has an annual assessment for the anniversary of{' '}
        {formatDate(props.window.anniversary)}, or is not due one.
      </p>
    </Alert>
  );
}

function AnnualFormBody(props: {
  household: AnnualHousehold;
  window: AnnualWindow;
  from: string;
  rows: MemberRow[];
  toAssess: MemberRow[];
  forms: ReturnType<typeof formsForStage>;
  projectType: number | null;
  headName: string;
}) {
  const services = useServices();
  const today = services.today();
  const { window, toAssess, forms, household } = props;
  const enrollmentId = household.enrollment.id;
  const defaultDate = today <= window.closes ? today : '';
  const draft = useDraft<Draft>(
    `annual:${enrollmentId}:${window.anniversary}`,
    { date: defaultDate, answers: {} },
    {
      path: paths.annualAssessment(enrollmentId),
      title: `Annual assessment for ${props.headName}`,
    },
  );
  const [issues, setIssues] = useState<AnnualIssue[]>([]);
  const [warnings, setWarnings] = useState<AnnualIssue[] | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!draft.loaded) return <Loading />;
  const { date } = draft.value;
  const formDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today;
  const latest = today < window.closes ? today : window.closes;

  const members = toAssess.map((r) => ({
    enrollment: annualEnrollmentOf(r.view.enrollment),
    clientId: typeof r.view.enrollment.clientId === 'string' ? r.view.enrollment.clientId : '',
    dob: typeof r.view.client?.dob === 'string' ? r.view.client.dob : null,
    assessments: assessmentInfos(r.view.assessments),
    answers: draft.value.answers[r.view.enrollment.id] ?? {},
  }));

  const onAnswer = (memberId: string) => (fieldId: string, value: AnswerValue) => {
    draft.set((d) => ({
      ...d,
      answers: { ...d.answers, [memberId]: { ...(d.answers[memberId] ?? {}), [fieldId]: value } },
    }));
    setWarnings(null);
  };

  const prefixOf = (memberId: string) => `annual-${memberId}`;
  const controlId = (i: AnnualIssue) =>
    i.enrollmentId === null ? DATE_ID : fieldElementId(i.field, prefixOf(i.enrollmentId));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    const result = annualAssessmentChanges({
      window,
      anniversaryFrom: props.from,
      informationDate: date,
      today,
      projectType: props.projectType,
      members,
      forms,
      picklists: DEFAULT_PICKLIST_REGISTRY,
    });
    setIssues(result.errors);
    if (result.errors.length > 0) return;
    // Warnings do not block, but the case manager sees them once before saving.
    if (result.warnings.length > 0 && warnings === null) {
      setWarnings(result.warnings);
      return;
    }
    setSaving(true);
    try {
      await services.save(result.changes);
      await draft.clear();
      navigate(paths.enrollment(enrollmentId));
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : 'The assessment could not be saved.');
      setSaving(false);
    }
  };

  const summary: FieldError[] = issues.map((i) => ({ fieldId: controlId(i), message: i.message }));
  const errorsOf = (memberId: string | null) =>
    Object.fromEntries(
      issues.filter((i) => i.enrollmentId === memberId).map((i) => [i.field, i.message]),
    );
  const dateError = errorsOf(null).informationDate;
  const others = props.rows.filter((r) => !toAssess.includes(r));

  return (
    <Page
      title={TITLE}
      subtitle={`Household of ${props.headName}`}
      back={{ to: paths.enrollment(enrollmentId), label: props.headName }}
    >
      <p>
        HUD asks for an annual assessment within 30 days of the anniversary of the head of
        household’s project start ({formatDate(window.anniversary)}): from{' '}
        {formatDate(window.opens)} to {formatDate(window.closes)}. Record what is true for each
        member on the assessment date.
      </p>
      {draft.restored ? (
        <Alert tone="info">
          <p>Your unsaved answers from before were restored.</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={summary} />
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          id={DATE_ID}
          type="date"
          label="Date of the annual assessment"
          required
          hint={`Between ${formatDate(window.opens)} and ${formatDate(latest)}.`}
          min={window.opens}
          max={latest}
          value={date}
          error={dateError}
          onChange={(value) => {
            draft.set((d) => ({ ...d, date: value }));
            setWarnings(null);
          }}
        />
        {toAssess.map((r) => {
          const id = r.view.enrollment.id;
          const member = members.find((m) => m.enrollment.id === id)!;
          const context = annualFormContext(member, {
            informationDate: formDate,
            projectType: props.projectType,
            today,
          });
          return (
            <section className="card" key={id} aria-labelledby={`${prefixOf(id)}-name`}>
              <h2 className="section-title" id={`${prefixOf(id)}-name`}>
                {memberName(r.view)}
              </h2>
              <p className="muted">
                {relationshipLabel(r.view.enrollment.relationshipToHoH)} · {statusWords(r.status)}
              </p>
              <FormRenderer
                forms={forms}
                stage={ANNUAL_STAGE}
                answers={member.answers}
                onChange={onAnswer(id)}
                context={context}
                errors={errorsOf(id)}
                idPrefix={prefixOf(id)}
                headingLevel={3}
              />
            </section>
          );
        })}
        {others.length > 0 ? (
          <section className="section" aria-labelledby="annual-others">
            <h2 className="section-title" id="annual-others">
              Other members
            </h2>
            <ul>
              {others.map((r) => (
                <li key={r.view.enrollment.id}>
                  {memberName(r.view)}: {statusWords(r.status)}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {warnings !== null ? (
          <Alert tone="warning" title="Please check before saving">
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
            <p>Save again to keep the answers as they are.</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            Save annual assessment
          </Button>
          <ButtonLink to={paths.enrollment(enrollmentId)}>Cancel</ButtonLink>
        </div>
      </form>
    </Page>
  );
}
