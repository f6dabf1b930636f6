// The hub of one client's enrollment: status, the next things to do (record a contact first),
// the household, what is still missing from project start, the latest living situation and the
// contacts, and where else the client is enrolled. Reads only the device database (plus one
// optional server call for other providers' enrollments).
import { enrollmentBundle, type EnrollmentBundle, type RecordView } from '../../db';
import { DEFAULT_PICKLIST_REGISTRY, PICKLIST_IDS } from '../../domain/forms';
import { localDateOf } from '../../domain/records';
import {
  annualAssessmentStatus,
  annualAssessmentsFrom,
  annualEnrollmentFrom,
  annualStatusWords,
} from '../../domain/workflow/annual-assessment';
import { describeMissing, entryAnswers, entryMissing } from '../../domain/workflow/backfill';
import { validateDisablingCondition } from '../../domain/validation/disabilities';
import {
  activeAssignments,
  anyPending,
  contactsNewestFirst,
  currentLivingSituationLabel,
  daysAgoText,
  daysSinceLastContact,
  enrollmentStatus,
  lastContact,
  latestCurrentLivingSituation,
  noteExcerpt,
  orderHousehold,
  relationshipLabel,
  statusText,
} from '../../domain/workflow/enrollment-summary';
import { formatDate, formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link, useSearchParams } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Badge, ButtonLink, Loading, Page, Section } from '../../shared/ui';
import { OtherEnrollments } from './OtherEnrollments';
import { clientName, entryContext, providerName, str } from './records';
import './enrollment.css';

