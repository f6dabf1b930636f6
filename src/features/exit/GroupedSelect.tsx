// A select whose options are grouped (<optgroup>) by living-situation group, with the markup of
// the shared SelectField: a visible label, hint and error tied with aria-describedby.
import type { ReactNode } from 'react';
import type { LivingSituationOptionGroup } from '../../domain/workflow/living-situations';

export function GroupedSelect(props: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  required?: boolean;
  value: number | null;
  groups: readonly LivingSituationOptionGroup[];
  onChange(value: number | null): void;
  placeholder?: string;
}) {
  const { id } = props;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field${props.error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
        {props.required ? <span className="field-required"> (required)</span> : null}
      </label>
      {props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      ) : null}
      <select
        autoComplete="off"
        id={id}
        name={id}
        value={props.value === null ? '' : String(props.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.target.value === '' ? null : Number(e.target.value))}
      >
        <option value="">{props.placeholder ?? 'Choose…'}</option>
        {props.groups.map((g) => (
          <optgroup key={g.group} label={g.title}>
            {g.options.map((o) => (
              <option key={o.code} value={String(o.code)}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
