// Renders assessment forms from their definitions in src/domain/forms: which fields show, in what
// order, with which options, is decided by the definitions (fieldStatuses), never by a screen.
//
// Compact for a phone (forms.css):
//  - a yes/no question is one row, its rare HUD answers behind "Other answer" (CompactChoice);
//  - under a "from any source" answer of Yes, "No to all the other …" answers every source still
//    unanswered with No (source-families.ts), never one already answered;
//  - Total monthly income is computed from the amounts (computed-totals.ts), shown read-only and
//    written into the answers whenever an amount changes;
//  - each section is a collapsible block whose heading says how much of it is answered.
// Nothing is ever answered for the case manager: an unanswered question stays unanswered.
import { useEffect, useRef, useState } from 'react';
import {
  computeTotal,
  computedTotalOf,
  conditionFields,
  fieldStatuses,
  isEmptyAnswer,
  missingFields,
  noToOtherSources,
  SOURCE_FAMILIES,
  totalsAfterChange,
  unansweredSources,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type FormField,
  type FormStage,
  type SourceFamily,
  requiredStages,
} from '../../domain/forms';
import { formatMoney } from '../../domain/validation';
import { CheckboxGroup, RadioGroup, SelectField, TextField, type Option } from '../ui';
import { CompactChoice } from '../ui/compact-choice';
import { fieldOptions } from './options';
import './forms.css';

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
/** Options this short are laid out side by side as chips rather than one per line. */
const CHIP_MAX_CHARS = 16;
const YES = 1;
const NO = 0;

interface SectionView {
  key: string;
  title: string;
  fields: FormField[];
  /** Fields the case manager answers (not notes, not computed totals). */
  answerable: number;
  answered: number;
  /** An error, or a required question unanswered (or answered 8/9/99). */
  attention: boolean;
  hasError: boolean;
}

function buildSections(props: FormRendererProps): SectionView[] {
  const context = props.context ?? {};
  const statuses = fieldStatuses(props.forms, props.stage, props.answers, context);
  const missing = new Set(
    missingFields(props.forms, props.stage, props.answers, context).map((m) => m.fieldId),
  );
  const sections: SectionView[] = [];
  for (const s of statuses) {
    if (s.state !== 'asked') continue;
    if (props.only && s.field.type !== 'note' && !props.only(s.field.id)) continue;
    const key = `${s.form.id}:${s.sectionId}`;
    let section = sections.at(-1);
    if (section?.key !== key) {
      const title = s.form.sections.find((x) => x.id === s.sectionId)?.title ?? s.sectionId;
      section = {
        key,
        title,
        fields: [],
        answerable: 0,
        answered: 0,
        attention: false,
        hasError: false,
      };
      sections.push(section);
    }
    const field = s.field;
    section.fields.push(field);
    if (field.type === 'note') continue;
    const error = props.errors?.[field.id] !== undefined;
    section.hasError ||= error;
    section.attention ||= error || missing.has(field.id);
    if (computedTotalOf(field.id) !== undefined) continue;
    section.answerable += 1;
    if (!isEmptyAnswer(props.answers[field.id])) section.answered += 1;
  }
  return sections.filter((s) => s.fields.some((f) => f.type !== 'note'));
}

/**
 * Where "No to all the others" goes in a section: after the family's last source and the
 * questions that follow from it (its amount, "what is the other …"), so it comes after the list
 * the case manager has just gone through.
 */
function noToAllPlacement(fields: readonly FormField[]): Map<number, SourceFamily> {
  const at = new Map<number, SourceFamily>();
  for (const family of SOURCE_FAMILIES) {
    const last = family.sourceIds.at(-1)!;
    let i = fields.findIndex((f) => f.id === last);
    if (i === -1) continue;
    while (
      i + 1 < fields.length &&
      fields[i + 1]!.showWhen !== undefined &&
      conditionFields(fields[i + 1]!.showWhen!).includes(last)
    ) {
      i += 1;
    }
    at.set(i, family);
  }
  return at;
}

