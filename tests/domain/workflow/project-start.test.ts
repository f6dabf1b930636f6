// Project start: what blocks saving (dates, household, quick-created members, invalid answers;
// never missing answers) and the records one save creates. Synthetic people only.
import { describe, expect, it } from 'vitest';
import { singletonAssessmentId, RECORD_SCHEMAS } from '../../../src/domain/records';
import { unflattenFields } from '../../../src/domain/merge';
import {
  buildProjectStartChanges,
  checkHousehold,
  checkProjectStart,
  emptyNewMember,
  entryAnswersToSave,
  headFirst,
  initialProjectStartDraft,
  memberFormContext,
  missingEntryAnswerCount,
  newClientFields,
  validateNewMember,
  type ProjectStartInput,
  type ProjectStartMember,
} from '../../../src/domain/workflow/project-start';
import { ageOn, isAdultOn } from '../../../src/domain/workflow/form-context';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';

const TODAY = '2026-03-10';
const PROVIDER = '0'.repeat(31) + 'a';
const CASE_MANAGER = '0'.repeat(31) + 'c';
const id = (n: number) => n.toString(16).padStart(32, '0');

function member(overrides: Partial<ProjectStartMember> = {}): ProjectStartMember {
  return {
    key: id(1),
    clientId: id(1),
    newClient: null,
    dob: '1990-05-17',
    name: 'Robin Testperson',
    relationshipToHoH: 1,
    answers: {},
    cls: { ...emptyStartCls(), currentLivingSituation: 116 },
    ...overrides,
  };
}

function input(overrides: Partial<ProjectStartInput> = {}): ProjectStartInput {
  return {
    providerId: PROVIDER,
    projectType: 6,
    projectStartDate: '2026-03-02',
    today: TODAY,
    caseManagerId: CASE_MANAGER,
    caseManagerStartDate: null,
    members: [member()],
    ...overrides,
  };
}

function sequentialIds() {
  let n = 100;
  return () => id((n += 1));
}

const child = member({
  key: id(2),
  clientId: id(2),
  dob: '2018-01-09',
  name: 'Sky Testperson',
  relationshipToHoH: 2,
});
const newPartner = member({
  key: id(3),
  clientId: id(3),
  dob: null,
  name: 'Alex Sample',
  relationshipToHoH: 3,
  newClient: {
    firstName: 'Alex',
    lastName: 'Sample',
    nameDataQuality: 1,
    dob: '1988-11-30',
    dobDataQuality: 2,
  },
});

describe('defaults', () => {
  it('starts today with the page client as head of household', () => {
    expect(initialProjectStartDraft(id(1), TODAY)).toEqual({
      projectStartDate: TODAY,
      caseManagerStartDate: null,
      members: [
        { key: id(1), clientId: id(1), newClient: null, relationshipToHoH: 1, answers: {} },
      ],
    });
  });

  it('counts ages on the project start date; an unknown DOB counts as an adult', () => {
    expect(ageOn('2008-03-02', '2026-03-02')).toBe(18);
    expect(ageOn('2008-03-03', '2026-03-02')).toBe(17);
    expect(isAdultOn('2008-03-03', '2026-03-02')).toBe(false);
    expect(isAdultOn(null, '2026-03-02')).toBe(true);
    expect(isAdultOn('not a date', '2026-03-02')).toBe(true);
  });

  it('puts the head of household first', () => {
    expect(headFirst([child, member()]).map((m) => m.key)).toEqual([id(1), id(2)]);
  });

  it('gives each member the form context of their role and age', () => {
    expect(memberFormContext(child, input())).toEqual({
      projectType: 6,
      subject: { isHeadOfHousehold: false, isAdult: false },
      today: TODAY,
    });
    expect(memberFormContext(newPartner, input()).subject).toEqual({
      isHeadOfHousehold: false,
      isAdult: true,
    });
  });
});

