// Reads for "My caseload": the households where the signed-in person has an active Case Managers
// assignment at the provider they enter data as, with each member's records. A handful of index
// reads whatever the caseload's size (one per table, `anyOf` the ids). The rules (which assignment
// counts, what a row says) are in src/domain/workflow/caseload.ts.
import { singletonAssessmentId, type RecordType } from '../domain/records';
import { isActiveAssignment, type CaseloadHouseholdSource } from '../domain/workflow/caseload';
import { viewsWhere } from './queries';
import type { DeviceDatabase, RecordRow, RecordView } from './schema';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function live(rows: readonly (RecordRow | undefined)[]): RecordView[] {
  const out: RecordView[] = [];
  for (const row of rows) if (row?.view && !row.view.deleted) out.push(row.view);
  return out;
}

/** Live views of a type whose enrollmentId is one of the ids, grouped by enrollment id. */
async function byEnrollment(
  db: DeviceDatabase,
  type: RecordType,
  enrollmentIds: readonly string[],
): Promise<Map<string, RecordView[]>> {
  const rows = await db
    .recordTable(type)
    .where('enrollmentId')
    .anyOf([...enrollmentIds])
    .toArray();
  const out = new Map<string, RecordView[]>();
  for (const view of live(rows)) {
    const key = str(view.enrollmentId);
    out.set(key, [...(out.get(key) ?? []), view]);
  }
  return out;
}

/** The person's caseload at a provider, one source per household, as the device has it. */
export async function caseloadSources(
  db: DeviceDatabase,
  input: { userId: string; providerId: string; today: string },
): Promise<CaseloadHouseholdSource[]> {
  const assignments = (
    await viewsWhere(db, 'caseManagerAssignment', 'caseManagerId', input.userId)
  ).filter((a) => isActiveAssignment(a, input.userId, input.today));
  const assigned = live(
    await db.enrollments.bulkGet([...new Set(assignments.map((a) => str(a.enrollmentId)))]),
  ).filter((e) => e.providerId === input.providerId);
  if (!assigned.length) return [];

  // An enrollment without a household id is a household of its own.
  const householdOf = (e: RecordView) => str(e.householdId) || e.id;
  const householdIds = [...new Set(assigned.map(householdOf))];
  const members = new Map<string, RecordView>();
  for (const e of live(await db.enrollments.where('householdId').anyOf(householdIds).toArray())) {
    if (e.providerId === input.providerId) members.set(e.id, e);
  }
  for (const e of assigned) members.set(e.id, e);
  const memberIds = [...members.keys()];

  const [clients, assessments, contacts, cls, memberAssignments] = await Promise.all([
    db.clients.bulkGet([...new Set([...members.values()].map((e) => str(e.clientId)))]),
    byEnrollment(db, 'assessment', memberIds),
    byEnrollment(db, 'contact', memberIds),
    byEnrollment(db, 'currentLivingSituation', memberIds),
    byEnrollment(db, 'caseManagerAssignment', memberIds),
  ]);
  const clientById = new Map(live(clients).map((c) => [c.id, c]));

  return householdIds.map((householdId) => {
    const household = [...members.values()].filter((e) => householdOf(e) === householdId);
    return {
      householdId,
      assignedEnrollmentIds: assigned
        .filter((e) => householdOf(e) === householdId)
        .map((e) => e.id),
      members: household.map((enrollment) => {
        const entryId = singletonAssessmentId(enrollment.id, 1);
        const own = assessments.get(enrollment.id) ?? [];
        return {
          enrollment,
          client: clientById.get(str(enrollment.clientId)),
          entry: own.find((a) => a.id === entryId),
          contacts: contacts.get(enrollment.id) ?? [],
          currentLivingSituations: cls.get(enrollment.id) ?? [],
          others: [
            ...own.filter((a) => a.id !== entryId),
            ...(memberAssignments.get(enrollment.id) ?? []),
          ],
        };
      }),
    };
  });
}
