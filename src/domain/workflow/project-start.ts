// Project start (Hennepin "Entry"): a household starts with a provider. What the screen asks,
// what blocks saving, and the records one save creates.
//
// Records (one save, in this order):
//  - a client create for each member quick-created on the screen (name, DOB and their data
//    quality; the other universal data elements are "not collected" until the profile is
//    completed: SSN quality 99, race none 99, veteran status 99);
//  - for each member: an enrollment (one new HouseholdID for all, the provider, the relationship to
//    the head of household, the project start date, entry type "basic", no exit; 3.16 Enrollment
//    CoC for the head of household only, W-START-1, enrollment-coc.ts), its Entry
//    assessment under singletonAssessmentId(enrollmentId, 1) (stage 1, information date = project
//    start, only the answers asked of that member), and a Case Managers tab entry for the
//    signed-in case manager. Hennepin assigns a case manager to the household, so every member's
//    enrollment gets one, all from the same start date (the project start unless changed);
//  - for the head of household and each adult: a 4.12 Current Living Situation dated on the project
//    start date (W-START-2, start-cls.ts);
//  - W-ROI-7: the HMIS Release of Information given on the screen, in a quick-created member's
//    create or, last, as a `roi` patch of an existing client (project-start-roi.ts).
//
// What blocks saving: the dates (project start not in the future, a real date; the case manager's
// start inside [project start, today]), the household (exactly one head of household, a
// relationship for everyone), a quick-created member's name and DOB with their data quality, any
// member's DOB after the project start (W-START-3, Eva 84), the Current Living Situation of the
// head of household and adults, an Enrollment CoC that is not the project's, and answers with
// invalid values. A project without a CoC only warns (Eva 27). Missing answers never block: case
// managers backfill them later and the enrollment screen lists what is still missing. The one
// exception is 4.05–4.10 with a federal funder (W-DIS5): HUD requires them at entry, so each
// unanswered one blocks (8/9/99 are answers). 3.08 against 4.05–4.10 only warns (W-DIS2). The
// checks are in project-start-checks.ts and project-start-disabilities.ts, the records in
// project-start-records.ts; this file has the shapes, the defaults and the forms.
import {
  DISABILITIES_FORM_ID,
  FORMS,
  askedAnswers,
  formsForFunding,
  isEmptyAnswer,
  missingFields,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type MissingField,
  type PicklistRegistry,
} from '../forms';
import { HEAD_OF_HOUSEHOLD } from '../codes';
import type { Roi } from '../records';
import { assessmentFormContext } from './form-context';
import type { RoiAnswer } from './roi';
import type { StartClsAnswers, StartClsField } from './start-cls';

export type { RecordChange } from './case-managers';
export * from './project-start-checks';
export * from './project-start-disabilities';
export * from './project-start-members';
export * from './project-start-records';
export * from './project-start-roi';

/** The stage of the Entry assessment. */
export const ENTRY_STAGE = 1;

/** A person added on the project start screen who is not a client yet. */
export interface NewMemberDetails {
  firstName: string;
  lastName: string;
  /** 3.01.5 */
  nameDataQuality: number | null;
  /** YYYY-MM-DD, or '' when not known. */
  dob: string;
  /** 3.03.2 */
  dobDataQuality: number | null;
  // The other universal data elements, asked on the member's own step of project start (W-START-5;
  // absent in drafts from before, and on the add-a-member screen: saved as not collected).
  /** 3.02.1 as typed (9 digits, x for an unknown digit). */
  ssn?: string;
  /** 3.02.2 */
  ssnDataQuality?: number | null;
  /** 3.04 race and ethnicity codes. */
  race?: number[];
  /** 1.6 when no race is given: 8, 9 or 99. */
  raceNone?: number | null;
  /** 4.21 (3.06) sex. */
  sex?: number | null;
  /** 3.07 veteran status (adults). */
  veteranStatus?: number | null;
}

