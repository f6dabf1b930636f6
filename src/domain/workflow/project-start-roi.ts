// W-ROI-7: the HMIS Release of Information at project start. The head of household and each adult
// whose record on this device has none are asked; a child gets the head of household's (the head
// signs for minors). An answer is optional (a missing one warns) but a partial one blocks. Part of
// project-start.ts.
import type { Roi } from '../records';
import type { RecordChange } from './case-managers';
import {
  memberDob,
  type MemberField,
  type ProjectStartInput,
  type ProjectStartIssue,
  type ProjectStartMember,
} from './project-start';
import { HEAD_OF_HOUSEHOLD } from '../codes';
import { asksRoi, emptyRoiAnswer, roiFromAnswer, type RoiField } from './roi';

const ROI_MEMBER_FIELD: Readonly<Record<RoiField, MemberField>> = {
  choice: 'roiChoice',
  date: 'roiDate',
  method: 'roiMethod',
};

/** The member field an ROI answer's control is (for element ids and messages). */
export function roiMemberField(field: RoiField): MemberField {
  return ROI_MEMBER_FIELD[field];
}

type RoiMember = Pick<
  ProjectStartMember,
  'key' | 'clientId' | 'name' | 'relationshipToHoH' | 'newClient' | 'dob' | 'roi' | 'roiAnswer'
>;

/** The date a member's age is taken on: the project start date, or today until it is one. */
function onDate(input: Pick<ProjectStartInput, 'projectStartDate' | 'today'>): string {
  return input.projectStartDate || input.today;
}

/** Whether the screen asks this member for their own ROI: an adult or the head, with none yet. */
export function asksStartRoi(
  member: RoiMember,
  input: Pick<ProjectStartInput, 'projectStartDate' | 'today'>,
): boolean {
  if (member.roi) return false;
  return asksRoi(
    { relationshipToHoH: member.relationshipToHoH, dob: memberDob(member) },
    onDate(input),
  );
}

/** The ROI a member's answer records (null when unanswered or incomplete). */
function answeredRoi(member: RoiMember, today: string): Roi | null {
  return roiFromAnswer(member.roiAnswer ?? emptyRoiAnswer(), { today, whose: member.name }).roi;
}

/**
 * The head of household's ROI as this save leaves it: the answer given on the screen, else the
 * one on record. Null when there is neither (or no single head).
 */
export function headRoi(
  input: Pick<ProjectStartInput, 'members' | 'projectStartDate' | 'today'>,
): Roi | null {
  const heads = input.members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  if (heads.length !== 1) return null;
  const head = heads[0]!;
  return (asksStartRoi(head, input) ? answeredRoi(head, input.today) : null) ?? head.roi ?? null;
}

/** The ROI this save writes for each member, by member key (absent: nothing written). */
export function startRoiRecords(
  input: Pick<ProjectStartInput, 'members' | 'projectStartDate' | 'today'>,
): Map<string, Roi> {
  const out = new Map<string, Roi>();
  const forChildren = headRoi(input);
  for (const m of input.members) {
    if (asksStartRoi(m, input)) {
      const roi = answeredRoi(m, input.today);
      if (roi) out.set(m.key, roi);
    } else if (!m.roi && forChildren) {
      // A child with none on this device: the head of household's choice, date and method.
      out.set(m.key, forChildren);
    }
  }
  return out;
}

/** Partial answers (errors) and adults or the head left without one (warnings). */
export function startRoiIssues(
  input: Pick<ProjectStartInput, 'members' | 'projectStartDate' | 'today'>,
): { errors: ProjectStartIssue[]; warnings: ProjectStartIssue[] } {
  const errors: ProjectStartIssue[] = [];
  const warnings: ProjectStartIssue[] = [];
  for (const m of input.members) {
    if (!asksStartRoi(m, input)) continue;
    const { roi, issues } = roiFromAnswer(m.roiAnswer ?? emptyRoiAnswer(), {
      today: input.today,
      whose: m.name,
    });
    for (const i of issues) {
      errors.push({
        target: { kind: 'member', memberKey: m.key, field: roiMemberField(i.field) },
        message: i.message,
      });
    }
    if (roi === null && issues.length === 0) {
      warnings.push({
        target: { kind: 'member', memberKey: m.key, field: 'roiChoice' },
        message: `No HMIS Release of Information for ${m.name}: until one is recorded, ${m.name} is treated as Do Not Share.`,
      });
    }
  }
  return { errors, warnings };
}

/**
 * The ROI patches of existing clients, written after the enrollments (which bring a client found
 * on the server into the provider's caseload, so the server accepts the patch).
 */
export function startRoiPatches(
  input: Pick<ProjectStartInput, 'members' | 'projectStartDate' | 'today'>,
  records: ReadonlyMap<string, Roi> = startRoiRecords(input),
): RecordChange[] {
  const changes: RecordChange[] = [];
  for (const m of input.members) {
    const roi = records.get(m.key);
    if (roi && !m.newClient) {
      changes.push({ type: 'client', id: m.clientId, op: 'patch', fields: { roi } });
    }
  }
  return changes;
}
