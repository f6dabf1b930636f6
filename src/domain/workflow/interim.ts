// Interim updates: what a contact may update between project start and exit (the Hennepin
// workflow: Housing Documentation Status, Monthly Household Income, Legal Involvement and Client
// Choice are "updated anytime a client's housing preferences or situation changes"), and the
// current value of each of those answers: the newest Update that answered it, else the Entry.
//
// Updates (stage 2) record only what changed, so the current value of a field is found field by
// field, never by taking the newest Update as a whole.
import {
  DISABILITIES_FORM_ID,
  FORMS,
  HENNEPIN_CASE_MANAGEMENT,
  MN_CORE,
  formsForFunding,
  type AnswerValue,
  type FormDefinition,
  type FormField,
} from '../forms';

/** The Hennepin Case Management sections a contact may update. */
export const INTERIM_SECTIONS: readonly string[] = Object.freeze([
  'housing-documentation',
  'monthly-household-income',
  'legal-involvement',
  'client-choice',
]);

/** The Hennepin section that holds the household income (asked only where 4.02 is not). */
export const HOUSEHOLD_INCOME_SECTION = 'monthly-household-income';

/** MN Core sections that may also be updated in between (4.02 income, 4.03 benefits, 4.04 insurance). */
export const MN_CORE_INTERIM_SECTIONS: readonly string[] = Object.freeze([
  'income',
  'non-cash-benefits',
  'health-insurance',
]);

/** The MN Core section of 4.11 Domestic Violence (updated at a contact: W-CT6). */
export const DV_SECTION = 'domestic-violence';

export interface InterimOptions {
  /** Also MN Core's income, non-cash benefits and health insurance sections (default false). */
  readonly includeMnCore?: boolean;
  /**
   * Leave out the Hennepin "Monthly household income" section: 4.02 is collected at this contact,
   * so the household figure is derived from the members' 4.02 totals (household-income.ts, W-CT4)
   * instead of being asked a second time.
   */
  readonly householdIncomeFrom402?: boolean;
  /** latestInterimValues: only updates dated on or before this local date (a backdated contact). */
  readonly asOf?: string;
  /**
   * latestInterimValues: the current value of these fields instead of the interim fields (4.11 or
   * 4.05–4.10, which a contact may update too: W-CT6, W-CT7).
   */
  readonly fieldIds?: readonly string[];
}

/** The stage at which interim updates are recorded (HUD 5.03.1: 2 = Update). */
export const INTERIM_STAGE = 2 as const;

function onlySections(form: FormDefinition, ids: readonly string[]): FormDefinition {
  return { ...form, sections: form.sections.filter((s) => ids.includes(s.id)) };
}

/**
 * The forms of an interim update, cut down to the interim sections (for FormRenderer, checkAnswers,
 * askedAnswers). Conditions only refer to fields of their own section, so the cut forms are sound.
 */
export function interimForms(options: InterimOptions = {}): FormDefinition[] {
  const sections =
    options.householdIncomeFrom402 === true
      ? INTERIM_SECTIONS.filter((id) => id !== HOUSEHOLD_INCOME_SECTION)
      : INTERIM_SECTIONS;
  const forms = [onlySections(HENNEPIN_CASE_MANAGEMENT, sections)];
  if (options.includeMnCore === true) {
    forms.unshift(onlySections(MN_CORE, MN_CORE_INTERIM_SECTIONS));
  }
  return forms;
}

/**
 * The MN Core 4.02 / 4.03 / 4.04 sections alone, for the "Income, benefits or insurance changed"
 * part of a contact (one per household member: each member's own Update).
 */
export function incomeUpdateForms(): FormDefinition[] {
  return [onlySections(MN_CORE, MN_CORE_INTERIM_SECTIONS)];
}

/** MN Core's 4.11 section alone, for "Domestic violence situation changed" (W-CT6). */
export function dvUpdateForms(): FormDefinition[] {
  return [onlySections(MN_CORE, [DV_SECTION])];
}

/**
 * The 4.05–4.10 form as the provider uses it (formsForFunding: the federal variant with a federal
 * funder), for "Disabilities changed" (W-CT7). At stage 2 both variants ask the same questions,
 * none required; the "long-continued" follow-ups are asked only after Yes, as the form says.
 */
