// IncomeBenefits.csv, HealthAndDV.csv and Disabilities.csv from the assessments (stages 1, 2, 3
// and 5), page by page.
//
// CSV-2026 keeps one IncomeBenefits / HealthAndDV row per (EnrollmentID, InformationDate,
// DataCollectionStage): assessments sharing that key (two Updates on one day) are combined, the
// later-updated answer winning per question, with the lowest id, the earliest DateCreated and the
// latest DateUpdated and its UserID. Such groups are rare, so the scope pass lists their keys and
// only their assessments are held back until the last page; every other assessment becomes rows
// as its page arrives.
//
// IncomeBenefits: 4.02–4.04 through each field's hudColumn. Under an "any source" answer of Yes
// an individual source left unanswered is No (0), since the case manager ticks the sources that
// apply; under any other answer the sources are null (dependent fields, CSV-2026). Amounts are
// written only for a source answered Yes (the form's showWhen), and TotalMonthlyIncome, when not
// answered, is the sum of the amounts. Disabilities: one row per 4.05–4.10 type answered
// (DISABILITY_FIELDS), IndefiniteAndImpairs only when the disability is present; the HIV/AIDS
// T-cell and viral load columns are null (not collected).
import {
  BENEFITS_FROM_ANY_SOURCE_COLUMN,
  DISABILITY_FIELDS,
  DISABILITY_SUBSTANCE_USE,
  HEALTH_INSURANCE_TYPES,
  INCOME_FROM_ANY_SOURCE_COLUMN,
  INCOME_SOURCES,
  INSURANCE_FROM_ANY_SOURCE_COLUMN,
  NON_CASH_BENEFIT_SOURCES,
  NO,
  TOTAL_MONTHLY_INCOME_COLUMN,
  YES,
} from '../../codes';
import { isEmptyAnswer } from '../../forms';
import { derivedId, type AnswerValue, type RecordMeta } from '../../records';
import type { HmisFileName } from '../columns';
import type { HmisInputValue } from '../values';
import { answerAsValue, answerColumns, answerPlans, isFormStage } from './answers';
import { combinedMeta, rowPlan, type RowFormat, type RowPlan } from './rows';
import { assessmentKey, isExportedEnrollmentRecord, type ExportScope } from './scope';
import type { ExportRecord, HmisExportSource } from './source';

/** One row's worth of assessments: usually one, several when they share a key. */
export interface AssessmentGroup {
  readonly id: string;
  readonly enrollmentId: string;
  readonly clientId: string;
  readonly informationDate: string;
  readonly stage: number;
  /** The answers (of a group of several: the later-updated non-empty answer per question). */
  readonly answers: Readonly<Record<string, AnswerValue>>;
  readonly meta: RecordMeta;
}

interface Context {
  readonly source: HmisExportSource;
  readonly scope: ExportScope;
  readonly endDate: string;
  readonly format: RowFormat;
}

function groupOf(members: readonly ExportRecord<'assessment'>[]): AssessmentGroup {
  if (members.length === 1) return groupOfOne(members[0]!);
  const ordered = [...members].sort(
    (a, b) => Date.parse(a.meta.dateUpdated) - Date.parse(b.meta.dateUpdated),
  );
  const answers: Record<string, AnswerValue> = {};
  for (const m of ordered) {
    for (const [field, value] of Object.entries(m.record.answers)) {
      if (!isEmptyAnswer(value)) answers[field] = value;
    }
  }
  const first = ordered[0]!.record;
  return {
    id: members.map((m) => m.record.id).sort()[0]!,
    enrollmentId: first.enrollmentId,
    clientId: first.clientId,
    informationDate: first.informationDate,
    stage: first.dataCollectionStage,
    answers,
    meta: combinedMeta(members.map((m) => m.meta)),
  };
}

/**
 * groupOf([a]) without copying: its answers are the record's own. Empty answers need not be
 * left out as a group of several leaves them out: an empty answer and an absent one read the
 * same everywhere the rows read answers (rules, columnValues, answerAsValue).
 */
