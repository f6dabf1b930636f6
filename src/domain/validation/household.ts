// 3.15 household rules over the enrollments of one household stay (one HouseholdID):
//  - exactly one head of household (RelationshipToHoH = 1) for the whole stay (Eva 2 "No Head of
//    Household", 3 "Too Many Heads of Household"); a member with relationship 99 is a warning
//    (Eva 4 "Missing Relationship to Head of Household");
//  - the head of household cannot exit before the other members (W-EX5 in
//    src/domain/workflow/RULES.md; Eva 2026 high-priority check; Open Path: "Cannot exit head of
//    household because there are existing open enrollments"); the exit screen calls the same
//    functions (membersBlockingHeadExit, headExitsLastMessage).
// Pass only live enrollments (not soft-deleted ones).
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { Enrollment } from '../records';
import { RULES, errorIssue, formatDate, warningIssue } from './types';
import type { ValidationIssue } from './types';
import { andList } from './words';

export type HouseholdMember = Pick<
  Enrollment,
  'id' | 'clientId' | 'householdId' | 'relationshipToHoH' | 'exitDate'
>;

export interface HouseholdOptions {
  /** Client names by client id, for messages; members without a name are called "a member (id …)". */
  readonly clientNames?: Readonly<Record<string, string>>;
}

const DATA_NOT_COLLECTED = 99;

function nameOf(member: HouseholdMember, options: HouseholdOptions): string {
  const name = options.clientNames?.[member.clientId];
  return name !== undefined && name.trim() !== ''
    ? name
    : `a member (client ${member.clientId.slice(0, 8)})`;
}

/** Exactly one head of household; an error on each extra head, naming them all. */
export function validateHeadOfHousehold(
  members: readonly HouseholdMember[],
  options: HouseholdOptions = {},
): ValidationIssue[] {
  if (members.length === 0) return [];
  const rule = RULES.headOfHousehold;
  const heads = members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  const issues: ValidationIssue[] = [];

  if (heads.length === 0) {
    issues.push(
      errorIssue(
        'relationshipToHoH',
        rule,
        'This household has no head of household. Mark one member as "Self (head of household)".',
        members[0]?.id,
      ),
    );
  } else if (heads.length > 1) {
    const names = andList(heads.map((h) => nameOf(h, options)));
    for (const head of heads) {
      issues.push(
        errorIssue(
          'relationshipToHoH',
          rule,
          `This household has ${heads.length} heads of household (${names}). Only one member can be "Self (head of household)": change the relationship of the others.`,
          head.id,
        ),
      );
    }
  }
  for (const member of members) {
    if (member.relationshipToHoH === DATA_NOT_COLLECTED) {
      issues.push(
        warningIssue(
          'relationshipToHoH',
          rule,
          `Record how ${nameOf(member, options)} is related to the head of household.`,
          member.id,
        ),
      );
    }
  }
  return issues;
}

/** A household member as the head-exits-last rule reads it (W-EX5). */
export interface ExitingMember {
  readonly id: string;
  readonly relationshipToHoH: number | null;
  readonly exitDate: string | null;
}

/**
 * W-EX5, the one implementation of "the head of household exits last": the members (other than
 * heads) who keep the head `headId` from exiting on `exitDate`: those still enrolled, and those who
 * exited after that date. With no exit date yet, those still enrolled.
 */
export function membersBlockingHeadExit<M extends ExitingMember>(
  headId: string,
  members: readonly M[],
  exitDate: string | null,
): M[] {
  return members.filter(
    (m) =>
      m.id !== headId &&
      m.relationshipToHoH !== HEAD_OF_HOUSEHOLD &&
      (m.exitDate === null || (exitDate !== null && m.exitDate > exitDate)),
  );
}

/** W-EX5's one message, naming the members who block (membersBlockingHeadExit). */
export function headExitsLastMessage(
  blockers: readonly { readonly name: string; readonly exitDate: string | null }[],
): string {
  const open = blockers.filter((m) => m.exitDate === null);
  const later = blockers
    .map((m) => m.exitDate)
    .filter((d): d is string => d !== null)
    .sort();
  const what = blockers.map((m) =>
    m.exitDate === null
      ? `${m.name} is still enrolled`
      : `${m.name} exited ${formatDate(m.exitDate)}`,
  );
  const todo: string[] = [];
  if (open.length > 0) todo.push(`exit ${andList(open.map((m) => m.name))} first`);
  if (later.length > 0) {
    todo.push(`use an exit date on or after ${formatDate(later[later.length - 1]!)}`);
  }
  const action = todo.join(', and ');
  return `The head of household exits last: ${andList(what)}. To exit the head of household, ${action}.`;
}

/** The head of household exits last (on the same day as, or after, every other member): W-EX5. */
export function validateHeadOfHouseholdExit(
  members: readonly HouseholdMember[],
  options: HouseholdOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const head of members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD)) {
    if (head.exitDate === null) continue;
    const blockers = membersBlockingHeadExit(head.id, members, head.exitDate);
    if (blockers.length === 0) continue;
    issues.push(
      errorIssue(
        'exitDate',
        RULES.headOfHouseholdExitsLast,
        headExitsLastMessage(
          blockers.map((m) => ({ name: nameOf(m, options), exitDate: m.exitDate })),
        ),
        head.id,
      ),
    );
  }
  return issues;
}

/** Every household rule for the members of one household (one HouseholdID). */
export function validateHousehold(
  members: readonly HouseholdMember[],
  options: HouseholdOptions = {},
): ValidationIssue[] {
  return [
    ...validateHeadOfHousehold(members, options),
    ...validateHeadOfHouseholdExit(members, options),
  ];
}

/** Groups enrollments by HouseholdID and validates each household. */
export function validateHouseholds(
  enrollments: readonly HouseholdMember[],
  options: HouseholdOptions = {},
): ValidationIssue[] {
  const byHousehold = new Map<string, HouseholdMember[]>();
  for (const e of enrollments) {
    const list = byHousehold.get(e.householdId) ?? [];
    list.push(e);
    byHousehold.set(e.householdId, list);
  }
  return [...byHousehold.values()].flatMap((members) => validateHousehold(members, options));
}
