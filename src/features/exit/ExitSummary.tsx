// An enrollment that has exited: its exit, read-only (an exit is recorded once; changes go through a
// supervisor, merge rule M5).
import type { EnrollmentBundle } from '../../db';
import { getList, labelOf } from '../../domain/codes';
import { EXIT_REASON_LABELS, type ExitReason } from '../../domain/records';
import { exitLivingSituation } from '../../domain/validation';
import { exitWritesCls } from '../../domain/workflow/exit';
import { formatDate, personName } from '../../shared/format';
import { paths } from '../../shared/paths';
import { Alert, ButtonLink, Page, Section } from '../../shared/ui';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function ExitSummary({ bundle }: { bundle: EnrollmentBundle }) {
  const e = bundle.enrollment;
  const exitDate = str(e.exitDate);
  const reason = e.exitReason as ExitReason | null;
  const destination = numOrNull(e.destination);
  const subsidy = numOrNull(e.destinationSubsidyType);
  // The newest Current Living Situation dated on the exit date.
  const cls = exitLivingSituation(
    { exitDate },
    [...bundle.currentLivingSituations].reverse().map((c) => ({
      informationDate: str(c.informationDate),
      currentLivingSituation: c.currentLivingSituation,
    })),
  );
  const clsCode = numOrNull(cls?.currentLivingSituation);
  return (
    <Page
      title="Exit"
      subtitle={personName(
        bundle.client
          ? { firstName: bundle.client.firstName, lastName: bundle.client.lastName }
          : null,
      )}
      back={{ to: paths.enrollment(e.id), label: 'Enrollment' }}
    >
      <Alert tone="info" title="This client has exited">
        <p>
          An exit is recorded once. To change it, ask your supervisor: they can correct the exit
          date, reason or Destination.
        </p>
      </Alert>
      <Section title="The exit">
        <dl className="facts">
          <dt>Exit date</dt>
          <dd>{formatDate(exitDate)}</dd>
          <dt>Reason</dt>
          <dd>{reason && EXIT_REASON_LABELS[reason] ? EXIT_REASON_LABELS[reason] : '—'}</dd>
          <dt>Destination</dt>
          <dd>{destination === null ? '—' : (labelOf(getList('3.12.1'), destination) ?? '—')}</dd>
          {strOrNull(e.otherDestination) !== null ? (
            <>
              <dt>Other destination</dt>
              <dd>{str(e.otherDestination)}</dd>
            </>
          ) : null}
          {subsidy !== null ? (
            <>
              <dt>Rental subsidy type</dt>
              <dd>{labelOf(getList('3.12.A'), subsidy) ?? '—'}</dd>
            </>
          ) : null}
          <dt>Current Living Situation at exit</dt>
          <dd>
            {clsCode !== null
              ? (labelOf(getList('4.12.2'), clsCode) ?? '—')
              : destination !== null && !exitWritesCls(destination)
                ? 'None: no one spoke with the client at exit'
                : 'Not recorded'}
          </dd>
        </dl>
      </Section>
      <div className="button-row">
        <ButtonLink to={paths.enrollment(e.id)}>Back to the enrollment</ButtonLink>
      </div>
    </Page>
  );
}
