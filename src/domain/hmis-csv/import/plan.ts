// planHmisImport: an HMIS CSV FY2026 export (file name → rows, header first, as readHmisZip
// gives it) → the writes that seed one provider's caseload, or the problems that stop it.
// Everything is validated before a write is planned, and every value is checked as the merge
// will check it (M9), so an export that plans without problems applies without rejections
// (save for scope: a client already in another provider's caseload).
import { DEFAULT_TIME_ZONE, RECORD_SCHEMAS } from '../../records';
import { unflattenFields } from '../../merge/flatten';
import type { HmisExportFiles } from '../structure-check';
import { ImportContext } from './context';
import { sourceKeyOf } from './ids';
import { mapAssessments } from './map-assessments';
import { mapCurrentLivingSituations, mapEnrollments, mapExits } from './map-enrollments';
import { mapClients, mapUsers } from './map-people';
import { tablesOf, validateHmisExport, type TableRow, type Tables } from './validate';
import type { HmisImportOptions, HmisImportResult, ImportProblem } from './types';

const DESCRIPTOR_FILES = [
  'Organization',
  'Project',
  'Funder',
  'ProjectCoC',
  'Inventory',
  'Affiliation',
  'HMISParticipation',
  'CEParticipation',
] as const;
const NOT_RECORDED_FILES = [
  'EmploymentEducation',
  'Services',
  'Assessment',
  'AssessmentQuestions',
  'AssessmentResults',
  'Event',
  'YouthEducationStatus',
] as const;

export function planHmisImport(
  files: HmisExportFiles,
  options: HmisImportOptions,
): HmisImportResult {
  const problems = validateHmisExport(files, options.maxRows);
  if (problems.length > 0) return { ok: false, problems };
  const tables = tablesOf(files);
  const exp = tables.get('Export')!.rows[0]!;
  const sourceKey = sourceKeyOf(exp.get('ImplementationID'), exp.get('SourceID') || null);

  const project = chooseProject(tables, options);
  if (typeof project !== 'string') return { ok: false, problems: [project] };

  const users = mapUsers(tables, sourceKey);
  const ctx = new ImportContext(
    sourceKey,
    options.timeZone ?? DEFAULT_TIME_ZONE,
    new Map(users.map((u) => [u.hmisId, u.id])),
  );
  ctx.count('User.csv').read = users.length;
  ctx.count('User.csv').mapped = users.length;
  ctx.count('Export.csv').read = 1;
  ctx.count('Export.csv').mapped = 1;

  const enrollments: TableRow[] = [];
  for (const row of tables.get('Enrollment')!.rows) {
    ctx.count('Enrollment.csv').read += 1;
    const id = row.get('EnrollmentID');
    if (row.get('DateDeleted') !== '') {
      ctx.skip(
        'Enrollment.csv',
        row.line,
        'DateDeleted',
        `Enrollment ${id} is deleted in HMIS; not imported.`,
      );
    } else if (row.get('ProjectID') !== project) {
      ctx.skip(
        'Enrollment.csv',
        row.line,
        'ProjectID',
        `Enrollment ${id} is in project ${row.get('ProjectID')}, not the imported project ${project}.`,
      );
    } else {
      enrollments.push(row);
    }
  }
  const enrolled = new Set(enrollments.map((r) => r.get('EnrollmentID')));
  mapClients(ctx, tables, new Set(enrollments.map((r) => r.get('PersonalID'))));
  mapEnrollments(ctx, tables, enrollments, options.providerId);
  mapExits(ctx, childRows(ctx, tables, 'Exit', enrolled));
  mapCurrentLivingSituations(ctx, childRows(ctx, tables, 'CurrentLivingSituation', enrolled));
  mapAssessments(ctx, {
    IncomeBenefits: childRows(ctx, tables, 'IncomeBenefits', enrolled),
    HealthAndDV: childRows(ctx, tables, 'HealthAndDV', enrolled),
    Disabilities: childRows(ctx, tables, 'Disabilities', enrolled),
  });
  for (const file of [...DESCRIPTOR_FILES, ...NOT_RECORDED_FILES]) {
    const rows = tables.get(file)!.rows;
    const count = ctx.count(`${file}.csv`);
    count.read = rows.length;
    if (rows.length === 0) continue;
    count.skipped = rows.length;
    ctx.notes.push({
      file: `${file}.csv`,
      line: null,
      column: null,
      message: (DESCRIPTOR_FILES as readonly string[]).includes(file)
        ? `${file}.csv describes projects; the provider's project descriptors are set with the admin CLI, so its ${rows.length} row(s) are not imported.`
        : `Fieldnote does not record ${file}.csv; its ${rows.length} row(s) are not imported.`,
    });
  }

  const { writes, ignoredNotes } = ctx.finish();
  for (const w of writes) {
    const record = unflattenFields(w.id, { ...w.createDefaults, ...w.fields });
    if (w.type === 'assessment') record.answers ??= {};
    const parsed = RECORD_SCHEMAS[w.type].safeParse(record);
    if (!parsed.success) {
      const at = w.sources[0];
      for (const issue of parsed.error.issues) {
        ctx.problem(at?.file ?? '', at?.line ?? null, issue.path.join('.') || null, issue.message);
      }
    }
  }
  if (ctx.problems.length > 0) return { ok: false, problems: ctx.problems };
  return {
    ok: true,
    plan: {
      sourceKey,
      exportId: exp.get('ExportID'),
      projectId: project,
      users,
      writes,
      externalIds: ctx.externalIds,
      notes: [...ctx.notes, ...ignoredNotes],
      counts: ctx.counts,
    },
  };
}

