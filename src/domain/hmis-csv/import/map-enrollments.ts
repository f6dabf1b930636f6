// Enrollment.csv → enrollments (3.10, 3.15, 3.16, 5.09) and the Entry assessment's answers in
// its columns (3.917, 3.08 …); Exit.csv → the enrollment's exit fields (3.11, 3.12 with 3.12.A
// and 3.12.B); CurrentLivingSituation.csv → 4.12 records. The Entry answers of an Enrollment row
// are stamped no later than the Entry's own rows (IncomeBenefits, HealthAndDV and Disabilities
// at stage 1) when there are any: Fieldnote's export dates an Enrollment row by the later of the
// enrollment and its Entry, so the Entry keeps its own DateUpdated through a round trip, and an
// answer is never ordered later (M2) than when it was true.
import { singletonAssessmentId } from '../../records';
import type { FieldValues } from '../../merge/state';
import type { ImportContext } from './context';
import { rowAnswers } from './answers';
import { noteIgnored } from './map-people';
import type { Tables, TableRow } from './validate';

const ENROLLMENT_KEPT = new Set([
  'EnrollmentID',
  'PersonalID',
  'ProjectID',
  'EntryDate',
  'HouseholdID',
  'RelationshipToHoH',
  'EnrollmentCoC',
  'DateOfEngagement',
]);
const EXIT_KEPT = new Set([
  'ExitID',
  'EnrollmentID',
  'PersonalID',
  'ExitDate',
  'Destination',
  'DestinationSubsidyType',
  'OtherDestination',
]);
const CLS_KEPT = new Set([
  'CurrentLivingSitID',
  'EnrollmentID',
  'PersonalID',
  'InformationDate',
  'CurrentLivingSituation',
  'CLSSubsidyType',
  'VerifiedBy',
  'LeaveSituation14Days',
  'SubsequentResidence',
  'ResourcesToObtain',
  'LeaseOwn60Day',
  'MovedTwoOrMore',
  'LocationDetails',
]);

type Meta = { createdAt: number; updatedAt: number; userId: string };

/** The clock of each enrollment's Entry rows in the assessment files (stage 1). */
function entryRowMeta(
  ctx: ImportContext,
  tables: Tables,
  imported: ReadonlySet<string>,
): Map<string, Meta> {
  const out = new Map<string, Meta>();
  for (const file of ['IncomeBenefits', 'HealthAndDV', 'Disabilities'] as const) {
    for (const row of tables.get(file)?.rows ?? []) {
      if (row.get('DateDeleted') !== '' || row.get('DataCollectionStage') !== '1') continue;
      const enrollment = row.get('EnrollmentID');
      if (!imported.has(enrollment)) continue;
      const meta = ctx.meta(row);
      const seen = out.get(enrollment);
      if (seen === undefined) out.set(enrollment, meta);
      else {
        if (meta.updatedAt > seen.updatedAt)
          Object.assign(seen, { updatedAt: meta.updatedAt, userId: meta.userId });
        seen.createdAt = Math.min(seen.createdAt, meta.createdAt);
      }
    }
  }
  return out;
}

export function mapEnrollments(
  ctx: ImportContext,
  tables: Tables,
  rows: readonly TableRow[],
  providerId: string,
): void {
  const imported = new Set(rows.map((r) => r.get('EnrollmentID')));
  const entryMeta = entryRowMeta(ctx, tables, imported);
  for (const row of rows) {
    const hmisId = row.get('EnrollmentID');
    const id = ctx.recordId('Enrollment', hmisId);
    const v = (column: string) => ctx.value('Enrollment', row, column);
    const household = row.get('HouseholdID');
    const fields: FieldValues = {
      clientId: ctx.recordId('Client', row.get('PersonalID')),
      providerId,
      householdId: ctx.recordId('Enrollment', `household:${household}`),
      relationshipToHoH: v('RelationshipToHoH'),
      projectStartDate: v('EntryDate'),
      entryType: 'basic',
      enrollmentCoc: v('EnrollmentCoC'),
    };
    // 4.13 only when HMIS has one: a null column must not clear a date recorded in Fieldnote.
    const engagement = v('DateOfEngagement');
    if (engagement !== null) fields.dateOfEngagement = engagement;
    if (/^[0-9a-f]{32}$/.test(household)) fields.householdId = household;
    ctx.contribute('Enrollment', row, hmisId, {
      type: 'enrollment',
      id,
      fields,
      createDefaults: {
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
        otherDestination: null,
      },
      columns: {
        relationshipToHoH: 'RelationshipToHoH',
        projectStartDate: 'EntryDate',
        enrollmentCoc: 'EnrollmentCoC',
        dateOfEngagement: 'DateOfEngagement',
      },
    });
    ctx.external('Enrollment', hmisId, 'enrollment', id);
    ctx.count('Enrollment.csv').mapped += 1;

    const answers = rowAnswers(ctx, 'Enrollment', row, 1);
    if (Object.keys(answers.fields).length > 0) {
      const own = ctx.meta(row);
      const entry = entryMeta.get(hmisId);
      ctx.contribute('Enrollment', row, hmisId, {
        type: 'assessment',
        id: singletonAssessmentId(id, 1),
        stage: 1,
        fields: {
          enrollmentId: id,
          clientId: fields.clientId!,
          dataCollectionStage: 1,
          informationDate: fields.projectStartDate!,
          ...answers.fields,
        },
        columns: answers.columns,
        meta:
          entry === undefined
            ? own
            : { ...entry, updatedAt: Math.min(own.updatedAt, entry.updatedAt) },
      });
    }
    noteIgnored(ctx, 'Enrollment', row, new Set([...ENROLLMENT_KEPT, ...answers.kept]));
  }
}

