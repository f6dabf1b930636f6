// Recording a contact: the screen used most, often outside with one thumb. A returning user taps
// "Same as last time" for the Current Living Situation and Save: the date and time default to now
// and how / where the contact happened to the previous contact's. The rules (defaults, which 4.12
// questions apply, what changed in the interim update, backfills, the records one save writes)
// are src/domain/workflow/contact.ts; this screen shows them.
import { useState, type FormEvent } from 'react';
import { enrollmentBundle, type EnrollmentBundle } from '../../db';
import { PICKLIST_IDS, DEFAULT_PICKLIST_REGISTRY, type AnswerValue } from '../../domain/forms';
import { FOURTEEN_DAY_FOLLOW_UPS, type ValidationIssue } from '../../domain/validation';
import {
  answerLeave14Days,
  backfillQuestions,
  buildContactChanges,
  changedInterimAnswers,
  chooseLivingSituation,
  clsQuestions,
  contactDefaults,
  effectiveKindAndLocation,
  emptyContactForm,
  interimAnswers,
  interimFormContext,
  interimPrefill,
  routesToEntry,
  sameAsLastTime,
  type ContactEnrollment,
  type ContactForm,
  type ContactSaveInput,
} from '../../domain/workflow/contact';
import { entryFormContext } from '../../domain/workflow/backfill';
import { interimForms } from '../../domain/workflow/interim';
import { livingSituationOptionGroups } from '../../domain/workflow/living-situations';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { FormRenderer, fieldElementId, hudOptions } from '../../shared/forms';
import { useLiveQuery } from '../../shared/live';
import { navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  ErrorSummary,
  Loading,
  Page,
  RadioGroup,
  Section,
  SelectField,
  TextField,
  type FieldError,
  type Option,
} from '../../shared/ui';
import { LivingSituationPicker } from './LivingSituationPicker';
import './contact.css';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

const INTERIM_PREFIX = 'contact-interim';

/** Element ids of the screen's controls, by issue field. */
const CONTROL_IDS = {
  date: 'contact-date',
  time: 'contact-time',
  kind: 'contact-kind',
  location: 'contact-location',
  currentLivingSituation: 'contact-cls',
  clsSubsidyType: 'contact-cls-subsidy',
  leaveSituation14Days: 'contact-leave-14',
  subsequentResidence: 'contact-subsequentResidence',
  resourcesToObtain: 'contact-resourcesToObtain',
  leaseOwn60Day: 'contact-leaseOwn60Day',
  movedTwoOrMore: 'contact-movedTwoOrMore',
  locationDetails: 'contact-location-details',
  verifiedBy: 'contact-verified-by',
  note: 'contact-note',
} as const;

function elementIdOf(field: string): string {
  if (field.startsWith('interim.')) {
    return fieldElementId(field.slice('interim.'.length), INTERIM_PREFIX);
  }
  return Object.hasOwn(CONTROL_IDS, field)
    ? CONTROL_IDS[field as keyof typeof CONTROL_IDS]
    : CONTROL_IDS.date;
}

function picklistOptions(id: string): Option<string>[] {
  return DEFAULT_PICKLIST_REGISTRY.activeOptions(id).map((o) => ({
    value: o.code,
    label: o.label,
  }));
}

const NO_ERRORS: FieldError[] = [];
const YES_NO_MISSING = hudOptions('1.8');
const SUBSIDY_TYPES = hudOptions('3.12.A');
const CLS_GROUPS = livingSituationOptionGroups('current');

export function ContactPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const bundle = useLiveQuery(() => enrollmentBundle(db, enrollmentId), [db, enrollmentId]);
  const [saving, setSaving] = useState(false);
  if (bundle.error) {
    return (
      <Page title="Record a contact" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <Alert tone="error" title="This enrollment could not be read from this device.">
          <p>Try again, or sync and reopen it.</p>
        </Alert>
      </Page>
    );
  }
  // While saving, the live query sees the new records; keep the form as it is until we leave.
  if (bundle.data === undefined) return <Loading />;
  if (bundle.data === null) {
    return (
      <Page title="Record a contact" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <Alert tone="warning" title="This enrollment is not on this device.">
          <p>Sync, or find the client again, then record the contact from their enrollment.</p>
        </Alert>
      </Page>
    );
  }
  return <ContactFormPage bundle={bundle.data} saving={saving} onSaving={() => setSaving(true)} />;
}

