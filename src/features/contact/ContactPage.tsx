// Recording a contact: the screen used most, often outside with one thumb. A returning user taps
// "Same as last time" for the Current Living Situation and Save: the date and time default to now
// and how / where the contact happened to the previous contact's. The rules (defaults, which 4.12
// questions apply, what changed in the interim update, backfills, the records one save writes)
// are src/domain/workflow/contact.ts; this screen shows them. The household members HUD asks 4.12
// of (W-CT1) get one row each, "same as" the first row until changed (W-CT2); "Income, benefits
// or insurance changed" opens 4.02/4.03/4.04 per member (W-CT3), and then the household income is
// shown read-only, from 4.02 (W-CT4). Members are told apart by first name on screen only: control
// ids use their position, never a name.
import { useState, type FormEvent } from 'react';
import { enrollmentBundle, type EnrollmentBundle } from '../../db';
import { PICKLIST_IDS, DEFAULT_PICKLIST_REGISTRY, type AnswerValue } from '../../domain/forms';
import { formatMoney, type ValidationIssue } from '../../domain/validation';
import {
  backfillQuestions,
  buildContactChanges,
  changedInterimAnswers,
  chooseLivingSituation,
  contactClsMembers,
  contactDefaults,
  contactInterimOptions,
  derivedHouseholdIncome,
  effectiveKindAndLocation,
  emptyContactForm,
  incomeAnswers,
  incomeEdits,
  incomeMembers,
  incomePrefill,
  interimAnswers,
  interimFormContext,
  interimPrefill,
  isSameAsFirst,
  memberClsAnswers,
  memberFormContext,
  previousClsOf,
  routesToEntry,
  sameAsLastTime,
  setIncomeAnswer,
  setSameAsFirst,
  updateMemberCls,
  type ClsAnswers,
  type ClsField,
  type ContactEnrollment,
  type ContactForm,
  type ContactMember,
  type ContactSaveInput,
  type PreviousCls,
} from '../../domain/workflow/contact';
import { entryFormContext } from '../../domain/workflow/backfill';
import { incomeUpdateForms, interimForms } from '../../domain/workflow/interim';
import { livingSituationOptionGroups } from '../../domain/workflow/living-situations';
import { useDraft } from '../../shared/draft';
import { formatDate, personName } from '../../shared/format';
import { FormRenderer, fieldElementId } from '../../shared/forms';
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
  TextField,
  type FieldError,
  type Option,
} from '../../shared/ui';
import { ClsFollowUps } from './ClsFollowUps';
import { contactEnrollmentOf, contactHousehold } from './household';
import { LivingSituationPicker } from './LivingSituationPicker';
import './contact.css';

const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

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

/** Element ids of another member's 4.12 controls, by position (never by name). */
const memberControlId = (index: number, field: ClsField): string =>
  `contact-member-${index}-${field}`;
const incomePrefix = (index: number): string => `contact-income-${index}`;