function groupOfOne(a: ExportRecord<'assessment'>): AssessmentGroup {
  const r = a.record;
  return {
    id: r.id,
    enrollmentId: r.enrollmentId,
    clientId: r.clientId,
    informationDate: r.informationDate,
    stage: r.dataCollectionStage,
    answers: r.answers,
    meta: a.meta.dateDeleted === null ? a.meta : { ...a.meta, dateDeleted: null },
  };
}

/** The exported assessments as row groups, a page at a time (shared keys last). */
export async function* assessmentGroups(ctx: Context): AsyncIterable<readonly AssessmentGroup[]> {
  const held = new Map<string, ExportRecord<'assessment'>[]>();
  for await (const page of ctx.source.records('assessment')) {
    const groups: AssessmentGroup[] = [];
    for (const a of page) {
      if (!isExportedEnrollmentRecord(a, ctx.scope, ctx.endDate)) continue;
      if (!isFormStage(a.record.dataCollectionStage)) continue;
      const key = ctx.scope.sharedAssessmentKeys.size > 0 ? assessmentKey(a.record) : '';
      if (ctx.scope.sharedAssessmentKeys.has(key)) {
        const list = held.get(key) ?? [];
        list.push(a);
        held.set(key, list);
      } else {
        groups.push(groupOfOne(a));
      }
    }
    if (groups.length > 0) yield groups;
  }
  if (held.size > 0) yield [...held.values()].map(groupOf);
}

/** A row plan's slots for the key columns every assessment file shares. */
function keySlots(plan: RowPlan, idColumn: string) {
  return {
    id: plan.slot(idColumn),
    enrollment: plan.slot('EnrollmentID'),
    personal: plan.slot('PersonalID'),
    date: plan.slot('InformationDate'),
    stage: plan.slot('DataCollectionStage'),
  };
}

/** The key columns and metadata of a group's row (the last values written: they win). */
function setKey(
  plan: RowPlan,
  slots: ReturnType<typeof keySlots>,
  values: HmisInputValue[],
  id: string,
  g: AssessmentGroup,
): void {
  values[slots.id] = id;
  values[slots.enrollment] = g.enrollmentId;
  values[slots.personal] = g.clientId;
  values[slots.date] = g.informationDate;
  values[slots.stage] = g.stage;
  plan.setMeta(values, g.meta);
}

/** Rows of a file for each page of groups (a page may give none). */
async function* groupRows(
  ctx: Context,
  rowsOf: (g: AssessmentGroup, out: string[][]) => void,
): AsyncIterable<string[][]> {
  for await (const groups of assessmentGroups(ctx)) {
    const out: string[][] = [];
    for (const g of groups) rowsOf(g, out);
    yield out;
  }
}

const INCOME_PLANS = answerPlans('IncomeBenefits', answerColumns('IncomeBenefits'));
const HEALTH_AND_DV_PLANS = answerPlans('HealthAndDV', answerColumns('HealthAndDV'));

/** The individual-source columns under each "from any source" question. */
const SOURCE_FAMILIES: readonly { any: string; sources: readonly string[] }[] = [
  { any: INCOME_FROM_ANY_SOURCE_COLUMN, sources: INCOME_SOURCES.map((s) => s.column) },
  { any: BENEFITS_FROM_ANY_SOURCE_COLUMN, sources: NON_CASH_BENEFIT_SOURCES.map((s) => s.column) },
  { any: INSURANCE_FROM_ANY_SOURCE_COLUMN, sources: HEALTH_INSURANCE_TYPES.map((s) => s.column) },
];

/** The income file's slots: each family's, the income amounts and the total. */
function incomeSlots(plan: RowPlan) {
  const slots = (columns: readonly string[]) =>
    columns.map((c) => plan.slot(c)).filter((at) => at >= 0);
  return {
    families: SOURCE_FAMILIES.map((f) => ({ any: plan.slot(f.any), sources: slots(f.sources) })),
    incomeAny: plan.slot(INCOME_FROM_ANY_SOURCE_COLUMN),
    total: plan.slot(TOTAL_MONTHLY_INCOME_COLUMN),
    amounts: slots(INCOME_SOURCES.map((s) => s.amountColumn)),
  };
}

