// Enrollment.csv, Exit.csv and CurrentLivingSituation.csv, page by page.
//  - Enrollment: the enrollment record (3.10 EntryDate = projectStartDate, 3.15, 3.16, 5.09
//    HouseholdID) and the Entry assessment's answers (3.917, 3.08 …) through their hudColumn.
//    EnrollmentCoC is the head of household's (3.16 is collected about the HoH only); 4.13
//    DateOfEngagement only for Street Outreach and Night-by-Night shelters. DateUpdated
//    and UserID are the later of the enrollment's and its Entry assessment's.
//  - Exit: one row per enrollment exited on or before the end of the period; ExitID is the
//    EnrollmentID (CSV-2026 allows it). Its metadata is the Exit assessment's, recorded with the
//    exit, when there is one; otherwise the enrollment's.
import {
  DATA_NOT_COLLECTED,
  HEAD_OF_HOUSEHOLD,
  RENTAL_WITH_SUBSIDY,
  asksDateOfEngagement,
} from '../../codes';
import type { FormContext } from '../../forms';
import { singletonAssessmentId, type Provider } from '../../records';
import { AnswerPlan, answerColumns } from './answers';
import { combinedMeta, rowPlan, type RowFormat } from './rows';
import { isExportedEnrollmentRecord, type ExportScope } from './scope';
import type { ExportRecord, HmisExportSource } from './source';

/** 3.12.1 Destination 17: "Other", whose 3.12.B text is OtherDestination. */
const DESTINATION_OTHER = 17;

const ENTRY_PLAN = new AnswerPlan('Enrollment', answerColumns('Enrollment'), 1);

interface Context {
  readonly source: HmisExportSource;
  readonly scope: ExportScope;
  readonly endDate: string;
  readonly providers: ReadonlyMap<string, Provider>;
  readonly format: RowFormat;
}

async function* scopedEnrollmentPages(ctx: Context) {
  for await (const page of ctx.source.records('enrollment')) {
    const kept = page.filter((e) => !e.deleted && ctx.scope.enrollmentIds.has(e.record.id));
    if (kept.length > 0) yield kept;
  }
}

/** The Entry (1) or Exit (3) assessments of a page of enrollments that the export includes. */
async function singletonAssessments(
  ctx: Context,
  page: readonly ExportRecord<'enrollment'>[],
  stage: 1 | 3,
): Promise<Map<string, ExportRecord<'assessment'>>> {
  const ids = page.map((e) => singletonAssessmentId(e.record.id, stage));
  const found = await ctx.source.get('assessment', ids);
  const byEnrollment = new Map<string, ExportRecord<'assessment'>>();
  for (const a of found.values()) {
    if (isExportedEnrollmentRecord(a, ctx.scope, ctx.endDate)) {
      byEnrollment.set(a.record.enrollmentId, a);
    }
  }
  return byEnrollment;
}

/**
 * 4.13: only where the project type collects it (Street Outreach, Night-by-Night shelter) and
 * only a date the period has reached; a child's is never recorded (workflow W-ENG-1).
 */
function dateOfEngagement(
  e: ExportRecord<'enrollment'>['record'],
  projectType: number | null,
  endDate: string,
): string | null {
  if (!asksDateOfEngagement(projectType)) return null;
  const date = e.dateOfEngagement ?? null;
  return date !== null && date >= e.projectStartDate && date <= endDate ? date : null;
}

