// The hub of one client's enrollment: status, the next things to do (record a contact first),
// the household, what is still missing from project start, the latest living situation and the
// contacts, and where else the client is enrolled. Reads only the device database (plus one
// optional server call for other providers' enrollments).
import { savedRecordSummaries } from '../../domain/workflow/saved-records';
import { enrollmentBundle, type EnrollmentBundle } from '../../db';
import {
  annualAssessmentStatus,
  annualAssessmentsFrom,
  annualEnrollmentFrom,
  annualStatusWords,
} from '../../domain/workflow/annual-assessment';
import {
  activeAssignments,
  anyPending,
  enrollmentStatus,
  orderHousehold,
  relationshipLabel,
  statusText,
} from '../../domain/workflow/enrollment-summary';
import { formatDate } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link, useSearchParams } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices, useSyncStatus } from '../../shared/services';
import { Alert, Badge, ButtonLink, Loading, Page, Section } from '../../shared/ui';
import { Contacts, LatestContact } from './Contacts';
import { DisablingConditionWarnings, MissingFromStart } from './MissingFromStart';
import { OtherEnrollments } from './OtherEnrollments';
import { SavedRecords } from './SavedRecords';
import { clientName, providerName, str } from './records';
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

const SAVED_TITLES: Readonly<Record<string, string>> = {
  contact: 'Contact saved',
  correction: 'Correction saved',
};

/**
 * After a contact or a correction is saved (its screen comes back with ?saved=contact or
 * ?saved=correction). Offline, it also says it waits to sync; online that goes without saying
 * (the sync status shows it).
 */
function SavedNotice() {
  const saved = useSearchParams().get('saved');
  const online = useSyncStatus((s) => s.online);
  const title = saved === null ? undefined : SAVED_TITLES[saved];
  if (title === undefined) return null;
  return (
    <Alert tone="success" title={title}>
      {online ? null : <p>You are offline: it syncs when you are online again.</p>}
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
        {/* Open: recording a contact is the main thing to do. Exited: seeing the exit is; a
            contact after the exit is still possible, as an ordinary action. */}
        <div className="enrollment-primary">
          {exited ? (
            <ButtonLink variant="primary" to={paths.exit(enrollment.id)}>
              View the exit
            </ButtonLink>
          ) : (
            <ButtonLink variant="primary" to={paths.contact(enrollment.id)}>
              Record a contact
            </ButtonLink>
          )}
        </div>
        <div className="button-row">
          {exited ? (
            <ButtonLink to={paths.contact(enrollment.id)}>Record a contact</ButtonLink>
          ) : null}
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
      <DisablingConditionWarnings bundle={bundle} />
      <LatestContact bundle={bundle} />
      <Contacts bundle={bundle} />
      <SavedRecords enrollmentId={enrollment.id} records={savedRecordSummaries(bundle)} />
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
