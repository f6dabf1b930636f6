// Adding a member to an open household (W-HH-1 … W-HH-3, W-ROI-9); see household-members.ts.
import { DATA_NOT_COLLECTED, HEAD_OF_HOUSEHOLD } from '../codes';
import type { Answers, FormDefinition } from '../forms';
import { newId, singletonAssessmentId, type Roi } from '../records';
import { formatDate, validateEnrollmentDates } from '../validation';
import { newAssignmentChange, type RecordChange } from './case-managers';
import { dobAfterStartMessage } from './dob-rules';
import {
  ENTRY_STAGE,
  caseManagerStartIssues,
  dateProblem,
  disabilityRequiredErrors,
  disablingConditionWarnings,
  entryAnswerErrors,
  entryAnswersToSave,
  memberDob,
  projectStartForms,
  newClientFields,
  validateNewMember,
  type NewMemberDetails,
  type ProjectStartCheck,
  type ProjectStartInput,
  type ProjectStartIssue,
  type ProjectStartMember,
  type ProjectStartOptions,
} from './project-start';
import {
  asksStartCls,
  emptyStartCls,
  startClsChange,
  startClsIssues,
  type StartClsAnswers,
} from './start-cls';
import {
  asksStartRoi,
  startRoiIssues,
  startRoiPatches,
  startRoiRecords,
} from './project-start-roi';
import { emptyRoiAnswer, type RoiAnswer } from './roi';
import {
  householdProblem,
  summarizeHousehold,
  type HouseholdEnrollment,
} from './household-members';

/** The add-a-member screen's input while the case manager types (stored as a draft). */
export interface AddMemberDraft {
  /** The chosen client (existing or quick-created); null until chosen. */
  clientId: string | null;
  /** Set for a person quick-created on the screen. */
  newClient: NewMemberDetails | null;
  projectStartDate: string;
  relationshipToHoH: number | null;
  answers: Answers;
  cls: StartClsAnswers;
  /** null: the same as the member's project start date. */
  caseManagerStartDate: string | null;
  /** W-ROI-9: the Release of Information given on the screen (absent in older drafts). */
  roi?: RoiAnswer;
}

export function initialAddMemberDraft(today: string): AddMemberDraft {
  return {
    clientId: null,
    newClient: null,
    projectStartDate: today,
    relationshipToHoH: null,
    answers: {},
    cls: emptyStartCls(),
    caseManagerStartDate: null,
    roi: emptyRoiAnswer(),
  };
}

export interface AddMemberInput {
  household: readonly HouseholdEnrollment[];
  householdId: string;
  providerId: string;
  projectType: number | null;
  today: string;
  caseManagerId: string;
  /**
   * The person joining: key = clientId; dob of an existing client when known; roi: the ROI on
   * their record on this device (null or absent: none known).
   */
  member: Pick<ProjectStartMember, 'key' | 'clientId' | 'newClient' | 'dob' | 'name' | 'roi'>;
  projectStartDate: string;
  relationshipToHoH: number | null;
  answers: Answers;
  cls: StartClsAnswers;
  caseManagerStartDate: string | null;
  /** W-ROI-9: the Release of Information given on the screen (absent: none). */
  roiAnswer?: RoiAnswer;
  /**
   * The provider has a federal funder: the Entry uses the federal 4.05–4.10 variant, whose
   * unanswered questions block as at project start (W-HH-2, W-DIS5). Absent: false.
   */
  federal?: boolean;
}

/** The joining member in project start's shape, to reuse its Entry assessment rules. */
function asProjectStart(input: AddMemberInput): {
  member: ProjectStartMember;
  start: ProjectStartInput;
} {
  const member: ProjectStartMember = {
    ...input.member,
    relationshipToHoH: input.relationshipToHoH,
    answers: input.answers,
    cls: input.cls,
    roiAnswer: input.roiAnswer,
  };
  return {
    member,
    start: {
      providerId: input.providerId,
      projectType: input.projectType,
      projectStartDate: input.projectStartDate,
      today: input.today,
      caseManagerId: input.caseManagerId,
      caseManagerStartDate: input.caseManagerStartDate,
      members: [member],
      federal: input.federal === true,
    },
  };
}

/**
 * W-ROI-9: whether the screen asks the joining member for their own Release of Information: an
 * adult on their project start date (or the head) with none on record, as W-ROI-7 asks.
 */