export async function* enrollmentRows(ctx: Context): AsyncIterable<string[][]> {
  const plan = rowPlan('Enrollment', ctx.format);
  const at = (column: string) => plan.slot(column);
  const slots = {
    id: at('EnrollmentID'),
    personal: at('PersonalID'),
    project: at('ProjectID'),
    entry: at('EntryDate'),
    household: at('HouseholdID'),
    relationship: at('RelationshipToHoH'),
    coc: at('EnrollmentCoC'),
    disabling: at('DisablingCondition'),
    engagement: at('DateOfEngagement'),
  };
  const contexts = new Map<number | null, FormContext>();
  const contextOf = (projectType: number | null) => {
    let context = contexts.get(projectType);
    if (context === undefined) contexts.set(projectType, (context = { projectType }));
    return context;
  };
  for await (const page of scopedEnrollmentPages(ctx)) {
    const entries = await singletonAssessments(ctx, page, 1);
    const out: string[][] = [];
    for (const enrollment of page) {
      const e = enrollment.record;
      const entry = entries.get(e.id);
      const projectType = ctx.providers.get(e.providerId)?.projectType ?? null;
      const values = plan.values();
      ENTRY_PLAN.fill(values, entry?.record.answers ?? {}, contextOf(projectType));
      const meta =
        entry === undefined ? enrollment.meta : combinedMeta([enrollment.meta, entry.meta]);
      values[slots.id] = e.id;
      values[slots.personal] = e.clientId;
      values[slots.project] = e.providerId;
      values[slots.entry] = e.projectStartDate;
      values[slots.household] = e.householdId;
      values[slots.relationship] = e.relationshipToHoH;
      values[slots.coc] =
        e.relationshipToHoH === HEAD_OF_HOUSEHOLD ? (e.enrollmentCoc ?? null) : null;
      values[slots.disabling] = values[slots.disabling] ?? DATA_NOT_COLLECTED;
      values[slots.engagement] = dateOfEngagement(e, projectType, ctx.endDate);
      plan.setMeta(values, { ...meta, dateCreated: enrollment.meta.dateCreated });
      out.push(plan.row(values));
    }
    yield out;
  }
}

export async function* exitRows(ctx: Context): AsyncIterable<string[][]> {
  const plan = rowPlan('Exit', ctx.format);
  const at = (column: string) => plan.slot(column);
  const slots = {
    exit: at('ExitID'),
    enrollment: at('EnrollmentID'),
    personal: at('PersonalID'),
    date: at('ExitDate'),
    destination: at('Destination'),
    subsidy: at('DestinationSubsidyType'),
    other: at('OtherDestination'),
  };
  for await (const page of scopedEnrollmentPages(ctx)) {
    const exited = page.filter(
      (e) => e.record.exitDate !== null && e.record.exitDate <= ctx.endDate,
    );
    if (exited.length === 0) continue;
    const exits = await singletonAssessments(ctx, exited, 3);
    const out: string[][] = [];
    for (const enrollment of exited) {
      const e = enrollment.record;
      const destination = e.destination ?? DATA_NOT_COLLECTED;
      const values = plan.values();
      values[slots.exit] = e.id;
      values[slots.enrollment] = e.id;
      values[slots.personal] = e.clientId;
      values[slots.date] = e.exitDate;
      values[slots.destination] = destination;
      values[slots.subsidy] =
        destination === RENTAL_WITH_SUBSIDY ? (e.destinationSubsidyType ?? null) : null;
      values[slots.other] = destination === DESTINATION_OTHER ? (e.otherDestination ?? null) : null;
      plan.setMeta(values, exits.get(e.id)?.meta ?? enrollment.meta);
      out.push(plan.row(values));
    }
    yield out;
  }
}

/** CurrentLivingSituation.csv columns and the record fields they are written from. */
const CLS_COLUMNS = [
  ['CurrentLivingSitID', 'id'],
  ['EnrollmentID', 'enrollmentId'],
  ['PersonalID', 'clientId'],
  ['InformationDate', 'informationDate'],
  ['CurrentLivingSituation', 'currentLivingSituation'],
  ['CLSSubsidyType', 'clsSubsidyType'],
  ['VerifiedBy', 'verifiedBy'],
  ['LeaveSituation14Days', 'leaveSituation14Days'],
  ['SubsequentResidence', 'subsequentResidence'],
  ['ResourcesToObtain', 'resourcesToObtain'],
  ['LeaseOwn60Day', 'leaseOwn60Day'],
  ['MovedTwoOrMore', 'movedTwoOrMore'],
  ['LocationDetails', 'locationDetails'],
] as const;

export async function* currentLivingSituationRows(ctx: Context): AsyncIterable<string[][]> {
  const plan = rowPlan('CurrentLivingSituation', ctx.format);
  const slots = CLS_COLUMNS.map(([column, field]) => [plan.slot(column), field] as const);
  for await (const page of ctx.source.records('currentLivingSituation')) {
    const out: string[][] = [];
    for (const cls of page) {
      if (!isExportedEnrollmentRecord(cls, ctx.scope, ctx.endDate)) continue;
      const c = cls.record;
      const values = plan.values();
      for (const [slot, field] of slots) values[slot] = c[field];
      plan.setMeta(values, cls.meta);
      out.push(plan.row(values));
    }
    yield out;
  }
}

export type EnrollmentFilesContext = Context;
