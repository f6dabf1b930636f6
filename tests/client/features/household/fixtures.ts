// The household screens' test records: an enrollment in one household of the test provider, with
// the Enrollment CoC on the head of household only (W-START-1). Synthetic data only.
import type { Change } from '../../../../src/db';
import { TEST_PROVIDER } from '../render';

export function householdEnrollment(
  id: string,
  clientId: string,
  householdId: string,
  relationshipToHoH: number,
): Change {
  return {
    type: 'enrollment',
    id,
    op: 'create',
    fields: {
      clientId,
      providerId: TEST_PROVIDER.id,
      householdId,
      relationshipToHoH,
      projectStartDate: '2026-03-02',
      entryType: 'basic',
      exitDate: null,
      exitReason: null,
      destination: null,
      destinationSubsidyType: null,
      enrollmentCoc: relationshipToHoH === 1 ? 'MN-500' : null,
    },
  };
}
