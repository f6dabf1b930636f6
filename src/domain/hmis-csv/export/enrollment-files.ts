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
import { singletonAssessmentId, type Provider } from '../../records';
import { hmisFile } from '../columns';
import { answerColumns, columnValues } from './answers';
import { combinedMeta, formatRow, metaValues, type RowFormat } from './rows';
import { isExportedEnrollmentRecord, type ExportScope } from './scope';
import type { ExportRecord, HmisExportSource } from './source';

/** 3.12.1 Destination 17: "Other", whose 3.12.B text is OtherDestination. */
const DESTINATION_OTHER = 17;

const ENTRY_COLUMNS = answerColumns('Enrollment');

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

export async function* enrollmentRows(ctx: Context): AsyncIterable<string[]> {
  for await (const page of scopedEnrollmentPages(ctx)) {
    const entries = await singletonAssessments(ctx, page, 1);
    for (const enrollment of page) {
      const e = enrollment.record;
      const entry = entries.get(e.id);
      const projectType = ctx.providers.get(e.providerId)?.projectType ?? null;
      const { values } = columnValues(ENTRY_COLUMNS, 1, entry?.record.answers ?? {}, {
        projectType,
      });
      const meta =
        entry === undefined ? enrollment.meta : combinedMeta([enrollment.meta, entry.meta]);
      yield formatRow(
        hmisFile('Enrollment'),
        {
          ...values,
          EnrollmentID: e.id,
          PersonalID: e.clientId,
          ProjectID: e.providerId,
          EntryDate: e.projectStartDate,
          HouseholdID: e.householdId,
          RelationshipToHoH: e.relationshipToHoH,
          EnrollmentCoC:
            e.relationshipToHoH === HEAD_OF_HOUSEHOLD ? (e.enrollmentCoc ?? null) : null,
          DisablingCondition: values.DisablingCondition ?? DATA_NOT_COLLECTED,
          DateOfEngagement: dateOfEngagement(e, projectType, ctx.endDate),
          ...metaValues({ ...meta, dateCreated: enrollment.meta.dateCreated }),
        },
        ctx.format,
      );
    }
  }
}

export async function* exitRows(ctx: Context): AsyncIterable<string[]> {
  for await (const page of scopedEnrollmentPages(ctx)) {
    const exited = page.filter(
      (e) => e.record.exitDate !== null && e.record.exitDate <= ctx.endDate,
    );
    if (exited.length === 0) continue;
    const exits = await singletonAssessments(ctx, exited, 3);
    for (const enrollment of exited) {
      const e = enrollment.record;
      const destination = e.destination ?? DATA_NOT_COLLECTED;
      yield formatRow(
        hmisFile('Exit'),
        {
          ExitID: e.id,
          EnrollmentID: e.id,
          PersonalID: e.clientId,
          ExitDate: e.exitDate,
          Destination: destination,
          DestinationSubsidyType:
            destination === RENTAL_WITH_SUBSIDY ? (e.destinationSubsidyType ?? null) : null,
          OtherDestination: destination === DESTINATION_OTHER ? (e.otherDestination ?? null) : null,
          ...metaValues(exits.get(e.id)?.meta ?? enrollment.meta),
        },
        ctx.format,
      );
    }
  }
}

export async function* currentLivingSituationRows(ctx: Context): AsyncIterable<string[]> {
  for await (const page of ctx.source.records('currentLivingSituation')) {
    for (const cls of page) {
      if (!isExportedEnrollmentRecord(cls, ctx.scope, ctx.endDate)) continue;
      const c = cls.record;
      yield formatRow(
        hmisFile('CurrentLivingSituation'),
        {
          CurrentLivingSitID: c.id,
          EnrollmentID: c.enrollmentId,
          PersonalID: c.clientId,
          InformationDate: c.informationDate,
          CurrentLivingSituation: c.currentLivingSituation,
          CLSSubsidyType: c.clsSubsidyType,
          VerifiedBy: c.verifiedBy,
          LeaveSituation14Days: c.leaveSituation14Days,
          SubsequentResidence: c.subsequentResidence,
          ResourcesToObtain: c.resourcesToObtain,
          LeaseOwn60Day: c.leaseOwn60Day,
          MovedTwoOrMore: c.movedTwoOrMore,
          LocationDetails: c.locationDetails,
          ...metaValues(cls.meta),
        },
        ctx.format,
      );
    }
  }
}

export type EnrollmentFilesContext = Context;
