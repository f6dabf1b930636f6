// One form hook for the workflow screens (contact, exit, …): the draft (kept on the device as the
// person types), whether Save was pressed, the error summary it showed, saving, the save error,
// and the save itself: the changes the screen's view-model built, as one unit through
// services.save, then the draft forgotten and the next screen opened.
import { useState } from 'react';
import type { Change } from '../db';
import { useDraft, type Draft } from './draft';
import { navigate } from './navigation';
import { useServices } from './services';
import type { FieldError } from './ui';

const NO_ERRORS: FieldError[] = [];

export interface WorkflowSubmit {
  /** What blocks saving, as the error summary shows it ([]: save). */
  readonly errors: readonly FieldError[];
  /** The changes of the one save. */
  readonly changes: readonly Change[];
  /** Where to go once saved (the history entry is replaced). */
  readonly to: string;
  /** Called when errors block the save (e.g. to open the parts that hold them). */
  readonly onBlocked?: () => void;
}

export interface WorkflowForm<T> {
  readonly draft: Draft<T>;
  /** True once Save was pressed: field errors show from then on. */
  readonly submitted: boolean;
  /** The error summary shown by the last Save that was blocked. */
  readonly summary: readonly FieldError[];
  readonly saving: boolean;
  /** Why the last save failed, or null. */
  readonly saveError: string | null;
  submit(request: WorkflowSubmit): Promise<void>;
  /** Back to a new form: the draft is forgotten, no errors shown. */
  startOver(initial: T): Promise<void>;
}

export function useWorkflowForm<T>(
  key: string,
  initial: T | (() => T),
  meta: { path: string; title: string },
  options: { onSaving?: () => void } = {},
): WorkflowForm<T> {
  const { save } = useServices();
  const draft = useDraft<T>(key, initial, meta);
  const [submitted, setSubmitted] = useState(false);
  const [summary, setSummary] = useState<readonly FieldError[]>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const submit = async (request: WorkflowSubmit) => {
    if (saving) return;
    setSaveError(null);
    setSubmitted(true);
    if (request.errors.length > 0) {
      request.onBlocked?.();
      setSummary(request.errors);
      return;
    }
    setSaving(true);
    options.onSaving?.();
    try {
      await save(request.changes);
      await draft.clear();
      navigate(request.to, { replace: true });
    } catch (error) {
      setSaving(false);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const startOver = async (value: T) => {
    draft.set(value);
    await draft.clear();
    setSubmitted(false);
    setSummary(NO_ERRORS);
  };

  return { draft, submitted, summary, saving, saveError, submit, startOver };
}