/** The HMIS project to import, or the problem choosing it. */
function chooseProject(tables: Tables, options: HmisImportOptions): string | ImportProblem {
  const projects = tables
    .get('Project')!
    .rows.filter((r) => r.get('DateDeleted') === '')
    .map((r) => ({ id: r.get('ProjectID'), name: r.get('ProjectName') }));
  const wanted = options.projectId ?? null;
  if (wanted !== null) {
    if (projects.some((p) => p.id === wanted)) return wanted;
    return {
      file: 'Project.csv',
      line: null,
      column: 'ProjectID',
      message: `The export has no project ${wanted}; it has ${projects.map((p) => `${p.id} (${p.name})`).join(', ') || 'none'}.`,
    };
  }
  if (projects.length === 1) return projects[0]!.id;
  const same = projects.find((p) => p.id === options.providerId);
  if (same !== undefined) return same.id;
  return {
    file: 'Project.csv',
    line: null,
    column: 'ProjectID',
    message:
      projects.length === 0
        ? 'The export has no project, so there is no caseload to import.'
        : `The export holds ${projects.length} projects: ${projects.map((p) => `${p.id} (${p.name})`).join(', ')}. Choose one with --project.`,
  };
}

/** Rows of a file under an imported enrollment; deleted rows and other enrollments' are noted. */
function childRows(
  ctx: ImportContext,
  tables: Tables,
  file: 'Exit' | 'CurrentLivingSituation' | 'IncomeBenefits' | 'HealthAndDV' | 'Disabilities',
  enrolled: ReadonlySet<string>,
): TableRow[] {
  const fileName = `${file}.csv`;
  const out: TableRow[] = [];
  for (const row of tables.get(file)!.rows) {
    ctx.count(fileName).read += 1;
    if (row.get('DateDeleted') !== '') {
      ctx.skip(
        fileName,
        row.line,
        'DateDeleted',
        `Row ${row.line} is deleted in HMIS; not imported.`,
      );
    } else if (!enrolled.has(row.get('EnrollmentID'))) {
      ctx.skip(
        fileName,
        row.line,
        'EnrollmentID',
        `Enrollment ${row.get('EnrollmentID')} is not imported (another project, or deleted).`,
      );
    } else {
      out.push(row);
    }
  }
  return out;
}
