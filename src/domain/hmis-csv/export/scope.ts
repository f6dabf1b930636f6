// What a "reporting period" full-refresh export contains (CSV-2026 ExportPeriodType 3,
// ExportDirective 2; hmis-data-standards.md §2.2), decided in one pass over the enrollments,
// assessments and Current Living Situations before any client file is written (User.csv, third
// in the export, must already name every user of the rows after it):
//  - enrollments of the exported providers active in the period: ProjectStartDate ≤ end and
//    (no exit or ExitDate ≥ start), whose client exists and is not deleted;
//  - their clients;
//  - every assessment and CLS of those enrollments with an InformationDate ≤ end, including
//    those before the start (the entry of a stay that began before the period is what reports
//    such as the APR read); nothing dated after the end ("no InformationDates after the end");
//  - an Exit row only when the ExitDate is ≤ end, for the same reason.
// Deleted records are left out: a full refresh replaces what the receiver holds, so a record
// that is not sent is gone there, and sending rows with a DateDeleted (which Eva filters out and
// some HMIS apply as delete commands) is only needed by a delta refresh, which Fieldnote does not
// write. A deleted enrollment takes its exit, assessments and CLS with it.
//
// Memory: sets of ids (enrollments and clients in the export, users seen, and the keys of the few
// assessments that share an enrollment, date and stage), never the records themselves.
import type { ExportRecord, HmisExportParams, HmisExportSource } from './source';
import type { RecordOfType } from '../../records';

export interface ExportScope {
  readonly enrollmentIds: ReadonlySet<string>;
  readonly clientIds: ReadonlySet<string>;
  /** UserIDs of every exported record (User.csv). */
  readonly userIds: ReadonlySet<string>;
  /**
   * (EnrollmentID, InformationDate, DataCollectionStage) keys shared by two or more exported
   * assessments: CSV-2026 combines them into one IncomeBenefits / HealthAndDV row.
   */
  readonly sharedAssessmentKeys: ReadonlySet<string>;
}

type Period = Pick<HmisExportParams, 'startDate' | 'endDate' | 'providers'>;

export function isEnrollmentInPeriod(e: RecordOfType['enrollment'], period: Period): boolean {
  return (
    e.projectStartDate <= period.endDate && (e.exitDate === null || e.exitDate >= period.startDate)
  );
}

/** An assessment or CLS of an exported enrollment, not deleted, dated on or before the end. */
export function isExportedEnrollmentRecord(
  r: ExportRecord<'assessment'> | ExportRecord<'currentLivingSituation'>,
  scope: Pick<ExportScope, 'enrollmentIds'>,
  endDate: string,
): boolean {
  return (
    !r.deleted &&
    scope.enrollmentIds.has(r.record.enrollmentId) &&
    r.record.informationDate <= endDate
  );
}

export function assessmentKey(a: RecordOfType['assessment']): string {
  return `${a.enrollmentId}|${a.informationDate}|${a.dataCollectionStage}`;
}

export async function buildExportScope(
  source: HmisExportSource,
  params: Period,
): Promise<ExportScope> {
  const providerIds = new Set(params.providers.map((p) => p.id));
  const enrollmentIds = new Set<string>();
  const clientIds = new Set<string>();
  const userIds = new Set<string>();

  for await (const page of source.records('enrollment')) {
    const candidates = page.filter(
      (e) =>
        !e.deleted &&
        providerIds.has(e.record.providerId) &&
        isEnrollmentInPeriod(e.record, params),
    );
    if (candidates.length === 0) continue;
    const clients = await source.get('client', [
      ...new Set(candidates.map((e) => e.record.clientId)),
    ]);
    for (const e of candidates) {
      const client = clients.get(e.record.clientId);
      if (client === undefined || client.deleted) continue;
      enrollmentIds.add(e.record.id);
      clientIds.add(client.record.id);
      userIds.add(e.meta.userId);
      userIds.add(client.meta.userId);
    }
  }

  const keys = new Set<string>();
  const sharedAssessmentKeys = new Set<string>();
  for await (const page of source.records('assessment')) {
    for (const a of page) {
      if (!isExportedEnrollmentRecord(a, { enrollmentIds }, params.endDate)) continue;
      userIds.add(a.meta.userId);
      const key = assessmentKey(a.record);
      if (keys.has(key)) sharedAssessmentKeys.add(key);
      else keys.add(key);
    }
  }
  keys.clear();

  for await (const page of source.records('currentLivingSituation')) {
    for (const c of page) {
      if (isExportedEnrollmentRecord(c, { enrollmentIds }, params.endDate)) {
        userIds.add(c.meta.userId);
      }
    }
  }
  return { enrollmentIds, clientIds, userIds, sharedAssessmentKeys };
}
