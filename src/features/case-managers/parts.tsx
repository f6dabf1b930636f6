// Pieces the Case Managers forms share: a checkbox, the person picker, and one save's state
// (field errors, busy, the write path's error).
import { useState, type ReactNode } from 'react';
import type { FieldIssue, RecordChange } from '../../domain/workflow/case-managers';
import type { PersonOption } from '../../domain/workflow/case-managers-view';
import { useServices } from '../../shared/services';
import { Alert, ErrorSummary, RadioGroup, SelectField, type FieldError } from '../../shared/ui';

/** Up to this many people are radio buttons (one tap); more are a select. */
const MAX_RADIO = 6;

export function Checkbox(props: {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="choice" htmlFor={props.id}>
        <input
          autoComplete="off"
          id={props.id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        <span>{props.children}</span>
      </label>
    </div>
  );
}

export function PersonField(props: {
  id: string;
  label: string;
  people: readonly PersonOption[];
  value: string | null;
  error: string | null;
  onChange(value: string | null): void;
}) {
  const fieldProps = {
    id: props.id,
    label: props.label,
    required: true,
    value: props.value,
    options: [...props.people],
    error: props.error,
    onChange: props.onChange,
  };
  return props.people.length <= MAX_RADIO ? (
    <RadioGroup {...fieldProps} />
  ) : (
    <SelectField {...fieldProps} />
  );
}

type Outcome<F extends string> =
  { ok: false; issues: FieldIssue<F>[] } | { ok: true; changes: RecordChange[]; message: string };

/**
 * One form's save: shows the issues (summary and by field), else saves all the changes in one
 * save through the write path (which queues them offline) and hands back the message.
 */
export function useCaseManagerSave<F extends string>(fieldIds: Readonly<Record<F, string>>) {
  const { save } = useServices();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [byField, setByField] = useState<Partial<Record<F, string>>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const run = async (outcome: Outcome<F>): Promise<string | null> => {
    const issues = outcome.ok ? [] : outcome.issues;
    setErrors(issues.map((i) => ({ fieldId: fieldIds[i.field], message: i.message })));
    const next: Partial<Record<F, string>> = {};
    for (const i of issues) next[i.field] ??= i.message;
    setByField(next);
    if (!outcome.ok) return null;
    setSaving(true);
    setSaveError(null);
    try {
      await save(outcome.changes);
      return outcome.message;
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
      return null;
    } finally {
      setSaving(false);
    }
  };

  const summary = (
    <>
      <ErrorSummary errors={errors} />
      {saveError ? (
        <Alert tone="error" title="Not saved">
          <p>{saveError}</p>
        </Alert>
      ) : null}
    </>
  );
  return { run, saving, summary, errorOf: (field: F) => byField[field] ?? null };
}
