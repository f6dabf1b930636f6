// Every unsaved form on this device: what it is, when it was last typed in, a link to continue,
// and Discard (after a confirmation that says what is lost).
import { useState } from 'react';
import { deleteDraft, listDrafts, type DraftRow } from '../../db';
import { ago, formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import { Alert, Button, Confirm, Loading, Page } from '../../shared/ui';
import { useTick } from './useTick';
import './sync.css';

export function DraftsPage() {
  const { db } = useServices();
  const drafts = useLiveQuery(() => listDrafts(db), [db]).data;
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Page
      title="Unsaved drafts"
      subtitle="Forms you started on this device and have not saved yet"
      back={{ to: paths.sync(), label: 'Sync' }}
    >
      <p role="status">{notice ?? ''}</p>
      {drafts === undefined ? (
        <Loading label="Reading drafts…" />
      ) : drafts.length === 0 ? (
        <p>No unsaved drafts on this device.</p>
      ) : (
        <>
          <p>
            What you type in a form is kept on this device until you save it, even if the app is
            closed. Open a draft to finish and save it.
          </p>
          <ul className="list">
            {drafts.map((draft) => (
              <DraftItem
                key={draft.key}
                draft={draft}
                onDiscarded={() => setNotice(`Discarded the draft: ${draft.title}.`)}
              />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function DraftItem(props: { draft: DraftRow; onDiscarded(): void }) {
  const { db, now } = useServices();
  const { draft } = props;
  useTick(30_000);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <li className="sync-item">
      <h2 className="sync-item-title">
        <Link to={draft.path}>{draft.title}</Link>
      </h2>
      <p className="muted">
        Last typed {formatDateTime(draft.updatedAt)} ({ago(draft.updatedAt, now())})
      </p>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {confirming ? (
        <Confirm
          title="Discard this draft?"
          confirmLabel="Discard draft"
          cancelLabel="Keep it"
          danger
          onConfirm={() => {
            void deleteDraft(db, draft.key).then(props.onDiscarded, (error: unknown) => {
              setConfirming(false);
              setProblem(
                `Could not discard it: ${error instanceof Error ? error.message : String(error)}`,
              );
            });
          }}
          onCancel={() => setConfirming(false)}
        >
          <p>
            Everything typed in “{draft.title}” and not saved will be lost. It cannot be brought
            back.
          </p>
        </Confirm>
      ) : (
        <div className="button-row">
          <Link className="button button-primary" to={draft.path}>
            Continue
          </Link>
          <Button onClick={() => setConfirming(true)}>Discard</Button>
        </div>
      )}
    </li>
  );
}
