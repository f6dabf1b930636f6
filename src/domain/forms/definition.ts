// Form definitions as data: a zod schema to parse a stored or downloaded definition, and
// checkFormDefinitions() for the rules a schema cannot see (unique ids across forms, conditions
// that refer to earlier fields of the same form, lists that exist, consistent stages).
import { z } from 'zod';
import { HUD_LISTS, hasCode } from '../codes';
import { conditionFields, conditionValues } from './conditions';
import type { PicklistRegistry } from './picklists';
import type { Condition, FormDefinition, FormField, FormStage } from './types';
import { YES_NO_LIST_IDS } from './types';

const stageSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(5)]);
const conditionValueSchema = z.union([z.number(), z.string(), z.boolean()]);
const idSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]*$/,
    'An id starts with a letter and has only letters, digits, _ or -',
  );
/** Field ids are the keys of Assessment.answers (records/assessment.ts allows letters, digits, _). */
const fieldIdSchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_]{0,63}$/,
    'A field id starts with a letter and has only letters, digits or _ (at most 64)',
  );

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ field: fieldIdSchema, equals: conditionValueSchema }),
    z.strictObject({ field: fieldIdSchema, notEquals: conditionValueSchema }),
    z.strictObject({ field: fieldIdSchema, in: z.array(conditionValueSchema).min(1) }),
    z.strictObject({ field: fieldIdSchema, notIn: z.array(conditionValueSchema).min(1) }),
    z.strictObject({ field: fieldIdSchema, includes: conditionValueSchema }),
    z.strictObject({ field: fieldIdSchema, greaterThan: z.number() }),
    z.strictObject({ field: fieldIdSchema, answered: z.boolean() }),
    z.strictObject({ context: z.literal('projectType'), in: z.array(z.number().int()).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const optionSourceSchema = z.union([
  z.strictObject({ hudList: z.string().min(1) }),
  z.strictObject({ picklist: z.string().min(1) }),
]);

const common = {
  id: fieldIdSchema,
  label: z.string().trim().min(1),
  help: z.string().optional(),
  stages: z.array(stageSchema).min(1),
  required: z.union([z.boolean(), z.array(stageSchema)]),
  showWhen: conditionSchema.optional(),
  conditionText: z.string().min(1).optional(),
  collectedAbout: z.enum(['all_clients', 'hoh_and_adults', 'hoh']),
  hudElement: z.string().min(1).optional(),
  hudColumn: z.string().min(1).optional(),
};

export const formFieldSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('single'), source: optionSourceSchema }),
  z.strictObject({ ...common, type: z.literal('multi'), source: optionSourceSchema }),
  z.strictObject({
    ...common,
    type: z.literal('yesno'),
    source: z.strictObject({ hudList: z.enum(YES_NO_LIST_IDS) }),
  }),
  z.strictObject({ ...common, type: z.literal('money') }),
  z.strictObject({
    ...common,
    type: z.literal('integer'),
    min: z.number().int().optional(),
    max: z.number().int().optional(),
  }),
  z.strictObject({ ...common, type: z.literal('date'), notInFuture: z.boolean().optional() }),
  z.strictObject({
    ...common,
    type: z.literal('text'),
    maxLength: z.number().int().positive(),
    multiline: z.boolean().optional(),
  }),
  z.strictObject({ ...common, type: z.literal('note') }),
]);

export const formDefinitionSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1),
  version: z.number().int().positive(),
  sections: z
    .array(
      z.strictObject({
        id: idSchema,
        title: z.string().trim().min(1),
        help: z.string().optional(),
        fields: z.array(formFieldSchema).min(1),
      }),
    )
    .min(1),
});

/** Parses a stored / downloaded form definition (throws a ZodError when it is malformed). */
export function parseFormDefinition(input: unknown): FormDefinition {
  return formDefinitionSchema.parse(input) as FormDefinition;
}

