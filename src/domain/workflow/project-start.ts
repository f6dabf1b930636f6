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
//    start date (W-START-2, start-cls.ts).
//
// What blocks saving: the dates (project start not in the future, a real date; the case manager's
// start inside [project start, today]), the household (exactly one head of household, a
// relationship for everyone), a quick-created member's name and DOB with their data quality, any
// member's DOB after the project start (W-START-3, Eva 84), the Current Living Situation of the
// head of household and adults, an Enrollment CoC that is not the project's, and answers with
// invalid values. A project without a CoC only warns (Eva 27). Missing answers never block: case
// managers backfill them later and the enrollment screen lists what is still missing. The checks
// are in project-start-checks.ts.
import {
  FORMS,
  askedAnswers,
  isEmptyAnswer,
  missingFields,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type PicklistRegistry,
} from '../forms';
import { DATA_NOT_COLLECTED, HEAD_OF_HOUSEHOLD } from '../codes';
import { newId, singletonAssessmentId } from '../records';
import { newAssignmentChange, type RecordChange } from './case-managers';
import { effectiveEnrollmentCoc } from './enrollment-coc';
import { assessmentFormContext } from './form-context';
import {
  asksStartCls,
  startClsChange,
  type StartClsAnswers,
  type StartClsField,
} from './start-cls';

export type { RecordChange } from './case-managers';
export * from './project-start-checks';

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
}

export interface ProjectStartOptions {
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
  'relationshipToHoH' | 'firstName' | 'lastName' | 'nameDataQuality' | 'dob' | 'dobDataQuality';

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
}

export interface DraftMember {
  key: string;
  clientId: string;
  newClient: NewMemberDetails | null;
  relationshipToHoH: number | null;
  answers: Record<string, AnswerValue>;
  /** Absent in drafts saved before 4.12 was asked at project start. */
  cls?: StartClsAnswers;
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
  forms: readonly FormDefinition[] = FORMS,
): Record<string, AnswerValue> {
  const asked = askedAnswers(forms, ENTRY_STAGE, member.answers, memberFormContext(member, input));
  const out: Record<string, AnswerValue> = {};
  for (const [id, value] of Object.entries(asked)) if (!isEmptyAnswer(value)) out[id] = value;
  return out;
}

/** How many required Entry answers are still empty or "doesn't know" for the member (never blocking). */
export function missingEntryAnswerCount(
  member: ProjectStartMember,
  input: ProjectStartInput,
  forms: readonly FormDefinition[] = FORMS,
): number {
  return missingFields(
    forms,
    ENTRY_STAGE,
    entryAnswersToSave(member, input, forms),
    memberFormContext(member, input),
  ).length;
}

// ---- the records -----------------------------------------------------------------------------

/** The fields of a quick-created client (other universal data elements: not collected yet). */
export function newClientFields(details: NewMemberDetails): RecordChange['fields'] {
  const first = details.firstName.trim();
  const last = details.lastName.trim();
  const dob = details.dob.trim();
  return {
    firstName: first === '' ? null : first,
    middleName: null,
    lastName: last === '' ? null : last,
    nameSuffix: null,
    nameDataQuality: details.nameDataQuality ?? DATA_NOT_COLLECTED,
    ssn: null,
    ssnDataQuality: DATA_NOT_COLLECTED,
    dob: dob === '' ? null : dob,
    dobDataQuality: details.dobDataQuality ?? DATA_NOT_COLLECTED,
    race: [],
    raceNone: DATA_NOT_COLLECTED,
    additionalRaceEthnicity: null,
    sex: null,
    veteranStatus: DATA_NOT_COLLECTED,
    phone: null,
    email: null,
    address: null,
  };
}

export interface ProjectStartRecords {
  changes: RecordChange[];
  householdId: string;
  headEnrollmentId: string;
  /** Enrollment id by member key. */
  enrollmentIds: Record<string, string>;
}

/**
 * The changes of one project start save. Check the input with checkProjectStart first: this
 * throws when there is not exactly one head of household.
 */
export function buildProjectStartChanges(
  input: ProjectStartInput,
  options: ProjectStartOptions & { makeId?: () => string } = {},
): ProjectStartRecords {
  const makeId = options.makeId ?? newId;
  const forms = options.forms ?? FORMS;
  const heads = input.members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  if (heads.length !== 1) throw new Error('A project start needs exactly one head of household.');
  const householdId = makeId();
  const caseManagerStart = input.caseManagerStartDate ?? input.projectStartDate;
  const changes: RecordChange[] = [];
  const enrollmentIds: Record<string, string> = {};

  for (const m of input.members) {
    if (m.newClient) {
      changes.push({
        type: 'client',
        id: m.clientId,
        op: 'create',
        fields: newClientFields(m.newClient),
      });
    }
  }
  for (const m of headFirst(input.members)) {
    const enrollmentId = makeId();
    enrollmentIds[m.key] = enrollmentId;
    changes.push({
      type: 'enrollment',
      id: enrollmentId,
      op: 'create',
      fields: {
        clientId: m.clientId,
        providerId: input.providerId,
        householdId,
        relationshipToHoH: m.relationshipToHoH ?? DATA_NOT_COLLECTED,
        projectStartDate: input.projectStartDate,
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
        enrollmentCoc:
          m.relationshipToHoH === HEAD_OF_HOUSEHOLD
            ? effectiveEnrollmentCoc(input.enrollmentCoc, input.cocOptions ?? [])
            : null,
      },
    });
    const answers = entryAnswersToSave(m, input, forms);
    const answerFields: RecordChange['fields'] = {};
    for (const [id, value] of Object.entries(answers)) answerFields[`answers.${id}`] = value;
    changes.push({
      type: 'assessment',
      id: singletonAssessmentId(enrollmentId, ENTRY_STAGE),
      op: 'create',
      fields: {
        enrollmentId,
        clientId: m.clientId,
        dataCollectionStage: ENTRY_STAGE,
        informationDate: input.projectStartDate,
        ...answerFields,
      },
    });
    changes.push(
      newAssignmentChange(enrollmentId, input.caseManagerId, caseManagerStart, makeId()),
    );
    if (m.cls && asksStartCls({ ...m, dob: memberDob(m) }, input.projectStartDate)) {
      const cls = startClsChange(
        m.cls,
        { id: makeId(), enrollmentId, clientId: m.clientId, startDate: input.projectStartDate },
        input.projectType,
      );
      if (cls) changes.push(cls);
    }
  }
  return {
    changes,
    householdId,
    headEnrollmentId: enrollmentIds[heads[0]!.key]!,
    enrollmentIds,
  };
}
