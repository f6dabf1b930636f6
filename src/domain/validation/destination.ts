// 3.12 Destination (kept on the Enrollment) and how it agrees with where the client is at exit.
//
// - 3.12.1: a Destination is recorded when, and only when, the client has exited, and it must be a
//   code valid for Destination: never 335/336 (their Destination equivalents are 312/313 temporary
//   or 422/423 permanent tenure) nor 37 (Current Living Situation only).
// - 3.12.A: subsidy type when, and only when, Destination = 435 (Eva 121).
// - 3.12.B OtherDestination (S50): the "specify" text, null unless Destination = 17 "Other"
//   (CSV-2026 null rule: an error). Destination 17 without it is a warning here, because the merge
//   runs this check (GROUP_CHECKS) and devices older than the field send none; the exit screen
//   requires it (workflow/exit-destination.ts).
// - Fieldnote rule (HUD publishes none, reference §1.3): the Current Living Situation recorded on
//   the exit date must be in the same group (homeless / institutional / temporary / permanent) as
//   the Destination. Decisions where the groups cannot be compared:
//     * Destination in the "other" group (8, 9, 99, 17 Other, 24 Deceased, 30 No exit interview):
//       nothing to compare (the client's next place is unknown or not a housing situation): skipped;
//     * CLS in the "other" group (8, 9, 99, 17 Other, 37 Worker unable to determine) with a known
//       Destination: a warning, since the two cannot be checked against each other;
//     * CLS 335/336 (staying with family / friends) say nothing about tenure, so they also match
//       the permanent-tenure Destinations 422/423;
//     * no CLS on the exit date: a warning asking for one.
import {
  DESTINATION_LIST,
  LIVING_SITUATION_GROUP_LABELS,
  hasCode,
  livingSituation,
  livingSituationGroup,
} from '../codes';
import type { CurrentLivingSituation, Enrollment } from '../records';
import { validateSubsidyType } from './dependent-fields';
import { RULES, errorIssue, warningIssue } from './types';
import type { ValidationIssue } from './types';
import { situationName, situationWithGroup } from './words';

export type EnrollmentExit = Pick<
  Enrollment,
  'exitDate' | 'exitReason' | 'destination' | 'destinationSubsidyType'
> &
  Partial<Pick<Enrollment, 'otherDestination'>>;

const DECEASED = 24;
/** 3.12.1 code 17 "Other": the only Destination whose 3.12.B "specify" text is recorded. */
export const OTHER_DESTINATION = 17;
/** 3.12.B OtherDestination is S50. */
export const OTHER_DESTINATION_MAX = 50;
/** Rule id of 3.12.B (HUD element; CSV-2026 Exit.OtherDestination). */
export const OTHER_DESTINATION_RULE = '3.12.B';

const hasText = (v: string | null | undefined): v is string =>
  typeof v === 'string' && v.trim() !== '';

/**
 * 3.12.B: the "specify" text is recorded with, and only with, Destination 17 "Other", in at most
 * 50 characters. Missing with 17: a warning (the exit screen makes it an error).
 */
export function validateOtherDestination(
  destination: number | null,
  otherDestination: string | null | undefined,
): ValidationIssue[] {
  const rule = OTHER_DESTINATION_RULE;
  if (destination !== OTHER_DESTINATION) {
    return hasText(otherDestination)
      ? [
          errorIssue(
            'otherDestination',
            rule,
            'The other destination is only described when the Destination is "Other". Clear it or choose "Other".',
          ),
        ]
      : [];
  }
  if (!hasText(otherDestination)) {
    return [
      warningIssue(
        'otherDestination',
        rule,
        'The Destination is "Other": say what the destination is.',
      ),
    ];
  }
  if (otherDestination.trim().length > OTHER_DESTINATION_MAX) {
    return [
      errorIssue(
        'otherDestination',
        rule,
        `Describe the other destination in at most ${OTHER_DESTINATION_MAX} characters (now ${otherDestination.trim().length}).`,
      ),
    ];
  }
  return [];
}

/** Codes that are not Destinations, with what to choose instead. */
const NOT_A_DESTINATION: Readonly<Record<number, string>> = {
  335: 'For a Destination choose "Staying or living with family, temporary tenure" or "Staying or living with family, permanent tenure".',
  336: 'For a Destination choose "Staying or living with friends, temporary tenure" or "Staying or living with friends, permanent tenure".',
  37: '"Worker unable to determine" is only for a current living situation. For a Destination choose "No exit interview completed" or "Data not collected".',
};

