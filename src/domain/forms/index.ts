// The assessment forms registry: MN Core, 4.05–4.10 Disabilities and the Hennepin Case Management
// assessment, plus the definition format, local picklists and everything derived from definitions.
import { formFields } from './definition';
import { DISABILITIES } from './disabilities';
import { fieldAnswerProblem } from './form-schema';
import { HENNEPIN_CASE_MANAGEMENT } from './hennepin-case-management';
import { MN_CORE } from './mn-core';
import { DEFAULT_PICKLIST_REGISTRY, type PicklistRegistry } from './picklists';
import type { FormDefinition, FormField, FormStage } from './types';

export * from './types';
export * from './picklists';
export * from './conditions';
export * from './definition';
export * from './form-schema';
export * from './source-families';
export * from './computed-totals';
export { hudColumnToFieldId } from './fields';
export {
  MN_CORE,
  MN_CORE_FIELD_IDS,
  HOMELESS_PRIOR_SITUATIONS,
  PRIOR_LIVING_SITUATION_A_PROJECT_TYPES,
} from './mn-core';
export { HENNEPIN_CASE_MANAGEMENT, HENNEPIN_FIELD_IDS } from './hennepin-case-management';
export {
  DISABILITIES,
  DISABILITIES_FEDERAL,
  DISABILITIES_FORM_ID,
  disabilitiesFormFor,
  disabilityYesValues,
  formsForFunding,
} from './disabilities';

export type FormId = 'mn-core' | 'disabilities' | 'hennepin-case-management';

/** The built-in forms, in the order a screen shows them. */
export const FORMS: readonly FormDefinition[] = Object.freeze([
  MN_CORE,
  DISABILITIES,
  HENNEPIN_CASE_MANAGEMENT,
]);

export const FORMS_BY_ID: Readonly<Record<FormId, FormDefinition>> = Object.freeze({
  'mn-core': MN_CORE,
  disabilities: DISABILITIES,
  'hennepin-case-management': HENNEPIN_CASE_MANAGEMENT,
});

export function getForm(id: string): FormDefinition | undefined {
  return Object.hasOwn(FORMS_BY_ID, id) ? FORMS_BY_ID[id as FormId] : undefined;
}

/** The forms that collect at least one field at this stage. */
export function formsForStage(
  stage: FormStage,
  forms: readonly FormDefinition[] = FORMS,
): FormDefinition[] {
  return forms.filter((form) => formFields(form).some((f) => f.stages.includes(stage)));
}

const FIELDS_BY_ID = new WeakMap<readonly FormDefinition[], ReadonlyMap<string, FormField>>();

/** The field with this id in any of the forms (ids are unique across forms). */
export function fieldById(
  id: string,
  forms: readonly FormDefinition[] = FORMS,
): FormField | undefined {
  // Definitions are immutable data, so each set of forms is indexed once (the merge asks per answer).
  let byId = FIELDS_BY_ID.get(forms);
  if (byId === undefined) {
    const map = new Map<string, FormField>();
    for (const field of forms.flatMap(formFields)) if (!map.has(field.id)) map.set(field.id, field);
    byId = map;
    FIELDS_BY_ID.set(forms, byId);
  }
  return byId.get(id);
}

/**
 * M9: the problem with one answer of an Assessment at `stage` (its HUD 5.03.1 data collection
 * stage), in a case manager's words, or undefined when it may be stored: the question exists in the
 * forms, is collected at that stage, and a non-empty value has its type and is in its list (see
 * fieldAnswerProblem). The merge runs it for every `answers.<fieldId>` a change sets, on the server
 * and on the device alike; empty answers always pass (clearing).
 */
export function answerProblem(
  fieldId: string,
  value: unknown,
  stage: unknown,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
  forms: readonly FormDefinition[] = FORMS,
): string | undefined {
  return fieldAnswerProblem(fieldById(fieldId, forms), value, stage, picklists);
}

/** The field exported to this HMIS CSV column, e.g. "EarnedAmount". */
export function fieldByHudColumn(
  column: string,
  forms: readonly FormDefinition[] = FORMS,
): FormField | undefined {
  for (const form of forms) {
    const field = formFields(form).find((f) => f.hudColumn === column);
    if (field !== undefined) return field;
  }
  return undefined;
}
