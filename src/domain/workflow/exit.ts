// The Hennepin exit workflow: ending case management for one enrollment. Pure functions the exit
// screen calls: what the form starts with (pre-filled from the last update), which Destinations
// and which exit Current Living Situation it suggests, what blocks saving, and the records one
// save writes.
//
// One save writes, as one unit:
//  - the enrollment's exit fields as one group (merge rule M5: exit date, exit reason, Destination,
//    subsidy type; the subsidy type only with Destination 435);
//  - the Exit assessment (stage 3) under its singleton id, dated on the exit date, with only the
//    answers the forms ask (askedAnswers); a patch when it already exists;
//  - a 4.12 Current Living Situation dated on the exit date, in the same living-situation group as
//    the Destination (Fieldnote rule exit-cls-destination, src/domain/validation/destination.ts);
//  - the end of the signed-in case manager's open assignment on the enrollment (endDate = exit date).
//
// What blocks saving: no reason, an exit date missing / before project start / in the future, a
// Destination missing or not valid for 3.12.1, 435 without its subsidy type, an exit CLS missing or
// in another group than the Destination, required Hennepin answers missing or any answer invalid,
// and a head of household whose other members are still enrolled (Eva 2026, 3.15).
//
// MN Core income, non-cash benefits and health insurance are collected at stage 3 too. The exit
// screen pre-fills them and shows them as optional: their answers are checked (types, lists,
// consistency) but an empty one does not block the exit.
import {
  CURRENT_LIVING_SITUATION_LIST,
  HEAD_OF_HOUSEHOLD,
  LIVING_SITUATION_GROUP_LABELS,
  RENTAL_WITH_SUBSIDY,
  activeCodes,
  isValidFor,
  livingSituationGroup,
  needsSubsidyType,
  type LivingSituationGroup,
} from '../codes';
import {
  DEFAULT_PICKLIST_REGISTRY,
  HENNEPIN_CASE_MANAGEMENT,
  MN_CORE,
  askedAnswers,
  checkAnswers,
  formFields,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
} from '../forms';
import type { FieldValues } from '../merge';
import type { JsonValue } from '../protocol';
import {
  localDateSchema,
  newId as randomId,
  singletonAssessmentId,
  type ExitReason,
  type RecordType,
} from '../records';
import {
  RULES,
  andList,
  errorIssue,
  formatDate,
  situationName,
  situationWithGroup,
  validateAnswerDependentFields,
  validateDestination,
  validateEnrollmentDates,
  validateExitLivingSituation,
  validateHeadOfHouseholdExit,
  validateHealthInsurance,
  validateIncome,
  validateNonCashBenefits,
  warningIssue,
  type ValidationIssue,
} from '../validation';
import { assessmentSubject } from './form-context';
import { latestInterimValues } from './interim';
import { livingSituationOptionGroups, type LivingSituationOptionGroup } from './living-situations';

/** HUD 5.03.1 stage of the Exit assessment. */
export const EXIT_STAGE = 3 as const;

/** The required part of the exit assessment: Hennepin's exit checklist, documents, income, … */
export const EXIT_REQUIRED_FORMS: readonly FormDefinition[] = Object.freeze([
  HENNEPIN_CASE_MANAGEMENT,
]);
/** The optional part: MN Core income, non-cash benefits and health insurance (stage 3). */
export const EXIT_OPTIONAL_FORMS: readonly FormDefinition[] = Object.freeze([MN_CORE]);
/** Every form of the Exit assessment (its answers are one record). */
export const EXIT_FORMS: readonly FormDefinition[] = Object.freeze([
  ...EXIT_REQUIRED_FORMS,
  ...EXIT_OPTIONAL_FORMS,
]);

const DECEASED = 24;
const NO_EXIT_INTERVIEW = 30;
const WORKER_UNABLE_TO_DETERMINE = 37;

// ---- the form ---------------------------------------------------------------------------------

/** What the exit screen keeps while the case manager fills it in (stored as a draft). */
export interface ExitForm {
  readonly reason: ExitReason | null;
  /** 'YYYY-MM-DD' as typed ('' when cleared). */
  readonly exitDate: string;
  readonly destination: number | null;
  readonly destinationSubsidyType: number | null;
  /** The exit Current Living Situation the case manager chose; null: follow the suggestion. */
  readonly cls: number | null;
  /** Its subsidy type (4.12.A), when the case manager chose one; null: follow the Destination's. */
  readonly clsSubsidyType: number | null;
  /** Exit assessment answers (of both parts), as typed. */
  readonly answers: Readonly<Record<string, AnswerValue>>;
}