/** Every field of a form, in order. */
export function formFields(form: FormDefinition): readonly FormField[] {
  return form.sections.flatMap((s) => s.fields);
}

/** The stages at which a field is required. */
export function requiredStages(field: FormField): readonly FormStage[] {
  if (field.type === 'note' || field.required === false) return [];
  return field.required === true ? field.stages : field.required;
}

const ABOUT_RANK = { all_clients: 2, hoh_and_adults: 1, hoh: 0 } as const;

/**
 * Problems that make a set of definitions unusable together; [] when they are sound. Run it on
 * every set of forms that will be used together (the built-in ones are checked by a test).
 */
export function checkFormDefinitions(
  forms: readonly FormDefinition[],
  picklists: PicklistRegistry,
): string[] {
  const problems: string[] = [];
  const formIds = new Set<string>();
  const fieldOwner = new Map<string, string>();

  for (const form of forms) {
    const parsed = formDefinitionSchema.safeParse(form);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`Form "${form.id}" at ${issue.path.join('.')}: ${issue.message}`);
      }
    }
    if (formIds.has(form.id)) problems.push(`Two forms have the id "${form.id}"`);
    formIds.add(form.id);

    const sectionIds = new Set<string>();
    const earlier = new Map<string, FormField>();
    for (const section of form.sections) {
      if (sectionIds.has(section.id))
        problems.push(`Form "${form.id}" repeats the section id "${section.id}"`);
      sectionIds.add(section.id);

      for (const field of section.fields) {
        const where = `Field "${field.id}" (${form.id})`;
        const owner = fieldOwner.get(field.id);
        if (owner !== undefined) {
          problems.push(
            `${where}: the id is already used in form "${owner}"; field ids must be unique across all forms`,
          );
        }
        fieldOwner.set(field.id, form.id);

        if (field.type === 'note' && field.required !== false)
          problems.push(`${where}: a note cannot be required`);
        for (const s of requiredStages(field)) {
          if (!field.stages.includes(s))
            problems.push(`${where}: required at stage ${s}, which it is not collected at`);
        }

        if ('source' in field) {
          if ('hudList' in field.source) {
            if (!Object.hasOwn(HUD_LISTS, field.source.hudList)) {
              problems.push(`${where}: unknown HUD list "${field.source.hudList}"`);
            }
          } else if (picklists.get(field.source.picklist) === undefined) {
            problems.push(`${where}: unknown picklist "${field.source.picklist}"`);
          }
        }

        if (field.showWhen !== undefined) {
          for (const ref of conditionFields(field.showWhen)) {
            const parent = earlier.get(ref);
            if (parent === undefined) {
              problems.push(
                `${where}: its condition refers to "${ref}", which is not an earlier field of the same form`,
              );
              continue;
            }
            const missing = field.stages.filter((s) => !parent.stages.includes(s));
            if (missing.length > 0) {
              problems.push(
                `${where}: collected at stage ${missing.join(', ')} but its condition field "${ref}" is not`,
              );
            }
            if (ABOUT_RANK[field.collectedAbout] > ABOUT_RANK[parent.collectedAbout]) {
              problems.push(
                `${where}: asked of more clients (${field.collectedAbout}) than its condition field "${ref}" (${parent.collectedAbout})`,
              );
            }
          }
          for (const { field: ref, value } of conditionValues(field.showWhen)) {
            const parent = earlier.get(ref);
            if (parent === undefined || !('source' in parent)) continue;
            const source = parent.source;
            const ok =
              'hudList' in source
                ? typeof value === 'number' &&
                  Object.hasOwn(HUD_LISTS, source.hudList) &&
                  hasCode(HUD_LISTS[source.hudList]!, value)
                : typeof value === 'string' && picklists.has(source.picklist, value);
            if (!ok)
              problems.push(
                `${where}: its condition compares "${ref}" with ${JSON.stringify(value)}, which is not one of its answers`,
              );
          }
        }
        earlier.set(field.id, field);
      }
    }
  }
  return problems;
}
