// The sections a FormRenderer shows: built from the form definitions' statuses, with their
// progress, what is left, and which an accordion opens first.
import {
  computedTotalOf,
  conditionFields,
  fieldStatuses,
  isEmptyAnswer,
  missingFields,
  SOURCE_FAMILIES,
  type FormDefinition,
  type FormField,
  type SourceFamily,
} from '../../domain/forms';
import type { FormRendererProps } from './FormRenderer';

export interface SectionView {
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
export function isListOfQuestions(form: FormDefinition): boolean {
  return form.sections.length >= 3 && form.sections.every((s) => s.fields.length <= 2);
}

export function buildSections(props: FormRendererProps): SectionView[] {
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
export function noToAllPlacement(fields: readonly FormField[]): Map<number, SourceFamily> {
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
export function progressWords(section: SectionView): string {
  const base = `${section.answered} of ${section.answerable} answered`;
  return section.hasError ? `${base} · needs a fix` : base;
}

/**
 * Done for now: no error and no required question unanswered (an optional one may be; an answer
 * of "Client doesn't know" is an answer). "Next section" closes such a section.
 */
export function isComplete(section: SectionView): boolean {
  return !section.hasError && section.requiredLeft === 0;
}

/** What a collapsed section still asks, on one line: "Left: Does the client … · … (and 2 more)". */
export const LEFT_SHOWN = 2;
export function leftWords(section: SectionView): string {
  const shown = section.left.slice(0, LEFT_SHOWN).join(' · ');
  const more = section.left.length - LEFT_SHOWN;
  return `Left: ${shown}${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** The sections open when an accordion first shows: the first that needs attention. */
export function initiallyOpen(sections: readonly SectionView[]): ReadonlySet<string> {
  const first = sections.find((s) => s.attention);
  return new Set(first ? [first.key] : []);
}