export function EnrollmentPage({ enrollmentId }: { enrollmentId: string }) {
  const { db } = useServices();
  const { data: bundle, error } = useLiveQuery(
    () => enrollmentBundle(db, enrollmentId),
    [db, enrollmentId],
  );
  if (bundle === undefined) {
    return error ? (
      <Page title="Enrollment" back={{ to: paths.caseload(), label: 'Caseload' }}>
        <Alert tone="error" title="This enrollment could not be read on this device.">
          <p>Reload the page. If it keeps happening, tell your administrator.</p>
        </Alert>
      </Page>
    ) : (
      <Loading label="Opening the enrollment…" />
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
  return <EnrollmentHub bundle={bundle} />;
}

/** After a contact is saved (the contact screen comes back with ?saved=contact). */
function SavedNotice() {
  const saved = useSearchParams().get('saved');
  if (saved !== 'contact') return null;
  return (
    <Alert tone="success" title="Contact saved">
      <p>It is kept on this device and syncs when you are online.</p>
    </Alert>
  );
}

function EnrollmentHub({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const today = services.today();
  const { enrollment, client } = bundle;
  const clientId = str(enrollment.clientId);
  const name = clientName(client);
  const status = enrollmentStatus(enrollment);
  const exited = status.kind === 'exited';
  const activeCaseManagers = activeAssignments(bundle.assignments, today).length;
  const annual = annualAssessmentStatus(
    annualEnrollmentFrom(enrollment),
    bundle.household.map((m) => annualEnrollmentFrom(m.enrollment)),
    annualAssessmentsFrom(bundle.updates),
    today,
  );
  const pending = anyPending([
    enrollment,
    client,
    bundle.entry,
    bundle.exit,
    ...bundle.household.flatMap((m) => [m.enrollment, m.client]),
    ...bundle.updates,
    ...bundle.contacts,
    ...bundle.currentLivingSituations,
    ...bundle.assignments,
  ]);

  return (
    <Page
      title={name}
      back={{ to: paths.caseload(), label: 'Caseload' }}
      subtitle={
        <>
          {providerName(services, enrollment.providerId)}
          {' · '}
          <Link className="enrollment-link" to={paths.client(clientId)}>
            Client profile
          </Link>
        </>
      }
    >
      <SavedNotice />
      {pending ? (
        <p className="enrollment-pending">
          <Badge tone="pending">Not synced</Badge> Some changes here are saved on this device and
          not synced yet.
        </p>
      ) : null}

      <dl className="facts enrollment-status">
        <dt>Status</dt>
        <dd>{statusText(status, formatDate)}</dd>
        {status.kind === 'exited' ? (
          <>
            <dt>Project start</dt>
            <dd>{formatDate(status.since)}</dd>
            <dt>Destination</dt>
            <dd>{status.destinationLabel ?? 'Not recorded'}</dd>
            <dt>Reason for leaving</dt>
            <dd>{status.exitReasonLabel ?? 'Not recorded'}</dd>
          </>
        ) : null}
        {exited ? null : (
          <>
            <dt>Annual assessment</dt>
            <dd>{annualStatusWords(annual, formatDate)}</dd>
          </>
        )}
      </dl>

      <div className="enrollment-actions">
        <div className="enrollment-primary">
          <ButtonLink variant="primary" to={paths.contact(enrollment.id)}>
            Record a contact
          </ButtonLink>
        </div>
        <div className="button-row">
          {exited ? null : <ButtonLink to={paths.exit(enrollment.id)}>Exit</ButtonLink>}
          {exited ? null : (
            <ButtonLink to={paths.annualAssessment(enrollment.id)}>Annual assessment</ButtonLink>
          )}
          <ButtonLink to={paths.caseManagers(enrollment.id)}>
            {`Case Managers (${activeCaseManagers} active)`}
          </ButtonLink>
        </div>
      </div>

      <Household bundle={bundle} />
      <MissingFromStart bundle={bundle} />
      {validateDisablingCondition(entryAnswers(bundle.entry)).map((i) => (
        <Alert key={i.rule} tone="warning" title="Check the disabling condition">
          <p>{i.message}</p>
        </Alert>
      ))}
      <LatestContact bundle={bundle} />
      <Contacts bundle={bundle} />
      <OtherEnrollments clientId={clientId} enrollmentId={enrollment.id} />
    </Page>
  );
}

function Household({ bundle }: { bundle: EnrollmentBundle }) {
  const members = orderHousehold(bundle.household);
  return (
    <Section
      title="Household"
      actions={
        <ButtonLink to={paths.household(bundle.enrollment.id)}>Household members</ButtonLink>
      }
    >
      {members.length <= 1 ? (
        <p className="muted">No one else is enrolled in this household.</p>
      ) : null}
      <ul className="list">
        {members.map((m) => {
          const here = m.enrollment.id === bundle.enrollment.id;
          const memberName = clientName(m.client);
          return (
            <li key={m.enrollment.id}>
              {here ? (
                <span className="enrollment-member-name">
                  {memberName} <span className="muted">(this enrollment)</span>
                </span>
              ) : (
                <Link className="enrollment-link" to={paths.enrollment(m.enrollment.id)}>
                  {memberName}
                </Link>
              )}
              <div className="muted">
                {relationshipLabel(m.enrollment.relationshipToHoH)} ·{' '}
                {statusText(enrollmentStatus(m.enrollment), formatDate)}
                {m.enrollment.pending ? (
                  <>
                    {' '}
                    <Badge tone="pending">Not synced</Badge>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

function MissingFromStart({ bundle }: { bundle: EnrollmentBundle }) {
  const services = useServices();
  const missing = entryMissing(bundle.entry, entryContext(bundle, services));
  return (
    <Section title="Missing from project start">
      {missing.length === 0 ? (
        <p>
          <Badge tone="ok">Complete</Badge> Everything required at project start is answered.
        </p>
      ) : (
        <>
          <p>
            {missing.length === 1
              ? 'One answer required at project start is still missing.'
              : `${missing.length} answers required at project start are still missing.`}
          </p>
          <ul className="list enrollment-missing">
            {missing.map((m) => (
              <li key={m.fieldId}>
                <span className="enrollment-missing-label">{m.label}</span>{' '}
                <span className="muted">— {describeMissing(m)}</span>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <ButtonLink variant="primary" to={paths.backfill(bundle.enrollment.id)}>
              Fill in
            </ButtonLink>
          </div>
        </>
      )}
    </Section>
  );
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function clsOf(bundle: EnrollmentBundle, id: unknown): RecordView | undefined {
  return bundle.currentLivingSituations.find((c) => c.id === id);
}

function LatestContact({ bundle }: { bundle: EnrollmentBundle }) {
  const { today } = useServices();
  const days = daysSinceLastContact(bundle.contacts, today());
  const last = lastContact(bundle.contacts);
  const latest = latestCurrentLivingSituation(bundle.currentLivingSituations, bundle.contacts);
  return (
    <Section title="Latest contact">
      <dl className="facts">
        <dt>Last contact</dt>
        <dd>
          {days === null
            ? 'No contact recorded yet'
            : `${capitalized(daysAgoText(days))} (${formatDate(localDateOf(str(last?.contactAt)))})`}
        </dd>
        <dt>Current Living Situation</dt>
        <dd>
          {latest
            ? `${currentLivingSituationLabel(latest.currentLivingSituation) ?? 'Not recorded'} (${formatDate(str(latest.informationDate))})`
            : 'Not recorded yet'}
        </dd>
      </dl>
    </Section>
  );
}

function Contacts({ bundle }: { bundle: EnrollmentBundle }) {
  const contacts = contactsNewestFirst(bundle.contacts);
  const labelOf = (list: string, code: unknown) =>
    typeof code === 'string' && code !== ''
      ? (DEFAULT_PICKLIST_REGISTRY.labelOf(list, code) ?? code)
      : null;
  return (
    <Section title="Contacts">
      {contacts.length === 0 ? (
        <p className="muted">No contacts recorded yet.</p>
      ) : (
        <ol className="list enrollment-timeline" aria-label="Contacts, newest first">
          {contacts.map((c) => {
            const kind = labelOf(PICKLIST_IDS.contactKind, c.kind);
            const location = labelOf(PICKLIST_IDS.contactLocation, c.location);
            const cls = clsOf(bundle, c.currentLivingSituationId);
            const situation = currentLivingSituationLabel(cls?.currentLivingSituation);
            const note = noteExcerpt(c.note);
            return (
              <li key={c.id}>
                <p className="enrollment-contact-head">
                  <strong>{formatDateTime(str(c.contactAt))}</strong>
                  {kind ? ` · ${kind}` : null}
                  {location ? ` · ${location}` : null}
                  {c.interimAssessmentId ? (
                    <>
                      {' '}
                      <Badge>Interim update</Badge>
                    </>
                  ) : null}
                  {c.pending ? (
                    <>
                      {' '}
                      <Badge tone="pending">Not synced</Badge>
                    </>
                  ) : null}
                </p>
                {situation ? (
                  <p className="enrollment-contact-line">
                    <span className="muted">Current Living Situation:</span> {situation}
                  </p>
                ) : null}
                {note ? <p className="enrollment-contact-line">{note}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
