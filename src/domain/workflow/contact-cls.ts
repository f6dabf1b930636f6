// 4.12 Current Living Situation at a contact: which dependent questions HUD asks for a situation
// (4.12.A subsidy for 435; 4.12.B for the 14-day trigger codes; 4.12.C–F when 4.12.B = Yes;
// 4.12.3 VerifiedBy in Coordinated Entry), dropping answers that no longer apply, and the record's
// values with HUD's null rule. The same answers exist once per household member asked (W-CT1), so
// every function here takes any object holding the 4.12 answers (ClsAnswers).
import { asksLeaveSituation14Days, COORDINATED_ENTRY, needsSubsidyType } from '../codes';
import type { CurrentLivingSituation } from '../records';
import { FOURTEEN_DAY_FOLLOW_UPS } from '../validation';

const YES = 1;

/** The 4.12 dependent questions, each null until answered (HUD list 1.8 codes). */
export type FollowUpField = (typeof FOURTEEN_DAY_FOLLOW_UPS)[number]['field'];

/** The 4.12 answers about one person, as the form holds them. */
export interface ClsAnswers {
  /** 4.12 Current Living Situation code. */
  readonly currentLivingSituation: number | null;
  readonly clsSubsidyType: number | null;
  readonly leaveSituation14Days: number | null;
  readonly subsequentResidence: number | null;
  readonly resourcesToObtain: number | null;
  readonly leaseOwn60Day: number | null;
  readonly movedTwoOrMore: number | null;
  readonly locationDetails: string;
  readonly verifiedBy: string;
}

/** The 4.12 answer field names, for issue fields and copying. */
export type ClsField = keyof ClsAnswers;

/** Nothing answered yet. */
export const EMPTY_CLS_ANSWERS: ClsAnswers = Object.freeze({
  currentLivingSituation: null,
  clsSubsidyType: null,
  leaveSituation14Days: null,
  subsequentResidence: null,
  resourcesToObtain: null,
  leaseOwn60Day: null,
  movedTwoOrMore: null,
  locationDetails: '',
  verifiedBy: '',
});

/** The 4.12 answers of a larger object (the contact form holds the first row's at its top level). */
export function clsAnswersOf(form: ClsAnswers): ClsAnswers {
  return {
    currentLivingSituation: form.currentLivingSituation,
    clsSubsidyType: form.clsSubsidyType,
    leaveSituation14Days: form.leaveSituation14Days,
    subsequentResidence: form.subsequentResidence,
    resourcesToObtain: form.resourcesToObtain,
    leaseOwn60Day: form.leaseOwn60Day,
    movedTwoOrMore: form.movedTwoOrMore,
    locationDetails: form.locationDetails,
    verifiedBy: form.verifiedBy,
  };
}

/** The 4.12 previous situation offered as "Same as last time". */
export interface PreviousCls {
  readonly currentLivingSituation: number;
  readonly clsSubsidyType: number | null;
  readonly informationDate: string | null;
}

/** Which 4.12 questions apply: HUD's dependency rules (validateClsDependentFields). */
export interface ClsQuestions {
  /** 4.12.A, only for 435. */
  readonly subsidyType: boolean;
  /** 4.12.B, for the institutional, temporary and permanent codes. */
  readonly leaveSituation14Days: boolean;
  /** 4.12.C–F, when the client will have to leave within 14 days (4.12.B = Yes). */
  readonly followUps: boolean;
  /** 4.12.3, only in Coordinated Entry projects. */
  readonly verifiedBy: boolean;
}

export function clsQuestions(
  form: Pick<ClsAnswers, 'currentLivingSituation' | 'leaveSituation14Days'>,
  projectType: number | null | undefined,
): ClsQuestions {
  const code = form.currentLivingSituation;
  const asks14 = code !== null && asksLeaveSituation14Days(code);
  return {
    subsidyType: code !== null && needsSubsidyType(code),
    leaveSituation14Days: asks14,
    followUps: asks14 && form.leaveSituation14Days === YES,
    verifiedBy: projectType === COORDINATED_ENTRY,
  };
}

/**
 * The answers with the dependent 4.12 answers that no longer apply set to null (after the situation
 * or the 14-day answer changes), so a hidden answer is never saved or brought back.
 */
export function dropUnaskedClsAnswers<T extends ClsAnswers>(
  form: T,
  projectType: number | null | undefined,
): T {
  const q = clsQuestions(form, projectType);
  const dropped: { -readonly [K in keyof ClsAnswers]?: ClsAnswers[K] } = {};
  if (!q.subsidyType) dropped.clsSubsidyType = null;
  if (!q.leaveSituation14Days) dropped.leaveSituation14Days = null;
  if (!q.followUps) for (const { field } of FOURTEEN_DAY_FOLLOW_UPS) dropped[field] = null;
  if (!q.verifiedBy) dropped.verifiedBy = '';
  return { ...form, ...dropped };
}

/** Choosing a Current Living Situation: the answers that no longer apply are dropped. */
export function chooseLivingSituation<T extends ClsAnswers>(
  form: T,
  code: number | null,
  projectType: number | null | undefined,
): T {
  return dropUnaskedClsAnswers({ ...form, currentLivingSituation: code }, projectType);
}

/**
 * "Same as last time": the previous situation and, for 435, its subsidy type (the 14-day questions
 * are asked again: they are about the next two weeks).
 */
export function sameAsLastTime<T extends ClsAnswers>(
  form: T,
  previous: PreviousCls,
  projectType: number | null | undefined,
): T {
  const next = chooseLivingSituation(form, previous.currentLivingSituation, projectType);
  return needsSubsidyType(previous.currentLivingSituation) && previous.clsSubsidyType !== null
    ? { ...next, clsSubsidyType: previous.clsSubsidyType }
    : next;
}

/** Answering 4.12.B: the follow-ups are dropped unless the answer is Yes. */
export function answerLeave14Days<T extends ClsAnswers>(
  form: T,
  value: number | null,
  projectType: number | null | undefined,
): T {
  return dropUnaskedClsAnswers({ ...form, leaveSituation14Days: value }, projectType);
}

export const blankToNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** The values of a 4.12 record (id, enrollment, client and date aside). */
export type ClsValues = Omit<
  CurrentLivingSituation,
  'id' | 'enrollmentId' | 'clientId' | 'informationDate'
>;

/** The 4.12 record's values from the answers (answers HUD does not ask for that situation: null). */
export function clsValues(
  form: ClsAnswers,
  projectType: number | null | undefined,
): ClsValues | null {
  if (form.currentLivingSituation === null) return null;
  const f = dropUnaskedClsAnswers(clsAnswersOf(form), projectType);
  return {
    currentLivingSituation: f.currentLivingSituation!,
    clsSubsidyType: f.clsSubsidyType,
    verifiedBy: blankToNull(f.verifiedBy),
    leaveSituation14Days: f.leaveSituation14Days,
    subsequentResidence: f.subsequentResidence,
    resourcesToObtain: f.resourcesToObtain,
    leaseOwn60Day: f.leaseOwn60Day,
    movedTwoOrMore: f.movedTwoOrMore,
    locationDetails: blankToNull(f.locationDetails),
  };
}