export function asksAddMemberRoi(
  input: Pick<AddMemberInput, 'member' | 'relationshipToHoH' | 'projectStartDate' | 'today'>,
): boolean {
  return asksStartRoi({ ...input.member, relationshipToHoH: input.relationshipToHoH }, input);
}

/**
 * W-ROI-9: the Release of Information adding the member records for them (null: none). Their own
 * answer when asked; a child with none on record gets the head of household's recorded one.
 * Project start's rule (W-ROI-7) with the household's head beside the joining member.
 */
export function addMemberRoi(input: AddMemberInput): Roi | null {
  const { member, start } = asProjectStart(input);
  const head = summarizeHousehold(input.household).head;
  const members: ProjectStartMember[] = [member];
  if (head && head.clientId !== member.clientId) {
    members.push({
      key: `head:${head.clientId}`,
      clientId: head.clientId,
      newClient: null,
      dob: head.dob,
      name: head.name,
      relationshipToHoH: HEAD_OF_HOUSEHOLD,
      answers: {},
      roi: head.roi ?? null,
    });
  }
  return startRoiRecords({ ...start, members }).get(member.key) ?? null;
}

const memberTarget = (
  key: string,
  field: 'relationshipToHoH' | 'dob' | 'firstName',
): ProjectStartIssue['target'] => ({ kind: 'member', memberKey: key, field });

/**
 * What blocks adding the member (errors) and what is worth a look (warnings): W-HH-1 an open
 * household with one head; W-HH-2 the start date inside [household start, today] and not before
 * the DOB (W-START-3); W-HH-3 a relationship that is not a second head; the person not already in
 * the household; a quick-created person's name and DOB; the Entry answers' values; 4.12 for an
 * adult (W-START-2).
 */
export function checkAddMember(
  input: AddMemberInput,
  options: ProjectStartOptions = {},
): ProjectStartCheck {
  const errors: ProjectStartIssue[] = [];
  const warnings: ProjectStartIssue[] = [];
  const { member, today, projectStartDate } = input;
  const summary = summarizeHousehold(input.household);

  const problem = householdProblem(input.household);
  if (problem)
    errors.push({ target: memberTarget(member.key, 'relationshipToHoH'), message: problem });

  const already = summary.open.find((m) => m.clientId === member.clientId);
  if (already) {
    errors.push({
      target: memberTarget(member.key, 'relationshipToHoH'),
      message: `${member.name} is already in this household (project start ${formatDate(already.projectStartDate)}).`,
    });
  }

  const startProblem = dateProblem(projectStartDate, 'project start date');
  if (startProblem) {
    errors.push({ target: { kind: 'projectStartDate' }, message: startProblem });
  } else {
    for (const issue of validateEnrollmentDates({ projectStartDate, exitDate: null }, today)) {
      if (issue.severity === 'error')
        errors.push({ target: { kind: 'projectStartDate' }, message: issue.message });
    }
    if (summary.householdStart !== null && projectStartDate < summary.householdStart) {
      errors.push({
        target: { kind: 'projectStartDate' },
        message: `${member.name}'s project start date cannot be before the household's (${formatDate(summary.householdStart)}).`,
      });
    }
    if (!member.newClient) {
      const dob = dobAfterStartMessage(member.dob, projectStartDate, member.name);
      if (dob) errors.push({ target: { kind: 'projectStartDate' }, message: dob });
    }
  }
  if (member.newClient) {
    errors.push(
      ...validateNewMember(
        member.key,
        member.newClient,
        { projectStartDate: startProblem ? today : projectStartDate, today },
        member.name,
      ),
    );
  }

  if (input.relationshipToHoH === null) {
    errors.push({
      target: memberTarget(member.key, 'relationshipToHoH'),
      message: `Choose how ${member.name} is related to the head of household.`,
    });
  } else if (input.relationshipToHoH === HEAD_OF_HOUSEHOLD) {
    errors.push({
      target: memberTarget(member.key, 'relationshipToHoH'),
      message: `${summary.head?.name ?? 'Someone'} is the head of household, and a household has exactly one. Choose ${member.name}'s relationship to them, or use "Change the head of household".`,
    });
  } else if (input.relationshipToHoH === DATA_NOT_COLLECTED) {
    warnings.push({
      target: memberTarget(member.key, 'relationshipToHoH'),
      message: `${member.name}'s relationship to the head of household is "Data not collected" (Eva 4).`,
    });
  }

  errors.push(
    ...caseManagerStartIssues(
      input.caseManagerStartDate,
      startProblem ? null : projectStartDate,
      today,
    ),
  );
  const { member: asMember, start } = asProjectStart(input);
  errors.push(...entryAnswerErrors(asMember, start, options));
  // HUD asks 4.05–4.10 at entry of everyone who joins, not only at the household's start.
  errors.push(...disabilityRequiredErrors(asMember, start, options));
  warnings.push(...disablingConditionWarnings(asMember, start, options));

  // W-ROI-9: a partial Release of Information blocks; none (when asked) only warns.
  const roiIssues = startRoiIssues({
    members: [asMember],
    projectStartDate: startProblem ? today : projectStartDate,
    today,
  });
  errors.push(...roiIssues.errors);
  warnings.push(...roiIssues.warnings);

  const clsDate = startProblem ? today : projectStartDate;
  // A joining member is never the head: 4.12 is asked when they are an adult.
  if (asksStartCls({ relationshipToHoH: null, dob: memberDob(asMember) }, clsDate)) {
    for (const issue of startClsIssues(input.cls, {
      name: member.name,
      startDate: clsDate,
      projectType: input.projectType,
      today,
    })) {
      (issue.severity === 'error' ? errors : warnings).push({
        target: { kind: 'cls', memberKey: member.key, field: issue.field },
        message: issue.message,
      });
    }
  }
  return { errors, warnings };
}

