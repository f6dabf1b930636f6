// Renders assessment forms from their definitions in src/domain/forms: which fields show, in what
// order, with which options, is decided by the definitions (fieldStatuses), never by a screen.
import {
  fieldStatuses,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type FormField,
  type FormStage,
  requiredStages,
} from '../../domain/forms';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../ui';
import { fieldOptions } from './options';

export interface FormRendererProps {
  forms: readonly FormDefinition[];
  stage: FormStage;
  answers: Answers;
  onChange(fieldId: string, value: AnswerValue): void;
  context?: FormContext;
  /** Messages by field id (from checkAnswers or the screen's own rules). */
  errors?: Readonly<Record<string, string>>;
  /** Only these fields (and the notes of their sections) are shown, e.g. the missing ones. */
  only?: (fieldId: string) => boolean;
  /** Prefix for element ids, so two renderers on a page never clash. */
  idPrefix?: string;
  /** Heading level of section titles. */
  headingLevel?: 2 | 3;
}

/** The element id of a field's control, for error links. */
export function fieldElementId(fieldId: string, idPrefix = 'f'): string {
  return `${idPrefix}-${fieldId}`;
}

/** Choice lists up to this size are radio buttons (one tap); longer ones are a select. */
const MAX_RADIO_OPTIONS = 6;

export function FormRenderer(props: FormRendererProps) {
  const statuses = fieldStatuses(props.forms, props.stage, props.answers, props.context ?? {});
  const prefix = props.idPrefix ?? 'f';
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const sections: { key: string; title: string; fields: FormField[] }[] = [];
  for (const s of statuses) {
    if (s.state !== 'asked') continue;
    if (props.only && s.field.type !== 'note' && !props.only(s.field.id)) continue;
    const key = `${s.form.id}:${s.sectionId}`;
    let section = sections.at(-1);
    if (section?.key !== key) {
      const title = s.form.sections.find((x) => x.id === s.sectionId)?.title ?? s.sectionId;
      section = { key, title, fields: [] };
      sections.push(section);
    }
    section.fields.push(s.field);
  }
  const shown = sections.filter((s) => s.fields.some((f) => f.type !== 'note'));
  return (
    <div className="form-renderer">
      {shown.map((section) => (
        // Not a named region: two forms on one page would repeat landmark names.
        <section className="form-section" key={section.key}>
          <Heading className="form-section-title">{section.title}</Heading>
          {section.fields.map((field) => (
            <FieldControl
              key={field.id}
              field={field}
              id={fieldElementId(field.id, prefix)}
              stage={props.stage}
              value={props.answers[field.id]}
              error={props.errors?.[field.id]}
              onChange={(v) => props.onChange(field.id, v)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function moneyText(value: AnswerValue | undefined): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

function FieldControl(props: {
  field: FormField;
  id: string;
  stage: FormStage;
  value: AnswerValue | undefined;
  error?: string;
  onChange(value: AnswerValue): void;
}) {
  const { field, id, value } = props;
  const required = requiredStages(field).includes(props.stage);
  const common = { id, label: field.label, hint: field.help, error: props.error, required };
  switch (field.type) {
    case 'note':
      return <p className="form-note">{field.label}</p>;
    case 'single':
    case 'yesno': {
      const options = fieldOptions(field);
      const current = typeof value === 'number' || typeof value === 'string' ? value : null;
      return options.length <= MAX_RADIO_OPTIONS ? (
        <RadioGroup
          {...common}
          inline={field.type === 'yesno'}
          value={current}
          options={options}
          onChange={(v) => props.onChange(v)}
        />
      ) : (
        <SelectField
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
      return (
        <CheckboxGroup
          {...common}
          values={values}
          options={options}
          onChange={(v) => props.onChange(v)}
        />
      );
    }
    case 'money':
    case 'integer':
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
          maxLength={field.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(text) => props.onChange(text === '' ? null : text)}
        />
      );
  }
}
