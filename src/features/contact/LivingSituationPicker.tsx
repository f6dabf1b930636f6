// The 4.12 Current Living Situation choice: the previous situation as one big "Same as last time"
// button, and every situation valid for 4.12 as radio buttons grouped by living-situation group.
// Once a situation is tapped the list folds away to one line with a "Change" button, so the
// questions that follow it are in reach of a thumb.
import { useState } from 'react';
import { shortLabel } from '../../domain/validation';
import type { LivingSituationOptionGroup } from '../../domain/workflow/living-situations';
import { formatDate } from '../../shared/format';
import { Button } from '../../shared/ui';

export function LivingSituationPicker(props: {
  id: string;
  value: number | null;
  groups: readonly LivingSituationOptionGroup[];
  previous: { code: number; label: string; date: string | null } | null;
  error?: string;
  /** The question, when not about "the client" (another household member). */
  legend?: string;
  /** The "Change" button's accessible name, unique on the screen. */
  changeLabel?: string;
  onChange(code: number): void;
  onSameAsLastTime(): void;
}) {
  const { id, value, groups, previous, error } = props;
  const [open, setOpen] = useState(value === null);
  const listOpen = open || value === null;
  const label = groups.flatMap((g) => g.options).find((o) => o.code === value)?.label;
  const described = error ? `${id}-error` : undefined;

  return (
    <div className={`field contact-cls${error ? ' field-invalid' : ''}`}>
      {previous !== null && value !== previous.code ? (
        <Button
          variant="primary"
          className="button button-primary contact-same"
          onClick={() => {
            props.onSameAsLastTime();
            setOpen(false);
          }}
        >
          Same as last time: {shortLabel(previous.label)}
          {previous.date ? (
            <span className="contact-same-date"> (recorded {formatDate(previous.date)})</span>
          ) : null}
        </Button>
      ) : null}
      {!listOpen && label !== undefined ? (
        <div className="contact-cls-chosen" id={id} tabIndex={-1} aria-describedby={described}>
          <p className="field-label">Current Living Situation</p>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          <p className="contact-cls-value">{label}</p>
          <Button
            onClick={() => setOpen(true)}
            aria-label={props.changeLabel ?? 'Change the Current Living Situation'}
          >
            Change
          </Button>
        </div>
      ) : (
        <fieldset
          className="choice-group contact-cls-list"
          id={id}
          tabIndex={-1}
          aria-describedby={described}
        >
          <legend className="field-label">
            {props.legend ?? 'Where is the client staying now?'}
            <span className="field-required"> (required)</span>
          </legend>
          {error ? (
            <p className="field-error" id={`${id}-error`}>
              {error}
            </p>
          ) : null}
          {groups.map((group) => (
            <fieldset className="contact-cls-group" key={group.group}>
              <legend className="contact-cls-group-title">{group.title}</legend>
              {group.options.map((o) => (
                <label className="choice" key={o.code}>
                  <input
                    autoComplete="off"
                    type="radio"
                    name={`${id}-radio`}
                    value={String(o.code)}
                    checked={value === o.code}
                    onChange={() => props.onChange(o.code)}
                    onClick={(event) => {
                      // A tap or click folds the list away; arrow keys (click events with
                      // detail 0) only move the choice, so keyboard users can browse.
                      if (event.detail > 0) setOpen(false);
                    }}
                  />
                  <span>{o.label}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </fieldset>
      )}
    </div>
  );
}
