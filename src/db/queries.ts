// Reads the screens share: records as the screens show them (server state plus pending changes),
// deleted ones left out. Feature-specific queries live with their features.
import { singletonAssessmentId, type RecordType } from '../domain/records';
import type { DeviceDatabase, RecordRow, RecordView, TypedView } from './schema';

function live(rows: (RecordRow | undefined)[]): RecordView[] {
  const out: RecordView[] = [];
  for (const row of rows) if (row?.view && !row.view.deleted) out.push(row.view);
  return out;
}

export async function getView<T extends RecordType>(
  db: DeviceDatabase,
  type: T,
  id: string,
): Promise<TypedView<T> | undefined> {
  const view = (await db.recordTable(type).get(id))?.view;
  return view && !view.deleted ? (view as TypedView<T>) : undefined;
}

type IndexName = 'clientId' | 'providerId' | 'householdId' | 'enrollmentId' | 'caseManagerId';

/** The live views of one type whose indexed field equals the value. */
export async function viewsWhere<T extends RecordType>(
  db: DeviceDatabase,
  type: T,
  index: IndexName,
  value: string,
): Promise<TypedView<T>[]> {
  return live(await db.recordTable(type).where(index).equals(value).toArray()) as TypedView<T>[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const byString =
  (key: string, dir: 1 | -1 = 1) =>
  (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) =>
    dir * str(a[key]).localeCompare(str(b[key]));

export interface HouseholdMember {
  enrollment: TypedView<'enrollment'>;
  client: TypedView<'client'> | undefined;
}

/** Everything an enrollment's screens show, read in one pass. */
export interface EnrollmentBundle {
  enrollment: TypedView<'enrollment'>;
  client: TypedView<'client'> | undefined;
  /** Every enrollment of the household (this one included), head of household first. */
  household: HouseholdMember[];
  entry: TypedView<'assessment'> | undefined;
  exit: TypedView<'assessment'> | undefined;
  /** Update (stage 2) and annual (stage 5) assessments, oldest first. */
  updates: TypedView<'assessment'>[];
  /** Newest first. */
  contacts: TypedView<'contact'>[];
  currentLivingSituations: TypedView<'currentLivingSituation'>[];
  /** Case Managers tab, by start date. */
  assignments: TypedView<'caseManagerAssignment'>[];
}

export async function enrollmentBundle(
  db: DeviceDatabase,
  enrollmentId: string,
): Promise<EnrollmentBundle | null> {
  const enrollment = await getView(db, 'enrollment', enrollmentId);
  if (!enrollment) return null;
  const [client, members, assessments, contacts, cls, assignments] = await Promise.all([
    getView(db, 'client', str(enrollment.clientId)),
    viewsWhere(db, 'enrollment', 'householdId', str(enrollment.householdId)),
    viewsWhere(db, 'assessment', 'enrollmentId', enrollmentId),
    viewsWhere(db, 'contact', 'enrollmentId', enrollmentId),
    viewsWhere(db, 'currentLivingSituation', 'enrollmentId', enrollmentId),
    viewsWhere(db, 'caseManagerAssignment', 'enrollmentId', enrollmentId),
  ]);
  const household = await Promise.all(
    members
      .sort((a, b) => Number(a.relationshipToHoH !== 1) - Number(b.relationshipToHoH !== 1))
      .map(async (m) => ({ enrollment: m, client: await getView(db, 'client', str(m.clientId)) })),
  );
  const entryId = singletonAssessmentId(enrollmentId, 1);
  const exitId = singletonAssessmentId(enrollmentId, 3);
  return {
    enrollment,
    client,
    household,
    entry: assessments.find((a) => a.id === entryId),
    exit: assessments.find((a) => a.id === exitId),
    updates: assessments
      .filter((a) => a.dataCollectionStage === 2 || a.dataCollectionStage === 5)
      .sort(byString('informationDate')),
    contacts: contacts.sort(byString('contactAt', -1)),
    currentLivingSituations: cls.sort(byString('informationDate', -1)),
    assignments: assignments.sort(byString('startDate')),
  };
}
