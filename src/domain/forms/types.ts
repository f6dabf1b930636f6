// The assessment form definition format. A form is plain JSON-serialisable data (no functions), so
// definitions can be stored, versioned and sent from the server as data; zod validation of an
// Assessment's answers (form-schema.ts) and, later, the React screens are both derived from it.
//
// Vocabulary:
//  - stage: HUD 5.03.1 DataCollectionStage at which a field is collected (1 entry, 2 update,
//    3 exit, 5 annual). Stage 6 (post-exit) is not used in the FY2026 CSV and is not offered.
//  - collectedAbout: who a field is asked of, as in HUD's "data collected about".
//  - showWhen: a conditional rule as data. A field whose rule is false is hidden, and a hidden
//    field must be null or absent (HUD: "dependent fields are null unless the parent field
//    contains the triggering value").
//  - required: the field must be answered at that stage when it is shown. An answer of 8/9/99
//    ("Client doesn't know", "Client prefers not to answer", "Data not collected") counts as an
//    answer for saving, but missingFields() still lists it so the case manager is prompted later.
import type { AnswerValue as RecordAnswerValue } from '../records/assessment';

/** HUD 5.03.1 stages Fieldnote collects: 1 entry, 2 update, 3 exit, 5 annual. */
export type FormStage = 1 | 2 | 3 | 5;

export const FORM_STAGES: readonly FormStage[] = Object.freeze([1, 2, 3, 5] as const);

/** Words for a stage in a sentence: "required at project entry". */
export const STAGE_WORDS: Readonly<Record<FormStage, string>> = Object.freeze({
  1: 'project entry',
  2: 'an update',
  3: 'project exit',
  5: 'the annual assessment',
});

/** HUD "data collected about". */
export type CollectedAbout = 'all_clients' | 'hoh_and_adults' | 'hoh';

/** Where a choice field's options come from: a HUD code list (number codes) or a local picklist (string codes). */
export type OptionSource = { readonly hudList: string } | { readonly picklist: string };

/** A single value a condition compares with. */
export type ConditionValue = number | string | boolean;

/** Variables a condition may read from the situation rather than from the answers. */
export type ContextVariable = 'projectType';

/**
 * A conditional rule as data. Comparisons against an empty answer (null, absent, '', []) are
 * always false, including notEquals and notIn: `{ field: 'x', notIn: [8, 9, 99] }` therefore means
 * "x is answered with something other than 8/9/99". Use `not` to include the empty case.
 * A field may only refer to fields of the same form declared before it.
 */
export type Condition =
  | { readonly field: string; readonly equals: ConditionValue }
  | { readonly field: string; readonly notEquals: ConditionValue }
  | { readonly field: string; readonly in: readonly ConditionValue[] }
  | { readonly field: string; readonly notIn: readonly ConditionValue[] }
  /** A multi-select answer contains the value. */
  | { readonly field: string; readonly includes: ConditionValue }
  /** A number answer (money, integer) is greater than the value. */
  | { readonly field: string; readonly greaterThan: number }
  /** true: the field has a non-empty answer; false: it is empty. */
  | { readonly field: string; readonly answered: boolean }
  | { readonly context: ContextVariable; readonly in: readonly number[] }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition };

interface FieldCommon {
  /** Globally unique across all forms: one Assessment record holds the answers of every form at a stage. */
  readonly id: string;
  /** Case-manager wording. */
  readonly label: string;
  readonly help?: string;
  /** Stages at which the field is collected. */
  readonly stages: readonly FormStage[];
  /** true/false for every stage in `stages`, or the stages at which it is required. */
  readonly required: boolean | readonly FormStage[];
  readonly showWhen?: Condition;
  /**
   * How a case manager would say the showWhen rule, for messages ("... is only recorded when
   * <conditionText>"). Derived from showWhen when absent; set it when the derived text is clumsy.
   */
  readonly conditionText?: string;
  readonly collectedAbout: CollectedAbout;
  /** HUD data element, e.g. "4.02.3"; absent for local (Minnesota / Hennepin) fields. */
  readonly hudElement?: string;
  /** HMIS CSV column for the export, e.g. "Earned"; absent for local fields. */
  readonly hudColumn?: string;
}

/** One choice from a HUD list or a local picklist. */
export interface SingleField extends FieldCommon {
  readonly type: 'single';
  readonly source: OptionSource;
}

/** Several choices from a HUD list (number[]) or a local picklist (string[]). */
export interface MultiField extends FieldCommon {
  readonly type: 'multi';
  readonly source: OptionSource;
}

/** A yes/no question answered from HUD list 1.7 (0/1/99), 1.8 (0/1/8/9/99) or 1.10 (0/1). */
export interface YesNoField extends FieldCommon {
  readonly type: 'yesno';
  readonly source: { readonly hudList: YesNoListId };
}

export type YesNoListId = '1.7' | '1.8' | '1.10';
export const YES_NO_LIST_IDS: readonly YesNoListId[] = Object.freeze([
  '1.7',
  '1.8',
  '1.10',
] as const);

/** Money: a number of dollars, non-negative, at most 2 decimals (HUD type M+). */
export interface MoneyField extends FieldCommon {
  readonly type: 'money';
}

export interface IntegerField extends FieldCommon {
  readonly type: 'integer';
  readonly min?: number;
  readonly max?: number;
}

/** A local calendar date 'YYYY-MM-DD'. */
export interface DateField extends FieldCommon {
  readonly type: 'date';
  /** The date may not be later than the `today` given to validation. */
  readonly notInFuture?: boolean;
}

export interface TextField extends FieldCommon {
  readonly type: 'text';
  readonly maxLength: number;
  /** A hint for screens: several lines. */
  readonly multiline?: boolean;
}

/**
 * Display-only text (an instruction or a notice such as "this is a break in homelessness"). It is
 * never answered: the answers must not contain it. `required` is always false.
 */
export interface NoteField extends FieldCommon {
  readonly type: 'note';
}

export type FormField =
  | SingleField
  | MultiField
  | YesNoField
  | MoneyField
  | IntegerField
  | DateField
  | TextField
  | NoteField;

export type FieldType = FormField['type'];

/** Fields that hold an answer (every type but 'note'). */
export type AnswerField = Exclude<FormField, NoteField>;

/** Fields whose options come from a list. */
export type ChoiceField = SingleField | MultiField | YesNoField;

export interface FormSection {
  readonly id: string;
  readonly title: string;
  readonly help?: string;
  readonly fields: readonly FormField[];
}

export interface FormDefinition {
  readonly id: string;
  readonly name: string;
  /** Bump when fields change meaning; an Assessment is validated against the version it was collected with. */
  readonly version: number;
  readonly sections: readonly FormSection[];
}

/**
 * A stored answer: the Assessment record's AnswerValue (src/domain/records/assessment.ts). A
 * multi-select holds number[] (HUD list codes) or string[] (local picklist slugs).
 */
export type AnswerValue = RecordAnswerValue;

export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** Who the assessment is about and where: lets rules depend on project type and on HoH/adult. */
export interface FormContext {
  /** HUD 2.02.6 ProjectType of the enrollment's project, when known. */
  readonly projectType?: number | null;
  /**
   * The client the assessment is about. When absent every field is treated as applicable; when
   * given, a field collected about 'hoh' or 'hoh_and_adults' does not apply to other clients and
   * must then be empty.
   */
  readonly subject?: { readonly isHeadOfHousehold: boolean; readonly isAdult: boolean };
  /** Today's local date 'YYYY-MM-DD', for date fields with notInFuture. */
  readonly today?: string;
}