export interface ProjectStartMember {
  /** Stable key of the member on the screen (the client id). */
  key: string;
  clientId: string;
  /** Set for a person quick-created on the screen; null for an existing client. */
  newClient: NewMemberDetails | null;
  /** An existing client's date of birth when known (null: not on this device or not recorded). */
  dob: string | null;
  /** The member's name for messages. */
  name: string;
  /** 3.15.1; null until chosen. */
  relationshipToHoH: number | null;
  /** The Entry assessment answers as typed (hidden ones are dropped when saving). */
  answers: Answers;
  /** 4.12 on the start date (asked of the head of household and adults; absent: none yet). */
  cls?: StartClsAnswers;
  /**
   * W-ROI-7: the HMIS Release of Information on the member's record on this device (null: none;
   * absent: not known, e.g. a client not on this device yet or a quick-created one).
   */
  roi?: Roi | null;
  /** The Release of Information given on this screen (absent: none). */
  roiAnswer?: RoiAnswer;
}

export interface ProjectStartInput {
  providerId: string;
  /** HUD 2.02.6 of the provider. */
  projectType: number | null;
  projectStartDate: string;
  today: string;
  /** The signed-in case manager (added to the Case Managers tab). */
  caseManagerId: string;
  /** The case manager's start date; null = the project start date. */
  caseManagerStartDate: string | null;
  members: readonly ProjectStartMember[];
  /** The project's CoC codes (enrollmentCocOptions); absent or empty: none set up. */
  cocOptions?: readonly string[];
  /** 3.16 chosen for the head of household; null/absent: the project's first CoC. */
  enrollmentCoc?: string | null;
  /**
   * The provider has a federal funder (hasFederalFunder(provider, today)): the Entry uses the
   * federal 4.05–4.10 variant, required (W-DIS5). Absent: false.
   */
  federal?: boolean;
}

export interface ProjectStartOptions {
  /** The Entry's forms; absent: projectStartForms(input), the provider's variant. */
  forms?: readonly FormDefinition[];
  picklists?: PicklistRegistry;
}

/** Where an issue belongs on the screen. */
export type IssueTarget =
  | { kind: 'projectStartDate' }
  | { kind: 'caseManagerStartDate' }
  | { kind: 'enrollmentCoc' }
  | { kind: 'cls'; memberKey: string; field: StartClsField }
  | { kind: 'member'; memberKey: string; field: MemberField }
  | { kind: 'answer'; memberKey: string; fieldId: string };

export type MemberField =
  | 'relationshipToHoH'
  | 'firstName'
  | 'lastName'
  | 'nameDataQuality'
  | 'dob'
  | 'dobDataQuality'
  /** W-START-5: a quick-created member's other universal data elements. */
  | 'ssn'
  | 'ssnDataQuality'
  | 'race'
  | 'sex'
  | 'veteranStatus'
  /** W-ROI-7: the member's HMIS Release of Information. */
  | 'roiChoice'
  | 'roiDate'
  | 'roiMethod';

export interface ProjectStartIssue {
  target: IssueTarget;
  message: string;
}

export interface ProjectStartCheck {
  /** Block saving. */
  errors: ProjectStartIssue[];
  /** Shown, never blocking (e.g. a relationship recorded as "Data not collected"). */
  warnings: ProjectStartIssue[];
}

// ---- defaults --------------------------------------------------------------------------------

/** What the screen keeps while the case manager types (stored as a draft). */
export interface ProjectStartDraft {
  projectStartDate: string;
  /** null: the same as the project start date. */
  caseManagerStartDate: string | null;
  members: DraftMember[];
  /** 3.16 chosen on the screen; absent/null: the project's first CoC. */
  enrollmentCoc?: string | null;
  /** W-START-6: the step on screen ('household', a member's key, 'review'); absent: household. */
  step?: string;
}

export interface DraftMember {
  key: string;
  clientId: string;
  newClient: NewMemberDetails | null;
  relationshipToHoH: number | null;
  answers: Record<string, AnswerValue>;
  /** Absent in drafts saved before 4.12 was asked at project start. */
  cls?: StartClsAnswers;
  /** W-ROI-7: the Release of Information given on the screen (absent: none yet). */
  roiAnswer?: RoiAnswer;
}

