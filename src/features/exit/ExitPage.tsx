// The exit: a case manager ends case management for one enrollment. The rules (suggestions,
// what blocks saving, which records one save writes) are src/domain/workflow/exit.ts; this screen
// shows them. An enrollment that has exited shows its exit, read-only (ExitSummary.tsx).
import { useMemo, useState, type FormEvent } from 'react';
import { enrollmentBundle, type EnrollmentBundle, type RecordView } from '../../db';
import { livingSituationGroup, needsSubsidyType } from '../../domain/codes';
import { EXIT_REASONS, EXIT_REASON_LABELS, type ExitReason } from '../../domain/records';
import {
  FOURTEEN_DAY_FOLLOW_UPS,
  OTHER_DESTINATION_MAX,
  situationName,
  type ValidationIssue,
} from '../../domain/validation';
import {
  EXIT_OPTIONAL_FORMS,
  EXIT_REQUIRED_FORMS,
  EXIT_STAGE,
  INCOME_COPY_FIELD,
  answerExitFollowUp,
  answerExitLeave14Days,
  asksOtherDestination,
  buildExit,
  confirmIncomeCopy,
  copyLatestIncomeAnswers,
  exitClsQuestions,
  exitWritesCls,
  incomeRequiredFor,
  latestIncomeAnswers,
  withExitFormDefaults,
  checkExitCls,
  chooseDestination,
  chooseExitCls,
  chooseReason,
  destinationGroups,
  exitClsChoice,
  exitFieldPart,
  exitFormContext,
  exitSubject,
  followSuggestedExitCls,
  initialExitForm,
  openMembersBlockingExit,
  prefillSource,
  suggestedDestinations,
  activeAssignmentsOf,
  type ExitForm,
  type ExitInput,
  type HouseholdMemberInfo,
} from '../../domain/workflow/exit';
import { livingSituationOptionGroups } from '../../domain/workflow/living-situations';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { FormRenderer, fieldElementId, hudOptions } from '../../shared/forms';
import { useLiveQuery } from '../../shared/live';
import { Link, navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Button,
  ButtonLink,
  CheckboxGroup,
  ErrorSummary,
  Loading,
  Page,
  RadioGroup,
  Section,
  SelectField,
  TextField,
  type FieldError,
} from '../../shared/ui';
import { ExitSummary } from './ExitSummary';
import { GroupedSelect } from './GroupedSelect';
import './exit.css';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Element ids of the screen's own controls, by issue field. */
const CONTROL_IDS = {
  exitReason: 'exit-reason',
  exitDate: 'exit-date',
  destination: 'exit-destination',
  destinationSubsidyType: 'exit-destination-subsidy',
  otherDestination: 'exit-other-destination',
  currentLivingSituation: 'exit-cls',
  clsSubsidyType: 'exit-cls-subsidy',
  leaveSituation14Days: 'exit-cls-leave-14',
  subsequentResidence: 'exit-cls-subsequent-residence',
  resourcesToObtain: 'exit-cls-resources',
  leaseOwn60Day: 'exit-cls-lease-60',
  movedTwoOrMore: 'exit-cls-moved',
  [INCOME_COPY_FIELD]: 'exit-income-confirm',
  household: 'exit-household',
} as const;

const YES_NO_MISSING = hudOptions('1.8');

const REQUIRED_PREFIX = 'exit-h';
const OPTIONAL_PREFIX = 'exit-m';

function answerId(field: string): string | null {
  return field.startsWith('answers.') ? field.slice('answers.'.length) : null;
}

function elementIdOf(field: string): string {
  const id = answerId(field);
  if (id === null) {
    return Object.hasOwn(CONTROL_IDS, field)
      ? CONTROL_IDS[field as keyof typeof CONTROL_IDS]
      : CONTROL_IDS.exitReason;
  }
  return fieldElementId(id, exitFieldPart(id) === 'optional' ? OPTIONAL_PREFIX : REQUIRED_PREFIX);
}

