// 4.12 Current Living Situation recorded when a member starts (project start, or joining a
// household later): HUD collects it about the head of household and adults at every contact, and
// the start is the first one (rule W-START-2). It is asked, never copied from 3.917 Prior Living
// Situation: "where were you before" and "where are you now" are different questions.
//
// The question logic (which dependent 4.12 answers apply, which are null) is the contact's
// (ClsAnswers and its functions, through contact.ts), so the two screens can never disagree about
// HUD's dependency rules.
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { CurrentLivingSituation } from '../records';
import { validateCurrentLivingSituation, type ValidationIssue } from '../validation';
import type { RecordChange } from './case-managers';
import { EMPTY_CLS_ANSWERS, clsAnswersOf, clsQuestions, clsValues } from './contact';
import { dropUnaskedClsAnswers, type ClsAnswers, type ClsQuestions } from './contact';
import { isAdultOn } from './form-context';

/** The 4.12 answers about one member at the start (a draft: nothing chosen yet is null / ''). */
export type StartClsAnswers = ClsAnswers;

export type StartClsField = keyof StartClsAnswers;

export function emptyStartCls(): StartClsAnswers {
  return { ...EMPTY_CLS_ANSWERS };
}

/** W-START-2: 4.12 is asked of the head of household and of adults (unknown age counts as adult). */
export function asksStartCls(
  member: { relationshipToHoH: number | null; dob: string | null },
  startDate: string,
): boolean {
  return member.relationshipToHoH === HEAD_OF_HOUSEHOLD || isAdultOn(member.dob, startDate);
}

/** Which 4.12 questions apply to these answers (the contact's rules). */
export function startClsQuestions(cls: StartClsAnswers, projectType: number | null): ClsQuestions {
  return clsQuestions(cls, projectType);
}

/** The answers after a change, with the dependent answers that no longer apply set to null. */
export function updateStartCls(
  cls: StartClsAnswers,
  patch: Partial<StartClsAnswers>,
  projectType: number | null,
): StartClsAnswers {
  return clsAnswersOf(dropUnaskedClsAnswers({ ...cls, ...patch }, projectType));
}

/** The record's values (unasked answers null), or null when no situation is chosen. */
export function startClsValues(
  cls: StartClsAnswers,
  projectType: number | null,
): Omit<CurrentLivingSituation, 'id' | 'enrollmentId' | 'clientId' | 'informationDate'> | null {
  return clsValues(cls, projectType);
}

export interface StartClsIssue {
  field: StartClsField;
  message: string;
  severity: 'error' | 'warning';
}

/**
 * What is wrong with a member's 4.12 answers at the start: a situation must be chosen (the record
 * cannot exist without one, and 99 would be invented), and HUD's dependent-answer rules.
 */
export function startClsIssues(
  cls: StartClsAnswers,
  context: { name: string; startDate: string; projectType: number | null; today: string },
): StartClsIssue[] {
  const values = startClsValues(cls, context.projectType);
  if (values === null) {
    return [
      {
        field: 'currentLivingSituation',
        severity: 'error',
        message: `Choose where ${context.name} is staying on the start date (Current Living Situation).`,
      },
    ];
  }
  const record: CurrentLivingSituation = {
    id: '0'.repeat(32),
    enrollmentId: '0'.repeat(32),
    clientId: '0'.repeat(32),
    informationDate: context.startDate,
    ...values,
  };
  // The date is the start date, checked with it; only the 4.12 answers are reported here.
  return validateCurrentLivingSituation(record, {
    enrollment: { projectStartDate: context.startDate, exitDate: null },
    projectType: context.projectType,
    today: context.today,
  })
    .filter((i: ValidationIssue) => i.field !== 'informationDate' && i.field in cls)
    .map((i) => ({
      field: i.field as StartClsField,
      severity: i.severity === 'error' ? 'error' : 'warning',
      message: i.message,
    }));
}

/** The 4.12 record of a member's start, dated on their start date; null when none is chosen. */
export function startClsChange(
  cls: StartClsAnswers,
  target: { id: string; enrollmentId: string; clientId: string; startDate: string },
  projectType: number | null,
): RecordChange | null {
  const values = startClsValues(cls, projectType);
  if (values === null) return null;
  return {
    type: 'currentLivingSituation',
    id: target.id,
    op: 'create',
    fields: {
      enrollmentId: target.enrollmentId,
      clientId: target.clientId,
      informationDate: target.startDate,
      ...values,
    },
  };
}