function elementIdOf(field: string, positions: ReadonlyMap<string, number>): string {
  if (field.startsWith('interim.')) {
    return fieldElementId(field.slice('interim.'.length), INTERIM_PREFIX);
  }
  const m = /^(member|income)\.([^.]+)\.(.+)$/.exec(field);
  if (m !== null) {
    const index = positions.get(m[2]!) ?? 0;
    return m[1] === 'member'
      ? memberControlId(index, m[3] as ClsField)
      : fieldElementId(m[3]!, incomePrefix(index));
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
const CLS_GROUPS = livingSituationOptionGroups('current');

function previousChoice(previous: PreviousCls | null) {
  return previous === null
    ? null
    : {
        code: previous.currentLivingSituation,
        label:
          CLS_GROUPS.flatMap((g) => g.options).find(
            (o) => o.code === previous.currentLivingSituation,
          )?.label ?? String(previous.currentLivingSituation),
        date: previous.informationDate,
      };
}

/** A member's first name for the screen, or a neutral word when none is recorded. */
const memberWord = (m: ContactMember): string => m.firstName?.trim() || 'Household member';

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
  const projectType =
    account.providers.find((p) => p.id === enrollment.providerId)?.projectType ??
    (provider.id === enrollment.providerId ? provider.projectType : null);
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
    today,
    now: services.now(),
  };

  if (!draft.loaded || household.data === undefined) return <Loading />;

  const result = buildContactChanges(input);
  const errors = result.issues.filter((i) => i.severity === 'error');
  const fieldErrors = submitted ? messagesByField(errors) : {};
  const { kind, location } = effectiveKindAndLocation(form, defaults);

  const interimDate = /^\d{4}-\d{2}-\d{2}$/.test(form.date) ? form.date : today;
  const options = contactInterimOptions(form);
  const otherClsMembers = contactClsMembers(input, interimDate).slice(1);
  const everyone = incomeMembers(input, interimDate);
  const positions = new Map(everyone.map((m, i) => [m.enrollment.id, i]));
  const firstName = strOrNull(client?.firstName) ?? 'the client';
  const derived = derivedHouseholdIncome(input, interimDate);
  const interimContext = interimFormContext({
    enrollment: contactEnrollment,
    dob,
    date: interimDate,
    projectType,
    today,
  });
  const prefill = interimPrefill(bundle.entry, bundle.updates, interimDate);
  const changed = changedInterimAnswers(prefill, form.interim, interimContext, options);
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
    options,
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
      if (blocking.some((i) => i.field.startsWith('income.'))) {
        set((f) => ({ ...f, incomeOpen: true }));
      }
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
            previous={previousChoice(defaults.previousCls)}
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
          <ClsFollowUps
            answers={form}
            projectType={projectType}
            idOf={(field) => CONTROL_IDS[field]}
            errors={fieldErrors}
            who="the client"
            onChange={(change) => set((f) => ({ ...f, ...change(f) }))}
          />
          {otherClsMembers.map((member) => {
            const id = member.enrollment.id;
            const index = positions.get(id) ?? 0;
            const who = memberWord(member);
            const same = isSameAsFirst(form, id);
            const answers: ClsAnswers = memberClsAnswers(form, id);
            const errors: Partial<Record<ClsField, string>> = {};
            for (const [field, message] of Object.entries(fieldErrors)) {
              const prefix = `member.${id}.`;
              if (field.startsWith(prefix))
                errors[field.slice(prefix.length) as ClsField] = message;
            }
            const previous = previousClsOf(member.currentLivingSituations ?? []);
            return (
              <fieldset className="contact-member" key={id}>
                <legend className="contact-member-name">{who}</legend>
                <label className="choice">
                  <input
                    type="checkbox"
                    id={memberControlId(index, 'currentLivingSituation') + '-same'}
                    checked={same}
                    onChange={(e) => set((f) => setSameAsFirst(f, id, e.target.checked))}
                  />
                  <span>Same as {firstName}</span>
                </label>
                {same ? null : (
                  <>
                    <LivingSituationPicker
                      id={memberControlId(index, 'currentLivingSituation')}
                      value={answers.currentLivingSituation}
                      groups={CLS_GROUPS}
                      previous={previousChoice(previous)}
                      legend={`Where is ${who} staying now?`}
                      changeLabel={`Change the Current Living Situation of ${who}`}
                      error={errors.currentLivingSituation}
                      onChange={(code) =>
                        set((f) =>
                          updateMemberCls(f, id, (a) =>
                            chooseLivingSituation(a, code, projectType),
                          ),
                        )
                      }
                      onSameAsLastTime={() =>
                        set((f) =>
                          previous === null
                            ? f
                            : updateMemberCls(f, id, (a) =>
                                sameAsLastTime(a, previous, projectType),
                              ),
                        )
                      }
                    />
                    <ClsFollowUps
                      answers={answers}
                      projectType={projectType}
                      idOf={(field) => memberControlId(index, field)}
                      errors={errors}
                      who={who}
                      onChange={(change) => set((f) => updateMemberCls(f, id, change))}
                    />
                  </>
                )}
              </fieldset>
            );
          })}
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
                {derived !== null ? (
                  <p className="contact-household-income" id="contact-household-income">
                    Monthly household income: {formatMoney(derived.income.total)}{' '}
                    <span className="muted">
                      (from 4.02: the total monthly income of each adult in the household)
                    </span>
                  </p>
                ) : null}
                <FormRenderer
                  forms={interimForms(options)}
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

        <Section title="Income, benefits or insurance">
          <Button
            aria-expanded={form.incomeOpen === true}
            aria-controls="contact-income"
            onClick={() => set((f) => ({ ...f, incomeOpen: f.incomeOpen !== true }))}
          >
            {form.incomeOpen === true
              ? 'Hide income, benefits and insurance'
              : 'Income, benefits or insurance changed'}
          </Button>
          <div id="contact-income" hidden={form.incomeOpen !== true}>
            {form.incomeOpen === true ? (
              <>
                <p className="muted">
                  These show what is on record now. Change what is different; the whole answer is
                  saved as an update for each person whose answers changed.
                </p>
                {everyone.map((member, index) => {
                  const id = member.enrollment.id;
                  const errors: Record<string, string> = {};
                  for (const [field, message] of Object.entries(fieldErrors)) {
                    const prefix = `income.${id}.`;
                    if (field.startsWith(prefix)) errors[field.slice(prefix.length)] = message;
                  }
                  return (
                    <fieldset className="contact-member" key={id}>
                      <legend className="contact-member-name">
                        {index === 0 ? name : memberWord(member)}
                      </legend>
                      <FormRenderer
                        forms={incomeUpdateForms()}
                        stage={2}
                        answers={incomeAnswers(
                          incomePrefill(member, interimDate),
                          incomeEdits(form, id),
                        )}
                        onChange={(fieldId, value) =>
                          set((f) => setIncomeAnswer(f, id, fieldId, value))
                        }
                        context={memberFormContext(member, interimDate, projectType, today)}
                        errors={errors}
                        idPrefix={incomePrefix(index)}
                        headingLevel={3}
                      />
                    </fieldset>
                  );
                })}
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
