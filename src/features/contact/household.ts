// The contact's household: every other member of the enrollment's household with their Entry,
// Updates and 4.12 records, read from this device (a feature query: only the contact screen needs
// the other members' assessments). The domain decides who is asked what (contact-household.ts).
import { viewsWhere, type DeviceDatabase, type EnrollmentBundle } from '../../db';
import { singletonAssessmentId } from '../../domain/records';
import type { ContactMember } from '../../domain/workflow/contact';
import { contactEnrollmentOf } from '../../domain/workflow/contact-view';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** A member's first name for the screen, or a neutral word when none is recorded. */
export const memberWord = (m: ContactMember): string => m.firstName?.trim() || 'Household member';

/** The household's other members, as the contact reads them (the contacted one left out). */
export async function contactHousehold(
  db: DeviceDatabase,
  bundle: EnrollmentBundle,
): Promise<ContactMember[]> {
  const others = bundle.household.filter((m) => m.enrollment.id !== bundle.enrollment.id);
  return Promise.all(
    others.map(async ({ enrollment, client }) => {
      const [assessments, cls] = await Promise.all([
        viewsWhere(db, 'assessment', 'enrollmentId', enrollment.id),
        viewsWhere(db, 'currentLivingSituation', 'enrollmentId', enrollment.id),
      ]);
      const entryId = singletonAssessmentId(enrollment.id, 1);
      return {
        enrollment: contactEnrollmentOf(enrollment),
        dob: strOrNull(client?.dob),
        firstName: strOrNull(client?.firstName),
        entry: assessments.find((a) => a.id === entryId),
        updates: assessments
          .filter((a) => a.dataCollectionStage === 2 || a.dataCollectionStage === 5)
          .sort((a, b) => str(a.informationDate).localeCompare(str(b.informationDate))),
        currentLivingSituations: cls,
      };
    }),
  );
}
