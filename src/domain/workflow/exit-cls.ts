// The 4.12 Current Living Situation at exit. It is a real contact record (4.12 is an occurrence
// element): the case manager says where the client is staying on the exit date, in the same group
// as the Destination (Fieldnote rule exit-cls-destination, src/domain/validation/destination.ts),
// with the dependent questions HUD asks for that situation (4.12.A subsidy type for 435, 4.12.B
// "leave within 14 days?" for the trigger codes, 4.12.C–F when B = Yes; the rest null).
//
// W-EX1: Destination 24 "Deceased" and 30 "No exit interview completed" mean no one spoke with
// the client at exit, so no Current Living Situation is written (an invented 37 "Worker unable to
// determine" would count as a contact that never happened).
// W-EX2: the exit is the last time the case manager can ask, so 4.12.B (and C–F after a Yes)
// block saving until answered ("Client doesn't know" / "prefers not to answer" are answers). On a
// contact they only warn.
//
// Which 4.12 questions apply is the contact screen's logic (workflow/contact.ts clsQuestions,
// dropUnaskedClsAnswers, clsValues), used through a small adapter (asClsAnswers) rather than
// copied: the exit form holds the same 4.12 answers under the same names.
import {
  CURRENT_LIVING_SITUATION_LIST,
  LIVING_SITUATION_GROUP_LABELS,
  RENTAL_WITH_SUBSIDY,
  activeCodes,
  isValidFor,
  livingSituationGroup,
  needsSubsidyType,
} from '../codes';
import { localDateSchema, type CurrentLivingSituation } from '../records';
import {
  FOURTEEN_DAY_FOLLOW_UPS,
  RULES,
  errorIssue,
  situationName,
  situationWithGroup,
  validateClsDependentFields,
  validateExitLivingSituation,
  warningIssue,
  type ValidationIssue,
} from '../validation';
import {
  EMPTY_CLS_ANSWERS,
  clsQuestions,
  clsValues,
  dropUnaskedClsAnswers,
  type ClsAnswers,
  type ClsQuestions,
} from './contact';
import type { ExitForm } from './exit-form';
import { EXIT_RULES } from './exit-rules';

export const DECEASED = 24;
export const NO_EXIT_INTERVIEW = 30;

/** Destinations after which no one saw the client at exit: no Current Living Situation (W-EX1). */
export const DESTINATIONS_WITHOUT_EXIT_CLS: readonly number[] = Object.freeze([
  DECEASED,
  NO_EXIT_INTERVIEW,
]);

/** True when the exit writes a Current Living Situation: a Destination other than 24 and 30. */
export function exitWritesCls(destination: number | null): boolean {
  return destination !== null && !DESTINATIONS_WITHOUT_EXIT_CLS.includes(destination);
}

/** Destinations (not valid for 4.12) and the Current Living Situation that describes the same place. */
const CLS_FOR_DESTINATION: Readonly<Record<number, number>> = {
  312: 335, // with family, temporary tenure → staying in a family member's home
  313: 336, // with friends, temporary tenure → staying in a friend's home
  422: 335, // with family, permanent tenure (335/336 say nothing about tenure: they match)
  423: 336,
  327: 302, // HOPWA TH → transitional housing
  426: RENTAL_WITH_SUBSIDY, // HOPWA PH → rental with an ongoing subsidy
};

/**
 * The Current Living Situation a Destination suggests: the same code when it is valid for 4.12,
 * else its equivalent in the same group; null without a Destination, and for 24 / 30 (no CLS).
 */
export function suggestedExitCls(destination: number | null): number | null {
  if (!exitWritesCls(destination)) return null;
  const d = destination!;
  if (isValidFor(d, 'current')) return d;
  const equivalent = CLS_FOR_DESTINATION[d];
  if (equivalent !== undefined && isValidFor(equivalent, 'current')) return equivalent;
  // Any other code: the first 4.12 code of the Destination's group.
  const group = livingSituationGroup(d);
  return (
    activeCodes(CURRENT_LIVING_SITUATION_LIST).find(
      (c) => isValidFor(c.code, 'current') && livingSituationGroup(c.code) === group,
    )?.code ?? null
  );
}

export interface ExitClsChoice {
  /** The Current Living Situation that will be saved (null: none yet, or none at all for 24/30). */
  readonly code: number | null;
  /** Its subsidy type (only with 435). */
  readonly subsidyType: number | null;
  /** True when it follows the Destination (nothing chosen by hand). */
  readonly suggested: boolean;
}