/** "4 of 6 answered": short enough to share the heading's line on a phone. */
function progressWords(section: SectionView): string {
  const base = `${section.answered} of ${section.answerable} answered`;
  return section.hasError ? `${base} · needs a fix` : base;
}

export function FormRenderer(props: FormRendererProps) {
  const prefix = props.idPrefix ?? 'f';
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const sections = buildSections(props);
  // Decision: every section starts open, and nothing collapses by itself; the case manager
  // collapses a section once nothing in it needs attention. A section with an error or a required
  // question unanswered (or answered 8/9/99) is always open, its toggle disabled, so the error
  // summary's links always land on a visible question. Complete sections do not start collapsed
  // even when the answers are carried over (a contact's income, a draft brought back): the case
  // manager opened the form to go through them, and they stay findable where they were.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [noToAllDone, setNoToAllDone] = useState<Readonly<Record<string, number>>>({});

  const change = (fieldId: string, value: AnswerValue, answers: Answers = props.answers) => {
    props.onChange(fieldId, value);
    for (const [id, total] of Object.entries(totalsAfterChange(answers, fieldId, value))) {
      props.onChange(id, total);
    }
  };

  const noToAll = (family: SourceFamily) => {
    let answers: Answers = props.answers;
    const set = noToOtherSources(family, answers);
    for (const [id, value] of Object.entries(set)) {
      change(id, value, answers);
      answers = { ...answers, [id]: value };
    }
    setNoToAllDone((done) => ({ ...done, [family.id]: Object.keys(set).length }));
  };

  return (
    <div className="form-renderer">
      {sections.map((section) => {
        const open = section.attention || !collapsed.has(section.key);
        const bodyId = `${prefix}-section-${section.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        const placement = noToAllPlacement(section.fields);
        return (
          // Not a named region: two forms on one page would repeat landmark names.
          <section
            className={`form-section fr-section${open ? '' : ' fr-section-collapsed'}`}
            key={section.key}
          >
            <Heading className="form-section-title fr-section-title">
              <button
                type="button"
                className="fr-section-toggle"
                aria-expanded={open}
                aria-controls={bodyId}
                disabled={section.attention}
                onClick={() =>
                  setCollapsed((prev) => {
                    const next = new Set(prev);
                    if (next.has(section.key)) next.delete(section.key);
                    else next.add(section.key);
                    return next;
                  })
                }
              >
                <span className="fr-section-name">{section.title}</span>
                <span className="fr-section-progress">{progressWords(section)}</span>
              </button>
            </Heading>
            <div className="fr-section-body" id={bodyId} hidden={!open}>
              {section.fields.map((field, i) => {
                const family = placement.get(i);
                return (
                  <FieldWithExtras
                    key={field.id}
                    field={field}
                    prefix={prefix}
                    props={props}
                    onChange={(v) => change(field.id, v)}
                    family={family}
                    noToAllDone={family ? noToAllDone[family.id] : undefined}
                    onNoToAll={noToAll}
                  />
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function FieldWithExtras(p: {
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
function NoToAllStatus(props: { count: number; words: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p className="fr-no-to-all-status" tabIndex={-1} ref={ref} role="status">
      {props.count} of the other {props.words} set to No.
    </p>
  );
}

function moneyText(value: AnswerValue | undefined): string {
  return typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
}

/** Splits a yes/no list into the segments (Yes, No) and the rare HUD answers (8, 9, 99). */
function yesNoOptions(options: readonly Option<string | number>[]) {
  const main = [YES, NO]
    .map((code) => options.find((o) => o.value === code))
    .filter((o): o is Option<string | number> => o !== undefined);
  const other = options.filter((o) => o.value !== YES && o.value !== NO);
  return { main, other };
}

function FieldControl(props: {
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