describe('checkProjectStart', () => {
  it('accepts a household with nothing answered: missing answers never block', () => {
    const i = input({ members: [member(), child, newPartner] });
    expect(checkProjectStart(i).errors).toEqual([]);
    expect(missingEntryAnswerCount(member(), i)).toBeGreaterThan(5);
  });

  it('rejects a project start date in the future or not a date', () => {
    const future = checkProjectStart(input({ projectStartDate: '2026-03-11' })).errors;
    expect(future).toEqual([
      {
        target: { kind: 'projectStartDate' },
        message: expect.stringContaining('is in the future'),
      },
    ]);
    expect(checkProjectStart(input({ projectStartDate: '' })).errors[0]?.message).toBe(
      'Enter the project start date.',
    );
    expect(checkProjectStart(input({ projectStartDate: '2026-02-30' })).errors[0]?.message).toMatch(
      /not a real date/,
    );
  });

  it('needs exactly one head of household', () => {
    const two = checkProjectStart(
      input({ members: [member(), { ...child, relationshipToHoH: 1 }] }),
    ).errors;
    expect(two).toHaveLength(2);
    expect(two[0]!.message).toMatch(/2 heads of household \(Robin Testperson and Sky Testperson\)/);
    expect(two.map((e) => e.target)).toEqual([
      { kind: 'member', memberKey: id(1), field: 'relationshipToHoH' },
      { kind: 'member', memberKey: id(2), field: 'relationshipToHoH' },
    ]);

    const none = checkProjectStart(
      input({ members: [{ ...member(), relationshipToHoH: 3 }, child] }),
    ).errors;
    expect(none.map((e) => e.message)).toEqual([
      'This household has no head of household. Mark one member as "Self (head of household)".',
    ]);
  });

  it('asks for every relationship, and warns about "Data not collected"', () => {
    const check = checkHousehold([member(), { ...child, relationshipToHoH: null }]);
    expect(check.errors.map((e) => e.message)).toEqual([
      'Choose how Sky Testperson is related to the head of household.',
    ]);
    const warned = checkHousehold([member(), { ...child, relationshipToHoH: 99 }]);
    expect(warned.errors).toEqual([]);
    expect(warned.warnings[0]?.message).toMatch(/Record how Sky Testperson is related/);
  });

  it('checks the case manager start date against the project start and today', () => {
    expect(
      checkProjectStart(input({ caseManagerStartDate: '2026-03-01' })).errors[0],
    ).toMatchObject({
      target: { kind: 'caseManagerStartDate' },
      message: expect.stringContaining('before the project start date'),
    });
    expect(
      checkProjectStart(input({ caseManagerStartDate: '2026-03-12' })).errors[0]?.message,
    ).toMatch(/future/);
    expect(checkProjectStart(input({ caseManagerStartDate: '2026-03-05' })).errors).toEqual([]);
  });

  it('blocks an invalid answer but not a missing one', () => {
    const bad = member({
      answers: { incomeFromAnySource: 1, earned: 1, earnedAmount: 'about 400' },
    });
    const errors = checkProjectStart(input({ members: [bad] })).errors;
    expect(errors).toEqual([
      {
        target: { kind: 'answer', memberKey: id(1), fieldId: 'earnedAmount' },
        message: expect.stringContaining('must be an amount in dollars and cents'),
      },
    ]);
    const fine = member({ answers: { incomeFromAnySource: 1, earned: 1 } });
    expect(checkProjectStart(input({ members: [fine] })).errors).toEqual([]);
  });

  it('blocks a total monthly income that contradicts the amounts', () => {
    const wrong = member({
      answers: { incomeFromAnySource: 1, earned: 1, earnedAmount: 400, totalMonthlyIncome: 500 },
    });
    expect(checkProjectStart(input({ members: [wrong] })).errors[0]).toMatchObject({
      target: { kind: 'answer', fieldId: 'totalMonthlyIncome' },
    });
  });

  it('ignores answers the member is no longer asked (they are dropped when saving)', () => {
    // A child's prior living situation (asked of heads of household and adults) is not saved.
    const kid = { ...child, answers: { livingSituation: 116, disablingCondition: 0 } };
    const i = input({ members: [member(), kid] });
    expect(checkProjectStart(i).errors).toEqual([]);
    expect(entryAnswersToSave(kid, i)).toEqual({ disablingCondition: 0 });
  });

  it('checks a quick-created member’s name and date of birth', () => {
    const ctx = { projectStartDate: '2026-03-02', today: TODAY };
    expect(validateNewMember(id(3), emptyNewMember(), ctx).map((i) => i.target)).toEqual([
      { kind: 'member', memberKey: id(3), field: 'nameDataQuality' },
      { kind: 'member', memberKey: id(3), field: 'dobDataQuality' },
    ]);
    const messages = (details: Parameters<typeof validateNewMember>[1]) =>
      validateNewMember(id(3), details, ctx, 'Alex').map((i) => i.message);
    const base = newPartner.newClient!;
    expect(messages(base)).toEqual([]);
    expect(messages({ ...base, firstName: '', lastName: '' })).toEqual([
      expect.stringContaining('Enter a first or last name for Alex'),
    ]);
    expect(messages({ ...base, nameDataQuality: 99 })).toEqual([
      expect.stringContaining('A name is entered for Alex'),
    ]);
    expect(messages({ ...base, dob: '' })).toEqual([
      expect.stringContaining('Enter the date of birth of Alex'),
    ]);
    expect(messages({ ...base, dob: '', dobDataQuality: 8 })).toEqual([]);
    expect(messages({ ...base, dob: '2026-03-05' })).toEqual([
      expect.stringContaining('is after the project start date'),
    ]);
    expect(messages({ ...base, dob: '2027-01-01' })).toEqual([
      'The date of birth of Alex is in the future.',
    ]);
    expect(messages({ ...base, dobDataQuality: 9 })).toEqual([
      expect.stringContaining('A date of birth is entered for Alex'),
    ]);
  });
});