export function disabilityUpdateForms(federal: boolean): FormDefinition[] {
  return formsForFunding(FORMS, federal).filter((f) => f.id === DISABILITIES_FORM_ID);
}

/** The answerable field ids of forms (notes left out), in form order. */
export function answerFieldIds(forms: readonly FormDefinition[]): string[] {
  return forms
    .flatMap((form) => form.sections.flatMap((s) => s.fields))
    .filter((f) => f.type !== 'note')
    .map((f) => f.id);
}

/** The answerable fields (notes left out) of the interim sections collected at stage 2. */
export function interimFields(options: InterimOptions = {}): FormField[] {
  return interimForms(options)
    .flatMap((form) => form.sections.flatMap((s) => s.fields))
    .filter((f) => f.type !== 'note' && f.stages.includes(INTERIM_STAGE));
}

/** The field ids of the interim sections collected at stage 2, in form order. */
export function interimFieldIds(options: InterimOptions = {}): string[] {
  return interimFields(options).map((f) => f.id);
}

/** An Entry or Update assessment, as much of it as this module reads. */
export interface InterimAssessment {
  readonly answers?: Readonly<Record<string, unknown>>;
  readonly informationDate?: string;
  readonly dataCollectionStage?: number;
}

/**
 * What the functions accept: an InterimAssessment, or a device record view (RecordView, whose
 * fields are unknown), read defensively.
 */
export type InterimSource =
  | {
      readonly answers?: unknown;
      readonly informationDate?: unknown;
      readonly dataCollectionStage?: unknown;
    }
  | Readonly<Record<string, unknown>>;

const answersField = (a: InterimSource | undefined): unknown => a?.answers;
const dateOf = (a: InterimSource): string =>
  typeof a.informationDate === 'string' ? a.informationDate : '';
const stageOf = (a: InterimSource): unknown => a.dataCollectionStage;

function answersOf(a: InterimSource | undefined): Readonly<Record<string, unknown>> | undefined {
  const answers = answersField(a);
  return answers !== null && typeof answers === 'object' && !Array.isArray(answers)
    ? (answers as Record<string, unknown>)
    : undefined;
}

/**
 * Whether an assessment recorded this field. An Update names only what changed, so a field it
 * holds with any value other than null/undefined is its answer, including an emptied list ([]) or
 * text (''): "none any more". null means "not recorded here".
 */
export function recordedAnswer(
  answers: Readonly<Record<string, unknown>> | undefined,
  fieldId: string,
): AnswerValue | undefined {
  if (answers === undefined || !Object.hasOwn(answers, fieldId)) return undefined;
  const value = answers[fieldId];
  return value === null || value === undefined ? undefined : (value as AnswerValue);
}

/** Updates that describe the situation in between: stage 2 (Update) and 5 (Annual), or unknown. */
function isInterim(a: InterimSource): boolean {
  const stage = stageOf(a);
  return stage === undefined || stage === 2 || stage === 5;
}

/**
 * The current value of every interim field: for each field, the value from the newest update that
 * answered it (by informationDate; for equal dates the later one in `updates` wins), else the
 * Entry's answer. Fields no one answered are left out. Stage 1 and 3 records in `updates` are
 * ignored; with `asOf`, so are updates dated after it; with `fieldIds`, only those fields are read.
 */
export function latestInterimValues(
  entry: InterimSource | undefined,
  updates: readonly InterimSource[],
  options: InterimOptions = {},
): Record<string, AnswerValue> {
  const ordered = updates
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => isInterim(u))
    .filter(({ u }) => options.asOf === undefined || dateOf(u) <= options.asOf)
    .sort((a, b) => {
      const da = dateOf(a.u);
      const db = dateOf(b.u);
      return da < db ? -1 : da > db ? 1 : a.i - b.i;
    })
    .map(({ u }) => u);
  const out: Record<string, AnswerValue> = {};
  for (const id of options.fieldIds ?? interimFieldIds(options)) {
    let value = recordedAnswer(answersOf(entry), id);
    for (const update of ordered) {
      const v = recordedAnswer(answersOf(update), id);
      if (v !== undefined) value = v;
    }
    if (value !== undefined) out[id] = value;
  }
  return out;
}
