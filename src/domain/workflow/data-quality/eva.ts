// Eva's findings (the project's port, run on the device's export or by the server) as the report
// shows them: grouped by check, attributed to case managers through the enrollment or client a
// finding names, and linked to the screen that fixes the record. Findings about a project's
// descriptors name no client; they count for everyone and link nowhere (an administrator sets
// descriptors with the admin CLI).
import type { HmisFinding } from '../../hmis-csv/quality/types';
import type { ReportScope } from './scope';
import type { DqFinding, DqLink, EvaCheckRow } from './types';

/** Checks about the exit (ExitDate, Destination, income, benefits and insurance at exit). */
const EXIT_CHECKS: ReadonlySet<string> = new Set(['14', '59', '89', '90', '93', '95', '99', '121']);
/** Checks fixed on the enrollment screen (household, relationship, Enrollment CoC, overlaps). */
const ENROLLMENT_CHECKS: ReadonlySet<string> = new Set(['1', '2', '3', '4', '27', '77', '86']);

export function evaLink(f: HmisFinding, scope: ReportScope): DqLink | null {
  const enrollmentId =
    f.enrollmentId !== null && scope.byId.has(f.enrollmentId) ? f.enrollmentId : null;
  const clientId = f.personalId !== null && scope.clients.has(f.personalId) ? f.personalId : null;
  if (f.file === 'Client.csv' && clientId !== null) return { screen: 'client', clientId };
  if (enrollmentId !== null) {
    if (EXIT_CHECKS.has(f.checkId) || f.file === 'Exit.csv')
      return { screen: 'exit', enrollmentId };
    if (ENROLLMENT_CHECKS.has(f.checkId) || f.file === 'CurrentLivingSituation.csv')
      return { screen: 'enrollment', enrollmentId };
    return { screen: 'backfill', enrollmentId };
  }
  return clientId !== null ? { screen: 'client', clientId } : null;
}

/** The enrollments in scope a finding is about: its EnrollmentID, else its client's. */
export function evaEnrollments(f: HmisFinding, scope: ReportScope): readonly string[] {
  if (f.enrollmentId !== null && scope.byId.has(f.enrollmentId)) return [f.enrollmentId];
  if (f.personalId !== null) return scope.enrollmentsOfClient.get(f.personalId) ?? [];
  return [];
}

export function evaFinding(f: HmisFinding, scope: ReportScope): DqFinding {
  const enrollmentId =
    f.enrollmentId !== null && scope.byId.has(f.enrollmentId) ? f.enrollmentId : null;
  return {
    kind: 'eva',
    ref: f.checkId,
    title: `Eva ${f.checkId}: ${f.title}`,
    message: f.message,
    severity: f.severity,
    clientId: f.personalId !== null && scope.clients.has(f.personalId) ? f.personalId : null,
    enrollmentId,
    link: evaLink(f, scope),
  };
}

const RANK = { high: 0, error: 1, warning: 2 } as const;

/** Counts per check of a list of findings, most severe first, then by id. */
export function evaRows(findings: readonly HmisFinding[]): EvaCheckRow[] {
  const rows = new Map<string, EvaCheckRow>();
  for (const f of findings) {
    const row = rows.get(f.checkId);
    rows.set(f.checkId, {
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      count: (row?.count ?? 0) + 1,
    });
  }
  return [...rows.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      a.checkId.localeCompare(b.checkId, 'en', { numeric: true }),
  );
}