describe('buildProjectStartChanges', () => {
  const household = input({
    caseManagerStartDate: '2026-03-04',
    members: [
      { ...child },
      member({ answers: { livingSituation: 116, disablingCondition: 1, lengthOfStay: null } }),
      newPartner,
    ],
  });
  const records = buildProjectStartChanges(household, { makeId: sequentialIds() });

  it('creates the new client, then per member an enrollment, its Entry assessment and the case manager', () => {
    expect(records.changes.map((c) => `${c.type}:${c.op}`)).toEqual([
      'client:create',
      ...['head', 'child', 'adult'].flatMap((who) => [
        'enrollment:create',
        'assessment:create',
        'caseManagerAssignment:create',
        // W-START-2: 4.12 for the head of household and adults, not for the child.
        ...(who === 'child' ? [] : ['currentLivingSituation:create']),
      ]),
    ]);
    const enrollments = records.changes.filter((c) => c.type === 'enrollment');
    // Head of household first.
    expect(enrollments.map((e) => e.fields.clientId)).toEqual([id(1), id(2), id(3)]);
    expect(records.headEnrollmentId).toBe(enrollments[0]!.id);
    for (const e of enrollments) {
      expect(e.fields).toMatchObject({
        providerId: PROVIDER,
        householdId: records.householdId,
        projectStartDate: '2026-03-02',
        entryType: 'basic',
        exitDate: null,
        exitReason: null,
        destination: null,
        destinationSubsidyType: null,
      });
    }
    expect(enrollments.map((e) => e.fields.relationshipToHoH)).toEqual([1, 2, 3]);
  });

  it('uses the singleton Entry id and flat answers of the asked, non-empty questions', () => {
    const head = records.changes.find(
      (c) => c.type === 'assessment' && c.fields.clientId === id(1),
    )!;
    expect(head.id).toBe(singletonAssessmentId(records.headEnrollmentId, 1));
    expect(head.fields).toEqual({
      enrollmentId: records.headEnrollmentId,
      clientId: id(1),
      dataCollectionStage: 1,
      informationDate: '2026-03-02',
      'answers.livingSituation': 116,
      'answers.disablingCondition': 1,
    });
    for (const c of records.changes.filter((x) => x.type === 'assessment')) {
      expect(c.id).toBe(singletonAssessmentId(String(c.fields.enrollmentId), 1));
    }
  });

  it('assigns the signed-in case manager on every member’s enrollment from the chosen date', () => {
    const assignments = records.changes.filter((c) => c.type === 'caseManagerAssignment');
    expect(assignments.map((a) => a.fields)).toEqual(
      Object.values(records.enrollmentIds).map((enrollmentId) => ({
        enrollmentId,
        caseManagerId: CASE_MANAGER,
        startDate: '2026-03-04',
        endDate: null,
      })),
    );
    const defaulted = buildProjectStartChanges(input());
    expect(
      defaulted.changes.find((c) => c.type === 'caseManagerAssignment')?.fields.startDate,
    ).toBe('2026-03-02');
  });

  it('builds records that parse as their schemas', () => {
    for (const c of records.changes) {
      const record = unflattenFields(c.id, c.fields);
      if (c.type === 'assessment') record.answers ??= {};
      expect(RECORD_SCHEMAS[c.type].safeParse(record).success).toBe(true);
    }
    expect(newClientFields(newPartner.newClient!)).toMatchObject({
      firstName: 'Alex',
      lastName: 'Sample',
      dob: '1988-11-30',
      dobDataQuality: 2,
      ssnDataQuality: 99,
      raceNone: 99,
      veteranStatus: 99,
    });
  });

  it('refuses a household without exactly one head', () => {
    expect(() =>
      buildProjectStartChanges(input({ members: [{ ...member(), relationshipToHoH: 2 }] })),
    ).toThrow(/exactly one head of household/);
  });
});