/** The exit Current Living Situation the form will save: the chosen one, else the suggestion. */
export function exitClsChoice(form: ExitForm): ExitClsChoice {
  const suggested = form.cls === null;
  const code = exitWritesCls(form.destination)
    ? (form.cls ?? suggestedExitCls(form.destination))
    : null;
  let subsidyType: number | null = null;
  if (code !== null && needsSubsidyType(code)) {
    subsidyType =
      form.clsSubsidyType ??
      (form.destination !== null && needsSubsidyType(form.destination)
        ? form.destinationSubsidyType
        : null);
  }
  return { code, subsidyType, suggested };
}

// ---- the adapter to the contact screen's 4.12 logic ---------------------------------------------

/**
 * The exit form's 4.12 answers as the contact screen's ClsAnswers (the adapter: the exit keeps the
 * situation as "chosen, else suggested", and asks neither location details nor VerifiedBy).
 */
function asClsAnswers(form: ExitForm): ClsAnswers {
  const choice = exitClsChoice(form);
  return {
    ...EMPTY_CLS_ANSWERS,
    currentLivingSituation: choice.code,
    clsSubsidyType: choice.subsidyType,
    leaveSituation14Days: form.leaveSituation14Days ?? null,
    subsequentResidence: form.subsequentResidence ?? null,
    resourcesToObtain: form.resourcesToObtain ?? null,
    leaseOwn60Day: form.leaseOwn60Day ?? null,
    movedTwoOrMore: form.movedTwoOrMore ?? null,
  };
}

/** Which 4.12 questions the exit asks (none for 24/30: there is no CLS). */
export function exitClsQuestions(form: ExitForm, projectType: number | null): ClsQuestions {
  return clsQuestions(asClsAnswers(form), projectType);
}

/** The form with the 4.12.B–F answers that no longer apply set to null. */
export function dropUnaskedExitClsAnswers(
  form: ExitForm,
  projectType: number | null = null,
): ExitForm {
  const c = dropUnaskedClsAnswers(asClsAnswers(form), projectType);
  return {
    ...form,
    leaveSituation14Days: c.leaveSituation14Days,
    subsequentResidence: c.subsequentResidence,
    resourcesToObtain: c.resourcesToObtain,
    leaseOwn60Day: c.leaseOwn60Day,
    movedTwoOrMore: c.movedTwoOrMore,
  };
}

/** The 4.12 record's values (HUD's null rule applied), or null when the exit writes no CLS. */
export function exitClsValues(
  form: ExitForm,
  projectType: number | null,
): Omit<CurrentLivingSituation, 'id' | 'enrollmentId' | 'clientId' | 'informationDate'> | null {
  if (!exitWritesCls(form.destination)) return null;
  return clsValues(asClsAnswers(form), projectType);
}

// ---- choosing -----------------------------------------------------------------------------------

/** Chooses the exit Current Living Situation by hand (null: back to following the Destination). */
export function chooseExitCls(form: ExitForm, cls: number | null): ExitForm {
  return dropUnaskedExitClsAnswers({
    ...form,
    cls,
    clsSubsidyType: cls !== null && needsSubsidyType(cls) ? form.clsSubsidyType : null,
  });
}

/** The one-tap fix of a mismatch: follow the Destination again. */
export function followSuggestedExitCls(form: ExitForm): ExitForm {
  return dropUnaskedExitClsAnswers({ ...form, cls: null, clsSubsidyType: null });
}

/** Answers 4.12.B; the follow-ups are dropped unless the answer is Yes. */
export function answerExitLeave14Days(form: ExitForm, value: number | null): ExitForm {
  return dropUnaskedExitClsAnswers({ ...form, leaveSituation14Days: value });
}

export type ExitFollowUpField = (typeof FOURTEEN_DAY_FOLLOW_UPS)[number]['field'];

/** Answers one of 4.12.C–F. */
export function answerExitFollowUp(
  form: ExitForm,
  field: ExitFollowUpField,
  value: number | null,
): ExitForm {
  return dropUnaskedExitClsAnswers({ ...form, [field]: value });
}

// ---- checking -----------------------------------------------------------------------------------

export interface ExitClsCheck {
  /** Blocks saving: the Current Living Situation and the Destination describe different places. */
  readonly mismatch: boolean;
  /** The message to show (a mismatch, or a note that the two cannot be compared); null when fine. */
  readonly message: string | null;
  /** The Current Living Situation that would match the Destination (for "Use …"). */
  readonly suggestion: number | null;
  readonly suggestionLabel: string | null;
}

