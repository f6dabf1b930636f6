// Changing the head of household (W-HH-4, W-HH-5); see household-members.ts.
import { DATA_NOT_COLLECTED, HEAD_OF_HOUSEHOLD } from '../codes';
import { formatDate } from '../validation';
import type { RecordChange } from './case-managers';
import { isOpen, summarizeHousehold, type HouseholdEnrollment } from './household-members';

export interface ChangeHeadInput {
  household: readonly HouseholdEnrollment[];
  /** The enrollment that becomes the head's; null until chosen. */
  newHeadEnrollmentId: string | null;
  /** 3.15 of the former head from now on (not 1); null until chosen. */
  formerHeadRelationship: number | null;
  /** Other members' relationships to the new head, by enrollment id (absent: unchanged). */
  otherRelationships?: Readonly<Record<string, number | null>>;
}

export type ChangeHeadField = 'newHead' | 'formerHeadRelationship' | `other:${string}`;

export interface ChangeHeadIssue {
  field: ChangeHeadField;
  message: string;
}

/** W-HH-4: who can become the head: open members who are not the head now. */
export function headCandidates(household: readonly HouseholdEnrollment[]): HouseholdEnrollment[] {
  return household.filter((m) => isOpen(m) && m.relationshipToHoH !== HEAD_OF_HOUSEHOLD);
}

/** The household's enrollments as they would be after the change. */
export function householdAfterChange(input: ChangeHeadInput): HouseholdEnrollment[] {
  const former = input.household.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  const formerIds = new Set(former.map((m) => m.enrollmentId));
  return input.household.map((m) => {
    if (m.enrollmentId === input.newHeadEnrollmentId)
      return { ...m, relationshipToHoH: HEAD_OF_HOUSEHOLD };
    if (formerIds.has(m.enrollmentId))
      return { ...m, relationshipToHoH: input.formerHeadRelationship };
    const other = input.otherRelationships?.[m.enrollmentId];
    return other === undefined ? m : { ...m, relationshipToHoH: other };
  });
}

/**
 * W-HH-4 / W-HH-5: the new head is an open member; the former head gets a relationship that is
 * not "head"; nobody else becomes head; afterwards exactly one head of household (Eva 2, 3) and a
 * relationship for everyone (Eva 4: "Data not collected" warns).
 */
export function checkChangeHead(input: ChangeHeadInput): {
  errors: ChangeHeadIssue[];
  warnings: ChangeHeadIssue[];
} {
  const errors: ChangeHeadIssue[] = [];
  const warnings: ChangeHeadIssue[] = [];
  const candidates = headCandidates(input.household);
  const chosen = candidates.find((m) => m.enrollmentId === input.newHeadEnrollmentId);
  if (input.newHeadEnrollmentId === null) {
    errors.push({ field: 'newHead', message: 'Choose the new head of household.' });
  } else if (!chosen) {
    errors.push({
      field: 'newHead',
      message:
        'The new head of household must be a member of this household with an open enrollment who is not the head now.',
    });
  }
  const former = input.household.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  if (former.length > 0) {
    const names = former.map((m) => m.name).join(' and ');
    if (input.formerHeadRelationship === null) {
      errors.push({
        field: 'formerHeadRelationship',
        message: `Choose how ${names} will be related to the new head of household.`,
      });
    } else if (input.formerHeadRelationship === HEAD_OF_HOUSEHOLD) {
      errors.push({
        field: 'formerHeadRelationship',
        message: `${names} cannot stay head of household: a household has exactly one.`,
      });
    } else if (input.formerHeadRelationship === DATA_NOT_COLLECTED) {
      warnings.push({
        field: 'formerHeadRelationship',
        message: `${names}'s relationship to the new head of household is "Data not collected" (Eva 4).`,
      });
    }
  }
  for (const [enrollmentId, value] of Object.entries(input.otherRelationships ?? {})) {
    if (enrollmentId === input.newHeadEnrollmentId) continue;
    const m = input.household.find((x) => x.enrollmentId === enrollmentId);
    if (!m || m.relationshipToHoH === HEAD_OF_HOUSEHOLD) continue;
    if (value === null) {
      errors.push({
        field: `other:${enrollmentId}`,
        message: `Choose how ${m.name} is related to the new head of household.`,
      });
    } else if (value === HEAD_OF_HOUSEHOLD) {
      errors.push({
        field: `other:${enrollmentId}`,
        message: `${m.name} cannot also be head of household: a household has exactly one.`,
      });
    }
  }
  if (chosen) {
    const start = summarizeHousehold(input.household).householdStart;
    if (start !== null && chosen.projectStartDate > start) {
      warnings.push({
        field: 'newHead',
        message: `${chosen.name} started on ${formatDate(chosen.projectStartDate)}, after the household (${formatDate(start)}). HUD expects one head of household for the whole stay: check the project start dates.`,
      });
    }
    if (errors.length === 0) {
      const heads = householdAfterChange(input).filter(
        (m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD,
      );
      if (heads.length !== 1)
        errors.push({
          field: 'newHead',
          message: 'After the change the household must have exactly one head of household.',
        });
    }
  }
  return { errors, warnings };
}

/**
 * The patches of the change, for one save: the new head (1, and the former head's Enrollment CoC),
 * the former head (the chosen relationship, CoC null), and the other members whose relationship
 * changed. Check with checkChangeHead first: this throws when the result is not exactly one head.
 */
export function buildChangeHeadChanges(input: ChangeHeadInput): RecordChange[] {
  const after = householdAfterChange(input);
  if (after.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD).length !== 1)
    throw new Error('A household needs exactly one head of household.');
  const former = input.household.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  const coc = former.map((m) => m.enrollmentCoc).find((c) => c) ?? null;
  const changes: RecordChange[] = [];
  for (const m of after) {
    const before = input.household.find((x) => x.enrollmentId === m.enrollmentId)!;
    const becomesHead = m.enrollmentId === input.newHeadEnrollmentId;
    const wasHead = before.relationshipToHoH === HEAD_OF_HOUSEHOLD;
    if (!becomesHead && !wasHead && m.relationshipToHoH === before.relationshipToHoH) continue;
    const fields: RecordChange['fields'] = {
      relationshipToHoH: m.relationshipToHoH ?? DATA_NOT_COLLECTED,
    };
    if (becomesHead) fields.enrollmentCoc = coc;
    else if (wasHead) fields.enrollmentCoc = null;
    changes.push({ type: 'enrollment', id: m.enrollmentId, op: 'patch', fields });
  }
  // One save (one transaction, one push batch) carries them all; the new head is listed first.
  return changes.sort(
    (a, b) =>
      Number(b.id === input.newHeadEnrollmentId) - Number(a.id === input.newHeadEnrollmentId),
  );
}
