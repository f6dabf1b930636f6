// Correcting a saved record of the enrollment (W-REC-2, W-REC-3): each recorded answer in an
// editor, what the person saw kept from when the form opened (and in the draft), and only what
// they changed saved, through the one write path, with those seen values (record-correction.ts):
// the merge then keeps what they did not see. The screen says what saving does: correcting a
// recorded answer is an ordinary edit; filling a missing Entry answer is a backfill.
import { useId, useState, type FormEvent } from 'react';
import { InvalidChangeError, type EnrollmentBundle } from '../../db';
import type { FieldValues } from '../../domain/merge';
import type { JsonValue } from '../../domain/protocol';
import { editorText, parseEditorText } from '../../domain/workflow/change-editor';
import {
  correctionNotice,
  correctionOf,
  isCorrectable,
} from '../../domain/workflow/record-correction';
import {
  findSavedRecord,
  savedFields,
  type SavedRecordSummary,
} from '../../domain/workflow/saved-records';
import { useDraft } from '../../shared/draft';
import { EnrollmentLoader } from '../../shared/enrollment-loader';
import { FieldEditor } from '../../shared/forms';
import { navigate } from '../../shared/navigation';
import { paths } from '../../shared/paths';
import { useServices } from '../../shared/services';
import {
  Alert,
  Button,
  ButtonLink,
  ErrorSummary,
  Loading,
  Page,
  type FieldError,
} from '../../shared/ui';
import { clientName } from './records';
import './enrollment.css';
import './saved-records.css';

export function CorrectRecordPage(props: { enrollmentId: string; recordId: string }) {
  return (
    <EnrollmentLoader
      enrollmentId={props.enrollmentId}
      title="Correct a record"
      loadingLabel="Opening the record…"
    >
      {(bundle) => {
        const record = findSavedRecord(bundle, props.recordId);
        if (record === null) {
          return (
            <Page
              title="Record not found"
              back={{ to: paths.enrollment(props.enrollmentId), label: 'Enrollment' }}
            >
              <p>
                This record is not on this device. If it was just recorded on another device, it
                appears here after the next sync.
              </p>
            </Page>
          );
        }
        return <CorrectForm bundle={bundle} record={record} />;
      }}
    </EnrollmentLoader>
  );
}

/** The saved view of the record (the summary holds only its lines). */
function viewOf(bundle: EnrollmentBundle, id: string) {
  return [
    bundle.entry,
    bundle.exit,
    ...bundle.updates,
    ...bundle.contacts,
    ...bundle.currentLivingSituations,
  ].find((v) => v?.id === id);
}

interface CorrectDraft {
  /** The record's fields when the form first opened: what the person saw (M3). */
  original: FieldValues;
  texts: Record<string, string>;
}

function CorrectForm({ bundle, record }: { bundle: EnrollmentBundle; record: SavedRecordSummary }) {
  const services = useServices();
  const baseId = useId();
  const enrollmentId = String(bundle.enrollment.id);
  const editable = record.lines.filter((l) => isCorrectable(record.kind, l));
  const fixed = record.lines.filter((l) => !isCorrectable(record.kind, l));
  const labels = Object.fromEntries(record.lines.map((l) => [l.path, l.label]));
  const title = `Correct the ${record.title.toLowerCase()}`;
  const draft = useDraft<CorrectDraft>(
    `correct:${record.id}`,
    () => {
      const view = viewOf(bundle, record.id);
      return {
        original: view ? savedFields(view) : {},
        texts: Object.fromEntries(editable.map((l) => [l.path, editorText(l, l.value)])),
      };
    },
    { path: paths.correctRecord(enrollmentId, record.id), title },
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const idOf = (path: string) => `${baseId}-${path.replace(/\./g, '-')}`;
  if (!draft.loaded) return <Loading label="Opening the record…" />;

  /** What the form holds, parsed; problems by field path. */
  const parsed = () => {
    const edited: Record<string, JsonValue> = {};
    const problems: Record<string, string> = {};
    for (const info of editable) {
      const result = parseEditorText(info, draft.value.texts[info.path] ?? '');
      if (result.ok) edited[info.path] = result.value;
      else problems[info.path] = result.message;
    }
    return { edited, problems };
  };
  const now = parsed();
  const preview = correctionOf({
    kind: record.kind,
    type: record.type,
    id: record.id,
    original: draft.value.original,
    edited: now.edited,
    labels,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found: FieldError[] = Object.entries(now.problems).map(([path, message]) => ({
      fieldId: idOf(path),
      message,
    }));
    if (!preview.ok) {
      for (const [path, message] of Object.entries(preview.problems)) {
        found.push({ fieldId: idOf(path), message });
      }
    }
    setErrors(found);
    if (found.length > 0 || !preview.ok) return;
    if (preview.correction === null) {
      setProblem('Nothing to save: no answer was changed.');
      return;
    }
    setSaving(true);
    try {
      const { change, seen } = preview.correction;
      await services.save([{ ...change, fields: { ...change.fields }, seen }]);
      await draft.clear();
      navigate(`${paths.enrollment(enrollmentId)}?saved=correction`, { replace: true });
    } catch (error) {
      setSaving(false);
      setProblem(
        error instanceof InvalidChangeError
          ? `This cannot be saved: ${error.message}`
          : `Could not save: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  const set = (path: string, value: string) =>
    draft.set((v) => ({ ...v, texts: { ...v.texts, [path]: value } }));
  const errorOf = (path: string) => errors.find((e) => e.fieldId === idOf(path))?.message;

  return (
    <Page
      title={title}
      subtitle={clientName(bundle.client)}
      back={{ to: paths.enrollment(enrollmentId), label: 'Enrollment' }}
    >
      {draft.restored ? (
        <p className="muted">Restored what you typed before. Nothing has been saved yet.</p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form autoComplete="off" onSubmit={(e) => void submit(e)} noValidate>
        {editable.length === 0 ? <p>There is nothing here that can be corrected by hand.</p> : null}
        {editable.map((info) => (
          <FieldEditor
            key={info.path}
            id={idOf(info.path)}
            info={info}
            value={draft.value.texts[info.path] ?? ''}
            error={errorOf(info.path)}
            placeholder="(no answer)"
            onChange={(v) => set(info.path, v)}
          />
        ))}
        {fixed.length > 0 ? (
          <>
            <p className="muted">Kept as recorded:</p>
            <dl className="saved-record-lines">
              {fixed.map((line) => (
                <div key={line.path}>
                  <dt>{line.label}</dt>
                  <dd>{line.text}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {record.kind === 'entry' ? (
          <p className="muted">
            Questions never answered at project start are filled in with{' '}
            <a href={paths.backfill(enrollmentId)}>Fill in project start answers</a>.
          </p>
        ) : null}
        {preview.ok && preview.correction !== null ? (
          <p role="status" className="correction-notice">
            {correctionNotice(record.kind, preview.correction)}
          </p>
        ) : null}
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={saving}>
            Save correction
          </Button>
          <ButtonLink to={paths.enrollment(enrollmentId)}>Cancel</ButtonLink>
        </div>
      </form>
    </Page>
  );
}
