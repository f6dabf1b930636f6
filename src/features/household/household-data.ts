// The household screens' reading of an enrollment bundle: each member's enrollment in the shape
// of src/domain/workflow/household-members.ts, with a name for labels.
import type { EnrollmentBundle, RecordView } from '../../db';
import type { HouseholdEnrollment } from '../../domain/workflow/household-members';
import { roiOf } from '../../domain/workflow/roi';
import { personName } from '../../shared/format';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** A member's name; one known only by id (not synced yet) by the end of the id. */
export function memberName(client: RecordView | undefined, clientId: string): string {
  if (!client) return `Client …${clientId.slice(-6)}`;
  return personName({ firstName: client.firstName, lastName: client.lastName });
}

export function householdEnrollments(bundle: EnrollmentBundle): HouseholdEnrollment[] {
  return bundle.household.map(({ enrollment, client }) => {
    const clientId = str(enrollment.clientId) ?? '';
    return {
      enrollmentId: enrollment.id,
      clientId,
      name: memberName(client, clientId),
      relationshipToHoH: num(enrollment.relationshipToHoH),
      projectStartDate: str(enrollment.projectStartDate) ?? '',
      exitDate: str(enrollment.exitDate),
      dob: str(client?.dob),
      enrollmentCoc: str(enrollment.enrollmentCoc),
      dateOfEngagement: str(enrollment.dateOfEngagement),
      roi: roiOf(client),
    };
  });
}