/** An assessment as the workflow reads it (an Entry, an Update, the Exit). */
export type AssessmentLike = Readonly<Record<string, unknown>>;

function answersOf(a: AssessmentLike | undefined): Readonly<Record<string, unknown>> {
  const answers = a?.answers;
  return answers !== null && typeof answers === 'object' && !Array.isArray(answers)
    ? (answers as Record<string, unknown>)
    : {};
}

/**
 * The answers the exit assessment starts with: for each field of the income, benefits, insurance
 * and Hennepin interim sections, the newest Update's answer, else the Entry's (latestInterimValues);
 * answers already on an Exit assessment (saved on another device) win.
 */
export function prefillExitAnswers(
  entry: AssessmentLike | undefined,
  updates: readonly AssessmentLike[],
  existingExit?: AssessmentLike,
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = latestInterimValues(entry, updates, {
    includeMnCore: true,
  });
  for (const [id, value] of Object.entries(answersOf(existingExit))) {
    if (value !== null && value !== undefined) out[id] = value as AnswerValue;
  }
  return out;
}

/** The date of the newest Update the pre-fill read, for "pre-filled from the update of …". */
export function prefillSource(
  entry: AssessmentLike | undefined,
  updates: readonly AssessmentLike[],
): { kind: 'update' | 'entry'; date: string | null } | null {
  const dates = updates
    .filter((u) => u.dataCollectionStage === 2 || u.dataCollectionStage === 5)
    .map((u) => u.informationDate)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  if (dates.length > 0) return { kind: 'update', date: dates[dates.length - 1]! };
  if (entry !== undefined) {
    return {
      kind: 'entry',
      date: typeof entry.informationDate === 'string' ? entry.informationDate : null,
    };
  }
  return null;
}

export function initialExitForm(input: {
  today: string;
  entry: AssessmentLike | undefined;
  updates: readonly AssessmentLike[];
  existingExit?: AssessmentLike;
}): ExitForm {
  return {
    reason: null,
    exitDate: input.today,
    destination: null,
    destinationSubsidyType: null,
    cls: null,
    clsSubsidyType: null,
    answers: prefillExitAnswers(input.entry, input.updates, input.existingExit),
  };
}

// ---- Destinations -------------------------------------------------------------------------------

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

/** Sets the Destination; its subsidy type is kept only for 435. */
export function chooseDestination(form: ExitForm, destination: number | null): ExitForm {
  return {
    ...form,
    destination,
    destinationSubsidyType:
      destination !== null && needsSubsidyType(destination) ? form.destinationSubsidyType : null,
  };
}

// ---- the exit Current Living Situation ----------------------------------------------------------

/** Destinations (not valid for 4.12) and the Current Living Situation that describes the same place. */
const CLS_FOR_DESTINATION: Readonly<Record<number, number>> = {
  312: 335, // with family, temporary tenure → staying in a family member's home
  313: 336, // with friends, temporary tenure → staying in a friend's home
  422: 335, // with family, permanent tenure (335/336 say nothing about tenure: they match)
  423: 336,
  327: 302, // HOPWA TH → transitional housing
  426: RENTAL_WITH_SUBSIDY, // HOPWA PH → rental with an ongoing subsidy
  [DECEASED]: WORKER_UNABLE_TO_DETERMINE,
  [NO_EXIT_INTERVIEW]: WORKER_UNABLE_TO_DETERMINE,
};

/**
 * The Current Living Situation a Destination suggests: the same code when it is valid for 4.12,
 * else its equivalent in the same group; null without a Destination.
 */
export function suggestedExitCls(destination: number | null): number | null {
  if (destination === null) return null;
  if (isValidFor(destination, 'current')) return destination;
  const equivalent = CLS_FOR_DESTINATION[destination];
  if (equivalent !== undefined && isValidFor(equivalent, 'current')) return equivalent;
  // Any other code: the first 4.12 code of the Destination's group.
  const group = livingSituationGroup(destination);
  return (
    activeCodes(CURRENT_LIVING_SITUATION_LIST).find(
      (c) => isValidFor(c.code, 'current') && livingSituationGroup(c.code) === group,
    )?.code ?? null
  );
}

export interface ExitClsChoice {
  /** The Current Living Situation that will be saved (null: none yet). */
  readonly code: number | null;
  /** Its subsidy type (only with 435). */
  readonly subsidyType: number | null;
  /** True when it follows the Destination (nothing chosen by hand). */
  readonly suggested: boolean;
}

