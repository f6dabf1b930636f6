// dataQualityReport: the supervisor's data-quality report as a pure view-model, for everyone and
// per case manager (see ./index.ts).
import { annualFindings, type AnnualDue } from './annual';
import { completeness } from './completeness';
import { evaEnrollments, evaFinding, evaRows } from './eva';
import { reportScope, type ReportScope, type ScopedEnrollment } from './scope';
import { timeliness } from './timeliness';
import type { DataQualityInput, DataQualityReport, DqSection, EvaCheckRow } from './types';

function section(
  caseManagerId: string | null,
  enrollments: readonly ScopedEnrollment[],
  input: DataQualityInput,
  scope: ReportScope,
  annual: ReadonlyMap<string, AnnualDue>,
  evaExact: readonly EvaCheckRow[] | null,
): DqSection {
  const ids = new Set(enrollments.map((s) => s.context.enrollment.id));
  const everyone = evaExact !== null;
  const eva = (input.eva?.findings ?? []).filter(
    (f) => everyone || evaEnrollments(f, scope).some((id) => ids.has(id)),
  );
  const { rows, findings } = completeness(enrollments, input.period);
  const annualHere = [...ids].flatMap((id) => annual.get(id) ?? []);
  return {
    caseManagerId,
    enrollments: enrollments.length,
    completeness: rows,
    timeliness: timeliness(enrollments, input),
    eva: evaExact ?? evaRows(eva),
    annual: {
      due: annualHere.filter((a) => a.status === 'due').length,
      late: annualHere.filter((a) => a.status === 'late').length,
    },
    findings: [
      ...eva.map((f) => evaFinding(f, scope)),
      ...annualHere.map((a) => a.finding),
      ...findings,
    ],
  };
}

export function dataQualityReport(input: DataQualityInput): DataQualityReport {
  const scope = reportScope(input);
  const annual = annualFindings(scope.enrollments, input);
  const exact = input.eva?.byCheck.map(({ checkId, title, severity, count }) => ({
    checkId,
    title,
    severity,
    count,
  }));
  const all = section(null, scope.enrollments, input, scope, annual, exact ?? []);

  const managerIds = [...new Set(scope.enrollments.flatMap((s) => s.caseManagers))].sort();
  const caseManagers = managerIds.map((id) =>
    section(
      id,
      scope.enrollments.filter((s) => s.caseManagers.includes(id)),
      input,
      scope,
      annual,
      null,
    ),
  );
  const unassigned = scope.enrollments.filter((s) => s.caseManagers.length === 0);
  if (unassigned.length > 0) {
    caseManagers.push(section(null, unassigned, input, scope, annual, null));
  }
  return {
    period: input.period,
    all,
    caseManagers,
    evaTruncated: input.eva?.truncated ?? false,
  };
}
