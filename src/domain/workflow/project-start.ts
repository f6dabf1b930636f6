// Project start (Hennepin "Entry"): a household starts with a provider. What the screen asks,
// what blocks saving, and the records one save creates.
//
// Records (one save, in this order):
//  - a client create for each member quick-created on the screen (name, DOB and their data
//    quality; the other universal data elements are "not collected" until the profile is
//    completed: SSN quality 99, race none 99, veteran status 99);
//  - for each member: an enrollment (one new HouseholdID for all, the provider, the relationship to
//    the head of household, the project start date, entry type "basic", no exit), its Entry
//    assessment under singletonAssessmentId(enrollmentId, 1) (stage 1, information date = project
//    start, only the answers asked of that member), and a Case Managers tab entry for the
//    signed-in case manager. Hennepin assigns a case manager to the household, so every member's
//    enrollment gets one, all from the same start date (the project start unless changed).
//
// What blocks saving: the dates (project start not in the future, a real date; the case manager's
// start inside [project start, today]), the household (exactly one head of household, a
// relationship for everyone), a quick-created member's name and DOB with their data quality, and
// answers with invalid values. Missing answers never block: case managers backfill them later and
// the enrollment screen lists what is still missing.
import {
  DEFAULT_PICKLIST_REGISTRY,
  FORMS,
  askedAnswers,
  checkAnswers,
  isEmptyAnswer,
  missingFields,
  type AnswerValue,
  type Answers,
  type FormContext,
  type FormDefinition,
  type PicklistRegistry,
} from '../forms';
import {
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
  FULL_REPORTED,
  HEAD_OF_HOUSEHOLD,
  PARTIAL_REPORTED,
} from '../codes';
import { localDateSchema, newId, singletonAssessmentId } from '../records';
import {
  formatDate,
  validateEnrollmentDates,
  validateHeadOfHousehold,
  validateIncome,
} from '../validation';
import { newAssignmentChange, type RecordChange } from './case-managers';
import { assessmentFormContext } from './form-context';

export type { RecordChange } from './case-managers';

/** The stage of the Entry assessment. */
export const ENTRY_STAGE = 1;

const MISSING_DATA: readonly number[] = [
  CLIENT_DOESNT_KNOW,
  CLIENT_PREFERS_NOT_TO_ANSWER,
  DATA_NOT_COLLECTED,
];

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
}

export interface ProjectStartOptions {
  forms?: readonly FormDefinition[];
  picklists?: PicklistRegistry;
}

/** Where an issue belongs on the screen. */
export type IssueTarget =
  | { kind: 'projectStartDate' }
  | { kind: 'caseManagerStartDate' }
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
}

