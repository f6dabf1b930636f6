// Workflow validation: pure functions returning issues a case manager can act on, field by field.
// One validateX per record or aggregate; the rule families live in their own files.
import { FORMS, FORM_STAGES, checkAnswers } from '../forms';
import type { FormContext, FormDefinition, FormStage, PicklistRegistry } from '../forms';
import type { Assessment, CurrentLivingSituation, Enrollment } from '../records';
import { validateEnrollmentDates, validateInformationDate } from './dates';
import { validateAnswerDependentFields, validateClsDependentFields } from './dependent-fields';
import { validateDisablingCondition } from './disabilities';
import {
  exitLivingSituation,
  validateDestination,
  validateExitLivingSituation,
} from './destination';
import { validateHealthInsurance, validateIncome, validateNonCashBenefits } from './income';
import { validatePriorLivingSituation } from './prior-living-situation';
import type { LocalDateString, ValidationIssue } from './types';

export * from './types';
export * from './words';
export * from './dates';
export * from './dependent-fields';
export * from './destination';
export * from './household';
export * from './income';
export * from './assessments';
export * from './prior-living-situation';
export * from './disabilities';

/** True when any issue is an error (warnings do not block saving). */
export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** An Enrollment on its own: project start / exit dates, Destination, subsidy type, exit reason. */
export function validateEnrollment(
  enrollment: Enrollment,
  context: { readonly today: LocalDateString },
): ValidationIssue[] {
  return [
    ...validateEnrollmentDates(enrollment, context.today),
    ...validateDestination(enrollment),
  ];
}

export interface CurrentLivingSituationContext {
  readonly enrollment: Pick<Enrollment, 'projectStartDate' | 'exitDate'>;
  /** HUD ProjectType of the enrollment's provider; null when unknown. */
  readonly projectType: number | null;
  readonly today: LocalDateString;
}

/** A 4.12 record: HUD's dependent-field null rules and its information date. */
export function validateCurrentLivingSituation(
  cls: CurrentLivingSituation,
  context: CurrentLivingSituationContext,
): ValidationIssue[] {
  return [
    ...validateInformationDate(cls.informationDate, context.enrollment, context.today),
    ...validateClsDependentFields(cls, { projectType: context.projectType }),
  ];
}

export interface AssessmentContext {
  readonly enrollment: Pick<Enrollment, 'projectStartDate' | 'exitDate'>;
  readonly today: LocalDateString;
  /**
   * Give the picklists to also check the answers against the form definitions (types, lists,
   * required-at-stage, hidden fields); issues then carry rule "form:<code>".
   */
  readonly picklists?: PicklistRegistry;
  readonly forms?: readonly FormDefinition[];
  readonly formContext?: FormContext;
  /** With picklists: accept a draft with required answers still empty. */
  readonly allowIncomplete?: boolean;
}

/** An Assessment: information date, dependent fields, income/benefit/insurance consistency, 3.917. */
export function validateAssessment(
  assessment: Pick<Assessment, 'dataCollectionStage' | 'informationDate' | 'answers'>,
  context: AssessmentContext,
): ValidationIssue[] {
  const { answers } = assessment;
  const issues: ValidationIssue[] = [
    ...validateInformationDate(assessment.informationDate, context.enrollment, context.today),
  ];
  const stage = assessment.dataCollectionStage;
  if (context.picklists !== undefined && (FORM_STAGES as readonly number[]).includes(stage)) {
    const formIssues = checkAnswers(
      context.forms ?? FORMS,
      stage as FormStage,
      answers,
      context.picklists,
      {
        context: { today: context.today, ...context.formContext },
        allowIncomplete: context.allowIncomplete ?? false,
      },
    );
    issues.push(
      ...formIssues.map((i) => ({
        field: i.field,
        message: i.message,
        rule: `form:${i.code}`,
        severity: 'error' as const,
      })),
    );
  }
  issues.push(
    ...validateAnswerDependentFields(answers),
    ...validateIncome(answers),
    ...validateNonCashBenefits(answers),
    ...validateHealthInsurance(answers),
    ...validatePriorLivingSituation(answers, context.enrollment.projectStartDate),
    ...validateDisablingCondition(answers),
  );
  return issues;
}

/**
 * At exit: the Current Living Situation recorded on the exit date falls in the same group as the
 * Destination. `currentLivingSituations` may hold any of the enrollment's 4.12 records.
 */
export function validateExit(
  enrollment: Pick<Enrollment, 'id' | 'exitDate' | 'destination'>,
  currentLivingSituations: readonly Pick<
    CurrentLivingSituation,
    'id' | 'enrollmentId' | 'informationDate' | 'currentLivingSituation'
  >[],
): ValidationIssue[] {
  const mine = currentLivingSituations.filter((c) => c.enrollmentId === enrollment.id);
  return validateExitLivingSituation(enrollment, exitLivingSituation(enrollment, mine));
}
