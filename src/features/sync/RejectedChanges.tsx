// Changes the server rejected: why, what they tried to change, and two ways out. "Fix and resend"
// edits the values (kept as a draft while typing) and saves them as a new change in the same
// transaction that removes the rejected one; "Discard" first shows every value that will be lost.
import { Fragment, useId, useState, type FormEvent } from 'react';
import {
  InvalidChangeError,
  RejectedChangeGoneError,
  discardRejected,
  listRejected,
  loadDraft,
  resendDraftKey,
  resendRejected,
  type RejectedChange,
} from '../../db';
import { parseHlc } from '../../domain/clock/hlc';
import type { FieldValues } from '../../domain/merge';
import {
  BLANK_TEXT,
  describeChange,
  editorText,
  isEditable,
  parseEditorText,
  type ChangeSummary,
  type FieldInfo,
  type FieldLine,
} from '../../domain/workflow/change-summary';
import { useDraft } from '../../shared/draft';
import { FieldEditor } from '../../shared/forms';
import { formatDateTime } from '../../shared/format';
import { useLiveQuery } from '../../shared/live';
import { Link } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Button,
  Confirm,
  ErrorSummary,
  Loading,
  Section,
  type FieldError,
} from '../../shared/ui';
import { plural, recordPath, subjectOf } from './words';