describe('3.16 Enrollment CoC at project start (W-START-1, Eva 27)', () => {
  it('gives the head of household the provider’s CoC and everyone else null', () => {
    const records = buildProjectStartChanges(
      input({ cocOptions: ['MN-500'], members: [member(), { ...child }] }),
      { makeId: sequentialIds() },
    );
    const enrollments = records.changes.filter((c) => c.type === 'enrollment');
    expect(enrollments.map((e) => e.fields.enrollmentCoc)).toEqual(['MN-500', null]);
  });

  it('records the CoC the worker chose when the project has several', () => {
    const i = input({ cocOptions: ['MN-500', 'MN-501'], enrollmentCoc: 'MN-501' });
    expect(checkProjectStart(i).errors).toEqual([]);
    const head = buildProjectStartChanges(i).changes.find((c) => c.type === 'enrollment')!;
    expect(head.fields.enrollmentCoc).toBe('MN-501');
  });

  it('refuses a CoC that is not one of the project’s', () => {
    const { errors } = checkProjectStart(
      input({ cocOptions: ['MN-500', 'MN-501'], enrollmentCoc: 'MN-502' }),
    );
    expect(errors).toEqual([
      { target: { kind: 'enrollmentCoc' }, message: expect.stringContaining('MN-500, MN-501') },
    ]);
  });

  it('saves without a project CoC, with a warning that the export needs it', () => {
    const check = checkProjectStart(input({ cocOptions: [] }));
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      { target: { kind: 'enrollmentCoc' }, message: expect.stringMatching(/Eva 27/) },
      // W-ROI-7: the head of household has no Release of Information yet.
      {
        target: { kind: 'member', memberKey: id(1), field: 'roiChoice' },
        message: expect.stringContaining('treated as Do Not Share'),
      },
    ]);
    const head = buildProjectStartChanges(input({ cocOptions: [] })).changes[0]!;
    expect(head.fields.enrollmentCoc).toBeNull();
  });
});

describe('4.12 Current Living Situation at project start (W-START-2)', () => {
  it('asks it of the head of household and adults, never pre-filled from 3.917', () => {
    const head = member({
      cls: undefined,
      answers: { livingSituation: 116 },
    });
    const { errors } = checkProjectStart(input({ members: [head, { ...child, cls: undefined }] }));
    expect(errors).toEqual([
      {
        target: { kind: 'cls', memberKey: id(1), field: 'currentLivingSituation' },
        message: expect.stringContaining('Robin Testperson'),
      },
    ]);
  });

  it('writes one CLS per asked member dated on the project start, with HUD’s null rule', () => {
    const head = member({
      cls: {
        ...emptyStartCls(),
        currentLivingSituation: 116,
        // Not asked for 116 (4.12.B is for the institutional/temporary/permanent codes): dropped.
        leaveSituation14Days: 1,
        locationDetails: ' under the bridge ',
      },
    });
    const records = buildProjectStartChanges(input({ members: [head] }), {
      makeId: sequentialIds(),
    });
    const cls = records.changes.filter((c) => c.type === 'currentLivingSituation');
    expect(cls).toHaveLength(1);
    expect(cls[0]!.fields).toEqual({
      enrollmentId: records.headEnrollmentId,
      clientId: id(1),
      informationDate: '2026-03-02',
      currentLivingSituation: 116,
      clsSubsidyType: null,
      verifiedBy: null,
      leaveSituation14Days: null,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
      locationDetails: 'under the bridge',
    });
    const record = unflattenFields(cls[0]!.id, cls[0]!.fields);
    expect(RECORD_SCHEMAS.currentLivingSituation.safeParse(record).success).toBe(true);
  });

  it('asks the 14-day question for a temporary situation and reports it missing as a warning', () => {
    const head = member({ cls: { ...emptyStartCls(), currentLivingSituation: 302 } });
    const check = checkProjectStart(input({ members: [head] }));
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.target)).toContainEqual({
      kind: 'cls',
      memberKey: id(1),
      field: 'leaveSituation14Days',
    });
  });
});

describe('DOB after project start (W-START-3, Eva 84)', () => {
  it('refuses an existing member whose recorded DOB is after the project start', () => {
    const baby = member({
      key: id(4),
      clientId: id(4),
      dob: '2026-03-05',
      name: 'Baby Testperson',
      relationshipToHoH: 2,
    });
    const { errors } = checkProjectStart(input({ members: [member(), baby] }));
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Baby Testperson .*after the project start date \(/),
    ]);
  });
});
