// 3.15 household rules over the enrollments of one household stay (one HouseholdID):
//  - exactly one head of household (RelationshipToHoH = 1) for the whole stay (Eva 2 "No Head of
//    Household", 3 "Too Many Heads of Household"); a member with relationship 99 is a warning
//    (Eva 4 "Missing Relationship to Head of Household");
//  - the head of household cannot exit before the other members (Eva 2026 high-priority check;
//    Open Path: "Cannot exit head of household because there are existing open enrollments").
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

/** The head of household exits last (on the same day as, or after, every other member). */
export function validateHeadOfHouseholdExit(
  members: readonly HouseholdMember[],
  options: HouseholdOptions = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const head of members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD)) {
    const exit = head.exitDate;
    if (exit === null) continue;
    const later = members.filter(
      (m) =>
        m !== head &&
        m.relationshipToHoH !== HEAD_OF_HOUSEHOLD &&
        (m.exitDate === null || m.exitDate > exit),
    );
    if (later.length === 0) continue;
    issues.push(
      errorIssue(
        'exitDate',
        RULES.headOfHouseholdExitsLast,
        `The head of household (${nameOf(head, options)}) cannot exit before the rest of the household. Exit ${andList(later.map((m) => nameOf(m, options)))} on or before ${formatDate(exit)}, or make another member the head of household.`,
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
