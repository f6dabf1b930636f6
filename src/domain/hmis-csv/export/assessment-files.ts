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
import { hmisFile } from '../columns';
import type { HmisInputValue } from '../values';
import { answerAsValue, answerColumns, columnValues, isFormStage } from './answers';
import { combinedMeta, formatRow, metaValues, type RowFormat } from './rows';
import { assessmentKey, isExportedEnrollmentRecord, type ExportScope } from './scope';
import type { ExportRecord, HmisExportSource } from './source';

/** One row's worth of assessments: usually one, several when they share a key. */
export interface AssessmentGroup {
  readonly id: string;
  readonly enrollmentId: string;
  readonly clientId: string;
  readonly informationDate: string;
  readonly stage: number;
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

/** groupOf([a]), without the sorting and merging a group of one does not need. */
function groupOfOne(a: ExportRecord<'assessment'>): AssessmentGroup {
  const answers: Record<string, AnswerValue> = {};
  for (const field in a.record.answers) {
    const value = a.record.answers[field]!;
    if (!isEmptyAnswer(value)) answers[field] = value;
  }
  const r = a.record;
  return {
    id: r.id,
    enrollmentId: r.enrollmentId,
    clientId: r.clientId,
    informationDate: r.informationDate,
    stage: r.dataCollectionStage,
    answers,
    meta: { ...a.meta, dateDeleted: null },
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
      const key = assessmentKey(a.record);
      if (ctx.scope.sharedAssessmentKeys.has(key)) {
        const list = held.get(key) ?? [];
        list.push(a);
        held.set(key, list);
      } else {
        groups.push(groupOf([a]));
      }
    }
    if (groups.length > 0) yield groups;
  }
  if (held.size > 0) yield [...held.values()].map(groupOf);
}

const keyValues = (g: AssessmentGroup) => ({
  EnrollmentID: g.enrollmentId,
  PersonalID: g.clientId,
  InformationDate: g.informationDate,
  DataCollectionStage: g.stage,
  ...metaValues(g.meta),
});

const INCOME_COLUMNS = answerColumns('IncomeBenefits');
const HEALTH_AND_DV_COLUMNS = answerColumns('HealthAndDV');

/** The individual-source columns under each "from any source" question. */
const SOURCE_FAMILIES: readonly { any: string; sources: readonly string[] }[] = [
  { any: INCOME_FROM_ANY_SOURCE_COLUMN, sources: INCOME_SOURCES.map((s) => s.column) },
  { any: BENEFITS_FROM_ANY_SOURCE_COLUMN, sources: NON_CASH_BENEFIT_SOURCES.map((s) => s.column) },
  { any: INSURANCE_FROM_ANY_SOURCE_COLUMN, sources: HEALTH_INSURANCE_TYPES.map((s) => s.column) },
];

export function incomeBenefitsValues(g: AssessmentGroup): Record<string, HmisInputValue> | null {
  if (!isFormStage(g.stage)) return null;
  const { values, any } = columnValues(INCOME_COLUMNS, g.stage, g.answers);
  if (!any) return null;
  for (const family of SOURCE_FAMILIES) {
    const yes = values[family.any] === YES;
    for (const column of family.sources) {
      if (yes) values[column] ??= NO;
      else values[column] = null;
    }
  }
  if (
    values[INCOME_FROM_ANY_SOURCE_COLUMN] === YES &&
    values[TOTAL_MONTHLY_INCOME_COLUMN] == null
  ) {
    const amounts = INCOME_SOURCES.map((s) => values[s.amountColumn]).filter(
      (v): v is number => typeof v === 'number',
    );
    if (amounts.length > 0)
      values[TOTAL_MONTHLY_INCOME_COLUMN] = amounts.reduce((a, b) => a + b, 0);
  }
  return values;
}

export async function* incomeBenefitsRows(ctx: Context): AsyncIterable<string[]> {
  for await (const groups of assessmentGroups(ctx)) {
    for (const g of groups) {
      const values = incomeBenefitsValues(g);
      if (values === null) continue;
      yield formatRow(
        hmisFile('IncomeBenefits'),
        { ...values, IncomeBenefitsID: g.id, ...keyValues(g) },
        ctx.format,
      );
    }
  }
}

export async function* healthAndDvRows(ctx: Context): AsyncIterable<string[]> {
  for await (const groups of assessmentGroups(ctx)) {
    for (const g of groups) {
      if (!isFormStage(g.stage)) continue;
      const { values, any } = columnValues(HEALTH_AND_DV_COLUMNS, g.stage, g.answers);
      if (!any) continue;
      yield formatRow(
        hmisFile('HealthAndDV'),
        { ...values, HealthAndDVID: g.id, ...keyValues(g) },
        ctx.format,
      );
    }
  }
}

/** Whether a DisabilityResponse says the client has the disability (4.10.2: 1, 2 or 3). */
function hasDisability(type: number, response: number): boolean {
  return type === DISABILITY_SUBSTANCE_USE ? [1, 2, 3].includes(response) : response === YES;
}

export async function* disabilitiesRows(ctx: Context): AsyncIterable<string[]> {
  for await (const groups of assessmentGroups(ctx)) {
    for (const g of groups) {
      for (const d of DISABILITY_FIELDS) {
        const response = answerAsValue(g.answers[d.responseField]);
        if (typeof response !== 'number') continue;
        const indefinite =
          d.indefiniteField !== null && hasDisability(d.disabilityType, response)
            ? answerAsValue(g.answers[d.indefiniteField])
            : null;
        yield formatRow(
          hmisFile('Disabilities'),
          {
            DisabilitiesID: derivedId(`disabilities:${g.id}:${d.disabilityType}`),
            DisabilityType: d.disabilityType,
            DisabilityResponse: response,
            IndefiniteAndImpairs: indefinite,
            ...keyValues(g),
          },
          ctx.format,
        );
      }
    }
  }
}

export type AssessmentFilesContext = Context;