/** The exit Current Living Situation the form will save: the chosen one, else the suggestion. */
export function exitClsChoice(form: ExitForm): ExitClsChoice {
  const suggested = form.cls === null;
  const code = form.cls ?? suggestedExitCls(form.destination);
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

/** Chooses the exit Current Living Situation by hand (null: back to following the Destination). */
export function chooseExitCls(form: ExitForm, cls: number | null): ExitForm {
  return {
    ...form,
    cls,
    clsSubsidyType: cls !== null && needsSubsidyType(cls) ? form.clsSubsidyType : null,
  };
}

/** The one-tap fix of a mismatch: follow the Destination again. */
export function followSuggestedExitCls(form: ExitForm): ExitForm {
  return { ...form, cls: null, clsSubsidyType: null };
}

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
 * The Destination's group against the exit Current Living Situation's
 * (validateExitLivingSituation decides; the words are the exit screen's).
 */
export function checkExitCls(form: ExitForm): ExitClsCheck {
  const { code } = exitClsChoice(form);
  const destination = form.destination;
  const none = { mismatch: false, message: null, suggestion: null, suggestionLabel: null };
  if (destination === null || code === null) return none;
  const issues = validateExitLivingSituation(
    { exitDate: form.exitDate || '0000-00-00', destination },
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

// ---- who the assessment is about ----------------------------------------------------------------

/**
 * The FormContext subject: head of household by 3.15, adult when 18 or older on the date (a client
 * whose date of birth is not recorded is asked everything an adult is).
 */
export function exitSubject(
  relationshipToHoH: unknown,
  dob: unknown,
  date: string,
): NonNullable<FormContext['subject']> {
  return assessmentSubject({ relationshipToHoH, dob, on: date });
}

// ---- the household ------------------------------------------------------------------------------

export interface HouseholdMemberInfo {
  readonly enrollmentId: string;
  readonly clientId: string;
  readonly relationshipToHoH: number | null;
  readonly exitDate: string | null;
  /** How the screen names the member. */
  readonly name: string;
}

/**
 * A household's head cannot exit before its other members: the members (other than heads) whose
 * enrollments are still open when this enrollment is the head's; [] otherwise.
 */
export function openMembersBlockingExit(
  enrollment: { readonly id: string; readonly relationshipToHoH: unknown },
  household: readonly HouseholdMemberInfo[],
): HouseholdMemberInfo[] {
  if (enrollment.relationshipToHoH !== HEAD_OF_HOUSEHOLD) return [];
  return household.filter(
    (m) =>
      m.enrollmentId !== enrollment.id &&
      m.relationshipToHoH !== HEAD_OF_HOUSEHOLD &&
      m.exitDate === null,
  );
}

/** The message of openMembersBlockingExit. */
export function householdBlockMessage(members: readonly HouseholdMemberInfo[]): string {
  return `A household's head cannot exit before its other members. Exit ${andList(members.map((m) => m.name))} first.`;
}

// ---- the save -----------------------------------------------------------------------------------

/** A change for the one write path (src/db/write.ts Change). */
export interface WorkflowChange {
  readonly type: RecordType;
  readonly id: string;
  readonly op: 'create' | 'patch';
  readonly fields: FieldValues;
}

export interface AssignmentLike {
  readonly id: string;
  readonly caseManagerId: unknown;
  readonly startDate: unknown;
  readonly endDate: unknown;
}

export interface ExitInput {
  readonly enrollment: {
    readonly id: string;
    readonly clientId: string;
    readonly projectStartDate: string;
    readonly relationshipToHoH: unknown;
    readonly exitDate: string | null;
  };
  readonly form: ExitForm;
  /** Every enrollment of the household (this one included). */
  readonly household: readonly HouseholdMemberInfo[];
  /** The Exit assessment when it already exists (then it is patched). */
  readonly existingExit?: (AssessmentLike & { readonly id: string }) | undefined;
  /** The enrollment's Case Managers tab. */
  readonly assignments: readonly AssignmentLike[];
  /** The signed-in case manager (their open assignment ends on the exit date). */
  readonly caseManagerId: string;
  readonly today: string;
  /** The provider's HUD project type, when known. */
  readonly projectType: number | null;
  /** Who the assessment is about (exitSubject). */
  readonly subject: NonNullable<FormContext['subject']>;
  /** Id for the new Current Living Situation (tests pass one; default a new random id). */
  readonly newId?: () => string;
}

export interface ExitResult {
  /** The changes of the one save; [] when an error blocks it. */
  readonly changes: WorkflowChange[];
  /** Errors block saving; warnings are shown and do not. */
  readonly issues: ValidationIssue[];
}

/** The form context of the exit assessment. */
export function exitFormContext(
  input: Pick<ExitInput, 'projectType' | 'subject' | 'today'>,
): FormContext {
  return { projectType: input.projectType, subject: input.subject, today: input.today };
}

/** The answers the Exit assessment will hold: only those its forms ask. */
export function exitAnswers(answers: Answers, context: FormContext): Record<string, AnswerValue> {
  return askedAnswers(EXIT_FORMS, EXIT_STAGE, answers, context);
}

const OPTIONAL_FIELD_IDS: ReadonlySet<string> = new Set(
  EXIT_OPTIONAL_FORMS.flatMap((f) => formFields(f).map((x) => x.id)),
);

/** Which part of the exit assessment a field is in (the screen shows the optional part collapsed). */
export function exitFieldPart(fieldId: string): 'required' | 'optional' {
  return OPTIONAL_FIELD_IDS.has(fieldId) ? 'optional' : 'required';
}

/** Issue field ids: record fields by name, assessment answers as `answers.<fieldId>`. */
export const answerIssueField = (fieldId: string): string => `answers.${fieldId}`;

/** The answers of the fields of these forms. */
function onlyOf(forms: readonly FormDefinition[], answers: Answers): Answers {
  const ids = new Set(forms.flatMap((f) => formFields(f).map((x) => x.id)));
  return Object.fromEntries(Object.entries(answers).filter(([id]) => ids.has(id)));
}

/** Every problem with the form, field by field (errors block saving). */
export function validateExitForm(input: ExitInput): ValidationIssue[] {
  const { form, enrollment } = input;
  const issues: ValidationIssue[] = [];

  if (form.reason === null) {
    issues.push(errorIssue('exitReason', 'exit-reason', 'Choose why case management is ending.'));
  }

  const dateOk = localDateSchema.safeParse(form.exitDate).success;
  if (form.exitDate === '') {
    issues.push(errorIssue('exitDate', RULES.exitDate, 'Enter the exit date.'));
  } else if (!dateOk) {
    issues.push(
      errorIssue('exitDate', RULES.exitDate, 'Enter the exit date as a real calendar date.'),
    );
  } else {
    issues.push(
      ...validateEnrollmentDates(
        { projectStartDate: enrollment.projectStartDate, exitDate: form.exitDate },
        input.today,
      ).filter((i) => i.field === 'exitDate'),
    );
  }

  // 3.12.1 / 3.12.A and reason vs Destination (the exit date is checked above).
  issues.push(
    ...validateDestination({
      exitDate: form.exitDate || input.today,
      exitReason: form.reason,
      destination: form.destination,
      destinationSubsidyType: destinationSubsidyTypeOf(form),
    }),
  );

  const cls = exitClsChoice(form);
  if (cls.code === null) {
    issues.push(
      errorIssue(
        'currentLivingSituation',
        RULES.exitLivingSituationMatchesDestination,
        'Choose where the client is staying at exit (Current Living Situation).',
      ),
    );
  } else {
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
  }

  // The exit assessment: required Hennepin answers; MN Core income, benefits, insurance optional.
  const context = exitFormContext(input);
  const answers = exitAnswers(form.answers, context);
  const picklists = DEFAULT_PICKLIST_REGISTRY;
  const formIssues = [
    ...checkAnswers(
      EXIT_REQUIRED_FORMS,
      EXIT_STAGE,
      onlyOf(EXIT_REQUIRED_FORMS, answers),
      picklists,
      {
        context,
      },
    ),
    ...checkAnswers(
      EXIT_OPTIONAL_FORMS,
      EXIT_STAGE,
      onlyOf(EXIT_OPTIONAL_FORMS, answers),
      picklists,
      {
        context,
        allowIncomplete: true,
      },
    ),
  ];
  for (const i of formIssues) {
    issues.push(errorIssue(answerIssueField(i.field), `form:${i.code}`, i.message));
  }
  for (const i of [
    ...validateAnswerDependentFields(answers),
    ...validateIncome(answers),
    ...validateNonCashBenefits(answers),
    ...validateHealthInsurance(answers),
  ]) {
    issues.push({ ...i, field: answerIssueField(i.field) });
  }

  // The household: the head exits last.
  const open = openMembersBlockingExit(enrollment, input.household);
  if (open.length > 0) {
    issues.push(
      errorIssue('household', RULES.headOfHouseholdExitsLast, householdBlockMessage(open)),
    );
  } else if (dateOk) {
    // Members who already exited, after this exit date (validateHeadOfHouseholdExit decides).
    const members = input.household.map((m) => ({
      id: m.enrollmentId,
      clientId: m.clientId,
      householdId: 'household',
      relationshipToHoH: m.relationshipToHoH ?? 99,
      exitDate: m.enrollmentId === enrollment.id ? form.exitDate : m.exitDate,
    }));
    const blocked = validateHeadOfHouseholdExit(members).some((i) => i.recordId === enrollment.id);
    const later = input.household.filter(
      (m) => m.enrollmentId !== enrollment.id && m.exitDate !== null && m.exitDate > form.exitDate,
    );
    if (blocked && later.length > 0) {
      const last = later.map((m) => m.exitDate!).sort()[later.length - 1]!;
      issues.push(
        errorIssue(
          'exitDate',
          RULES.headOfHouseholdExitsLast,
          `The head of household exits last: ${andList(later.map((m) => `${m.name} exited ${formatDate(m.exitDate!)}`))}. Use an exit date on or after ${formatDate(last)}.`,
        ),
      );
    }
  }

  return dedupe(issues);
}

function dedupe(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.field}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The exit's changes for one save (input → { changes, issues }): nothing when an error blocks it.
 * Order: the enrollment's exit fields, the Exit assessment, the exit Current Living Situation, the
 * end of the case manager's assignment.
 */
export function buildExit(input: ExitInput): ExitResult {
  const issues = validateExitForm(input);
  if (issues.some((i) => i.severity === 'error')) return { changes: [], issues };

  const { form, enrollment } = input;
  const exitDate = form.exitDate;
  const destination = form.destination!;
  const changes: WorkflowChange[] = [];

  // M5: the exit fields are one group, written together.
  changes.push({
    type: 'enrollment',
    id: enrollment.id,
    op: 'patch',
    fields: {
      exitDate,
      exitReason: form.reason,
      destination,
      destinationSubsidyType: destinationSubsidyTypeOf(form),
    },
  });

  const answers = exitAnswers(form.answers, exitFormContext(input));
  const exitId = singletonAssessmentId(enrollment.id, EXIT_STAGE);
  const existing = input.existingExit;
  if (existing === undefined) {
    const fields: Record<string, JsonValue> = {
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      dataCollectionStage: EXIT_STAGE,
      informationDate: exitDate,
    };
    for (const [id, value] of Object.entries(answers)) fields[answerIssueField(id)] = value;
    changes.push({ type: 'assessment', id: exitId, op: 'create', fields });
  } else {
    const fields: Record<string, JsonValue> = {};
    if (existing.informationDate !== exitDate) fields.informationDate = exitDate;
    const before = answersOf(existing);
    for (const [id, value] of Object.entries(answers)) {
      if (!sameJson(before[id], value)) fields[answerIssueField(id)] = value;
    }
    // Answers the forms no longer ask (hidden by a changed answer) are cleared.
    for (const [id, value] of Object.entries(before)) {
      if (!Object.hasOwn(answers, id) && value !== null && value !== undefined) {
        fields[answerIssueField(id)] = null;
      }
    }
    if (Object.keys(fields).length > 0) {
      changes.push({ type: 'assessment', id: existing.id, op: 'patch', fields });
    }
  }

  const cls = exitClsChoice(form);
  changes.push({
    type: 'currentLivingSituation',
    id: (input.newId ?? randomId)(),
    op: 'create',
    fields: {
      enrollmentId: enrollment.id,
      clientId: enrollment.clientId,
      informationDate: exitDate,
      currentLivingSituation: cls.code!,
      clsSubsidyType: needsSubsidyType(cls.code!) ? cls.subsidyType : null,
      verifiedBy: null,
      leaveSituation14Days: null,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
      locationDetails: null,
    },
  });

  for (const a of activeAssignmentsOf(input.assignments, input.caseManagerId)) {
    const start = typeof a.startDate === 'string' ? a.startDate : exitDate;
    // An assignment that starts after the exit date ends on its own start date.
    changes.push({
      type: 'caseManagerAssignment',
      id: a.id,
      op: 'patch',
      fields: { endDate: start > exitDate ? start : exitDate },
    });
  }

  return { changes, issues };
}

/** The case manager's assignments on the enrollment that have not ended. */
export function activeAssignmentsOf(
  assignments: readonly AssignmentLike[],
  caseManagerId: string,
): AssignmentLike[] {
  return assignments.filter(
    (a) => a.caseManagerId === caseManagerId && (a.endDate === null || a.endDate === undefined),
  );
}