export interface DraftMember {
  key: string;
  clientId: string;
  newClient: NewMemberDetails | null;
  relationshipToHoH: number | null;
  answers: Record<string, AnswerValue>;
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

// ---- checks ----------------------------------------------------------------------------------

function dateProblem(value: string, what: string): string | null {
  if (value.trim() === '') return `Enter the ${what}.`;
  return localDateSchema.safeParse(value).success
    ? null
    : `The ${what} is not a real date. Use the date picker or write it as YYYY-MM-DD.`;
}

function memberIssue(memberKey: string, field: MemberField, message: string): ProjectStartIssue {
  return { target: { kind: 'member', memberKey, field }, message };
}

/** A quick-created member's name, DOB and their data quality. */
export function validateNewMember(
  key: string,
  details: NewMemberDetails,
  context: { projectStartDate: string; today: string },
  label = 'the new member',
): ProjectStartIssue[] {
  const issues: ProjectStartIssue[] = [];
  const first = details.firstName.trim();
  const last = details.lastName.trim();
  const nameQuality = details.nameDataQuality;
  if (first.length > 50)
    issues.push(memberIssue(key, 'firstName', 'A first name has at most 50 characters.'));
  if (last.length > 50)
    issues.push(memberIssue(key, 'lastName', 'A last name has at most 50 characters.'));
  if (nameQuality === null) {
    issues.push(memberIssue(key, 'nameDataQuality', `Choose the name data quality for ${label}.`));
  } else if (first === '' && last === '' && !MISSING_DATA.includes(nameQuality)) {
    issues.push(
      memberIssue(
        key,
        'firstName',
        `Enter a first or last name for ${label}, or choose "Client doesn't know" or "Client prefers not to answer" as the name data quality.`,
      ),
    );
  } else if ((first !== '' || last !== '') && MISSING_DATA.includes(nameQuality)) {
    issues.push(
      memberIssue(
        key,
        'nameDataQuality',
        `A name is entered for ${label}: choose "Full name reported" or "Partial, street name, or code name reported".`,
      ),
    );
  }

  const dob = details.dob.trim();
  const dobQuality = details.dobDataQuality;
  if (dob !== '') {
    const bad = dateProblem(dob, 'date of birth');
    if (bad) issues.push(memberIssue(key, 'dob', bad));
    else if (dob > context.today) {
      issues.push(memberIssue(key, 'dob', `The date of birth of ${label} is in the future.`));
    } else if (
      localDateSchema.safeParse(context.projectStartDate).success &&
      dob > context.projectStartDate
    ) {
      issues.push(
        memberIssue(
          key,
          'dob',
          `The date of birth of ${label} (${formatDate(dob)}) is after the project start date (${formatDate(context.projectStartDate)}).`,
        ),
      );
    }
  }
  if (dobQuality === null) {
    issues.push(
      memberIssue(key, 'dobDataQuality', `Choose the date of birth data quality for ${label}.`),
    );
  } else if (dob === '' && (dobQuality === FULL_REPORTED || dobQuality === PARTIAL_REPORTED)) {
    issues.push(
      memberIssue(
        key,
        'dob',
        `Enter the date of birth of ${label}, or choose "Client doesn't know" or "Client prefers not to answer" as its data quality.`,
      ),
    );
  } else if (dob !== '' && MISSING_DATA.includes(dobQuality)) {
    issues.push(
      memberIssue(
        key,
        'dobDataQuality',
        `A date of birth is entered for ${label}: choose "Full DOB reported" or "Approximate or partial DOB reported".`,
      ),
    );
  }
  return issues;
}

/** Problems with a member's Entry answers that block saving (invalid values; never missing ones). */
export function entryAnswerErrors(
  member: ProjectStartMember,
  input: ProjectStartInput,
  options: ProjectStartOptions = {},
): ProjectStartIssue[] {
  const forms = options.forms ?? FORMS;
  const answers = entryAnswersToSave(member, input, forms);
  const issues = checkAnswers(
    forms,
    ENTRY_STAGE,
    answers,
    options.picklists ?? DEFAULT_PICKLIST_REGISTRY,
    { context: memberFormContext(member, input), allowIncomplete: true },
  ).map((i): ProjectStartIssue => ({
    target: { kind: 'answer', memberKey: member.key, fieldId: i.field },
    message: i.message,
  }));
  // A total that contradicts the amounts is a wrong value, not a missing one.
  if (typeof answers.totalMonthlyIncome === 'number') {
    for (const i of validateIncome(answers)) {
      if (i.severity === 'error' && i.field === 'totalMonthlyIncome') {
        issues.push({
          target: { kind: 'answer', memberKey: member.key, fieldId: i.field },
          message: i.message,
        });
      }
    }
  }
  return issues;
}

/**
 * The household rules: everyone in it once, a relationship for everyone, exactly one head of
 * household (src/domain/validation/household.ts). "Data not collected" is a warning.
 */
export function checkHousehold(
  members: readonly Pick<ProjectStartMember, 'key' | 'clientId' | 'name' | 'relationshipToHoH'>[],
): ProjectStartCheck {
  const errors: ProjectStartIssue[] = [];
  const warnings: ProjectStartIssue[] = [];
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.clientId)) {
      errors.push(memberIssue(m.key, 'relationshipToHoH', `${m.name} is in the household twice.`));
    }
    seen.add(m.clientId);
    if (m.relationshipToHoH === null) {
      errors.push(
        memberIssue(
          m.key,
          'relationshipToHoH',
          `Choose how ${m.name} is related to the head of household.`,
        ),
      );
    }
  }
  const clientNames: Record<string, string> = {};
  for (const m of members) clientNames[m.clientId] = m.name;
  const issues = validateHeadOfHousehold(
    members.map((m) => ({
      id: m.key,
      clientId: m.clientId,
      householdId: 'new',
      // A member not chosen yet is reported above; 0 is neither head nor "not collected".
      relationshipToHoH: m.relationshipToHoH ?? 0,
      exitDate: null,
    })),
    { clientNames },
  );
  for (const issue of issues) {
    const key = issue.recordId ?? members[0]?.key ?? '';
    (issue.severity === 'error' ? errors : warnings).push(
      memberIssue(key, 'relationshipToHoH', issue.message),
    );
  }
  return { errors, warnings };
}

/** Everything that blocks saving (errors) and what is only worth a look (warnings). */
export function checkProjectStart(
  input: ProjectStartInput,
  options: ProjectStartOptions = {},
): ProjectStartCheck {
  const errors: ProjectStartIssue[] = [];
  const warnings: ProjectStartIssue[] = [];
  const { projectStartDate, today } = input;

  const startProblem = dateProblem(projectStartDate, 'project start date');
  if (startProblem) {
    errors.push({ target: { kind: 'projectStartDate' }, message: startProblem });
  } else {
    for (const issue of validateEnrollmentDates({ projectStartDate, exitDate: null }, today)) {
      if (issue.severity === 'error')
        errors.push({ target: { kind: 'projectStartDate' }, message: issue.message });
    }
  }

  if (input.caseManagerStartDate !== null) {
    const cm = input.caseManagerStartDate;
    const bad = dateProblem(cm, 'case manager start date');
    if (bad) errors.push({ target: { kind: 'caseManagerStartDate' }, message: bad });
    else if (!startProblem && cm < projectStartDate) {
      errors.push({
        target: { kind: 'caseManagerStartDate' },
        message: `The case manager start date cannot be before the project start date (${formatDate(projectStartDate)}).`,
      });
    } else if (cm > today) {
      errors.push({
        target: { kind: 'caseManagerStartDate' },
        message: `The case manager start date cannot be in the future (today is ${formatDate(today)}).`,
      });
    }
  }

  const household = checkHousehold(input.members);
  errors.push(...household.errors);
  warnings.push(...household.warnings);

  // Quick-created members, then answers.
  const context = { projectStartDate: startProblem ? today : projectStartDate, today };
  for (const m of input.members) {
    if (m.newClient) errors.push(...validateNewMember(m.key, m.newClient, context, m.name));
  }
  for (const m of input.members) errors.push(...entryAnswerErrors(m, input, options));
  return { errors, warnings };
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
  }
  return {
    changes,
    householdId,
    headEnrollmentId: enrollmentIds[heads[0]!.key]!,
    enrollmentIds,
  };
}
