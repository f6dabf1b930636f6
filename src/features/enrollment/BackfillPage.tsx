// Filling in what is still missing from project start. The answers describe the client at project
// start, so they are saved to the Entry assessment (one patch, only what changed; merge rule M4),
// never to an update. Only the missing questions are shown, plus follow-up questions an answer
// given here brings up. Leaving a question blank is fine: missing answers never block saving. The
// forms are the provider's: with a federal funder the unanswered 4.05–4.10 are gaps too (W-DIS4);
// 3.08 against them is a warning (W-DIS2).
import { useState, type FormEvent } from 'react';
import { enrollmentBundle, type EnrollmentBundle } from '../../db';
import { DEFAULT_PICKLIST_REGISTRY, type AnswerValue, type FormContext } from '../../domain/forms';
import {
  ENTRY_STAGE,
  backfillChange,
  backfillEdits,
  backfillFieldIds,
  backfillIssues,
  backfillSnapshot,
  entryAnswers,
  entryDisablingConditionWarnings,
  type BackfillSnapshot,
} from '../../domain/workflow/backfill';
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
  type FieldError,
} from '../../shared/ui';
import { backfillEnrollment, clientName, entryContext, entryFormsOf, str } from './records';
import './enrollment.css';

const ID_PREFIX = 'backfill';

export function BackfillPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const { data: bundle, error } = useLiveQuery(
    () => enrollmentBundle(db, enrollmentId),
    [db, enrollmentId],
  );
  const back = { to: paths.enrollment(enrollmentId), label: 'Enrollment' };
  if (bundle === undefined) {
    return error ? (
      <Page title="Fill in project start answers" back={back}>
        <Alert tone="error" title="This enrollment could not be read on this device.">
          <p>Reload the page. If it keeps happening, tell your administrator.</p>
        </Alert>
      </Page>
    ) : (
      <Loading label="Opening the project start answers…" />
    );
  }
  if (bundle === null) {
    return (
      <Page title="Enrollment not found" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <p>
          This enrollment is not on this device. If it was just recorded on another device, it
          appears here after the next sync.
        </p>
      </Page>
    );
  }
  return <BackfillForm bundle={bundle} />;
}

function BackfillForm({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const { enrollment, entry } = bundle;
  const name = clientName(bundle.client);
  const startDate = str(enrollment.projectStartDate);
  const context: FormContext = entryContext(bundle, services);
  const forms = entryFormsOf(bundle, services);
  // What was missing when the form opened stays on screen while the case manager answers.
  const [snapshot] = useState<BackfillSnapshot>(() => backfillSnapshot(entry, context, forms));
  const draft = useDraft<Record<string, AnswerValue>>(
    `backfill:${enrollment.id}`,
    {},
    { path: paths.backfill(enrollment.id), title: `Project start answers for ${name}` },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<FieldError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const back = { to: paths.enrollment(enrollment.id), label: name };
  const title = 'Fill in project start answers';

  if (!draft.loaded) return <Loading />;

  const answers = { ...entryAnswers(entry), ...backfillEdits(snapshot, draft.value) };
  const shown = backfillFieldIds(snapshot, answers, context, forms);
  // Only what these answers bring: a disagreement already on the Entry is on the enrollment screen,
  // about questions this form does not show.
  const onEntry = new Set(
    entryDisablingConditionWarnings(entryAnswers(entry), context, forms).map((w) => w.rule),
  );
  const warnings = entryDisablingConditionWarnings(answers, context, forms).filter(
    (w) => !onEntry.has(w.rule),
  );

  if (snapshot.missing.size === 0 && shown.size === 0) {
    return (
      <Page title={title} subtitle={name} back={back}>
        <Alert tone="success" title="Nothing is missing from project start.">
          <p>Everything required at project start is answered.</p>
        </Alert>
        <div className="button-row">
          <ButtonLink to={paths.enrollment(enrollment.id)}>Back to the enrollment</ButtonLink>
        </div>
      </Page>
    );
  }

  const onChange = (fieldId: string, value: AnswerValue) => {
    draft.set((previous) => ({ ...previous, [fieldId]: value }));
    setNotice(null);
    if (errors[fieldId]) {
      setErrors(({ [fieldId]: _fixed, ...rest }) => rest);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    setNotice(null);
    const issues = backfillIssues(entry, answers, context, DEFAULT_PICKLIST_REGISTRY, forms);
    if (issues.length > 0) {
      setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])));
      setSummary(
        issues.map((i) => ({ fieldId: fieldElementId(i.field, ID_PREFIX), message: i.message })),
      );
      return;
    }
    setErrors({});
    setSummary([]);
    const change = backfillChange(backfillEnrollment(enrollment), entry, answers, context, forms);
    if (change === null) {
      setNotice('Nothing to save yet: no answer was changed.');
      return;
    }
    setSaving(true);
    try {
      await services.save([change]);
      await draft.clear();
      navigate(paths.enrollment(enrollment.id));
    } catch (error) {
      // InvalidChangeError (the merge would reject it) and a full disk both say what happened.
      setSaveError(error instanceof Error ? error.message : 'The answers could not be saved.');
      setSaving(false);
    }
  };

  return (
    <Page title={title} subtitle={name} back={back}>
      <p>
        These answers describe the client at project start ({formatDate(startDate)}). They are saved
        to the project start (Entry) assessment, not to an update.
      </p>
      <p className="muted">Leave a question blank if you still don’t know; you can come back.</p>
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
        <FormRenderer
          forms={forms}
          stage={ENTRY_STAGE}
          answers={answers}
          onChange={onChange}
          context={context}
          errors={errors}
          only={(id) => shown.has(id)}
          idPrefix={ID_PREFIX}
        />
        {warnings.map((w) => (
          <Alert key={w.rule} tone="warning" title="Check the disabling condition">
            <p>{w.message}</p>
          </Alert>
        ))}
        {notice ? (
          <Alert tone="info">
            <p>{notice}</p>
          </Alert>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            Save project start answers
          </Button>
          <ButtonLink to={paths.enrollment(enrollment.id)}>Cancel</ButtonLink>
        </div>
      </form>
    </Page>
  );
}
