// The per-field merge policy: for each record type, which fields change together as one group,
// which are fixed at creation, and which follow Entry precedence (M4). The policy is data; the
// merge function (merge.ts) reads it and has no per-type code of its own.
import type { z } from 'zod';
import { RECORD_SCHEMAS, type RecordType, EXIT_FIELDS } from '../records';
import { STAGE_ENTRY } from '../codes';
import { answerProblem } from '../forms';
import { validateClsDependentFields } from '../validation/dependent-fields';
import { validateDestination } from '../validation/destination';
import type { ValidationIssue } from '../validation/types';
import type { CurrentLivingSituation, Enrollment } from '../records';

export interface FieldPolicy {
  /** Fields of one group are written together and versioned as one (a write must set them all). */
  group: string;
  /** Set when the record is created and never changed afterwards. */
  immutable: boolean;
  /** M4: answers on the Entry (project start) assessment. */
  entryPrecedence: boolean;
  /**
   * M9, the field's own check: why this value cannot be stored, in a case manager's words, or
   * undefined when it can. Record fields use their record schema; an assessment answer is checked
   * against the assessment forms (`answerProblem`: the question exists and is collected at the
   * assessment's stage, and the value has its type and is in its list).
   */
  check: (value: unknown) => string | undefined;
}

/** Fields whose meaning depends on each other; a partial write could pair values that never went together. */
export const FIELD_GROUPS: Readonly<
  Record<RecordType, Readonly<Record<string, readonly string[]>>>
> = {
  client: {
    name: ['firstName', 'middleName', 'lastName', 'nameSuffix', 'nameDataQuality'],
    ssn: ['ssn', 'ssnDataQuality'],
    dob: ['dob', 'dobDataQuality'],
    race: ['race', 'raceNone', 'additionalRaceEthnicity'],
  },
  // M5: an enrollment exits once, as a unit.
  enrollment: { exit: EXIT_FIELDS },
  currentLivingSituation: {
    situation: [
      'currentLivingSituation',
      'clsSubsidyType',
      'leaveSituation14Days',
      'subsequentResidence',
      'resourcesToObtain',
      'leaseOwn60Day',
      'movedTwoOrMore',
    ],
  },
  assessment: {},
  contact: {},
  caseManagerAssignment: {},
};

/**
 * Group members added after devices were in the field (FY2026 conformance): a write of the group
 * that omits one sets it to null (merge.ts withLaterGroupMembers) instead of being refused.
 */
export const LATER_GROUP_MEMBERS: Readonly<Record<RecordType, readonly string[]>> = {
  client: [],
  enrollment: ['otherDestination'],
  currentLivingSituation: [],
  assessment: [],
  contact: [],
  caseManagerAssignment: [],
};

export const IMMUTABLE_FIELDS: Readonly<Record<RecordType, readonly string[]>> = {
  client: [],
  enrollment: ['clientId', 'providerId'],
  assessment: ['enrollmentId', 'clientId', 'dataCollectionStage'],
  currentLivingSituation: ['enrollmentId', 'clientId'],
  contact: ['enrollmentId', 'clientId', 'currentLivingSituationId'],
  caseManagerAssignment: ['enrollmentId', 'caseManagerId'],
};

/**
 * Rules within one field group. A group is written whole, so its own consistency can be checked
 * when a mutation arrives, whatever else happens concurrently; errors reject the mutation (M9).
 * Rules across groups or records are for the screens (src/domain/validation), not the merge.
 */
export const GROUP_CHECKS: Readonly<
  Partial<
    Record<
      RecordType,
      Readonly<Record<string, (values: Record<string, unknown>) => ValidationIssue[]>>
    >
  >
> = {
  currentLivingSituation: {
    // 4.12: subsidy type only with 435; the 14-day questions only where HUD asks them. The project
    // type is not known here, so VerifiedBy (Coordinated Entry only) is left to the screens.
    situation: (v) =>
      validateClsDependentFields(v as unknown as CurrentLivingSituation, { projectType: null }),
  },
  enrollment: {
    // 3.12: a Destination valid for Destination, its subsidy type with 435, only with an exit date;
    // 3.12.B the "other" text only with Destination 17.
    exit: (v) =>
      validateDestination(
        v as unknown as Pick<
          Enrollment,
          'exitDate' | 'destination' | 'destinationSubsidyType' | 'exitReason' | 'otherDestination'
        >,
      ),
  },
};

const ANSWER_PREFIX = 'answers.';

export function isAnswerField(field: string): boolean {
  return field.startsWith(ANSWER_PREFIX);
}

export function answerFieldId(field: string): string {
  return field.slice(ANSWER_PREFIX.length);
}

function groupOf(type: RecordType, field: string): string {
  for (const [group, members] of Object.entries(FIELD_GROUPS[type])) {
    if (members.includes(field)) return group;
  }
  return field;
}

/**
 * The policy of one field, or undefined for a field the record type does not have. `stage` is the
 * assessment's data collection stage, which decides whether Entry precedence applies.
 */
export function fieldPolicy(
  type: RecordType,
  field: string,
  stage?: unknown,
): FieldPolicy | undefined {
  if (type === 'assessment' && isAnswerField(field)) {
    const fieldId = answerFieldId(field);
    return {
      group: field,
      immutable: false,
      entryPrecedence: stage === STAGE_ENTRY,
      check: (value) => answerProblem(fieldId, value, stage),
    };
  }
  const shape = RECORD_SCHEMAS[type].shape as Record<string, z.ZodType>;
  // Own properties only: a field named "constructor" or "toString" is not a field of any record.
  if (field === 'id' || field === 'answers' || !Object.hasOwn(shape, field)) return undefined;
  return {
    group: groupOf(type, field),
    immutable: IMMUTABLE_FIELDS[type].includes(field),
    entryPrecedence: false,
    check: schemaCheck(shape[field] as z.ZodType),
  };
}

const SCHEMA_CHECKS = new WeakMap<z.ZodType, (value: unknown) => string | undefined>();

/** A record field's check: the first message of its schema (written in case-manager words). */
function schemaCheck(schema: z.ZodType): (value: unknown) => string | undefined {
  let check = SCHEMA_CHECKS.get(schema);
  if (!check) {
    check = (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success
        ? undefined
        : (parsed.error.issues[0]?.message ?? 'This value cannot be stored.');
    };
    SCHEMA_CHECKS.set(schema, check);
  }
  return check;
}

/** The fields a write to `group` must set together. */
export function groupMembers(type: RecordType, group: string): readonly string[] {
  return FIELD_GROUPS[type][group] ?? [group];
}
