// The outbox, oldest first: each change in a case manager's words, when it was saved, and a link
// to its record.
import { listPending, pendingCount } from '../../db';
import { describeChange } from '../../domain/workflow/change-summary';
import { formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { useServices } from '../../shared/services';
import { Loading, Section } from '../../shared/ui';
import { plural, recordPath, subjectOf } from './words';

/** More than this is listed as a count: the list is for finding a change, not for paging. */
const SHOWN = 200;

export function PendingChanges() {
  const { db } = useServices();
  const result = useLiveQuery(
    async () => ({ items: await listPending(db, SHOWN), total: await pendingCount(db) }),
    [db],
  );
  const data = result.data;
  return (
    <Section title="Pending changes">
      {data === undefined ? (
        <Loading label="Reading the changes on this device…" />
      ) : data.total === 0 ? (
        <p>Every change saved on this device has reached the server.</p>
      ) : (
        <>
          <p>
            {plural(data.total, 'change')} saved on this device {data.total === 1 ? 'has' : 'have'}{' '}
            not reached the server yet, oldest first. They are safe here and sync when the
            connection allows.
          </p>
          <ul className="list">
            {data.items.map((item) => {
              const summary = describeChange(item.mutation, {
                subject: subjectOf(item.mutation, item),
                record: item.view,
              });
              const to = recordPath(item.mutation, item);
              return (
                <li key={item.localSeq} className="sync-item">
                  <p>
                    {to ? (
                      <Link to={to}>
                        <strong>{summary.headline}</strong>
                      </Link>
                    ) : (
                      <strong>{summary.headline}</strong>
                    )}
                  </p>
                  <p>{summary.detail}</p>
                  <p className="muted">Saved {formatDateTime(item.createdAt)}</p>
                </li>
              );
            })}
          </ul>
          {data.total > data.items.length ? (
            <p className="muted">
              and {plural(data.total - data.items.length, 'more change')} after these.
            </p>
          ) : null}
        </>
      )}
    </Section>
  );
}
