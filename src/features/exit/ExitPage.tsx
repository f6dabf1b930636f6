// The exit: a case manager ends case management for one enrollment. Everything the screen shows
// and saves is the view-model's (src/domain/workflow/exit-view.ts: the rules are exit.ts and its
// parts); this screen renders it, section by section (ReasonAndDestination, ExitClsSection,
// ExitAssessmentSection with the contact information, W-EX7). An enrollment that has exited shows
// its exit, read-only (ExitSummary.tsx).
import { useState, type FormEvent } from 'react';
import type { EnrollmentBundle } from '../../db';
import {
  INCOME_COPY_FIELD,
  initialExitForm,
  withExitFormDefaults,
  type ExitForm,
} from '../../domain/workflow/exit';
import { exitView } from '../../domain/workflow/exit-view';
import { EnrollmentLoader } from '../../shared/enrollment-loader';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { useWorkflowForm } from '../../shared/use-workflow-form';
import { Alert, Button, ButtonLink, ErrorSummary, Loading, Page } from '../../shared/ui';
import { elementIdOf, issuePart, messagesByField, nameOf, stillWrong, strOrNull } from './controls';
import { ExitAssessmentSection } from './ExitAssessmentSection';
import { ExitClsSection } from './ExitClsSection';
import { ExitSummary } from './ExitSummary';
import { DestinationSection, ReasonSection } from './ReasonAndDestination';
import './exit.css';

export function ExitPage({ enrollmentId }: { enrollmentId: string }) {
  // Once this screen saves the exit, the enrollment shows as exited: keep the form until it leaves.
  const [savingHere, setSavingHere] = useState(false);
  return (
    <EnrollmentLoader enrollmentId={enrollmentId} title="Exit">
      {(bundle) =>
        strOrNull(bundle.enrollment.exitDate) !== null && !savingHere ? (
          <ExitSummary bundle={bundle} />
        ) : (
          <ExitFormPage bundle={bundle} onSaving={() => setSavingHere(true)} />
        )
      }
    </EnrollmentLoader>
  );
}

// ---- the form -------------------------------------------------------------------------------------

function ExitFormPage({ bundle, onSaving }: { bundle: EnrollmentBundle; onSaving(): void }) {
  const services = useServices();
  const { account, provider } = services;
  const today = services.today();
  const enrollmentId = bundle.enrollment.id;
  const name = nameOf(bundle.client);
  const workflow = useWorkflowForm<ExitForm>(
    `exit:${enrollmentId}`,
    () =>
      initialExitForm({
        today,
        entry: bundle.entry,
        updates: bundle.updates,
        existingExit: bundle.exit,
      }),
    { path: paths.exit(enrollmentId), title: `Exit: ${name}` },
    { onSaving },
  );
  const { draft, submitted, saving, saveError } = workflow;
  const [incomeOpen, setIncomeOpen] = useState(false);
  const [disabilitiesOpen, setDisabilitiesOpen] = useState(false);

  const enrollmentProvider =
    account.providers.find((p) => p.id === bundle.enrollment.providerId) ??
    (provider.id === bundle.enrollment.providerId ? provider : null);
  const view = exitView({
    records: bundle,
    form: draft.value,
    today,
    caseManagerId: account.userId,
    provider: enrollmentProvider,
    nameOf,
  });
  const form = view.form;
  // A draft saved before newer fields existed gets their defaults (the view's form).
  const set = (update: (f: ExitForm) => ExitForm) =>
    draft.set((previous) => update(withExitFormDefaults(previous)));
  const fieldErrors = submitted ? messagesByField(view.errors) : {};

  if (!draft.loaded) return <Loading />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void workflow.submit({
      errors: view.errors.map((i) => ({ fieldId: elementIdOf(i.field), message: i.message })),
      changes: view.changes,
      to: paths.enrollment(enrollmentId),
      onBlocked: () => {
        // A collapsed part with an error opens, so the summary's link leads to a visible field.
        const parts = view.errors.map((i) => issuePart(i.field));
        if (view.errors.some((i) => i.field === INCOME_COPY_FIELD) || parts.includes('optional'))
          setIncomeOpen(true);
        if (parts.includes('disabilities')) setDisabilitiesOpen(true);
      },
    });
  };

  return (
    <Page
      title="Exit"
      subtitle={name}
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      <form autoComplete="off" className="exit-form" noValidate onSubmit={onSubmit}>
        <ErrorSummary errors={stillWrong([...workflow.summary], view.errors)} />
        {draft.restored ? (
          <Alert tone="info">
            <p>Your unsaved input from before is back.</p>
          </Alert>
        ) : null}
        {view.blockers.length > 0 ? (
          <div id="exit-household" tabIndex={-1} className="exit-household">
            <Alert tone="warning" title="The head of household exits last">
              <p>{view.householdMessage}</p>
              <ul>
                {view.blockers.map((m) => (
                  <li key={m.enrollmentId}>
                    <Link to={paths.exit(m.enrollmentId)}>Exit {m.name}</Link>
                  </li>
                ))}
              </ul>
            </Alert>
          </div>
        ) : null}

        <ReasonSection form={form} fieldErrors={fieldErrors} set={set} />
        <DestinationSection
          form={form}
          projectStartDate={view.projectStartDate}
          today={today}
          fieldErrors={fieldErrors}
          set={set}
        />
        <ExitClsSection
          form={form}
          projectType={view.projectType}
          clsCheck={view.clsCheck}
          fieldErrors={fieldErrors}
          set={set}
        />
        <ExitAssessmentSection
          form={form}
          set={set}
          view={view}
          context={view.context}
          fieldErrors={fieldErrors}
          incomeOpen={incomeOpen}
          onIncomeOpen={setIncomeOpen}
          disabilitiesOpen={disabilitiesOpen}
          onDisabilitiesOpen={setDisabilitiesOpen}
        />

        {view.warnings.length > 0 ? (
          <Alert tone="warning" title="Check before saving">
            <ul>
              {view.warnings.map((w) => (
                <li key={`${w.field}:${w.message}`}>{w.message}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {saveError !== null ? (
          <Alert tone="error" title="The exit was not saved">
            <p>{saveError}</p>
          </Alert>
        ) : null}
        {view.endsAssignment ? (
          <p className="muted">Saving also ends your assignment as {name}’s case manager.</p>
        ) : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            Save exit
          </Button>
          <ButtonLink to={paths.enrollment(enrollmentId)}>Cancel</ButtonLink>
        </div>
      </form>
    </Page>
  );
}
