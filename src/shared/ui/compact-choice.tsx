// A compact choice row: the question and its usual answers as a segmented control ("Yes", "No"),
// with the rarely used answers (HUD's "Client doesn't know", "Client prefers not to answer",
// "Data not collected") behind a small "Other answer" toggle, shown open while one of them is
// chosen. It is a fieldset named by its legend holding native radios of one name: a named group
// of radios to assistive technology, arrow keys move between the answers shown, and every tap
// target is at least 44px tall (src/shared/forms/forms.css). Nothing is chosen until the case
// manager taps an answer: an unanswered question stays unanswered.
import { useId, useState, type ReactNode } from 'react';
import type { Option } from './fields';

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Questions longer than this put their answers on the line below rather than beside them. */
const SIDE_BY_SIDE_MAX_CHARS = 36;

export function CompactChoice<V extends string | number>(props: {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  id?: string;
  value: V | null;
  /** The answers shown as segments, in the order shown. */
  options: readonly Option<V>[];
  /** The answers behind "Other answer". */
  otherOptions?: readonly Option<V>[];
  onChange(value: V): void;
  /** Answers on the line below the question, e.g. for more than two answers; by default only long questions. */
  stacked?: boolean;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const other = props.otherOptions ?? [];
  const chosenOther = other.some((o) => o.value === props.value);
  const [otherOpen, setOtherOpen] = useState(false);
  const showOther = chosenOther || otherOpen;
  const stacked = props.stacked ?? props.label.length > SIDE_BY_SIDE_MAX_CHARS;
  /** The answers shown and the "Other answer" toggle: up to four share a row when stacked. */
  const segments = props.options.length + (other.length > 0 && !chosenOther ? 1 : 0);
  const radio = (o: Option<V>) => (
    <label className="compact-choice-segment" key={String(o.value)}>
      <input
        autoComplete="off"
        type="radio"
        name={id}
        checked={props.value === o.value}
        onChange={() => props.onChange(o.value)}
      />
      <span>{o.label}</span>
    </label>
  );
  return (
    <fieldset
      className={`field compact-choice${stacked ? ' compact-choice-stacked' : ''}${props.error ? ' field-invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend className="compact-choice-label">
        {props.label}
        {props.required ? <span className="field-required"> (required)</span> : null}
      </legend>
      {props.hint ? (
        <p className="field-hint compact-choice-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <div
        className={`compact-choice-segments${segments > 4 ? ' compact-choice-segments-many' : ''}`}
      >
        {props.options.map(radio)}
        {other.length > 0 && !chosenOther ? (
          <button
            type="button"
            className="compact-choice-more"
            aria-expanded={otherOpen}
            aria-controls={`${id}-other`}
            aria-label="Other answer"
            onClick={() => setOtherOpen((open) => !open)}
          >
            Other…
          </button>
        ) : null}
      </div>
      {props.error ? (
        <p className="field-error compact-choice-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      {other.length > 0 ? (
        <div className="compact-choice-other" id={`${id}-other`} hidden={!showOther}>
          {other.map(radio)}
        </div>
      ) : null}
    </fieldset>
  );
}