/**
 * W-EX6: the Destination's group against the exit Current Living Situation's, on the form's exit
 * date (validateExitLivingSituation decides; the words are the exit screen's). Until the exit date
 * is a real date there is nothing to compare (the exit date's own error says what to fix).
 */
export function checkExitCls(form: ExitForm): ExitClsCheck {
  const { code } = exitClsChoice(form);
  const destination = form.destination;
  const none = { mismatch: false, message: null, suggestion: null, suggestionLabel: null };
  const exitDate = localDateSchema.safeParse(form.exitDate).success ? form.exitDate : null;
  if (destination === null || code === null || exitDate === null) return none;
  const issues = validateExitLivingSituation(
    { exitDate, destination },
    { currentLivingSituation: code },
  );
  const suggestion = suggestedExitCls(destination);
  const suggestionLabel = suggestion === null ? null : situationName(suggestion);
  const error = issues.find((i) => i.severity === 'error');
  if (error !== undefined) {
    return {
      mismatch: true,
      message: `The Current Living Situation (${situationWithGroup(code)}) does not match the Destination (${situationWithGroup(destination)}). At exit they should describe the same place.`,
      suggestion,
      suggestionLabel,
    };
  }
  const warning = issues.find((i) => i.severity === 'warning');
  if (warning !== undefined) {
    const group = livingSituationGroup(destination);
    return {
      mismatch: false,
      message: `"${situationName(code)}" cannot be checked against the Destination (${situationWithGroup(destination)}). If you know where the client is staying, choose a ${group === undefined ? '' : `${LIVING_SITUATION_GROUP_LABELS[group]} `}situation.`,
      suggestion,
      suggestionLabel,
    };
  }
  return none;
}

/** Every problem with the exit Current Living Situation (none for 24 / 30: there is none). */
export function exitClsIssues(form: ExitForm, projectType: number | null): ValidationIssue[] {
  if (!exitWritesCls(form.destination)) return [];
  const issues: ValidationIssue[] = [];
  const cls = exitClsChoice(form);
  if (cls.code === null) {
    issues.push(
      errorIssue(
        'currentLivingSituation',
        RULES.exitLivingSituationMatchesDestination,
        'Choose where the client is staying at exit (Current Living Situation).',
      ),
    );
    return issues;
  }
  if (!isValidFor(cls.code, 'current')) {
    issues.push(
      errorIssue(
        'currentLivingSituation',
        RULES.exitLivingSituationMatchesDestination,
        `"${situationName(cls.code)}" cannot be a Current Living Situation. Choose one of the listed answers.`,
      ),
    );
  }
  if (needsSubsidyType(cls.code) && cls.subsidyType === null) {
    issues.push(
      errorIssue(
        'clsSubsidyType',
        RULES.clsSubsidyType,
        'Choose the rental subsidy type of the Current Living Situation at exit.',
      ),
    );
  }
  const check = checkExitCls(form);
  if (check.message !== null) {
    issues.push(
      check.mismatch
        ? errorIssue(
            'currentLivingSituation',
            RULES.exitLivingSituationMatchesDestination,
            check.message,
          )
        : warningIssue(
            'currentLivingSituation',
            RULES.exitLivingSituationMatchesDestination,
            check.message,
          ),
    );
  }
  // HUD's null rules of the record that will be written; the missing 14-day answers block (W-EX2).
  const values = exitClsValues(form, projectType);
  if (values !== null) {
    for (const i of validateClsDependentFields(values, { projectType })) {
      if (i.field === 'clsSubsidyType') continue; // said above, in the exit's words
      if (i.severity === 'warning' && i.field === 'leaveSituation14Days') {
        issues.push(
          errorIssue(
            i.field,
            EXIT_RULES.exitCls14Days,
            `Ask whether the client will have to leave "${situationName(cls.code)}" within 14 days.`,
          ),
        );
      } else if (i.severity === 'warning') {
        const q = FOURTEEN_DAY_FOLLOW_UPS.find((f) => f.field === i.field);
        issues.push(
          errorIssue(
            i.field,
            EXIT_RULES.exitCls14Days,
            q === undefined
              ? i.message
              : `The client has to leave within 14 days: answer “${q.question}”`,
          ),
        );
      } else {
        issues.push(i);
      }
    }
  }
  return issues;
}