/** The changes of adding the member (check with checkAddMember first). */
export function buildAddMemberChanges(
  input: AddMemberInput,
  options: ProjectStartOptions & { makeId?: () => string } = {},
): { changes: RecordChange[]; enrollmentId: string } {
  if (input.relationshipToHoH === HEAD_OF_HOUSEHOLD)
    throw new Error('A member added to a household cannot be a second head of household.');
  const makeId = options.makeId ?? newId;
  const forms: readonly FormDefinition[] = projectStartForms({ federal: input.federal }, options);
  const { member, start } = asProjectStart(input);
  const enrollmentId = makeId();
  const changes: RecordChange[] = [];
  const roi = addMemberRoi(input);
  if (member.newClient) {
    const fields = newClientFields(member.newClient);
    changes.push({
      type: 'client',
      id: member.clientId,
      op: 'create',
      fields: roi ? { ...fields, roi } : fields,
    });
  }
  changes.push({
    type: 'enrollment',
    id: enrollmentId,
    op: 'create',
    fields: {
      clientId: member.clientId,
      providerId: input.providerId,
      householdId: input.householdId,
      relationshipToHoH: input.relationshipToHoH ?? DATA_NOT_COLLECTED,
      projectStartDate: input.projectStartDate,
      entryType: 'basic',
      exitDate: null,
      exitReason: null,
      destination: null,
      destinationSubsidyType: null,
      enrollmentCoc: null,
    },
  });
  const answerFields: RecordChange['fields'] = {};
  for (const [id, value] of Object.entries(entryAnswersToSave(member, start, forms)))
    answerFields[`answers.${id}`] = value;
  changes.push({
    type: 'assessment',
    id: singletonAssessmentId(enrollmentId, ENTRY_STAGE),
    op: 'create',
    fields: {
      enrollmentId,
      clientId: member.clientId,
      dataCollectionStage: ENTRY_STAGE,
      informationDate: input.projectStartDate,
      ...answerFields,
    },
  });
  changes.push(
    newAssignmentChange(
      enrollmentId,
      input.caseManagerId,
      input.caseManagerStartDate ?? input.projectStartDate,
      makeId(),
    ),
  );
  if (asksStartCls({ relationshipToHoH: null, dob: memberDob(member) }, input.projectStartDate)) {
    const cls = startClsChange(
      input.cls,
      {
        id: makeId(),
        enrollmentId,
        clientId: member.clientId,
        startDate: input.projectStartDate,
      },
      input.projectType,
    );
    if (cls) changes.push(cls);
  }
  // An existing client's ROI is a patch after the enrollment (W-ROI-7), which brings a client
  // found on the server into the provider's caseload.
  if (roi) changes.push(...startRoiPatches(start, new Map([[member.key, roi]])));
  return { changes, enrollmentId };
}
