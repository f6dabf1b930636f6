// 3.12 Destination at exit: the suggestions each exit reason makes (never enforced), the subsidy
// type (3.12.A, only with 435) and the "specify" text (3.12.B, only with 17 "Other"). Choosing a
// Destination also re-fits the exit Current Living Situation's dependent answers (exit-cls.ts).
import { isValidFor, needsSubsidyType, type LivingSituationGroup } from '../codes';
import type { ExitReason } from '../records';
import {
  OTHER_DESTINATION,
  OTHER_DESTINATION_MAX,
  errorIssue,
  validateOtherDestination,
  type ValidationIssue,
} from '../validation';
import { DECEASED, NO_EXIT_INTERVIEW, dropUnaskedExitClsAnswers } from './exit-cls';
import type { ExitForm } from './exit-form';
import { EXIT_RULES } from './exit-rules';
import { livingSituationOptionGroups, type LivingSituationOptionGroup } from './living-situations';

interface ReasonHint {
  /** Destinations offered as one-tap suggestions, most likely first. */
  readonly suggested: readonly number[];
  /** The group listed first. */
  readonly firstGroup?: LivingSituationGroup;
  /** A Destination chosen for the case manager when none is chosen yet. */
  readonly preselect?: number;
}

/** Which Destinations each exit reason makes likely (Fieldnote's suggestions, never enforced). */
export const EXIT_REASON_DESTINATIONS: Readonly<Record<ExitReason, ReasonHint>> = {
  housed: { suggested: [410, 435, 422, 423], firstGroup: 'permanent' },
  other_case_manager: { suggested: [] },
  lost_contact: { suggested: [NO_EXIT_INTERVIEW], firstGroup: 'other' },
  treatment_or_jail: { suggested: [205, 207, 204, 206], firstGroup: 'institutional' },
  deceased: { suggested: [DECEASED], firstGroup: 'other', preselect: DECEASED },
};

/** Destination suggestions for a reason (codes valid for 3.12.1), most likely first. */
export function suggestedDestinations(reason: ExitReason | null): number[] {
  if (reason === null) return [];
  return EXIT_REASON_DESTINATIONS[reason].suggested.filter((c) => isValidFor(c, 'destination'));
}

/**
 * The 3.12.1 Destinations (only codes valid as a Destination) by living-situation group, the group
 * the reason makes likely first.
 */
export function destinationGroups(reason: ExitReason | null): LivingSituationOptionGroup[] {
  const first = reason === null ? undefined : EXIT_REASON_DESTINATIONS[reason].firstGroup;
  return livingSituationOptionGroups('destination', { first });
}

/** Sets the reason; "Deceased" also chooses the Destination "Deceased" when none is chosen yet. */
export function chooseReason(form: ExitForm, reason: ExitReason | null): ExitForm {
  const preselect = reason === null ? undefined : EXIT_REASON_DESTINATIONS[reason].preselect;
  if (preselect !== undefined && form.destination === null) {
    return chooseDestination({ ...form, reason }, preselect);
  }
  return { ...form, reason };
}

/** The subsidy type the exit records: the chosen one with Destination 435, else null. */
export function destinationSubsidyTypeOf(form: ExitForm): number | null {
  return form.destination !== null && needsSubsidyType(form.destination)
    ? form.destinationSubsidyType
    : null;
}

/** True when the exit asks "Specify the other destination" (3.12.B: Destination 17 "Other"). */
export function asksOtherDestination(destination: number | null): boolean {
  return destination === OTHER_DESTINATION;
}

/** The 3.12.B text the exit records: the trimmed text with Destination 17, else null. */
export function otherDestinationOf(form: ExitForm): string | null {
  if (!asksOtherDestination(form.destination)) return null;
  const text = (form.otherDestination ?? '').trim();
  return text === '' ? null : text;
}

/**
 * Sets the Destination; its subsidy type is kept only for 435 and its "other" text only for 17
 * (HUD's dependent-null rule), and the exit CLS answers that no longer apply are dropped.
 */
export function chooseDestination(form: ExitForm, destination: number | null): ExitForm {
  return dropUnaskedExitClsAnswers({
    ...form,
    destination,
    destinationSubsidyType:
      destination !== null && needsSubsidyType(destination) ? form.destinationSubsidyType : null,
    otherDestination: asksOtherDestination(destination) ? form.otherDestination : '',
  });
}

/**
 * 3.12.B at exit: with Destination 17 the text is required (the record-level rule,
 * validateOtherDestination, only warns so that older devices still sync), at most 50 characters.
 */
export function otherDestinationIssues(form: ExitForm): ValidationIssue[] {
  if (!asksOtherDestination(form.destination)) return [];
  if (otherDestinationOf(form) === null) {
    return [
      errorIssue(
        'otherDestination',
        EXIT_RULES.otherDestination,
        `The Destination is "Other": specify the other destination (at most ${OTHER_DESTINATION_MAX} characters).`,
      ),
    ];
  }
  return validateOtherDestination(form.destination, otherDestinationOf(form));
}
