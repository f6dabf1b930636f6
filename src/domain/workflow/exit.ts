// The Hennepin exit workflow: ending case management for one enrollment. Pure functions the exit
// screen calls; this file checks the form and builds the one save, the parts live beside it:
//  - exit-form.ts: the form (a draft), what it starts with;
//  - exit-destination.ts: 3.12 Destination suggestions, 3.12.A subsidy type, 3.12.B other text;
//  - exit-cls.ts: the exit 4.12 Current Living Situation and its dependent questions;
//  - exit-assessment.ts: the Exit assessment's parts, their checks and its change;
//  - exit-income.ts: 4.02/4.03/4.04, required with a federal funder, never copied silently;
//  - exit-disabilities.ts: 4.05–4.10, required with a federal funder, asked fresh (W-DIS3);
//  - exit-household.ts: who the assessment is about, the head of household exits last;
//  - exit-rules.ts: the W-ids of the exit's own rules.
//
// One save writes, as one unit:
//  - the enrollment's exit fields as one group (merge rule M5: exit date, exit reason, Destination,
//    subsidy type, other destination; the subsidy type only with 435, the text only with 17);
//  - the Exit assessment (stage 3) under its singleton id, dated on the exit date, with only the
//    answers the forms ask (askedAnswers); a patch when it already exists;
//  - a 4.12 Current Living Situation dated on the exit date, in the same living-situation group as
//    the Destination, with the 4.12.B–F answers HUD asks for it, except for Destination 24 and 30
//    (W-EX1: no contact, no CLS);
//  - the end of the signed-in case manager's open assignment on the enrollment (endDate = exit date).
//
// What blocks saving: no reason, an exit date missing / before project start / in the future, a
// Destination missing or not valid for 3.12.1, 435 without its subsidy type, 17 without its text,
// an exit CLS missing, unanswered (4.12.B–F) or in another group than the Destination, required
// Hennepin answers missing or any answer invalid, 4.02–4.04 and 4.05–4.10 missing with a federal
// funder, 4.02–4.04 copied and not confirmed, and a head of household whose other members are
// still enrolled.
import type { FieldValues } from '../merge';
import { localDateSchema, newId as randomId, type RecordType } from '../records';
import {
  RULES,
  errorIssue,
  validateDestination,
  validateEnrollmentDates,
  type ValidationIssue,
} from '../validation';
import type { FormContext } from '../forms';
import { exitAssessmentChange, exitAssessmentIssues } from './exit-assessment';
import { exitClsIssues, exitClsValues } from './exit-cls';
import {
  destinationSubsidyTypeOf,
  otherDestinationIssues,
  otherDestinationOf,
} from './exit-destination';
import type { AssessmentLike, ExitForm } from './exit-form';
import { householdExitIssues, type HouseholdMemberInfo } from './exit-household';
import type { FunderInfo } from './federal-funder';

export * from './exit-form';
export * from './exit-destination';
export * from './exit-cls';
export * from './exit-assessment';
export * from './exit-income';
export * from './exit-disabilities';
export * from './exit-household';
export { EXIT_RULES } from './exit-rules';
export { hasFederalFunder, type FunderInfo } from './federal-funder';

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
  /** The enrollment's provider's funders (local kinds, HUD funders); absent: no federal funder. */
  readonly provider?: FunderInfo | null;
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

  // 3.12.1 / 3.12.A / 3.12.B and reason vs Destination (the exit date is checked above). The
  // record-level 3.12.B rule only warns; the exit requires the text (otherDestinationIssues).
  issues.push(
    ...validateDestination({
      exitDate: form.exitDate || input.today,
      exitReason: form.reason,
      destination: form.destination,
      destinationSubsidyType: destinationSubsidyTypeOf(form),
      otherDestination: otherDestinationOf(form),
    }).filter((i) => i.field !== 'otherDestination'),
    ...otherDestinationIssues(form),
  );

  issues.push(...exitClsIssues(form, input.projectType));
  issues.push(...exitAssessmentIssues(input));
  issues.push(...householdExitIssues(enrollment, input.household, dateOk ? form.exitDate : null));
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

/**
 * The exit's changes for one save (input → { changes, issues }): nothing when an error blocks it.
 * Order: the enrollment's exit fields, the Exit assessment, the exit Current Living Situation (not
 * for Destination 24 / 30), the end of the case manager's assignment.
 */
export function buildExit(input: ExitInput): ExitResult {
  const issues = validateExitForm(input);
  if (issues.some((i) => i.severity === 'error')) return { changes: [], issues };

  const { form, enrollment } = input;
  const exitDate = form.exitDate;
  const changes: WorkflowChange[] = [];

  // M5: the exit fields are one group, written together.
  changes.push({
    type: 'enrollment',
    id: enrollment.id,
    op: 'patch',
    fields: {
      exitDate,
      exitReason: form.reason,
      destination: form.destination!,
      destinationSubsidyType: destinationSubsidyTypeOf(form),
      otherDestination: otherDestinationOf(form),
    },
  });

  const assessment = exitAssessmentChange(input);
  if (assessment !== null) changes.push(assessment);

  const cls = exitClsValues(form, input.projectType);
  if (cls !== null) {
    changes.push({
      type: 'currentLivingSituation',
      id: (input.newId ?? randomId)(),
      op: 'create',
      fields: {
        enrollmentId: enrollment.id,
        clientId: enrollment.clientId,
        informationDate: exitDate,
        ...cls,
      },
    });
  }

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