function ContactFormPage({
  bundle,
  saving,
  onSaving,
}: {
  bundle: EnrollmentBundle;
  saving: boolean;
  onSaving(saving: boolean): void;
}) {
  const services = useServices();
  const { save, account, provider } = services;
  const today = services.today();
  const enrollment = bundle.enrollment;
  const enrollmentId = enrollment.id;
  const client = bundle.client;
  const name = personName(
    client ? { firstName: client.firstName, lastName: client.lastName } : null,
  );
  const draft = useDraft<ContactForm>(
    `contact:${enrollmentId}`,
    () => emptyContactForm(services.now()),
    { path: paths.contact(enrollmentId), title: `Contact with ${name}` },
  );
  const [submitted, setSubmitted] = useState(false);
  const [summary, setSummary] = useState<FieldError[]>(NO_ERRORS);
  const [saveError, setSaveError] = useState<string | null>(null);

  const form = draft.value;
  const set = draft.set;
  const projectType =
    account.providers.find((p) => p.id === enrollment.providerId)?.projectType ??
    (provider.id === enrollment.providerId ? provider.projectType : null);
  const contactEnrollment: ContactEnrollment = {
    id: enrollmentId,
    clientId: str(enrollment.clientId),
    projectStartDate: str(enrollment.projectStartDate),
    exitDate: strOrNull(enrollment.exitDate),
    relationshipToHoH: numOrNull(enrollment.relationshipToHoH),
  };
  const defaults = contactDefaults(bundle.contacts, bundle.currentLivingSituations);
  const dob = strOrNull(bundle.client?.dob);
  const input: ContactSaveInput = {
    form,
    enrollment: contactEnrollment,
    dob,
    defaults,
    entry: bundle.entry,
    updates: bundle.updates,
    projectType,
    today,
    now: services.now(),
  };

  if (!draft.loaded) return <Loading />;

  const result = buildContactChanges(input);
  const errors = result.issues.filter((i) => i.severity === 'error');
  const fieldErrors = submitted ? messagesByField(errors) : {};
  const questions = clsQuestions(form, projectType);
  const { kind, location } = effectiveKindAndLocation(form, defaults);

  const interimDate = /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? form.date : today;
  const interimContext = interimFormContext({
    enrollment: contactEnrollment,
    dob,
    date: interimDate,
    projectType,
    today,
  });
  const prefill = interimPrefill(bundle.entry, bundle.updates, interimDate);
  const changed = changedInterimAnswers(prefill, form.interim, interimContext);
  const changedCount = Object.keys(changed).length;
  const toEntry = routesToEntry(interimDate, contactEnrollment.projectStartDate);
  const backfills = backfillQuestions({
    changed,
    entry: bundle.entry,
    entryContext: entryFormContext({
      relationshipToHoH: contactEnrollment.relationshipToHoH,
      dob,
      projectStartDate: contactEnrollment.projectStartDate,
      projectType,
      today,
    }),
    contactDate: interimDate,
    projectStartDate: contactEnrollment.projectStartDate,
  });
  const interimErrors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field.startsWith('interim.')) interimErrors[field.slice('interim.'.length)] = message;
  }
  const interimOpen = form.interimOpen || Object.keys(interimErrors).length > 0;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaveError(null);
    setSubmitted(true);
    const outcome = buildContactChanges({ ...input, now: services.now() });
    const blocking = outcome.issues.filter((i) => i.severity === 'error');
    if (blocking.length > 0) {
      if (blocking.some((i) => i.field.startsWith('interim.'))) {
        set((f) => ({ ...f, interimOpen: true }));
      }
      setSummary(blocking.map((i) => ({ fieldId: elementIdOf(i.field), message: i.message })));
      return;
    }
    onSaving(true);
    try {
      await save(outcome.changes);
      await draft.clear();
      navigate(`${paths.enrollment(enrollmentId)}?saved=contact`, { replace: true });
    } catch (error) {
      onSaving(false);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const setInterim = (fieldId: string, value: AnswerValue) =>
    set((f) => ({ ...f, interim: { ...f.interim, [fieldId]: value } }));

  const startOver = async () => {
    set(emptyContactForm(services.now()));
    await draft.clear();
    setSubmitted(false);
    setSummary(NO_ERRORS);
  };

  return (
    <Page
      title="Record a contact"
      subtitle={name}
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      <form className="contact-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <ErrorSummary errors={errors.length === 0 ? NO_ERRORS : summary} />
        {draft.restored ? (
          <Alert tone="info">
            <p>What you typed before is back.</p>
            <Button variant="link" onClick={() => void startOver()}>
              Start over
            </Button>
          </Alert>
        ) : null}
        {contactEnrollment.exitDate !== null ? (
          <Alert tone="warning">
            <p>
              This enrollment ended on {formatDate(contactEnrollment.exitDate)}: a contact can only
              be recorded on or before that date.
            </p>
          </Alert>
        ) : null}
        {saveError !== null ? (
          <Alert tone="error" title="The contact was not saved.">
            <p>{saveError}</p>
          </Alert>
        ) : null}

        <Section title="When and how">
          <div className="grid-2">
            <TextField
              id={CONTROL_IDS.date}
              label="Date"
              type="date"
              required
              value={form.date}
              max={today}
              min={contactEnrollment.projectStartDate || undefined}
              error={fieldErrors.date}
              onChange={(date) => set((f) => ({ ...f, date }))}
            />
            <TextField
              id={CONTROL_IDS.time}
              label="Time"
              type="time"
              required
              value={form.time}
              error={fieldErrors.time}
              onChange={(time) => set((f) => ({ ...f, time }))}
            />
          </div>
          <RadioGroup
            id={CONTROL_IDS.kind}
            label="Kind of contact"
            required
            inline
            hint={form.kind === null && kind !== null ? 'As last time' : undefined}
            value={kind}
            options={picklistOptions(PICKLIST_IDS.contactKind)}
            error={fieldErrors.kind}
            onChange={(v) => set((f) => ({ ...f, kind: v }))}
          />
          <RadioGroup
            id={CONTROL_IDS.location}
            label="Where it happened"
            inline
            hint={form.location === null && location !== null ? 'As last time' : undefined}
            value={location}
            options={picklistOptions(PICKLIST_IDS.contactLocation)}
            error={fieldErrors.location}
            onChange={(v) => set((f) => ({ ...f, location: v }))}
          />
        </Section>

        <Section title="Current Living Situation">
          <LivingSituationPicker
            id={CONTROL_IDS.currentLivingSituation}
            value={form.currentLivingSituation}
            groups={CLS_GROUPS}
            previous={
              defaults.previousCls === null
                ? null
                : {
                    code: defaults.previousCls.currentLivingSituation,
                    label:
                      CLS_GROUPS.flatMap((g) => g.options).find(
                        (o) => o.code === defaults.previousCls!.currentLivingSituation,
                      )?.label ?? String(defaults.previousCls.currentLivingSituation),
                    date: defaults.previousCls.informationDate,
                  }
            }
            error={fieldErrors.currentLivingSituation}
            onChange={(code) => set((f) => chooseLivingSituation(f, code, projectType))}
            onSameAsLastTime={() =>
              set((f) =>
                defaults.previousCls === null
                  ? f
                  : sameAsLastTime(f, defaults.previousCls, projectType),
              )
            }
          />
          {questions.subsidyType ? (
            <SelectField
              id={CONTROL_IDS.clsSubsidyType}
              label="Rental subsidy type"
              required
              value={form.clsSubsidyType}
              options={SUBSIDY_TYPES}
              error={fieldErrors.clsSubsidyType}
              onChange={(v) => set((f) => ({ ...f, clsSubsidyType: v }))}
            />
          ) : null}
          {questions.leaveSituation14Days ? (
            <RadioGroup
              id={CONTROL_IDS.leaveSituation14Days}
              label="Will the client have to leave where they are staying within 14 days?"
              inline
              value={form.leaveSituation14Days}
              options={YES_NO_MISSING}
              error={fieldErrors.leaveSituation14Days}
              onChange={(v) => set((f) => answerLeave14Days(f, v, projectType))}
            />
          ) : null}
          {questions.followUps
            ? FOURTEEN_DAY_FOLLOW_UPS.map(({ field, question }) => (
                <RadioGroup
                  key={field}
                  id={CONTROL_IDS[field]}
                  label={question}
                  inline
                  value={form[field]}
                  options={YES_NO_MISSING}
                  error={fieldErrors[field]}
                  onChange={(v) => set((f) => ({ ...f, [field]: v }))}
                />
              ))
            : null}
          <TextField
            id={CONTROL_IDS.locationDetails}
            label="Location details"
            hint="Optional: where exactly, for finding the client again."
            maxLength={250}
            value={form.locationDetails}
            error={fieldErrors.locationDetails}
            onChange={(locationDetails) => set((f) => ({ ...f, locationDetails }))}
          />
          {questions.verifiedBy ? (
            <TextField
              id={CONTROL_IDS.verifiedBy}
              label="Living situation verified by"
              hint="Optional: the person or organization that confirmed it."
              maxLength={200}
              value={form.verifiedBy}
              error={fieldErrors.verifiedBy}
              onChange={(verifiedBy) => set((f) => ({ ...f, verifiedBy }))}
            />
          ) : null}
        </Section>

        <Section title="What happened">
          <TextField
            id={CONTROL_IDS.note}
            label="Note"
            hint="Optional."
            multiline
            maxLength={4000}
            value={form.note}
            error={fieldErrors.note}
            onChange={(note) => set((f) => ({ ...f, note }))}
          />
        </Section>

        <Section
          title="Something changed?"
          actions={
            changedCount > 0 ? <Badge tone="pending">{changedText(changedCount)}</Badge> : null
          }
        >
          <Button
            aria-expanded={interimOpen}
            aria-controls="contact-interim"
            onClick={() => set((f) => ({ ...f, interimOpen: !interimOpen }))}
          >
            {interimOpen
              ? 'Hide documents, income, legal involvement and housing choices'
              : 'Update documents, income, legal involvement or housing choices'}
          </Button>
          <div id="contact-interim" hidden={!interimOpen}>
            {interimOpen ? (
              <>
                <p className="muted">
                  These show what is on record now. Change only what is different; the rest stays as
                  it is.
                </p>
                {toEntry ? (
                  <Alert tone="info">
                    <p>
                      This contact is on the project start date (
                      {formatDate(contactEnrollment.projectStartDate)}), so changes here are saved
                      on the project start record, not as an update.
                    </p>
                  </Alert>
                ) : null}
                <FormRenderer
                  forms={interimForms()}
                  stage={2}
                  answers={interimAnswers(prefill, form.interim)}
                  onChange={setInterim}
                  context={interimContext}
                  errors={interimErrors}
                  idPrefix={INTERIM_PREFIX}
                  headingLevel={3}
                />
                {backfills.length > 0 ? (
                  <div className="contact-backfill">
                    <h3>Project start record</h3>
                    <p className="muted">
                      The project start record has no answer for{' '}
                      {backfills.length === 1 ? 'this' : 'these'}. If it was already so at project
                      start, it is filled in there too.
                    </p>
                    {backfills.map((q) => (
                      <RadioGroup
                        key={q.fieldId}
                        id={`contact-backfill-${q.fieldId}`}
                        label={`${q.label}: was this also true at project start (${formatDate(contactEnrollment.projectStartDate)})?`}
                        inline
                        value={
                          form.alsoAtStart[q.fieldId] === true
                            ? 'yes'
                            : form.alsoAtStart[q.fieldId] === false
                              ? 'no'
                              : null
                        }
                        options={[
                          { value: 'yes', label: 'Yes' },
                          { value: 'no', label: 'No' },
                        ]}
                        onChange={(v) =>
                          set((f) => ({
                            ...f,
                            alsoAtStart: { ...f.alsoAtStart, [q.fieldId]: v === 'yes' },
                          }))
                        }
                      />
                    ))}
                  </div>
                ) : null}
              </>
            ) : null}
          </div>
        </Section>

        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            {saving ? 'Saving…' : 'Save contact'}
          </Button>
          <ButtonLink to={paths.enrollment(enrollmentId)}>Cancel</ButtonLink>
          <p className="contact-offline muted">
            Saved on this device; it will sync when you’re online.
          </p>
        </div>
      </form>
    </Page>
  );
}

function changedText(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`;
}

function messagesByField(issues: readonly ValidationIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}