/**
 * A group's IncomeBenefits values by slot, or null when it answers none of 4.02–4.04. Under an
 * "any source" answer of Yes an unanswered source is No; under any other answer the sources are
 * null; an unanswered total under income Yes is the sum of the amounts.
 */
function incomeValues(
  plan: RowPlan,
  slots: ReturnType<typeof incomeSlots>,
  g: AssessmentGroup,
): HmisInputValue[] | null {
  if (!isFormStage(g.stage)) return null;
  const values = plan.values();
  if (!INCOME_PLANS(g.stage).fill(values, g.answers)) return null;
  for (const family of slots.families) {
    const yes = family.any >= 0 && values[family.any] === YES;
    for (const at of family.sources) {
      if (yes) values[at] ??= NO;
      else values[at] = null;
    }
  }
  if (slots.incomeAny >= 0 && values[slots.incomeAny] === YES && slots.total >= 0) {
    if (values[slots.total] == null) {
      let sum = 0;
      let counted = false;
      for (const at of slots.amounts) {
        const amount = values[at];
        if (typeof amount === 'number') {
          sum += amount;
          counted = true;
        }
      }
      if (counted) values[slots.total] = sum;
    }
  }
  return values;
}

/** Rows of one file from the groups, with the file's plan for the export's format. */
function assessmentFile(
  name: HmisFileName,
  idColumn: string,
  rowsOf: (
    plan: RowPlan,
    key: ReturnType<typeof keySlots>,
  ) => (g: AssessmentGroup, out: string[][]) => void,
) {
  return (ctx: Context): AsyncIterable<string[][]> => {
    const plan = rowPlan(name, ctx.format);
    return groupRows(ctx, rowsOf(plan, keySlots(plan, idColumn)));
  };
}

export const incomeBenefitsRows = assessmentFile(
  'IncomeBenefits',
  'IncomeBenefitsID',
  (plan, key) => {
    const slots = incomeSlots(plan);
    return (g, out) => {
      const values = incomeValues(plan, slots, g);
      if (values === null) return;
      setKey(plan, key, values, g.id, g);
      out.push(plan.row(values));
    };
  },
);

export const healthAndDvRows = assessmentFile('HealthAndDV', 'HealthAndDVID', (plan, key) => {
  return (g, out) => {
    if (!isFormStage(g.stage)) return;
    const values = plan.values();
    if (!HEALTH_AND_DV_PLANS(g.stage).fill(values, g.answers)) return;
    setKey(plan, key, values, g.id, g);
    out.push(plan.row(values));
  };
});

/** Whether a DisabilityResponse says the client has the disability (4.10.2: 1, 2 or 3). */
function hasDisability(type: number, response: number): boolean {
  return type === DISABILITY_SUBSTANCE_USE ? [1, 2, 3].includes(response) : response === YES;
}

export const disabilitiesRows = assessmentFile('Disabilities', 'DisabilitiesID', (plan, key) => {
  const type = plan.slot('DisabilityType');
  const response = plan.slot('DisabilityResponse');
  const indefinite = plan.slot('IndefiniteAndImpairs');
  return (g, out) => {
    for (const d of DISABILITY_FIELDS) {
      const answer = answerAsValue(g.answers[d.responseField]);
      if (typeof answer !== 'number') continue;
      const values = plan.values();
      values[type] = d.disabilityType;
      values[response] = answer;
      values[indefinite] =
        d.indefiniteField !== null && hasDisability(d.disabilityType, answer)
          ? answerAsValue(g.answers[d.indefiniteField])
          : null;
      setKey(plan, key, values, derivedId(`disabilities:${g.id}:${d.disabilityType}`), g);
      out.push(plan.row(values));
    }
  };
});

export type AssessmentFilesContext = Context;
