// What the project start screen says before the form: a restored draft, a client not on this
// device yet, an open enrollment at this provider already.
import type { RecordView } from '../../db';
import { formatDate } from '../../shared/format';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { Alert } from '../../shared/ui';

export function StartNotices(props: {
  restored: boolean;
  clientOnDevice: boolean;
  mainName: string;
  providerName: string;
  /** The client's open enrollments at this provider. */
  open: readonly RecordView[];
}) {
  const first = props.open[0];
  return (
    <>
      {props.restored ? (
        <Alert tone="info">
          <p>Your unsaved input from earlier is back. Nothing has been saved yet.</p>
        </Alert>
      ) : null}
      {!props.clientOnDevice ? (
        <Alert tone="info" title="Client not on this device yet">
          <p>
            This client&apos;s record arrives on this device after the next sync. You can start the
            enrollment now: it is saved with the client&apos;s id.
          </p>
        </Alert>
      ) : null}
      {first !== undefined ? (
        <Alert tone="warning" title="Already enrolled here">
          <p>
            {props.mainName} already has an open enrollment with {props.providerName} (project start{' '}
            {formatDate(String(first.projectStartDate))}).{' '}
            <Link to={paths.enrollment(first.id)}>Open that enrollment</Link> instead of starting a
            second one, unless this is a new stay.
          </p>
        </Alert>
      ) : null}
    </>
  );
}
