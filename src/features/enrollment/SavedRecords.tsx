// Every saved record of the enrollment as a readable summary (W-REC-1): the Entry, Updates and
// Annual assessments, the Exit, contacts and Current Living Situations, each folded to one line
// ("Entry assessment · Mar 4, 2026 · 24 answers") that opens to its answers and a "Correct" link.
// A second case manager reads here what was recorded at intake.
import { useState } from 'react';
import type { SavedRecordSummary } from '../../domain/workflow/saved-records';
import { formatDate, formatDateTime } from '../../shared/format';
import { paths } from '../../shared/paths';
import { Badge, ButtonLink, Section } from '../../shared/ui';
import './saved-records.css';

function dateText(date: string | null): string {
  if (date === null) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatDate(date) : formatDateTime(date);
}

export function SavedRecords(props: {
  enrollmentId: string;
  records: readonly SavedRecordSummary[];
}) {
  if (props.records.length === 0) return null;
  return (
    <Section title="What was recorded">
      <ul className="saved-records">
        {props.records.map((r) => (
          <li key={r.id}>
            <SavedRecordItem enrollmentId={props.enrollmentId} record={r} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** One record, folded; its answers are rendered only while it is open (a long Entry is long). */
function SavedRecordItem({
  enrollmentId,
  record: r,
}: {
  enrollmentId: string;
  record: SavedRecordSummary;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="saved-record"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span className="saved-record-title">{r.title}</span>
        {r.date ? <span className="muted"> · {dateText(r.date)}</span> : null}
        <span className="muted">
          {' '}
          · {r.lines.length} {r.lines.length === 1 ? 'answer' : 'answers'}
        </span>
        {r.pending ? <Badge tone="pending">Not synced yet</Badge> : null}
      </summary>
      {open ? (
        <>
          {r.lines.length > 0 ? (
            <dl className="saved-record-lines">
              {r.lines.map((line) => (
                <div key={line.path}>
                  <dt>{line.label}</dt>
                  <dd>{line.text}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="muted">Nothing recorded yet.</p>
          )}
          <div className="button-row">
            <ButtonLink to={paths.correctRecord(enrollmentId, r.id)}>
              Correct {r.title.toLowerCase()}
            </ButtonLink>
          </div>
        </>
      ) : null}
    </details>
  );
}
