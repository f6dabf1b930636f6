// IncomeBenefits.csv, HealthAndDV.csv and Disabilities.csv → assessments, one per
// (EnrollmentID, InformationDate, DataCollectionStage), as CSV-2026 keys these rows and
// Fieldnote's export writes them. Stage 1 (Entry) and 3 (Exit) use the enrollment's singleton
// assessment ids (M4); an Update (2) or Annual (5) keeps the IncomeBenefitsID or HealthAndDVID
// when it is a Fieldnote id, else gets one derived from the key. Disabilities rows (4.05–4.10)
// become the DISABILITY_FIELDS answers of the same assessment. Post-exit (6) is not recorded.
import { DISABILITY_FIELDS } from '../../codes';
import { fieldById } from '../../forms';
import { ID_PATTERN, derivedId, singletonAssessmentId } from '../../records';
import type { FieldValues } from '../../merge/state';
import type { HmisFileName } from '../columns';
import type { ImportContext } from './context';
import { rowAnswers } from './answers';
import { noteIgnored } from './map-people';
import type { TableRow } from './validate';

const KEY_COLUMNS = ['EnrollmentID', 'PersonalID', 'InformationDate', 'DataCollectionStage'];
const STAGES = new Set([1, 2, 3, 5]);

type AssessmentFile = 'IncomeBenefits' | 'HealthAndDV' | 'Disabilities';

const keyOf = (row: TableRow) =>
  `${row.get('EnrollmentID')}|${row.get('InformationDate')}|${row.get('DataCollectionStage')}`;

/** The assessment id of every key, chosen before any row is mapped. */
function assessmentIds(
  ctx: ImportContext,
  rows: Readonly<Record<AssessmentFile, readonly TableRow[]>>,
): Map<string, string> {
  const ids = new Map<string, string>();
  const idColumn: Record<AssessmentFile, string | null> = {
    IncomeBenefits: 'IncomeBenefitsID',
    HealthAndDV: 'HealthAndDVID',
    Disabilities: null,
  };
  for (const file of ['IncomeBenefits', 'HealthAndDV', 'Disabilities'] as const) {
    for (const row of rows[file]) {
      const key = keyOf(row);
      if (ids.has(key)) continue;
      const enrollmentId = ctx.recordId('Enrollment', row.get('EnrollmentID'));
      const stage = Number(row.get('DataCollectionStage'));
      const own = idColumn[file] === null ? '' : row.get(idColumn[file]!);
      ids.set(
        key,
        stage === 1 || stage === 3
          ? singletonAssessmentId(enrollmentId, stage)
          : ID_PATTERN.test(own)
            ? own
            : derivedId(
                `hmis:${ctx.sourceKey}:assessment:${enrollmentId}|${row.get('InformationDate')}|${stage}`,
              ),
      );
    }
  }
  return ids;
}

export function mapAssessments(
  ctx: ImportContext,
  rows: Readonly<Record<AssessmentFile, readonly TableRow[]>>,
): void {
  const ids = assessmentIds(ctx, rows);
  for (const file of ['IncomeBenefits', 'HealthAndDV', 'Disabilities'] as const) {
    const fileName = `${file}.csv`;
    const idColumn = `${file}ID`;
    for (const row of rows[file]) {
      const hmisId = row.get(idColumn);
      const stage = Number(row.get('DataCollectionStage'));
      if (!STAGES.has(stage)) {
        ctx.skip(
          fileName,
          row.line,
          'DataCollectionStage',
          `Row ${row.line} is at data collection stage ${stage}; Fieldnote records stages 1, 2, 3 and 5 only.`,
        );
        continue;
      }
      const answers =
        file === 'Disabilities' ? disabilityAnswers(ctx, row) : rowAnswers(ctx, file, row, stage);
      if (answers === null) {
        ctx.skip(
          fileName,
          row.line,
          'DisabilityType',
          `Disability type ${row.get('DisabilityType')} is not on Fieldnote's forms yet; not imported.`,
        );
        continue;
      }
      const id = ids.get(keyOf(row))!;
      const enrollmentId = ctx.recordId('Enrollment', row.get('EnrollmentID'));
      const base: FieldValues = {
        enrollmentId,
        clientId: ctx.recordId('Client', row.get('PersonalID')),
        dataCollectionStage: stage,
        informationDate: row.get('InformationDate'),
      };
      ctx.contribute(file, row, hmisId, {
        type: 'assessment',
        id,
        stage,
        fields: { ...base, ...answers.fields },
        createDefaults: {},
        columns: answers.columns,
      });
      ctx.external(file as HmisFileName, hmisId, 'assessment', id);
      ctx.count(fileName).mapped += 1;
      noteIgnored(ctx, file, row, new Set([idColumn, ...KEY_COLUMNS, ...answers.kept]));
    }
  }
}

/** A Disabilities row as the answers of DISABILITY_FIELDS, or null for a type the forms lack. */
function disabilityAnswers(
  ctx: ImportContext,
  row: TableRow,
): { fields: FieldValues; columns: Record<string, string>; kept: Set<string> } | null {
  const type = Number(row.get('DisabilityType'));
  const spec = DISABILITY_FIELDS.find((d) => d.disabilityType === type);
  if (spec === undefined || fieldById(spec.responseField) === undefined) return null;
  const fields: FieldValues = {};
  const columns: Record<string, string> = {};
  const response = ctx.value('Disabilities', row, 'DisabilityResponse');
  fields[`answers.${spec.responseField}`] = response;
  columns[`answers.${spec.responseField}`] = 'DisabilityResponse';
  const indefinite = ctx.value('Disabilities', row, 'IndefiniteAndImpairs');
  if (spec.indefiniteField !== null && indefinite !== null) {
    fields[`answers.${spec.indefiniteField}`] = indefinite;
    columns[`answers.${spec.indefiniteField}`] = 'IndefiniteAndImpairs';
  }
  return {
    fields,
    columns,
    kept: new Set(['DisabilityType', 'DisabilityResponse', 'IndefiniteAndImpairs']),
  };
}
