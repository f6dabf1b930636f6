// useDraft: a form's state that is written to the device as the person types (debounced, and at
// once when the page is hidden), so a closed tab, a reload or a dead battery never loses it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteDraft, loadDraft, saveDraft } from '../db';
import { useServices } from './services';

const WRITE_DELAY_MS = 300;

export interface Draft<T> {
  value: T;
  /** False until a stored draft (if any) has been read; render the form only once loaded. */
  loaded: boolean;
  /** True when the value came from a stored draft (show "restored your unsaved input"). */
  restored: boolean;
  set(update: T | ((previous: T) => T)): void;
  /** Forget the draft (after a save, or when the person discards it). */
  clear(): Promise<void>;
}

export function useDraft<T>(
  key: string,
  initial: T | (() => T),
  meta: { path: string; title: string },
): Draft<T> {
  const { db } = useServices();
  const [value, setValue] = useState<T>(initial);
  const [loaded, setLoaded] = useState(false);
  const [restored, setRestored] = useState(false);
  const pending = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const metaRef = useRef(meta);
  useEffect(() => {
    metaRef.current = meta;
  });

  useEffect(() => {
    let cancelled = false;
    void loadDraft(db, key).then((row) => {
      if (cancelled) return;
      if (row) {
        setValue(row.value as T);
        setRestored(true);
      }
      setLoaded(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db, key]);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (pending.current === null) return;
    const v = pending.current;
    pending.current = null;
    void saveDraft(db, { key, value: v, ...metaRef.current });
  }, [db, key]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  const set = useCallback(
    (update: T | ((previous: T) => T)) => {
      setValue((previous) => {
        const next = typeof update === 'function' ? (update as (p: T) => T)(previous) : update;
        pending.current = next;
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(flush, WRITE_DELAY_MS);
        return next;
      });
    },
    [flush],
  );

  const clear = useCallback(async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    await deleteDraft(db, key);
    setRestored(false);
  }, [db, key]);

  return { value, loaded, restored, set, clear };
}
