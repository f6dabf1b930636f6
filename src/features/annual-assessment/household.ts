// Reading one household for the annual assessment screen: every member's enrollment and client,
// with each member's assessments (the enrollment bundle has only the opened enrollment's), and the
// record views turned into what the annual-assessment rules read.
import { enrollmentBundle, viewsWhere, type RecordView } from '../../db';
import type { DeviceDatabase } from '../../db';
import { personName } from '../../shared/format';

export interface AnnualMemberView {
  enrollment: RecordView;
  client: RecordView | undefined;
  assessments: RecordView[];
}

export interface AnnualHousehold {
  /** The enrollment the screen was opened from. */
  enrollment: RecordView;
  /** Every member, head of household first. */
  members: AnnualMemberView[];
}

export async function annualHousehold(
  db: DeviceDatabase,
  enrollmentId: string,
): Promise<AnnualHousehold | null> {
  const bundle = await enrollmentBundle(db, enrollmentId);
  if (bundle === null) return null;
  const household = bundle.household.length
    ? bundle.household
    : [{ enrollment: bundle.enrollment, client: bundle.client }];
  const members = await Promise.all(
    household.map(async (m) => ({
      enrollment: m.enrollment,
      client: m.client,
      assessments: await viewsWhere(db, 'assessment', 'enrollmentId', m.enrollment.id),
    })),
  );
  return { enrollment: bundle.enrollment, members };
}

export {
  annualEnrollmentFrom as annualEnrollmentOf,
  annualAssessmentsFrom as assessmentInfos,
} from '../../domain/workflow/annual-assessment';

export function memberName(member: AnnualMemberView): string {
  const c = member.client;
  return personName(c ? { firstName: c.firstName, lastName: c.lastName } : null);
}
