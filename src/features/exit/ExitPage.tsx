// The exit: a case manager ends case management for one enrollment. The rules (suggestions,
// what blocks saving, which records one save writes) are src/domain/workflow/exit.ts; this screen
// shows them, section by section (ReasonAndDestination, ExitClsSection, ExitAssessmentSection).
// An enrollment that has exited shows its exit, read-only (ExitSummary.tsx).
import { useMemo, useState, type FormEvent } from 'react';
import { enrollmentBundle, type EnrollmentBundle, type RecordView } from '../../db';
import {
  INCOME_COPY_FIELD,
  activeAssignmentsOf,
  buildExit,
  disabilitiesRequiredFor,
  exitFormContext,
  exitSubject,
  incomeRequiredFor,
  initialExitForm,
  openMembersBlockingExit,
  withExitFormDefaults,
  type ExitForm,
  type ExitInput,
  type HouseholdMemberInfo,
} from '../../domain/workflow/exit';
import { useDraft } from '../../shared/draft';
import { useLiveQuery } from '../../shared/live';
import { Link, navigate } from '../../shared/navigation';
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
import {
  NO_ERRORS,
  elementIdOf,
  issuePart,
  messagesByField,
  nameOf,
  numOrNull,
  stillWrong,
  str,
  strOrNull,
} from './controls';
import { ExitAssessmentSection } from './ExitAssessmentSection';
import { ExitClsSection } from './ExitClsSection';
import { ExitSummary } from './ExitSummary';
import { DestinationSection, ReasonSection } from './ReasonAndDestination';
import './exit.css';

export function ExitPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const bundle = useLiveQuery(() => enrollmentBundle(db, enrollmentId), [db, enrollmentId]);
  // Once this screen saves the exit, the enrollment shows as exited: keep the form until it leaves.
  const [savingHere, setSavingHere] = useState(false);

  if (bundle.error) {
    return (
      <Page title="Exit" back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}>
        <Alert tone="error" title="This enrollment could not be read on this device">
          <p>Reload the app. If it keeps happening, tell your supervisor.</p>
        </Alert>
      </Page>
    );
  }
  if (bundle.data === undefined) return <Loading />;
  if (bundle.data === null) {
    return (
      <Page title="Exit" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <Alert tone="warning" title="This enrollment is not on this device">
          <p>It may not have synced yet, or it was removed. Sync, then try again.</p>
        </Alert>
      </Page>
    );
  }
  if (strOrNull(bundle.data.enrollment.exitDate) !== null && !savingHere) {
    return <ExitSummary bundle={bundle.data} />;
  }
  return <ExitFormPage bundle={bundle.data} onSaving={() => setSavingHere(true)} />;
}

// ---- the form -------------------------------------------------------------------------------------

