// Recording a contact: the screen used most, often outside with one thumb. A returning user taps
// "Same as last time" for the Current Living Situation and Save: the date and time default to now
// and how / where the contact happened to the previous contact's. The rules (defaults, which 4.12
// questions apply, what changed in the interim update, backfills, the records one save writes)
// are src/domain/workflow/contact.ts; this screen shows them, one component per section. The
// household members HUD asks 4.12 of (W-CT1) get one row each, "same as" the first row until
// changed (W-CT2); "Income, benefits or insurance changed" opens 4.02/4.03/4.04 per member (W-CT3),
// and then the household income is shown read-only, from 4.02 (W-CT4); "Domestic violence
// situation changed" opens 4.11 per adult (W-CT6) and "Disabilities changed" 4.05–4.10 per member
// (W-CT7). Members are told apart by first name on screen only: control ids use their position,
// never a name.
import { useState, type FormEvent } from 'react';
import { enrollmentBundle, type EnrollmentBundle } from '../../db';
import {
  buildContactChanges,
  contactClsMembers,
  contactDefaults,
  effectiveKindAndLocation,
  emptyContactForm,
  incomeMembers,
  MEMBER_PART_OPEN,
  type ContactEnrollment,
  type ContactForm,
  type ContactSaveInput,
} from '../../domain/workflow/contact';
import { hasFederalFunder } from '../../domain/workflow/federal-funder';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
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
  Section,
  TextField,
  type FieldError,
} from '../../shared/ui';
import { ClsSection } from './ClsSection';
import { CONTROL_IDS, NO_ERRORS, elementIdOf, messagesByField, partsToOpen } from './control-ids';
import { contactEnrollmentOf, contactHousehold } from './household';
import { InterimSection } from './InterimSection';
import { memberPartViews } from './member-parts';
import { MemberPartSection } from './MemberPartSection';
import { WhenAndHow } from './WhenAndHow';
import './contact.css';

const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

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
  return <ContactFormPage bundle={bundle.data} saving={saving} onSaving={setSaving} />;
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
  const { db, save, account, provider } = services;
  const householdIds = bundle.household.map((m) => m.enrollment.id).join(',');
  const household = useLiveQuery(
    () => contactHousehold(db, bundle),
    [db, bundle.enrollment.id, householdIds],
  );
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
  const ownProvider =
    account.providers.find((p) => p.id === enrollment.providerId) ??
    (provider.id === enrollment.providerId ? provider : null);
  const projectType = ownProvider?.projectType ?? null;
  const contactEnrollment: ContactEnrollment = contactEnrollmentOf(enrollment);
  const defaults = contactDefaults(bundle.contacts, bundle.currentLivingSituations);
  const dob = strOrNull(bundle.client?.dob);
  const input: ContactSaveInput = {
    form,
    enrollment: contactEnrollment,
    dob,
    defaults,
    entry: bundle.entry,
    updates: bundle.updates,
    household: household.data ?? [],
    projectType,
    // W-CT7: the provider's 4.05–4.10 variant (W-DIS1).
    federal: hasFederalFunder(ownProvider, today),
    today,
    now: services.now(),
  };

  if (!draft.loaded || household.data === undefined) return <Loading />;

  const result = buildContactChanges(input);
  const errors = result.issues.filter((i) => i.severity === 'error');
  const fieldErrors = submitted ? messagesByField(errors) : {};
  const { kind, location } = effectiveKindAndLocation(form, defaults);

  const interimDate = /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? form.date : today;
  const positions = new Map(incomeMembers(input, interimDate).map((m, i) => [m.enrollment.id, i]));
  const parts = memberPartViews({ save: input, date: interimDate, name, positions, set });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaveError(null);
    setSubmitted(true);
    const outcome = buildContactChanges({ ...input, now: services.now() });
    const blocking = outcome.issues.filter((i) => i.severity === 'error');
    if (blocking.length > 0) {
      // Open every part that holds a message, so each link in the summary has its field.
      const opened = partsToOpen(blocking);
      if (Object.keys(opened).length > 0) set((f) => ({ ...f, ...opened }));
      setSummary(
        blocking.map((i) => ({ fieldId: elementIdOf(i.field, positions), message: i.message })),
      );
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
      <form
        autoComplete="off"
        className="contact-form"
        noValidate
        onSubmit={(e) => void onSubmit(e)}
      >
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

        <WhenAndHow
          form={form}
          kind={kind}
          location={location}
          today={today}
          projectStartDate={contactEnrollment.projectStartDate}
          fieldErrors={fieldErrors}
          set={set}
        />

        <ClsSection
          form={form}
          projectType={projectType}
          previousCls={defaults.previousCls}
          others={contactClsMembers(input, interimDate).slice(1)}
          positions={positions}
          firstName={strOrNull(client?.firstName) ?? 'the client'}
          fieldErrors={fieldErrors}
          set={set}
        />

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

        <InterimSection input={input} date={interimDate} fieldErrors={fieldErrors} set={set} />

        {parts.map((p) => (
          <MemberPartSection
            key={p.part}
            {...p}
            onToggle={() => {
              const key = MEMBER_PART_OPEN[p.part];
              set((f) => ({ ...f, [key]: f[key] !== true }));
            }}
            fieldErrors={fieldErrors}
          />
        ))}

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
