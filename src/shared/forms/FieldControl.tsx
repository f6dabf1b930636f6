// One question's control in a FormRenderer (compact yes/no rows, chips, selects, money, text),
// with the extras some questions carry ("No to all the others", a computed total).
import { useEffect, useRef } from 'react';
import {
  computeTotal,
  computedTotalOf,
  unansweredSources,
  type AnswerValue,
  type Answers,
  type FormField,
  type FormStage,
  type SourceFamily,
  requiredStages,
} from '../../domain/forms';
import { formatMoney } from '../../domain/validation';
import { CheckboxGroup, RadioGroup, SelectField, TextField, type Option } from '../ui';
import { CompactChoice } from '../ui/compact-choice';
import { FOLD_AFTER, FoldedChoices } from './FoldedChoices';
import { fieldOptions } from './options';
import { fieldElementId, type FormRendererProps } from './FormRenderer';

/** Choice lists up to this size are radio buttons (one tap); longer ones are a select. */
const MAX_RADIO_OPTIONS = 6;
/** Options this short are laid out side by side as chips rather than one per line. */
const CHIP_MAX_CHARS = 16;
const YES = 1;
const NO = 0;

export function FieldWithExtras(p: {
  field: FormField;
  prefix: string;
  props: FormRendererProps;
  onChange(value: AnswerValue): void;
  family: SourceFamily | undefined;
  noToAllDone: number | undefined;
  onNoToAll(family: SourceFamily): void;
}) {
  const { field, props, family } = p;
  const control = (
    <FieldControl
      field={field}
      id={fieldElementId(field.id, p.prefix)}
      stage={props.stage}
      value={props.answers[field.id]}
      answers={props.answers}
      error={props.errors?.[field.id]}
      onChange={p.onChange}
    />
  );
  if (family === undefined || props.answers[family.anyId] !== YES) return control;
  const left = unansweredSources(family, props.answers).length;
  return (
    <>
      {control}
      {left > 0 ? (
        <div className="fr-no-to-all">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => p.onNoToAll(family)}
          >
            No to all the other {family.sourceWords}
          </button>
        </div>
      ) : p.noToAllDone !== undefined ? (
        <NoToAllStatus count={p.noToAllDone} words={family.sourceWords} />
      ) : null}
    </>
  );
}

/** What "No to all the others" did, focused as it appears: the button it replaces is gone. */
export function NoToAllStatus(props: { count: number; words: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p className="fr-no-to-all-status" tabIndex={-1} ref={ref} role="status">
      {props.count} of the other {props.words} set to No.
    </p>
  );
}

export function moneyText(value: AnswerValue | undefined): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

/** Splits a yes/no list into the segments (Yes, No) and the rare HUD answers (8, 9, 99). */
export function yesNoOptions(options: readonly Option<string | number>[]) {
  const main = [YES, NO]
    .map((code) => options.find((o) => o.value === code))
    .filter((o): o is Option<string | number> => o !== undefined);
  const other = options.filter((o) => o.value !== YES && o.value !== NO);
  return { main, other };
}

export function FieldControl(props: {
  field: FormField;
  id: string;
  stage: FormStage;
  value: AnswerValue | undefined;
  answers: Answers;
  error?: string;
  onChange(value: AnswerValue): void;
}) {
  const { field, id, value } = props;
  const required = requiredStages(field).includes(props.stage);
  // A help text that only repeats the question (HUD's "Child support" under "Child support") is left out.
  const hint =
    field.help !== undefined && field.help.toLowerCase() !== field.label.toLowerCase()
      ? field.help
      : undefined;
  const common = { id, label: field.label, hint, error: props.error, required };
  switch (field.type) {
    case 'note':
      return <p className="form-note">{field.label}</p>;
    case 'yesno': {
      const { main, other } = yesNoOptions(fieldOptions(field));
      const current = typeof value === 'number' || typeof value === 'string' ? value : null;
      return (
        <CompactChoice
          {...common}
          value={current}
          options={main}
          otherOptions={other}
          onChange={(v) => props.onChange(v)}
        />
      );
    }
    case 'single': {
      const options = fieldOptions(field);
      const current = typeof value === 'number' || typeof value === 'string' ? value : null;
      if (options.length > MAX_RADIO_OPTIONS) {
        return (
          <SelectField
            {...common}
            value={current}
            options={options}
            onChange={(v) => props.onChange(v)}
          />
        );
      }
      // Short answers ("Has it", "Working on it") as segments on the line below the question.
      return options.every((o) => o.label.length <= CHIP_MAX_CHARS) ? (
        <CompactChoice
          {...common}
          stacked
          value={current}
          options={options}
          onChange={(v) => props.onChange(v)}
        />
      ) : (
        <RadioGroup
          {...common}
          value={current}
          options={options}
          onChange={(v) => props.onChange(v)}
        />
      );
    }
    case 'multi': {
      const options = fieldOptions(field);
      const values = Array.isArray(value) ? value : [];
      if (options.length > FOLD_AFTER) {
        return (
          <FoldedChoices
            {...common}
            values={values}
            options={options}
            onChange={(v) => props.onChange(v)}
          />
        );
      }
      return (
        <CheckboxGroup
          {...common}
          columns={options.length > 4}
          values={values}
          options={options}
          onChange={(v) => props.onChange(v)}
        />
      );
    }
    case 'money':
    case 'integer': {
      const total = computedTotalOf(field.id);
      if (total !== undefined) {
        const sum = computeTotal(total, props.answers);
        const held = typeof value === 'number' ? value : null;
        return (
          <div className="fr-computed">
            <TextField
              {...common}
              required={false}
              hint={
                held !== null && sum !== null && held !== sum
                  ? `Saved as ${formatMoney(held)}; the amounts above add up to ${formatMoney(sum)}.`
                  : 'Added up from the monthly amounts above.'
              }
              readOnly
              value={sum === null ? '' : formatMoney(sum)}
              onChange={() => {}}
            />
            {held !== null && sum !== null && held !== sum ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => props.onChange(sum)}
              >
                Use {formatMoney(sum)}
              </button>
            ) : null}
          </div>
        );
      }
      return (
        <TextField
          {...common}
          inputMode={field.type === 'money' ? 'decimal' : 'numeric'}
          value={moneyText(value)}
          onChange={(text) => {
            const trimmed = text.trim();
            // Kept as typed until it is a number, so "12." can become "12.50"; checkAnswers
            // reports a value that never becomes one.
            const n = Number(trimmed);
            props.onChange(
              trimmed === '' ? null : Number.isFinite(n) && !trimmed.endsWith('.') ? n : trimmed,
            );
          }}
        />
      );
    }
    case 'date':
      return (
        <TextField
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(text) => props.onChange(text === '' ? null : text)}
        />
      );
    case 'text':
      return (
        <TextField
          {...common}
          multiline={field.multiline}
          rows={2}
          maxLength={field.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(text) => props.onChange(text === '' ? null : text)}
        />
      );
  }
}
