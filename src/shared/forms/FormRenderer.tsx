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
  noToOtherSources,
  totalsAfterChange,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type FormStage,
  type SourceFamily,
} from '../../domain/forms';
import './forms.css';
import { FieldWithExtras } from './FieldControl';
import {
  buildSections,
  initiallyOpen,
  isComplete,
  leftWords,
  noToAllPlacement,
  progressWords,
  type SectionView,
} from './sections';

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
