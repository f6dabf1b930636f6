// Renders assessment forms from their definitions in src/domain/forms: which fields show, in what
// order, with which options, is decided by the definitions (fieldStatuses), never by a screen.
//
// Compact for a phone (forms.css):
//  - a yes/no question is one row, its rare HUD answers behind "Other answer" (CompactChoice);
//  - under a "from any source" answer of Yes, "No to all the other …" answers every source still
//    unanswered with No (source-families.ts), never one already answered;
//  - Total monthly income is computed from the amounts (computed-totals.ts), shown read-only and
//    written into the answers whenever an amount changes;
//  - each section is a collapsible block whose heading says how much of it is answered;
//  - with `accordion`, a form is an accordion: only the first section that needs attention starts
//    open, the others show their heading, progress and what is left to answer (their questions
//    are not rendered, so the page is short); each open section ends with "Next section", which
//    opens the next and closes those that are complete; a section with an error is always open.
// Nothing is ever answered for the case manager: an unanswered question stays unanswered.
import { useEffect, useRef, useState, type ReactNode } from 'react';
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
  /**
   * One section open at a time, as far as it can be (see the file's head): for the long forms of
   * project start, a contact's interim update and exit on a phone.
   */
  accordion?: boolean;
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
  /** Labels of the answerable questions still unanswered, required ones first. */
  left: string[];
  /** Required questions still unanswered. */
  requiredLeft: number;
  /** An error, or a required question unanswered (or answered 8/9/99). */
  attention: boolean;
  hasError: boolean;
}

/**
 * A form of many one-question sections (4.05–4.10: a question per disability, and its follow-up):
 * in an accordion it is one section named after the form, not six headings for six questions.
 */
function isListOfQuestions(form: FormDefinition): boolean {
  return form.sections.length >= 3 && form.sections.every((s) => s.fields.length <= 2);
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
    const merged = props.accordion === true && isListOfQuestions(s.form);
    const key = merged ? `${s.form.id}:all` : `${s.form.id}:${s.sectionId}`;
    let section = sections.at(-1);
    if (section?.key !== key) {
      const title = merged
        ? s.form.name
        : (s.form.sections.find((x) => x.id === s.sectionId)?.title ?? s.sectionId);
      section = {
        key,
        title,
        fields: [],
        answerable: 0,
        answered: 0,
        left: [],
        requiredLeft: 0,
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
    else if (missing.has(field.id)) {
      section.left.splice(section.requiredLeft, 0, field.label);
      section.requiredLeft += 1;
    } else section.left.push(field.label);
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

/**
 * Done for now: no error and no required question unanswered (an optional one may be; an answer
 * of "Client doesn't know" is an answer). "Next section" closes such a section.
 */
function isComplete(section: SectionView): boolean {
  return !section.hasError && section.requiredLeft === 0;
}

/** What a collapsed section still asks, on one line: "Left: Does the client … · … (and 2 more)". */
const LEFT_SHOWN = 2;
function leftWords(section: SectionView): string {
  const shown = section.left.slice(0, LEFT_SHOWN).join(' · ');
  const more = section.left.length - LEFT_SHOWN;
  return `Left: ${shown}${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** The sections open when an accordion first shows: the first that needs attention. */
function initiallyOpen(sections: readonly SectionView[]): ReadonlySet<string> {
  const first = sections.find((s) => s.attention);
  return new Set(first ? [first.key] : []);
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
  // With `accordion` (opt-in, for the long forms a phone scrolls through), sections start collapsed
  // except the first that needs attention, and only a section with an error is held open: every
  // other one opens with one tap on its heading, which says what is left in it.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [noToAllDone, setNoToAllDone] = useState<Readonly<Record<string, number>>>({});
  // The accordion's open sections, fixed when the form first has sections (and again when it
  // shows another member: a new idPrefix), never moved by answering: a section the case manager
  // is answering does not close under the thumb.
  const [accordionState, setAccordionState] = useState<{
    prefix: string;
    open: ReadonlySet<string>;
  } | null>(null);
  const accordion = props.accordion === true;
  const accordionOpen =
    accordionState?.prefix === prefix ? accordionState.open : initiallyOpen(sections);
  if (accordion && sections.length > 0 && accordionState?.prefix !== prefix) {
    setAccordionState({ prefix, open: accordionOpen });
  } else if (accordion && sections.some((s) => s.hasError && !accordionOpen.has(s.key))) {
    // A section opened by an error stays open once the error is fixed, or it would close under
    // the thumb that is fixing it.
    const withErrors = sections.filter((s) => s.hasError).map((s) => s.key);
    setAccordionState({ prefix, open: new Set([...accordionOpen, ...withErrors]) });
  }
  const toggles = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current === null) return;
    toggles.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const isOpen = (section: SectionView) =>
    accordion
      ? section.hasError || accordionOpen.has(section.key)
      : section.attention || !collapsed.has(section.key);

  /** "Next section": opens that section and closes the others that are complete. */
  const openSection = (key: string) => {
    const next = new Set<string>([key]);
    for (const s of sections) {
      if (accordionOpen.has(s.key) && !isComplete(s)) next.add(s.key);
    }
    setAccordionState({ prefix, open: next });
  };

  const toggle = (section: SectionView) => {
    if (!accordion) {
      setCollapsed((prev) => {
        const next = new Set(prev);
        if (next.has(section.key)) next.delete(section.key);
        else next.add(section.key);
        return next;
      });
    } else if (accordionOpen.has(section.key)) {
      const next = new Set(accordionOpen);
      next.delete(section.key);
      setAccordionState({ prefix, open: next });
    } else {
      // Opening by its heading keeps the others as they are (the person may compare two);
      // "Next section" is what closes a finished one.
      setAccordionState({ prefix, open: new Set([...accordionOpen, section.key]) });
    }
  };

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
      {sections.map((section, index) => {
        const open = isOpen(section);
        const bodyId = `${prefix}-section-${section.key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        const placement = noToAllPlacement(section.fields);
        const following = accordion ? sections[index + 1] : undefined;
        const showLeft = accordion && !open && section.left.length > 0;
        let body: ReactNode = null;
        if (open) {
          body = section.fields.map((field, i) => {
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
          });
        }
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
                disabled={accordion ? section.hasError : section.attention}
                ref={(el) => {
                  if (el) toggles.current.set(section.key, el);
                  else toggles.current.delete(section.key);
                }}
                onClick={() => toggle(section)}
              >
                <span className="fr-section-name">{section.title}</span>
                <span className={`fr-section-progress${showLeft ? ' fr-section-left' : ''}`}>
                  {progressWords(section)}
                  {showLeft ? ` · ${leftWords(section)}` : null}
                </span>
              </button>
            </Heading>
            <div className="fr-section-body" id={bodyId} hidden={!open}>
              {body}
              {open && following ? (
                <div className="fr-next-section">
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => {
                      focusNext.current = following.key;
                      openSection(following.key);
                    }}
                  >
                    Next section: {following.title}
                  </button>
                </div>
              ) : null}
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