function ExitFormPage({ bundle, onSaving }: { bundle: EnrollmentBundle; onSaving(): void }) {
  const services = useServices();
  const { save, account, provider } = services;
  const today = services.today();
  const enrollment = bundle.enrollment;
  const enrollmentId = enrollment.id;
  const name = nameOf(bundle.client);
  const draft = useDraft<ExitForm>(
    `exit:${enrollmentId}`,
    () =>
      initialExitForm({
        today,
        entry: bundle.entry,
        updates: bundle.updates,
        existingExit: bundle.exit,
      }),
    { path: paths.exit(enrollmentId), title: `Exit: ${name}` },
  );
  const [summary, setSummary] = useState<FieldError[]>(NO_ERRORS);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [incomeOpen, setIncomeOpen] = useState(false);
  const [disabilitiesOpen, setDisabilitiesOpen] = useState(false);

  // A draft saved before 3.12.B, 4.12.B–F and the income copy existed gets their defaults.
  const form = withExitFormDefaults(draft.value);
  const set = (update: (f: ExitForm) => ExitForm) =>
    draft.set((previous) => update(withExitFormDefaults(previous)));

  const household: HouseholdMemberInfo[] = useMemo(
    () =>
      bundle.household.map((m) => ({
        enrollmentId: m.enrollment.id,
        clientId: str(m.enrollment.clientId),
        relationshipToHoH: numOrNull(m.enrollment.relationshipToHoH),
        exitDate: strOrNull(m.enrollment.exitDate),
        name: nameOf(m.client),
      })),
    [bundle.household],
  );
  const enrollmentProvider =
    account.providers.find((p) => p.id === enrollment.providerId) ??
    (provider.id === enrollment.providerId ? provider : null);
  const projectType = enrollmentProvider?.projectType ?? null;
  const subject = exitSubject(
    enrollment.relationshipToHoH,
    bundle.client?.dob,
    form.exitDate || today,
  );
  const input: ExitInput = {
    enrollment: {
      id: enrollmentId,
      clientId: str(enrollment.clientId),
      projectStartDate: str(enrollment.projectStartDate),
      relationshipToHoH: enrollment.relationshipToHoH,
      exitDate: null,
    },
    form,
    household,
    existingExit: bundle.exit as (RecordView & { id: string }) | undefined,
    assignments: bundle.assignments.map((a) => ({
      id: a.id,
      caseManagerId: a.caseManagerId,
      startDate: a.startDate,
      endDate: a.endDate ?? null,
    })),
    caseManagerId: account.userId,
    today,
    projectType,
    provider: enrollmentProvider,
    subject,
  };
  const live = buildExit(input).issues;
  const liveErrors = live.filter((i) => i.severity === 'error');
  const fieldErrors = submitted ? messagesByField(liveErrors) : {};
  const warnings = live.filter(
    (i) => i.severity === 'warning' && i.field !== 'currentLivingSituation',
  );
  const blockers = openMembersBlockingExit(input.enrollment, household);
  const myAssignments = activeAssignmentsOf(input.assignments, account.userId);

  if (!draft.loaded) return <Loading />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    setSubmitted(true);
    const result = buildExit(input);
    const errors = result.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      // A collapsed part with an error opens, so the summary's link leads to a visible field.
      if (errors.some((i) => i.field === INCOME_COPY_FIELD || issuePart(i.field) === 'optional'))
        setIncomeOpen(true);
      if (errors.some((i) => issuePart(i.field) === 'disabilities')) setDisabilitiesOpen(true);
      setSummary(errors.map((i) => ({ fieldId: elementIdOf(i.field), message: i.message })));
      return;
    }
    setSaving(true);
    onSaving();
    try {
      await save(result.changes);
      await draft.clear();
      navigate(paths.enrollment(enrollmentId), { replace: true });
    } catch (error) {
      setSaving(false);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Page
      title="Exit"
      subtitle={name}
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      <form autoComplete="off" className="exit-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorSummary errors={stillWrong(summary, liveErrors)} />
        {draft.restored ? (
          <Alert tone="info">
            <p>Your unsaved input from before is back.</p>
          </Alert>
        ) : null}
        {blockers.length > 0 ? (
          <div id="exit-household" tabIndex={-1} className="exit-household">
            <Alert tone="warning" title="A household's head cannot exit before its other members">
              <p>
                {name} is the head of household. Exit{' '}
                {blockers.length === 1 ? 'this member' : 'these members'} first:
              </p>
              <ul>
                {blockers.map((m) => (
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
          projectStartDate={str(enrollment.projectStartDate)}
          today={today}
          fieldErrors={fieldErrors}
          set={set}
        />
        <ExitClsSection form={form} projectType={projectType} fieldErrors={fieldErrors} set={set} />
        <ExitAssessmentSection
          form={form}
          set={set}
          context={exitFormContext(input)}
          fieldErrors={fieldErrors}
          bundle={bundle}
          incomeRequired={incomeRequiredFor(input)}
          disabilitiesRequired={disabilitiesRequiredFor(input)}
          incomeOpen={incomeOpen}
          onIncomeOpen={setIncomeOpen}
          disabilitiesOpen={disabilitiesOpen}
          onDisabilitiesOpen={setDisabilitiesOpen}
        />

        {warnings.length > 0 ? (
          <Alert tone="warning" title="Check before saving">
            <ul>
              {warnings.map((w) => (
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
        {myAssignments.length > 0 ? (
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
