// Form definitions in words, for messages: a field's name, an option's label, a showWhen
// condition ("asked when Income from any source is Yes"), who a field is about.
import { PROJECT_TYPE_LIST, getList, labelOf } from '../codes';
import type { HudList } from '../codes';
import { describeCondition } from './conditions';
import type { ConditionWords } from './conditions';
import { formFields } from './definition';
import type { PicklistRegistry } from './picklists';
import type { CollectedAbout, ConditionValue, FormDefinition, FormField } from './types';

/** A label as the subject of a sentence: questions are quoted. */
export function named(field: FormField): string {
  return field.label.trimEnd().endsWith('?') ? `“${field.label}”` : field.label;
}

export function hudListOf(field: FormField): HudList | undefined {
  if (!('source' in field) || !('hudList' in field.source)) return undefined;
  return getList(field.source.hudList);
}

export function optionLabel(
  field: FormField,
  value: ConditionValue,
  picklists: PicklistRegistry,
): string | undefined {
  if (!('source' in field)) return undefined;
  if ('hudList' in field.source) {
    return typeof value === 'number' ? labelOf(getList(field.source.hudList), value) : undefined;
  }
  return typeof value === 'string' ? picklists.labelOf(field.source.picklist, value) : undefined;
}

export function conditionWords(
  forms: readonly FormDefinition[],
  picklists: PicklistRegistry,
): ConditionWords {
  const byId = new Map(forms.flatMap(formFields).map((f) => [f.id, f]));
  return {
    fieldLabel: (id) => {
      const f = byId.get(id);
      return f === undefined ? id : named(f);
    },
    optionLabel: (id, value) => {
      const f = byId.get(id);
      return f === undefined ? undefined : optionLabel(f, value, picklists);
    },
    contextValueLabel: (variable, value) =>
      variable === 'projectType' ? labelOf(PROJECT_TYPE_LIST, value) : undefined,
  };
}

/** "… is only recorded when <this>", for a field with a showWhen rule. */
export function conditionText(
  field: FormField,
  forms: readonly FormDefinition[],
  picklists: PicklistRegistry,
): string {
  if (field.conditionText !== undefined) return field.conditionText;
  if (field.showWhen === undefined) return 'it applies';
  return describeCondition(field.showWhen, conditionWords(forms, picklists));
}

export const ABOUT_WORDS: Readonly<Record<CollectedAbout, string>> = {
  all_clients: 'every client',
  hoh_and_adults: 'the head of household and adults',
  hoh: 'the head of household',
};

export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}