/** The first message per field. */
function messagesByField(issues: readonly ValidationIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.field] ??= i.message;
  return out;
}

function answerErrors(
  byField: Record<string, string>,
  part: 'required' | 'optional',
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(byField)) {
    const id = answerId(field);
    if (id !== null && exitFieldPart(id) === part) out[id] = message;
  }
  return out;
}

const NO_ERRORS: FieldError[] = [];

function nameOf(client: RecordView | undefined): string {
  return personName(client ? { firstName: client.firstName, lastName: client.lastName } : null);
}

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

/** The errors listed at the last submit that are still wrong (a fixed one leaves the list). */
function stillWrong(summary: FieldError[], live: readonly { message: string }[]): FieldError[] {
  if (live.length === 0) return NO_ERRORS;
  const open = new Set(live.map((l) => l.message));
  const kept = summary.filter((s) => open.has(s.message));
  return kept.length === summary.length ? summary : kept;
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
  const [optionalOpen, setOptionalOpen] = useState(false);

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
  const context = exitFormContext(input);
  const live = buildExit(input).issues;
  const liveErrors = live.filter((i) => i.severity === 'error');
  const fieldErrors = submitted ? messagesByField(liveErrors) : {};
  const warnings = live.filter(
    (i) => i.severity === 'warning' && i.field !== 'currentLivingSituation',
  );

  const blockers = openMembersBlockingExit(input.enrollment, household);
  const cls = exitClsChoice(form);
  const clsCheck = checkExitCls(form);
  const suggestions = suggestedDestinations(form.reason);
  const destinationGroup =
    form.destination === null ? null : livingSituationGroup(form.destination);
  const source = prefillSource(bundle.entry, bundle.updates);
  const incomeRequired = incomeRequiredFor(input);
  const latestIncome = latestIncomeAnswers(bundle.entry, bundle.updates);
  const clsAsked = form.destination === null || exitWritesCls(form.destination);
  const clsQ = exitClsQuestions(form, projectType);
  const myAssignments = activeAssignmentsOf(input.assignments, account.userId);

  if (!draft.loaded) return <Loading />;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(null);
    setSubmitted(true);
    const result = buildExit(input);
    const errors = result.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) {
      if (
        errors.some(
          (i) =>
            i.field === INCOME_COPY_FIELD ||
            (answerId(i.field) && exitFieldPart(answerId(i.field)!) === 'optional'),
        )
      )
        setOptionalOpen(true);
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

  const setAnswer = (fieldId: string, value: ExitForm['answers'][string]) =>
    set((f) => ({ ...f, answers: { ...f.answers, [fieldId]: value } }));

  // W-EX4: 4.02–4.04 start empty; "Same as the latest answers" copies them for review, and the
  // exit is not saved until the case manager confirms them.
  const incomePart = (
    <>
      {latestIncome !== null ? (
        <div className="button-row">
          <Button onClick={() => set((f) => copyLatestIncomeAnswers(f, latestIncome))}>
            Same as the latest answers
            {latestIncome.date !== null ? ` (${formatDate(latestIncome.date)})` : ''}
          </Button>
        </div>
      ) : null}
      <FormRenderer
        forms={EXIT_OPTIONAL_FORMS}
        stage={EXIT_STAGE}
        answers={form.answers}
        onChange={setAnswer}
        context={context}
        errors={answerErrors(fieldErrors, 'optional')}
        idPrefix={OPTIONAL_PREFIX}
        headingLevel={3}
      />
      {form.incomeCopy !== null ? (
        <CheckboxGroup<'confirmed'>
          id={CONTROL_IDS[INCOME_COPY_FIELD]}
          label={`Copied from the answers of ${form.incomeCopy.from === null ? 'the last assessment' : formatDate(form.incomeCopy.from)}`}
          hint="Go through each answer with the client and change what is different now."
          required
          values={form.incomeCopy.confirmed ? ['confirmed'] : []}
          options={[
            {
              value: 'confirmed',
              label: 'I checked these answers: they are true on the exit date',
            },
          ]}
          error={fieldErrors[INCOME_COPY_FIELD]}
          onChange={(v) => set((f) => confirmIncomeCopy(f, v.includes('confirmed')))}
        />
      ) : null}
    </>
  );

  return (
    <Page
      title="Exit"
      subtitle={name}
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      <form className="exit-form" noValidate onSubmit={(e) => void onSubmit(e)}>
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

        <Section title="Reason">
          <RadioGroup<ExitReason>
            id={CONTROL_IDS.exitReason}
            label="Why is case management ending?"
            required
            value={form.reason}
            options={EXIT_REASONS.map((r) => ({ value: r, label: EXIT_REASON_LABELS[r] }))}
            error={fieldErrors.exitReason}
            onChange={(reason) => set((f) => chooseReason(f, reason))}
          />
        </Section>

        <Section title="Exit date and Destination">
          <TextField
            id={CONTROL_IDS.exitDate}
            type="date"
            label="Exit date"
            required
            hint={`The last day of case management: not before the project start (${formatDate(str(enrollment.projectStartDate))}) and not after today.`}
            min={str(enrollment.projectStartDate)}
            max={today}
            value={form.exitDate}
            error={fieldErrors.exitDate}
            onChange={(exitDate) => set((f) => ({ ...f, exitDate }))}
          />
          {suggestions.length > 0 ? (
            <div className="exit-suggestions">
              <p className="field-hint" id="exit-suggested-label">
                Suggested for “{EXIT_REASON_LABELS[form.reason!]}”:
              </p>
              <div className="button-row" role="group" aria-labelledby="exit-suggested-label">
                {suggestions.map((code) => (
                  <Button key={code} onClick={() => set((f) => chooseDestination(f, code))}>
                    {situationName(code)}
                  </Button>
                ))}
              </div>
            </div>
          ) : null}
          <GroupedSelect
            id={CONTROL_IDS.destination}
            label="Destination"
            required
            hint="Where the client is going after exit."
            groups={destinationGroups(form.reason)}
            value={form.destination}
            error={fieldErrors.destination}
            onChange={(destination) => set((f) => chooseDestination(f, destination))}
          />
          {asksOtherDestination(form.destination) ? (
            <TextField
              id={CONTROL_IDS.otherDestination}
              label="Specify the other destination"
              required
              hint={`In a few words, at most ${OTHER_DESTINATION_MAX} characters.`}
              maxLength={OTHER_DESTINATION_MAX}
              value={form.otherDestination}
              error={fieldErrors.otherDestination}
              onChange={(otherDestination) => set((f) => ({ ...f, otherDestination }))}
            />
          ) : null}
          {form.destination !== null && needsSubsidyType(form.destination) ? (
            <SelectField<number>
              id={CONTROL_IDS.destinationSubsidyType}
              label="Rental subsidy type"
              required
              value={form.destinationSubsidyType}
              options={hudOptions('3.12.A')}
              error={fieldErrors.destinationSubsidyType}
              onChange={(v) => set((f) => ({ ...f, destinationSubsidyType: v }))}
            />
          ) : null}
        </Section>

        <Section title="Where the client is staying at exit">
          {clsAsked ? (
            <>
              <GroupedSelect
                id={CONTROL_IDS.currentLivingSituation}
                label="Current Living Situation at exit"
                required
                hint={
                  cls.suggested && cls.code !== null
                    ? 'Filled in from the Destination. Change it only if the client is staying somewhere else on the exit date.'
                    : 'Where the client is staying on the exit date.'
                }
                groups={livingSituationOptionGroups('current', {
                  first: destinationGroup ?? undefined,
                })}
                value={cls.code}
                error={fieldErrors.currentLivingSituation}
                onChange={(code) => set((f) => chooseExitCls(f, code))}
              />
              <div className="exit-cls-check" aria-live="polite">
                {clsCheck.message !== null ? (
                  <div className="alert alert-warning">
                    <p>{clsCheck.message}</p>
                    {clsCheck.mismatch && clsCheck.suggestionLabel !== null ? (
                      <div className="button-row">
                        <Button onClick={() => set(followSuggestedExitCls)}>
                          Use {clsCheck.suggestionLabel}
                        </Button>
                      </div>
                    ) : null}
                  </div>
                ) : null}
              </div>
              {cls.code !== null && needsSubsidyType(cls.code) ? (
                <SelectField<number>
                  id={CONTROL_IDS.clsSubsidyType}
                  label="Rental subsidy type of the Current Living Situation"
                  required
                  value={cls.subsidyType}
                  options={hudOptions('3.12.A')}
                  error={fieldErrors.clsSubsidyType}
                  onChange={(v) => set((f) => ({ ...f, clsSubsidyType: v }))}
                />
              ) : null}
              {clsQ.leaveSituation14Days ? (
                <RadioGroup<number>
                  id={CONTROL_IDS.leaveSituation14Days}
                  label="Will the client have to leave where they are staying within 14 days?"
                  required
                  inline
                  value={form.leaveSituation14Days}
                  options={YES_NO_MISSING}
                  error={fieldErrors.leaveSituation14Days}
                  onChange={(v) => set((f) => answerExitLeave14Days(f, v))}
                />
              ) : null}
              {clsQ.followUps
                ? FOURTEEN_DAY_FOLLOW_UPS.map(({ field, question }) => (
                    <RadioGroup<number>
                      key={field}
                      id={CONTROL_IDS[field]}
                      label={question}
                      required
                      inline
                      value={form[field]}
                      options={YES_NO_MISSING}
                      error={fieldErrors[field]}
                      onChange={(v) => set((f) => answerExitFollowUp(f, field, v))}
                    />
                  ))
                : null}
            </>
          ) : (
            <p className="muted" id="exit-no-cls">
              No Current Living Situation is recorded: with “{situationName(form.destination!)}” no
              one spoke with the client at exit.
            </p>
          )}
        </Section>

        <Section title="Exit assessment">
          {source !== null ? (
            <p className="muted">
              Filled in from{' '}
              {source.kind === 'update' ? 'the last update' : 'the project start assessment'}
              {source.date ? ` (${formatDate(source.date)})` : ''}. Check each answer with the
              client.
            </p>
          ) : null}
          <ContactOnFile client={bundle.client} />
          <FormRenderer
            forms={EXIT_REQUIRED_FORMS}
            stage={EXIT_STAGE}
            answers={form.answers}
            onChange={setAnswer}
            context={context}
            errors={answerErrors(fieldErrors, 'required')}
            idPrefix={REQUIRED_PREFIX}
            headingLevel={3}
          />
          {incomeRequired ? (
            <div className="exit-income">
              <p className="muted">
                Income, non-cash benefits and health insurance are required: this provider has a
                federal funder. Ask the client about today.
              </p>
              {incomePart}
            </div>
          ) : (
            <details
              className="exit-optional"
              open={optionalOpen}
              onToggle={(e) => setOptionalOpen(e.currentTarget.open)}
            >
              <summary>Optional: income, non-cash benefits, health insurance</summary>
              <p className="muted">Ask the client about today.</p>
              {incomePart}
            </details>
          )}
        </Section>

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

/** The phone and email on file, for "contact information for follow-up confirmed". */
function ContactOnFile({ client }: { client: RecordView | undefined }) {
  if (!client) return null;
  const phone = strOrNull(client.phone);
  const email = strOrNull(client.email);
  return (
    <dl className="facts exit-contact">
      <dt>Phone on file</dt>
      <dd>
        {phone === null
          ? 'Not recorded'
          : `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`}
      </dd>
      <dt>Email on file</dt>
      <dd>{email ?? 'Not recorded'}</dd>
    </dl>
  );
}
