// The records of one project start save (see project-start.ts for the list, in order): quick-
// created clients, then per member (head of household first) the enrollment, its Entry assessment
// with only the asked answers, the Case Managers tab entry and, for the head of household and
// adults, the 4.12 on the start date. Part of project-start.ts.
import { DATA_NOT_COLLECTED, FULL_REPORTED, HEAD_OF_HOUSEHOLD, PARTIAL_REPORTED } from '../codes';
import { newId, singletonAssessmentId } from '../records';
import { newAssignmentChange, type RecordChange } from './case-managers';
import { cleanSsn } from './client-form';
import { effectiveEnrollmentCoc } from './enrollment-coc';
import {
  ENTRY_STAGE,
  entryAnswersToSave,
  headFirst,
  memberDob,
  projectStartForms,
  type NewMemberDetails,
  type ProjectStartInput,
  type ProjectStartOptions,
} from './project-start';
import { startRoiPatches, startRoiRecords } from './project-start-roi';
import { asksStartCls, startClsChange } from './start-cls';

/**
 * The fields of a quick-created client: what the screen asked (W-START-5), every universal data
 * element not given saved as not collected (99), never as an answer.
 */
export function newClientFields(details: NewMemberDetails): RecordChange['fields'] {
  const first = details.firstName.trim();
  const last = details.lastName.trim();
  const dob = details.dob.trim();
  const ssn = cleanSsn(details.ssn ?? '');
  const race = [...(details.race ?? [])];
  return {
    firstName: first === '' ? null : first,
    middleName: null,
    lastName: last === '' ? null : last,
    nameSuffix: null,
    nameDataQuality: details.nameDataQuality ?? DATA_NOT_COLLECTED,
    ssn: ssn === '' ? null : ssn,
    // An SSN typed without its quality: full, or partial with x for unknown digits.
    ssnDataQuality:
      details.ssnDataQuality ??
      (ssn === '' ? DATA_NOT_COLLECTED : ssn.includes('x') ? PARTIAL_REPORTED : FULL_REPORTED),
    dob: dob === '' ? null : dob,
    dobDataQuality: details.dobDataQuality ?? DATA_NOT_COLLECTED,
    race,
    raceNone: race.length > 0 ? null : (details.raceNone ?? DATA_NOT_COLLECTED),
    additionalRaceEthnicity: null,
    sex: details.sex ?? null,
    veteranStatus: details.veteranStatus ?? DATA_NOT_COLLECTED,
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
  const forms = projectStartForms(input, options);
  const heads = input.members.filter((m) => m.relationshipToHoH === HEAD_OF_HOUSEHOLD);
  if (heads.length !== 1) throw new Error('A project start needs exactly one head of household.');
  const householdId = makeId();
  const caseManagerStart = input.caseManagerStartDate ?? input.projectStartDate;
  const changes: RecordChange[] = [];
  const enrollmentIds: Record<string, string> = {};
  const rois = startRoiRecords(input);

  for (const m of input.members) {
    if (m.newClient) {
      const roi = rois.get(m.key);
      changes.push({
        type: 'client',
        id: m.clientId,
        op: 'create',
        fields: roi ? { ...newClientFields(m.newClient), roi } : newClientFields(m.newClient),
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
  changes.push(...startRoiPatches(input, rois));
  return {
    changes,
    householdId,
    headEnrollmentId: enrollmentIds[heads[0]!.key]!,
    enrollmentIds,
  };
}
