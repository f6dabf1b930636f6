// Form controls: every control has a visible label, its hint and error are tied to it with
// aria-describedby, errors set aria-invalid, and touch targets are at least 44px (app.css).
import { useId, type ReactNode } from 'react';

export interface Option<V extends string | number = string | number> {
  value: V;
  label: string;
}

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  /** Stable id for ErrorSummary links; generated when absent. */
  id?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function HintAndError({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | null;
}) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function RequiredMark({ required }: { required?: boolean }) {
  return required ? <span className="field-required"> (required)</span> : null;
}

export function TextField(
  props: Common & {
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'date' | 'time' | 'datetime-local' | 'tel' | 'email' | 'password' | 'search';
    inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search';
    autoComplete?: string;
    maxLength?: number;
    multiline?: boolean;
    placeholder?: string;
    max?: string;
    min?: string;
    /** Shown but not typed in, e.g. a total computed from other answers. */
    readOnly?: boolean;
    /** Lines a multiline field shows before it scrolls (4 by default). */
    rows?: number;
  },
) {
  const generated = useId();
  const id = props.id ?? generated;
  const common = {
    id,
    name: id,
    value: props.value,
    required: props.required,
    maxLength: props.maxLength,
    placeholder: props.placeholder,
    readOnly: props.readOnly,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
  };
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.multiline ? (
        <textarea
          {...common}
          autoComplete="off"
          rows={props.rows ?? 4}
          onChange={(e) => props.onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          autoComplete={props.autoComplete ?? 'off'}
          max={props.max}
          min={props.min}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  );
}

export function SelectField<V extends string | number>(
  props: Common & {
    value: V | null;
    options: readonly Option<V>[];
    onChange(value: V | null): void;
    placeholder?: string;
  },
) {
  const generated = useId();
  const id = props.id ?? generated;
  const index = props.options.findIndex((o) => o.value === props.value);
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
        <RequiredMark required={props.required} />
      </label>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      <select
        autoComplete="off"
        id={id}
        name={id}
        value={index === -1 ? '' : String(index)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(e) =>
          props.onChange(
            e.target.value === '' ? null : props.options[Number(e.target.value)]!.value,
          )
        }
      >
        <option value="">{props.placeholder ?? 'Choose…'}</option>
        {props.options.map((o, i) => (
          <option key={String(o.value)} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The fieldset, legend, hint and error every group of radios or checkboxes shares. */
function ChoiceFieldset(
  props: Common & { id: string; inline?: boolean; columns?: boolean; children: ReactNode },
) {
  const { id } = props;
  return (
    <fieldset
      className={`field choice-group${props.inline ? ' choice-inline' : ''}${props.columns ? ' choice-columns' : ''}${props.error ? ' field-invalid' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(id, props.hint, props.error)}
    >
      <legend className="field-label">
        {props.label}
        <RequiredMark required={props.required} />
      </legend>
      <HintAndError id={id} hint={props.hint} error={props.error} />
      {props.children}
    </fieldset>
  );
}

export function RadioGroup<V extends string | number>(
  props: Common & {
    value: V | null;
    options: readonly Option<V>[];
    onChange(value: V | null): void;
    /** Lays short options side by side. */
    inline?: boolean;
  },
) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <ChoiceFieldset {...props} id={id}>
      {props.options.map((o) => (
        <label className="choice" key={String(o.value)}>
          <input
            autoComplete="off"
            type="radio"
            name={id}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </ChoiceFieldset>
  );
}

export function CheckboxGroup<V extends string | number>(
  props: Common & {
    values: readonly V[];
    options: readonly Option<V>[];
    onChange(values: V[]): void;
    /** Two options to a line (each still a 44px target), for long lists on a phone. */
    columns?: boolean;
  },
) {
  const generated = useId();
  const id = props.id ?? generated;
  const toggle = (value: V, on: boolean) => {
    const rest = props.values.filter((v) => v !== value);
    // Keep the options' order, whatever order they were ticked in.
    const next = on ? [...rest, value] : rest;
    props.onChange(props.options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <ChoiceFieldset {...props} id={id}>
      {props.options.map((o) => (
        <label className="choice" key={String(o.value)}>
          <input
            autoComplete="off"
            type="checkbox"
            name={id}
            checked={props.values.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </ChoiceFieldset>
  );
}