export function mapExits(ctx: ImportContext, rows: readonly TableRow[]): void {
  for (const row of rows) {
    const hmisId = row.get('ExitID');
    const enrollmentId = ctx.recordId('Enrollment', row.get('EnrollmentID'));
    const v = (column: string) => ctx.value('Exit', row, column);
    ctx.contribute('Exit', row, hmisId, {
      type: 'enrollment',
      id: enrollmentId,
      fields: {
        exitDate: v('ExitDate'),
        destination: v('Destination'),
        destinationSubsidyType: v('DestinationSubsidyType'),
        otherDestination: v('OtherDestination'),
      },
      createDefaults: { exitReason: null },
      columns: {
        exitDate: 'ExitDate',
        destination: 'Destination',
        destinationSubsidyType: 'DestinationSubsidyType',
        otherDestination: 'OtherDestination',
      },
    });
    ctx.external('Exit', hmisId, 'enrollment', enrollmentId);
    ctx.count('Exit.csv').mapped += 1;
    noteIgnored(ctx, 'Exit', row, EXIT_KEPT);
  }
}

export function mapCurrentLivingSituations(ctx: ImportContext, rows: readonly TableRow[]): void {
  for (const row of rows) {
    const hmisId = row.get('CurrentLivingSitID');
    const id = ctx.recordId('CurrentLivingSituation', hmisId);
    const v = (column: string) => ctx.value('CurrentLivingSituation', row, column);
    ctx.contribute('CurrentLivingSituation', row, hmisId, {
      type: 'currentLivingSituation',
      id,
      fields: {
        enrollmentId: ctx.recordId('Enrollment', row.get('EnrollmentID')),
        clientId: ctx.recordId('Client', row.get('PersonalID')),
        informationDate: v('InformationDate'),
        currentLivingSituation: v('CurrentLivingSituation'),
        clsSubsidyType: v('CLSSubsidyType'),
        verifiedBy: v('VerifiedBy'),
        leaveSituation14Days: v('LeaveSituation14Days'),
        subsequentResidence: v('SubsequentResidence'),
        resourcesToObtain: v('ResourcesToObtain'),
        leaseOwn60Day: v('LeaseOwn60Day'),
        movedTwoOrMore: v('MovedTwoOrMore'),
        locationDetails: v('LocationDetails'),
      },
      columns: {
        informationDate: 'InformationDate',
        currentLivingSituation: 'CurrentLivingSituation',
        clsSubsidyType: 'CLSSubsidyType',
        verifiedBy: 'VerifiedBy',
        leaveSituation14Days: 'LeaveSituation14Days',
        subsequentResidence: 'SubsequentResidence',
        resourcesToObtain: 'ResourcesToObtain',
        leaseOwn60Day: 'LeaseOwn60Day',
        movedTwoOrMore: 'MovedTwoOrMore',
        locationDetails: 'LocationDetails',
      },
    });
    ctx.external('CurrentLivingSituation', hmisId, 'currentLivingSituation', id);
    ctx.count('CurrentLivingSituation.csv').mapped += 1;
    noteIgnored(ctx, 'CurrentLivingSituation', row, CLS_KEPT);
  }
}
