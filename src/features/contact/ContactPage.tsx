// Recording a contact: the screen used most, often outside with one thumb. A returning user taps
// "Same as last time" for the Current Living Situation and Save: the date and time default to now
// and how / where the contact happened to the previous contact's. Everything the screen shows and
// saves is the view-model's (src/domain/workflow/contact-view.ts; the rules are contact.ts and its
// parts); this screen renders it, one component per section. The household members HUD asks 4.12
// of (W-CT1) get one row each, "same as" the first row until changed (W-CT2); "Income, benefits or
// insurance changed" opens 4.02/4.03/4.04 per member (W-CT3), and then the household income is
// shown read-only, from 4.02 (W-CT4); "Domestic violence situation changed" opens 4.11 per adult
// (W-CT6) and "Disabilities changed" 4.05–4.10 per member (W-CT7). Members are told apart by first
// name on screen only: control ids use their position, never a name.
import type { FormEvent } from 'react';
import type { EnrollmentBundle } from '../../db';
import {
  emptyContactForm,
  MEMBER_PART_OPEN,
  type ContactForm,
} from '../../domain/workflow/contact';
import { contactView } from '../../domain/workflow/contact-view';
import { EnrollmentLoader } from '../../shared/enrollment-loader';
import { formatDate, personName } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { paths } from '../../shared/paths';
import { useServices, useSyncStatus } from '../../shared/services';
import { useWorkflowForm } from '../../shared/use-workflow-form';
import { Alert, Button, ButtonLink, ErrorSummary, Loading, Page, TextField } from '../../shared/ui';
import { ClsSection } from './ClsSection';
import { CONTROL_IDS, NO_ERRORS, elementIdOf, messagesByField } from './control-ids';
import { contactHousehold } from './household';
import { InterimSection } from './InterimSection';
import { memberPartViews } from './member-parts';
import { MemberPartSection } from './MemberPartSection';
import { WhenAndHow } from './WhenAndHow';
import './contact.css';

export function ContactPage({ enrollmentId }: { enrollmentId: string }) {
  return (
    <EnrollmentLoader enrollmentId={enrollmentId} title="Record a contact">
      {(bundle) => <ContactFormPage bundle={bundle} />}
    </EnrollmentLoader>
  );
}

function ContactFormPage({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const { db, account, provider } = services;
  const householdIds = bundle.household.map((m) => m.enrollment.id).join(',');
  const household = useLiveQuery(
    () => contactHousehold(db, bundle),
    [db, bundle.enrollment.id, householdIds],
  );
  const online = useSyncStatus((s) => s.online);
  const today = services.today();
  const enrollmentId = bundle.enrollment.id;
  const client = bundle.client;
  const name = personName(
    client ? { firstName: client.firstName, lastName: client.lastName } : null,
  );
  const workflow = useWorkflowForm<ContactForm>(
    `contact:${enrollmentId}`,
    () => emptyContactForm(services.now()),
    { path: paths.contact(enrollmentId), title: `Contact with ${name}` },
  );
  const { draft, submitted, saving, saveError } = workflow;
  const form = draft.value;
  const set = draft.set;

  if (!draft.loaded || household.data === undefined) return <Loading />;

  const ownProvider =
    account.providers.find((p) => p.id === bundle.enrollment.providerId) ??
    (provider.id === bundle.enrollment.providerId ? provider : null);
  const view = contactView({
    records: bundle,
    household: household.data,
    form,
    today,
    now: services.now(),
    provider: ownProvider,
  });
  const fieldErrors = submitted ? messagesByField(view.errors) : {};
  const firstName =
    typeof client?.firstName === 'string' && client.firstName !== ''
      ? client.firstName
      : 'the client';
  const parts = memberPartViews({
    parts: view.parts,
    contactedId: enrollmentId,
    name,
    positions: view.positions,
    set,
  });

  const togglePart = (part: keyof typeof MEMBER_PART_OPEN) => {
    const key = MEMBER_PART_OPEN[part];
    set((f) => ({ ...f, [key]: f[key] !== true }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void workflow.submit({
      errors: view.errors.map((i) => ({
        fieldId: elementIdOf(i.field, view.positions),
        message: i.message,
      })),
      changes: view.changes,
      to: `${paths.enrollment(enrollmentId)}?saved=contact`,
      onBlocked: () => {
        // Open every part that holds a message, so each link in the summary has its field.
        const opened = view.openForErrors;
        if (Object.keys(opened).length > 0) set((f) => ({ ...f, ...opened }));
      },
    });
  };

  return (
    <Page
      title="Record a contact"
      subtitle={name}
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      <form autoComplete="off" className="contact-form" noValidate onSubmit={onSubmit}>
        <ErrorSummary errors={view.errors.length === 0 ? NO_ERRORS : [...workflow.summary]} />
        {draft.restored ? (
          <Alert tone="info">
            <p>What you typed before is back.</p>
            <Button
              variant="link"
              onClick={() => void workflow.startOver(emptyContactForm(services.now()))}
            >
              Start over
            </Button>
          </Alert>
        ) : null}
        {view.enrollment.exitDate !== null ? (
          <Alert tone="warning">
            <p>
              This enrollment ended on {formatDate(view.enrollment.exitDate)}: a contact can only be
              recorded on or before that date.
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
          kind={view.kind}
          location={view.location}
          today={today}
          projectStartDate={view.enrollment.projectStartDate}
          fieldErrors={fieldErrors}
          set={set}
        >
          <TextField
            id={CONTROL_IDS.note}
            label="Note (optional)"
            multiline
            rows={2}
            maxLength={4000}
            value={form.note}
            error={fieldErrors.note}
            onChange={(note) => set((f) => ({ ...f, note }))}
          />
        </WhenAndHow>

        <ClsSection
          form={form}
          projectType={view.projectType}
          previousCls={view.defaults.previousCls}
          others={view.clsOthers}
          positions={view.positions}
          firstName={firstName}
          fieldErrors={fieldErrors}
          set={set}
        />

        <InterimSection
          interim={view.interim}
          partToggles={parts.map((p) => ({
            key: p.part,
            label: p.openLabel,
            pressed: p.open,
            onToggle: () => togglePart(p.part),
          }))}
          projectStartDate={view.enrollment.projectStartDate}
          form={form}
          fieldErrors={fieldErrors}
          set={set}
        />

        {parts.map((p) => (
          <MemberPartSection
            key={p.part}
            {...p}
            onToggle={() => togglePart(p.part)}
            fieldErrors={fieldErrors}
          />
        ))}

        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            {saving ? 'Saving…' : 'Save contact'}
          </Button>
          <ButtonLink to={paths.enrollment(enrollmentId)}>Cancel</ButtonLink>
          {online ? null : (
            <p className="contact-offline muted">
              You are offline: the contact is saved on this device and syncs when you are online.
            </p>
          )}
        </div>
      </form>
    </Page>
  );
}
