// The annual assessment form of a household with members due or late: one information date in
// the window, each due member's stage-5 forms (answers start empty), the errors that block and the
// warnings shown once, and the save through the app's one write path (W-ANNUAL-3).
import { useState, type FormEvent } from 'react';
import type { formsForStage } from '../../domain/forms';
import { DEFAULT_PICKLIST_REGISTRY, type AnswerValue } from '../../domain/forms';
import {
  ANNUAL_STAGE,
  annualAssessmentChanges,
  annualFormContext,
  type AnnualAssessmentStatus,
  type AnnualIssue,
  type AnnualWindow,
} from '../../domain/workflow/annual-assessment';
import { relationshipLabel } from '../../domain/workflow/enrollment-summary';
import { useDraft } from '../../shared/draft';
import { FormRenderer, fieldElementId } from '../../shared/forms';
import { formatDate } from '../../shared/format';
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
  assessmentInfos,
  memberName,
  type AnnualHousehold,
  type AnnualMemberView,
} from './household';

export const DATE_ID = 'annual-information-date';
export const TITLE = 'Annual assessment';

export interface Draft {
  date: string;
  /** Answers by member enrollment id. */
  answers: Record<string, Record<string, AnswerValue>>;
}

export interface MemberRow {
  view: AnnualMemberView;
  status: AnnualAssessmentStatus;
}

export function statusWords(status: AnnualAssessmentStatus): string {
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

export function AnnualFormBody(props: {
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
      <form autoComplete="off" onSubmit={onSubmit} noValidate>
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
