// Small helpers that build field definitions. They only save typing: what they return is plain
// JSON-serialisable data (types.ts), exactly what a stored definition would hold.
import type {
  CollectedAbout,
  Condition,
  FormField,
  FormStage,
  OptionSource,
  YesNoListId,
} from './types';

export interface FieldOptions {
  readonly help?: string;
  readonly required?: boolean | readonly FormStage[];
  readonly showWhen?: Condition;
  readonly conditionText?: string;
  readonly hudElement?: string;
  readonly hudColumn?: string;
}

/** Stages and "collected about" shared by the fields of one section. */
export interface SectionScope {
  readonly stages: readonly FormStage[];
  readonly collectedAbout: CollectedAbout;
}

function common(
  scope: SectionScope,
  id: string,
  label: string,
  options: FieldOptions,
): Omit<FormField, 'type'> {
  const field: Record<string, unknown> = {
    id,
    label,
    stages: scope.stages,
    required: options.required ?? false,
    collectedAbout: scope.collectedAbout,
  };
  // Leave optional properties out rather than undefined, so definitions compare and serialise cleanly.
  for (const key of ['help', 'showWhen', 'conditionText', 'hudElement', 'hudColumn'] as const) {
    if (options[key] !== undefined) field[key] = options[key];
  }
  return field as unknown as Omit<FormField, 'type'>;
}

export function fieldsFor(scope: SectionScope) {
  return {
    single: (id: string, label: string, source: OptionSource, o: FieldOptions = {}): FormField => ({
      ...common(scope, id, label, o),
      type: 'single',
      source,
    }),
    multi: (id: string, label: string, source: OptionSource, o: FieldOptions = {}): FormField => ({
      ...common(scope, id, label, o),
      type: 'multi',
      source,
    }),
    yesNo: (id: string, label: string, list: YesNoListId, o: FieldOptions = {}): FormField => ({
      ...common(scope, id, label, o),
      type: 'yesno',
      source: { hudList: list },
    }),
    money: (id: string, label: string, o: FieldOptions = {}): FormField => ({
      ...common(scope, id, label, o),
      type: 'money',
    }),
    date: (
      id: string,
      label: string,
      o: FieldOptions & { notInFuture?: boolean } = {},
    ): FormField => ({
      ...common(scope, id, label, o),
      type: 'date',
      ...(o.notInFuture === undefined ? {} : { notInFuture: o.notInFuture }),
    }),
    text: (
      id: string,
      label: string,
      maxLength: number,
      o: FieldOptions & { multiline?: boolean } = {},
    ): FormField => ({
      ...common(scope, id, label, o),
      type: 'text',
      maxLength,
      ...(o.multiline === undefined ? {} : { multiline: o.multiline }),
    }),
    note: (id: string, label: string, o: Omit<FieldOptions, 'required'> = {}): FormField => ({
      ...common(scope, id, label, o),
      type: 'note',
    }),
  };
}

/**
 * The answer id for a HUD CSV column: camelCase, with a leading acronym lower-cased
 * ("EarnedAmount" -> "earnedAmount", "SSIAmount" -> "ssiAmount", "COBRA" -> "cobra").
 * These ids are stored in Assessment answers: never change the mapping.
 */
export function hudColumnToFieldId(column: string): string {
  const match = /^[A-Z]+/.exec(column);
  if (match === null) return column;
  const run = match[0];
  if (run.length === column.length) return column.toLowerCase();
  // "SSIAmount": the last capital of the run starts the next word.
  const head = run.length > 1 ? run.slice(0, -1) : run;
  return head.toLowerCase() + column.slice(head.length);
}

/** Freezes a definition and everything in it, so no caller can change a built-in form by accident. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