export function RejectedChanges() {
  const { db } = useServices();
  const [notice, setNotice] = useState<string | null>(null);
  const result = useLiveQuery(async () => {
    const items = await listRejected(db);
    const drafts = await Promise.all(items.map((i) => loadDraft(db, resendDraftKey(i.id))));
    return items.map((item, i) => ({ item, hasDraft: drafts[i] !== undefined }));
  }, [db]);
  const rows = result.data;
  if (!rows || (rows.length === 0 && !notice)) return null;
  return (
    <Section title="Needs attention — rejected changes">
      <p role="status">{notice ?? ''}</p>
      {rows.length ? (
        <>
          <p>
            The server did not accept {rows.length === 1 ? 'this change' : 'these changes'}. Fix and
            resend {rows.length === 1 ? 'it' : 'each one'}, or discard{' '}
            {rows.length === 1 ? 'it' : 'the ones you do not need'}. Nothing is lost until you do.
          </p>
          <ul className="list">
            {rows.map(({ item, hasDraft }) => (
              <RejectedItem key={item.id} item={item} hasDraft={hasDraft} onDone={setNotice} />
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function shownLines(summary: ChangeSummary, op: string): FieldLine[] {
  // A new record lists every field; the blank ones say nothing about what would be lost.
  return op === 'create' ? summary.fields.filter((f) => f.text !== BLANK_TEXT) : summary.fields;
}

function Values({ lines }: { lines: readonly FieldLine[] }) {
  if (!lines.length) return null;
  return (
    <dl className="facts sync-values">
      {lines.map((line) => (
        <Fragment key={line.path}>
          <dt>{line.label}</dt>
          <dd>{line.text}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function RejectedItem(props: {
  item: RejectedChange;
  hasDraft: boolean;
  onDone(message: string): void;
}) {
  const { item } = props;
  const { db, syncNow } = useServices();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm'>(props.hasDraft ? 'edit' : 'view');
  const [problem, setProblem] = useState<string | null>(null);
  const m = item.mutation;
  const summary = describeChange(m, { subject: subjectOf(m, item), record: item.view });
  const lines = shownLines(summary, m.op);
  const to = recordPath(m, item);
  const savedAt = parseHlc(m.hlc).millis;

  const [sending, setSending] = useState(false);
  // A rejected delete or restore has nothing to fix: it can be sent again as it was.
  const sendAgain = async () => {
    setProblem(null);
    setSending(true);
    try {
      await resendRejected(db, item.id, {});
      props.onDone(`Resent: ${summary.text}. It is waiting to sync.`);
      void syncNow();
    } catch (error) {
      setSending(false);
      setProblem(`Could not send it: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const discard = async () => {
    setProblem(null);
    try {
      await discardRejected(db, item.id);
      props.onDone(`Discarded: ${summary.text}.`);
      // Refreshes the counts the header shows.
      void syncNow();
    } catch (error) {
      setMode('view');
      setProblem(`Could not discard it: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <li className="sync-item">
      <h3 className="sync-item-title">
        {to ? <Link to={to}>{summary.headline}</Link> : summary.headline}
      </h3>
      <p>{summary.detail}</p>
      <p>
        <strong>Why it was refused:</strong> {item.message}
      </p>
      <p className="muted">
        Saved {formatDateTime(savedAt)}, refused {formatDateTime(item.at)}
      </p>
      <Values lines={lines} />
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {mode === 'edit' ? (
        <ResendEditor
          item={item}
          summary={summary}
          onCancel={() => setMode('view')}
          onResent={() => {
            props.onDone(`Resent: ${summary.text}. It is waiting to sync.`);
            void syncNow();
          }}
        />
      ) : mode === 'confirm' ? (
        <Confirm
          title="Discard this change?"
          confirmLabel="Discard change"
          cancelLabel="Keep it"
          danger
          onConfirm={() => void discard()}
          onCancel={() => setMode('view')}
        >
          {lines.length ? (
            <>
              <p>It will never reach the server. These values will be lost:</p>
              <Values lines={lines} />
            </>
          ) : (
            <p>It will never reach the server: {summary.text}.</p>
          )}
        </Confirm>
      ) : (
        <div className="button-row">
          {m.op === 'create' || m.op === 'patch' ? (
            <Button variant="primary" onClick={() => setMode('edit')}>
              Fix and resend
            </Button>
          ) : (
            <Button variant="primary" busy={sending} onClick={() => void sendAgain()}>
              Send again
            </Button>
          )}
          <Button onClick={() => setMode('confirm')}>Discard</Button>
        </div>
      )}
    </li>
  );
}

function ResendEditor(props: {
  item: RejectedChange;
  summary: ChangeSummary;
  onCancel(): void;
  onResent(): void;
}) {
  const { item, summary } = props;
  const { db } = useServices();
  const baseId = useId();
  const editable = summary.fields.filter(isEditable);
  const fixed = summary.fields.filter((f) => !isEditable(f));
  const draft = useDraft<Record<string, string>>(
    resendDraftKey(item.id),
    () => Object.fromEntries(editable.map((f) => [f.path, editorText(f, f.value)])),
    { path: paths.sync(), title: `Fix and resend: ${summary.headline}` },
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idOf = (info: FieldInfo) => `${baseId}-${info.path.replace(/\./g, '-')}`;

  if (!draft.loaded) return <Loading label="Opening the change…" />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const corrected: FieldValues = {};
    const found: FieldError[] = [];
    for (const info of editable) {
      const parsed = parseEditorText(info, draft.value[info.path] ?? '');
      if (parsed.ok) corrected[info.path] = parsed.value;
      else found.push({ fieldId: idOf(info), message: parsed.message });
    }
    setErrors(found);
    if (found.length) return;
    setSaving(true);
    try {
      await resendRejected(db, item.id, corrected);
      await draft.clear();
      props.onResent();
    } catch (error) {
      setSaving(false);
      if (error instanceof InvalidChangeError) {
        setProblem(`This still cannot be saved: ${error.message}`);
      } else if (error instanceof RejectedChangeGoneError) {
        setProblem(error.message);
      } else {
        setProblem(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  const errorOf = (info: FieldInfo) => errors.find((e) => e.fieldId === idOf(info))?.message;
  const set = (path: string, value: string) => draft.set((v) => ({ ...v, [path]: value }));

  return (
    <form autoComplete="off" className="sync-editor" onSubmit={(e) => void submit(e)} noValidate>
      <p className="alert-title">Fix and resend</p>
      {draft.restored ? (
        <p className="muted">Restored what you typed before. Nothing has been sent yet.</p>
      ) : null}
      <ErrorSummary errors={errors} />
      {editable.length === 0 ? (
        <p>There is nothing here to type; it is sent again as it was.</p>
      ) : null}
      {editable.map((info) => (
        <FieldEditor
          key={info.path}
          id={idOf(info)}
          info={info}
          value={draft.value[info.path] ?? ''}
          error={errorOf(info)}
          placeholder="(blank)"
          onChange={(v) => set(info.path, v)}
        />
      ))}
      {fixed.length ? (
        <>
          <p>Sent again as they were ({plural(fixed.length, 'field')}):</p>
          <Values lines={fixed} />
        </>
      ) : null}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={saving}>
          Resend
        </Button>
        <Button
          onClick={() => {
            void draft.clear().then(props.onCancel);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