/** 3.12.1 / 3.12.A and the exit reason on one enrollment. */
export function validateDestination(enrollment: EnrollmentExit): ValidationIssue[] {
  const { exitDate, destination, destinationSubsidyType, exitReason } = enrollment;

  if (exitDate === null) {
    const issues: ValidationIssue[] = [];
    if (destination !== null) {
      issues.push(
        errorIssue(
          'destination',
          RULES.destination,
          'The destination is only recorded when the client exits. Add the exit date, or clear the destination.',
        ),
      );
    }
    if (destinationSubsidyType !== null) {
      issues.push(
        errorIssue(
          'destinationSubsidyType',
          RULES.destinationSubsidyType,
          'The destination subsidy type is only recorded when the client exits.',
        ),
      );
    }
    if (exitReason !== null) {
      issues.push(
        errorIssue(
          'exitReason',
          RULES.destination,
          'The exit reason is only recorded when the client exits. Add the exit date, or clear the exit reason.',
        ),
      );
    }
    if (hasText(enrollment.otherDestination)) {
      issues.push(
        errorIssue(
          'otherDestination',
          OTHER_DESTINATION_RULE,
          'The other destination is only recorded when the client exits.',
        ),
      );
    }
    return issues;
  }

  if (destination === null) {
    return [
      errorIssue(
        'destination',
        RULES.destination,
        'Record the destination: where the client is going after exit. If you could not ask, choose "No exit interview completed".',
      ),
      ...validateSubsidyType(null, destinationSubsidyType, 'destination', 'destinationSubsidyType'),
      ...validateOtherDestination(null, enrollment.otherDestination),
    ];
  }

  const issues: ValidationIssue[] = [];
  if (!hasCode(DESTINATION_LIST, destination)) {
    const instead = NOT_A_DESTINATION[destination] ?? 'Choose one of the Destination answers.';
    const label = livingSituation(destination)?.label ?? `Code ${destination}`;
    issues.push(
      errorIssue(
        'destination',
        RULES.destination,
        `"${label}" cannot be a Destination. ${instead}`,
      ),
    );
  }
  issues.push(
    ...validateSubsidyType(
      destination,
      destinationSubsidyType,
      'destination',
      'destinationSubsidyType',
    ),
  );
  issues.push(...validateOtherDestination(destination, enrollment.otherDestination));

  if (exitReason === 'deceased' && destination !== DECEASED) {
    issues.push(
      warningIssue(
        'destination',
        RULES.exitReasonDestination,
        'The exit reason is "Deceased": the destination should be "Deceased" too.',
      ),
    );
  } else if (destination === DECEASED && exitReason !== null && exitReason !== 'deceased') {
    issues.push(
      warningIssue(
        'exitReason',
        RULES.exitReasonDestination,
        'The destination is "Deceased": the exit reason should be "Deceased" too.',
      ),
    );
  }
  return issues;
}

export type ExitLivingSituation = Pick<CurrentLivingSituation, 'currentLivingSituation'> & {
  readonly id?: string;
};

/** The Current Living Situation recorded on the exit date (the last one given, if several); null if none. */
export function exitLivingSituation<T extends Pick<CurrentLivingSituation, 'informationDate'>>(
  enrollment: Pick<Enrollment, 'exitDate'>,
  records: readonly T[],
): T | null {
  if (enrollment.exitDate === null) return null;
  const onExit = records.filter((r) => r.informationDate === enrollment.exitDate);
  return onExit[onExit.length - 1] ?? null;
}

/** Family / friends CLS (no tenure) and the permanent-tenure Destinations that match them. */
const TENURE_FREE_MATCHES: Readonly<Record<number, readonly number[]>> = {
  335: [422, 423],
  336: [422, 423],
};

/**
 * The exit Current Living Situation must be in the same group as the Destination (see the file
 * comment for the "other"-group decisions).
 */
export function validateExitLivingSituation(
  enrollment: Pick<Enrollment, 'exitDate' | 'destination'>,
  exitCls: ExitLivingSituation | null,
): ValidationIssue[] {
  const { exitDate, destination } = enrollment;
  if (exitDate === null || destination === null) return [];
  const destinationGroup = livingSituationGroup(destination);
  if (destinationGroup === undefined || destinationGroup === 'other') return [];

  const rule = RULES.exitLivingSituationMatchesDestination;
  if (exitCls === null) {
    return [
      warningIssue(
        'currentLivingSituation',
        rule,
        `Record where the client is staying at exit (a current living situation dated on the exit date), in the same group as the Destination (${situationWithGroup(destination)}).`,
      ),
    ];
  }

  const cls = exitCls.currentLivingSituation;
  const clsGroup = livingSituationGroup(cls);
  if (clsGroup === undefined || clsGroup === 'other') {
    return [
      warningIssue(
        'currentLivingSituation',
        rule,
        `The exit Current Living Situation ("${situationName(cls)}") cannot be checked against the Destination (${situationWithGroup(destination)}). If you know where the client is staying at exit, record it.`,
        exitCls.id,
      ),
    ];
  }
  if (clsGroup === destinationGroup || TENURE_FREE_MATCHES[cls]?.includes(destination) === true)
    return [];

  return [
    errorIssue(
      'currentLivingSituation',
      rule,
      `The exit Current Living Situation (${situationWithGroup(cls)}) does not match the Destination (${situationWithGroup(destination)}). Record where the client is staying at exit in the same group as the Destination (${LIVING_SITUATION_GROUP_LABELS[destinationGroup]}).`,
      exitCls.id,
    ),
  ];
}
