// The assessment forms registry: MN Core and the Hennepin Case Management assessment, plus the
// definition format, local picklists and everything derived from definitions.
import { formFields } from './definition';
import { HENNEPIN_CASE_MANAGEMENT } from './hennepin-case-management';
import { MN_CORE } from './mn-core';
import type { FormDefinition, FormField, FormStage } from './types';

export * from './types';
export * from './picklists';
export * from './conditions';
export * from './definition';
export * from './form-schema';
export { hudColumnToFieldId } from './fields';
export {
  MN_CORE,
  MN_CORE_FIELD_IDS,
  HOMELESS_PRIOR_SITUATIONS,
  PRIOR_LIVING_SITUATION_A_PROJECT_TYPES,
} from './mn-core';
export { HENNEPIN_CASE_MANAGEMENT, HENNEPIN_FIELD_IDS } from './hennepin-case-management';

export type FormId = 'mn-core' | 'hennepin-case-management';

/** The built-in forms, in the order a screen shows them. */
export const FORMS: readonly FormDefinition[] = Object.freeze([MN_CORE, HENNEPIN_CASE_MANAGEMENT]);

export const FORMS_BY_ID: Readonly<Record<FormId, FormDefinition>> = Object.freeze({
  'mn-core': MN_CORE,
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

/** The field with this id in any of the forms (ids are unique across forms). */
export function fieldById(
  id: string,
  forms: readonly FormDefinition[] = FORMS,
): FormField | undefined {
  for (const form of forms) {
    const field = formFields(form).find((f) => f.id === id);
    if (field !== undefined) return field;
  }
  return undefined;
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
