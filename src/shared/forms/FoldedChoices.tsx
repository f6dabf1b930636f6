// A long "choose all that apply" list (more than FOLD_AFTER options, e.g. where the household
// income comes from: 13 sources) folded to one line on a phone: the question, what is chosen
// ("Earned income, Child support" or "None chosen yet") and a "Choose" button that opens the
// checkboxes; "Done" folds them again. Open while it has an error, so the error is beside what
// fixes it. The checkboxes, when open, are the ordinary CheckboxGroup (a group named by the
// question), so nothing about answering changes; only the page is shorter while nobody is
// choosing.
import { useState } from 'react';
import { CheckboxGroup, type Option } from '../ui';

/** Lists longer than this are folded. */
export const FOLD_AFTER = 6;

export function FoldedChoices<V extends string | number>(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  values: readonly V[];
  options: readonly Option<V>[];
  onChange(values: V[]): void;
}) {
  const [open, setOpen] = useState(false);
  const shown = open || props.error !== undefined;
  const chosen = props.options.filter((o) => props.values.includes(o.value)).map((o) => o.label);
  if (shown) {
    return (
      <div className="fr-folded fr-folded-open">
        <CheckboxGroup
          id={props.id}
          label={props.label}
          hint={props.hint}
          error={props.error}
          required={props.required}
          columns={false}
          values={props.values}
          options={props.options}
          onChange={props.onChange}
        />
        <button
          type="button"
          className="button button-secondary fr-folded-toggle"
          aria-expanded="true"
          aria-controls={props.id}
          onClick={() => setOpen(false)}
        >
          Done choosing
        </button>
      </div>
    );
  }
  return (
    <div className="fr-folded">
      <p className="fr-folded-label" id={`${props.id}-label`}>
        {props.label}
        {props.required ? <span className="muted"> (required)</span> : null}
      </p>
      <p className="fr-folded-chosen" id={`${props.id}-chosen`}>
        {chosen.length > 0 ? chosen.join(', ') : 'None chosen yet'}
      </p>
      <button
        type="button"
        className="button button-secondary fr-folded-toggle"
        aria-expanded="false"
        aria-describedby={`${props.id}-label ${props.id}-chosen`}
        onClick={() => setOpen(true)}
      >
        {chosen.length > 0 ? 'Change' : 'Choose'}
      </button>
    </div>
  );
}