/** The screen's starting point: today, and the client whose page it is as head of household. */
export function initialProjectStartDraft(clientId: string, today: string): ProjectStartDraft {
  return {
    projectStartDate: today,
    caseManagerStartDate: null,
    members: [
      {
        key: clientId,
        clientId,
        newClient: null,
        relationshipToHoH: HEAD_OF_HOUSEHOLD,
        answers: {},
      },
    ],
  };
}

export function emptyNewMember(): NewMemberDetails {
  return { firstName: '', lastName: '', nameDataQuality: null, dob: '', dobDataQuality: null };
}

/** A quick-created member's name as typed ("" when none yet). */
export function newMemberName(details: NewMemberDetails): string {
  return `${details.firstName.trim()} ${details.lastName.trim()}`.trim();
}

/** The head of household first, then the others in the order they were added. */
export function headFirst<M extends { relationshipToHoH: number | null }>(
  members: readonly M[],
): M[] {
  const head = members.findIndex((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  if (head <= 0) return [...members];
  return [members[head]!, ...members.slice(0, head), ...members.slice(head + 1)];
}

// ---- the forms ---------------------------------------------------------------------------------

/**
 * The Entry's forms as the provider uses them (W-DIS5): formsForFunding(FORMS, federal), unless
 * `options.forms` says otherwise. One stable array per variant, so screens index it once.
 */
export function projectStartForms(
  input: Pick<ProjectStartInput, 'federal'>,
  options: Pick<ProjectStartOptions, 'forms'> = {},
): readonly FormDefinition[] {
  return options.forms ?? formsForFunding(FORMS, input.federal === true);
}

// ---- who the member is -------------------------------------------------------------------------

export function memberDob(member: Pick<ProjectStartMember, 'newClient' | 'dob'>): string | null {
  if (member.newClient) return member.newClient.dob.trim() === '' ? null : member.newClient.dob;
  return member.dob;
}

/** The form context of a member's Entry assessment (their age on the project start date). */
export function memberFormContext(
  member: Pick<ProjectStartMember, 'newClient' | 'dob' | 'relationshipToHoH'>,
  input: Pick<ProjectStartInput, 'projectType' | 'projectStartDate' | 'today'>,
): FormContext {
  return assessmentFormContext({
    relationshipToHoH: member.relationshipToHoH,
    dob: memberDob(member),
    on: input.projectStartDate || input.today,
    projectType: input.projectType,
    today: input.today,
  });
}

/** The answers a member's Entry assessment saves: those asked of them, empty ones left out. */
export function entryAnswersToSave(
  member: ProjectStartMember,
  input: ProjectStartInput,
  forms: readonly FormDefinition[] = projectStartForms(input),
): Record<string, AnswerValue> {
  const asked = askedAnswers(forms, ENTRY_STAGE, member.answers, memberFormContext(member, input));
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(asked)) if (!isEmptyAnswer(value)) out[id] = value;
  return out;
}

/**
 * The required Entry answers still empty or "doesn't know" for the member, in form order. With a
 * federal funder this includes 4.05–4.10, whose empty ones block (disabilityRequiredErrors).
 */
export function missingEntryAnswers(
  member: ProjectStartMember,
  input: ProjectStartInput,
  forms: readonly FormDefinition[] = projectStartForms(input),
): MissingField[] {
  return missingFields(
    forms,
    ENTRY_STAGE,
    entryAnswersToSave(member, input, forms),
    memberFormContext(member, input),
  );
}

/**
 * How many required Entry answers are still empty or "doesn't know" for the member and can wait
 * for the backfill (never blocking): with a federal funder, the unanswered 4.05–4.10 questions are
 * left out, since they block saving (W-DIS5, disabilityRequiredErrors).
 */
export function missingEntryAnswerCount(
  member: ProjectStartMember,
  input: ProjectStartInput,
  forms: readonly FormDefinition[] = projectStartForms(input),
): number {
  return missingEntryAnswers(member, input, forms).filter(
    (m) => !(m.formId === DISABILITIES_FORM_ID && m.reason === 'empty'),
  ).length;
}
