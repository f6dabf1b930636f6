// Where else the client is enrolled: the client's other enrollments this device holds (works
// offline), and, when there is a connection, the open enrollments at other providers (ESG, PATH,
// YHDP, CES, ...) from the server, so the case manager can coordinate entries, updates and exits.
// Nothing here writes to another provider's records.
import { useQuery } from '@tanstack/react-query';
import { viewsWhere } from '../../db';
import { otherEnrollmentsSchema, type OtherEnrollment } from '../../domain/protocol';
import {
  enrollmentStatus,
  funderLabel,
  otherLocalEnrollments,
  projectTypeLabel,
  statusText,
} from '../../domain/workflow/enrollment-summary';
import { formatDate } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Badge, Section } from '../../shared/ui';
import { providerName } from './records';

/** A failure that came from the server (it answered), as opposed to no connection at all. */
function serverMessage(error: unknown): string | null {
  if (error !== null && typeof error === 'object' && 'status' in error) {
    const status = (error as { status: unknown }).status;
    if (typeof status === 'number' && status > 0 && error instanceof Error) return error.message;
  }
  return null;
}

export function OtherEnrollments(props: { clientId: string; enrollmentId: string }) {
  const services = useServices();
  const { db, provider } = services;
  const local = useLiveQuery(
    () => viewsWhere(db, 'enrollment', 'clientId', props.clientId),
    [db, props.clientId],
  );
  const others = otherLocalEnrollments(local.data ?? [], props.enrollmentId);
  const online = useQuery({
    queryKey: ['other-enrollments', props.clientId, provider.id],
    queryFn: () =>
      services.api(
        `/api/clients/${props.clientId}/enrollments?providerId=${provider.id}`,
        otherEnrollmentsSchema,
      ),
    enabled: props.clientId !== '',
    // Each answer is an audited view of another provider's data: ask again at most every
    // 10 minutes, not on every visit to the hub.
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
  const localIds = new Set(others.map((e) => e.id));
  const remote: OtherEnrollment[] = (online.data?.enrollments ?? []).filter(
    (e) => e.id !== props.enrollmentId && !localIds.has(e.id),
  );

  return (
    <Section title="Other enrollments">
      <p className="muted">
        Entries, updates and exits for these are recorded in their own projects; dates and answers
        here can be reused.
      </p>

      <h3 className="enrollment-subtitle">Ones you can open</h3>
      {local.data === undefined ? (
        <p className="muted">Looking…</p>
      ) : others.length === 0 ? (
        <p className="muted">No other enrollments you can open.</p>
      ) : (
        <ul className="list" aria-label="Other enrollments you can open">
          {others.map((e) => (
            <li key={e.id}>
              <Link className="enrollment-link" to={paths.enrollment(e.id)}>
                {providerName(services, e.providerId)}
              </Link>
              <div className="muted">
                {statusText(enrollmentStatus(e), formatDate)}
                {e.pending ? (
                  <>
                    {' '}
                    <Badge tone="pending">Not synced</Badge>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3 className="enrollment-subtitle">Open at other providers</h3>
      {online.isPending ? (
        <p className="muted" role="status">
          Asking the server…
        </p>
      ) : online.isError ? (
        <p className="muted" role="status">
          {serverMessage(online.error)
            ? `Other providers' enrollments could not be loaded: ${serverMessage(online.error)}`
            : "Other providers' enrollments need a connection."}
        </p>
      ) : remote.length === 0 ? (
        <p className="muted">
          {online.data.enrollments.length === 0
            ? 'No open enrollments at other providers.'
            : 'None besides the ones above.'}
        </p>
      ) : (
        <ul className="list" aria-label="Open enrollments at other providers">
          {remote.map((e) => {
            const funders = e.funders.map(funderLabel).join(', ');
            return (
              <li key={e.id}>
                <span className="enrollment-member-name">{e.providerName}</span>
                <div className="muted">
                  {[
                    projectTypeLabel(e.projectType),
                    funders || null,
                    e.projectStartDate ? `since ${formatDate(e.projectStartDate)}` : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
