// Annual assessments due or late (W-ANNUAL-2, src/domain/workflow/annual-assessment.ts) for the
// open enrollments in the report, as of today, each a finding linking to the annual assessment
// screen. The household is every live enrollment with the same household id (the head of
// household's anniversary is the one that counts), whether or not it is in the report's scope.
import {
  annualAssessmentStatus,
  annualAssessmentsFrom,
  annualEnrollmentFrom,
} from '../annual-assessment';
import type { ScopedEnrollment } from './scope';
import type { DataQualityInput, DqFinding } from './types';

/** An open member's annual assessment that is due (window open) or late (window closed). */
export interface AnnualDue {
  readonly status: 'due' | 'late';
  readonly finding: DqFinding;
}

export function annualFindings(
  enrollments: readonly ScopedEnrollment[],
  input: Pick<DataQualityInput, 'enrollments' | 'assessments' | 'today'>,
): Map<string, AnnualDue> {
  const households = new Map<string, ReturnType<typeof annualEnrollmentFrom>[]>();
  for (const r of input.enrollments) {
    if (r.view.deleted === true) continue;
    const h = typeof r.view.householdId === 'string' ? r.view.householdId : r.view.id;
    households.set(h, [...(households.get(h) ?? []), annualEnrollmentFrom(r.view)]);
  }
  const out = new Map<string, AnnualDue>();
  for (const s of enrollments) {
    const e = s.context.enrollment;
    const household = households.get(typeof e.householdId === 'string' ? e.householdId : e.id);
    const status = annualAssessmentStatus(
      annualEnrollmentFrom(e),
      household ?? [],
      annualAssessmentsFrom(s.assessments.map((a) => a.view)),
      input.today,
    );
    if (status.kind !== 'due' && status.kind !== 'late') continue;
    out.set(e.id, {
      status: status.kind,
      finding: {
        kind: 'annual',
        ref: '5.03',
        title: status.kind === 'due' ? 'Annual assessment due' : 'Annual assessment late',
        message:
          status.kind === 'due'
            ? `Due by ${status.window.closes} (the anniversary is ${status.window.anniversary}).`
            : `It was due by ${status.window.closes} (the anniversary was ${status.window.anniversary}).`,
        severity: status.kind === 'late' ? 'error' : 'warning',
        clientId: typeof e.clientId === 'string' ? e.clientId : null,
        enrollmentId: e.id,
        link: { screen: 'annual', enrollmentId: e.id },
      },
    });
  }
  return out;
}
