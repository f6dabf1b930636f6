// Household membership after project start: adding a member (a baby born during the stay) to the
// same HouseholdID, and changing the head of household with exactly one head at every moment
// (W-HH-1 … W-HH-5; Eva 2, 3, 4, 84). Synthetic people only.
import { describe, expect, it } from 'vitest';
import { DISABILITY_FIELDS } from '../../../src/domain/codes/disability';
import { unflattenFields } from '../../../src/domain/merge';
import { RECORD_SCHEMAS, singletonAssessmentId } from '../../../src/domain/records';
import {
  buildAddMemberChanges,
  buildChangeHeadChanges,
  checkAddMember,
  checkChangeHead,
  headCandidates,
  householdAfterChange,
  householdProblem,
  initialAddMemberDraft,
  summarizeHousehold,
  type AddMemberInput,
  type HouseholdEnrollment,
} from '../../../src/domain/workflow/household-members';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';

const TODAY = '2026-06-10';
const id = (n: number) => n.toString(16).padStart(32, '0');
const PROVIDER = id(900);
const HOUSEHOLD = id(901);
const CASE_MANAGER = id(902);

const head: HouseholdEnrollment = {
  enrollmentId: id(11),
  clientId: id(1),
  name: 'Robin Testperson',
  relationshipToHoH: 1,
  projectStartDate: '2026-03-02',
  exitDate: null,
  dob: '1990-05-17',
  enrollmentCoc: 'MN-500',
};
const partner: HouseholdEnrollment = {
  enrollmentId: id(12),
  clientId: id(2),
  name: 'Alex Sample',
  relationshipToHoH: 3,
  projectStartDate: '2026-03-02',
  exitDate: null,
  dob: '1988-11-30',
  enrollmentCoc: null,
};
const household = [head, partner];

function sequentialIds() {
  let n = 100;
  return () => id((n += 1));
}

const baby = {
  key: id(3),
  clientId: id(3),
  name: 'Sky Testperson',
  dob: null,
  newClient: {
    firstName: 'Sky',
    lastName: 'Testperson',
    nameDataQuality: 1,
    dob: '2026-05-20',
    dobDataQuality: 1,
  },
};

function addInput(overrides: Partial<AddMemberInput> = {}): AddMemberInput {
  return {
    household,
    householdId: HOUSEHOLD,
    providerId: PROVIDER,
    projectType: 6,
    today: TODAY,
    caseManagerId: CASE_MANAGER,
    member: baby,
    projectStartDate: '2026-05-20',
    relationshipToHoH: 2,
    answers: {},
    cls: emptyStartCls(),
    caseManagerStartDate: null,
    ...overrides,
  };
}

describe('the household', () => {
  it('summarizes the open head, the open members and the household start', () => {
    const s = summarizeHousehold([
      ...household,
      { ...partner, enrollmentId: id(13), exitDate: '2026-04-01', projectStartDate: '2026-02-01' },
    ]);
    expect(s.head?.enrollmentId).toBe(head.enrollmentId);
    expect(s.open).toHaveLength(2);
    expect(s.householdStart).toBe('2026-02-01');
  });

  it('W-HH-1 takes members only while open with exactly one head (Eva 2, 3)', () => {
    expect(householdProblem(household)).toBeNull();
    expect(householdProblem([partner])).toMatch(/no head of household/);
    expect(householdProblem([head, { ...partner, relationshipToHoH: 1 }])).toMatch(/more than one/);
    expect(householdProblem([{ ...head, exitDate: '2026-04-01' }])).toMatch(/exited/);
  });

  it('starts the add-a-member draft today with nothing chosen', () => {
    expect(initialAddMemberDraft(TODAY)).toMatchObject({
      clientId: null,
      projectStartDate: TODAY,
      relationshipToHoH: null,
    });
  });
});

describe('checkAddMember', () => {
  const messages = (i: AddMemberInput) => checkAddMember(i).errors.map((e) => e.message);

  it('accepts a baby born during the stay, starting on the birth date', () => {
    expect(checkAddMember(addInput())).toEqual({ errors: [], warnings: [] });
  });

  it('W-HH-2 / W-DIS5 with a federal funder a joining member answers 4.05–4.10 (8/9/99 count)', () => {
    const missing = messages(addInput({ federal: true }));
    expect(missing).toHaveLength(DISABILITY_FIELDS.length);
    for (const m of missing)
      expect(m).toMatch(/required at project start: this provider has a federal funder/);
    const answered = Object.fromEntries(DISABILITY_FIELDS.map((f) => [f.responseField, 99]));
    expect(checkAddMember(addInput({ federal: true, answers: answered })).errors).toEqual([]);
    // Without a federal funder they stay optional, as every other Entry answer.
    expect(checkAddMember(addInput({ federal: false })).errors).toEqual([]);
    // The saved Entry carries the answers (the federal variant's fields).
    const { changes } = buildAddMemberChanges(addInput({ federal: true, answers: answered }));
    const entry = changes.find((c) => c.type === 'assessment')!;
    expect(entry.fields).toMatchObject({ 'answers.physicalDisability': 99 });
  });

  it('W-HH-2 keeps the start inside [household start, today] and not before the DOB (Eva 84)', () => {
    expect(messages(addInput({ projectStartDate: '2026-03-01' }))).toEqual([
      expect.stringContaining("before the household's (March 2, 2026)"),
      expect.stringContaining('after the project start date'),
    ]);
    expect(messages(addInput({ projectStartDate: '2026-06-11' }))).toEqual([
      expect.stringMatching(/future/),
    ]);
    expect(messages(addInput({ projectStartDate: '2026-05-19' }))).toEqual([
      expect.stringMatching(
        /Sky Testperson \(May 20, 2026\) is after the project start date \(May 19, 2026\)/,
      ),
    ]);
    const existing = {
      key: id(4),
      clientId: id(4),
      name: 'Kim Example',
      dob: '2026-05-25',
      newClient: null,
    };
    expect(messages(addInput({ member: existing, relationshipToHoH: 2 }))).toEqual([
      expect.stringMatching(/Kim Example .*after the project start date \(May 20, 2026\)/),
    ]);
  });

  it('W-HH-3 refuses a second head of household and asks for a relationship (Eva 3, 4)', () => {
    expect(messages(addInput({ relationshipToHoH: 1 }))).toEqual([
      expect.stringMatching(/Robin Testperson is the head of household/),
    ]);
    expect(messages(addInput({ relationshipToHoH: null }))).toEqual([
      expect.stringMatching(/Choose how Sky Testperson is related/),
    ]);
    expect(checkAddMember(addInput({ relationshipToHoH: 99 })).warnings).toHaveLength(1);
  });

  it('refuses someone already open in the household, and a household without a head', () => {
    const again = {
      key: partner.clientId,
      clientId: partner.clientId,
      name: partner.name,
      dob: partner.dob,
      newClient: null,
    };
    expect(
      messages(
        addInput({
          member: again,
          relationshipToHoH: 3,
          cls: { ...emptyStartCls(), currentLivingSituation: 116 },
        }),
      ),
    ).toEqual([expect.stringMatching(/already in this household/)]);
    expect(messages(addInput({ household: [partner] }))).toEqual([
      expect.stringMatching(/no head of household/),
    ]);
  });

  it('W-START-2 asks an adult joining for their Current Living Situation', () => {
    const adult = {
      key: id(5),
      clientId: id(5),
      name: 'Kim Example',
      dob: '1995-01-01',
      newClient: null,
    };
    expect(messages(addInput({ member: adult, relationshipToHoH: 3 }))).toEqual([
      expect.stringMatching(/Choose where Kim Example is staying/),
    ]);
  });
});

describe('buildAddMemberChanges', () => {
  it('creates the client, an enrollment in the same household, its Entry and the case manager', () => {
    const { changes, enrollmentId } = buildAddMemberChanges(addInput(), {
      makeId: sequentialIds(),
    });
    expect(changes.map((c) => `${c.type}:${c.op}`)).toEqual([
      'client:create',
      'enrollment:create',
      'assessment:create',
      'caseManagerAssignment:create',
    ]);
    expect(changes[1]!.fields).toMatchObject({
      clientId: baby.clientId,
      householdId: HOUSEHOLD,
      providerId: PROVIDER,
      relationshipToHoH: 2,
      projectStartDate: '2026-05-20',
      enrollmentCoc: null,
      exitDate: null,
    });
    expect(changes[2]!.id).toBe(singletonAssessmentId(enrollmentId, 1));
    expect(changes[2]!.fields.informationDate).toBe('2026-05-20');
    expect(changes[3]!.fields).toEqual({
      enrollmentId,
      caseManagerId: CASE_MANAGER,
      startDate: '2026-05-20',
      endDate: null,
    });
    for (const c of changes) {
      const record = unflattenFields(c.id, c.fields);
      if (c.type === 'assessment') record.answers ??= {};
      expect(RECORD_SCHEMAS[c.type].safeParse(record).success).toBe(true);
    }
  });

  it('adds the 4.12 record of an adult, dated on their start', () => {
    const adult = {
      key: id(5),
      clientId: id(5),
      name: 'Kim Example',
      dob: '1995-01-01',
      newClient: null,
    };
    const { changes, enrollmentId } = buildAddMemberChanges(
      addInput({
        member: adult,
        relationshipToHoH: 3,
        cls: { ...emptyStartCls(), currentLivingSituation: 116 },
      }),
      { makeId: sequentialIds() },
    );
    expect(changes.map((c) => c.type)).toEqual([
      'enrollment',
      'assessment',
      'caseManagerAssignment',
      'currentLivingSituation',
    ]);
    expect(changes[3]!.fields).toMatchObject({
      enrollmentId,
      clientId: id(5),
      informationDate: '2026-05-20',
      currentLivingSituation: 116,
    });
  });

  it('refuses to add a second head', () => {
    expect(() => buildAddMemberChanges(addInput({ relationshipToHoH: 1 }))).toThrow(/second head/);
  });
});

describe('changing the head of household (W-HH-4, W-HH-5)', () => {
  const child: HouseholdEnrollment = {
    ...partner,
    enrollmentId: id(14),
    clientId: id(4),
    name: 'Sky Testperson',
    relationshipToHoH: 2,
    dob: '2015-01-01',
  };
  const exited: HouseholdEnrollment = {
    ...partner,
    enrollmentId: id(15),
    clientId: id(6),
    name: 'Pat Example',
    exitDate: '2026-04-01',
  };
  const family = [head, partner, child, exited];

  it('offers the open members who are not the head', () => {
    expect(headCandidates(family).map((m) => m.name)).toEqual(['Alex Sample', 'Sky Testperson']);
  });

  it('needs a new head among them and a non-head relationship for the former head', () => {
    expect(
      checkChangeHead({
        household: family,
        newHeadEnrollmentId: null,
        formerHeadRelationship: null,
      }).errors.map((e) => e.field),
    ).toEqual(['newHead', 'formerHeadRelationship']);
    expect(
      checkChangeHead({
        household: family,
        newHeadEnrollmentId: exited.enrollmentId,
        formerHeadRelationship: 3,
      }).errors.map((e) => e.field),
    ).toEqual(['newHead']);
    expect(
      checkChangeHead({
        household: family,
        newHeadEnrollmentId: partner.enrollmentId,
        formerHeadRelationship: 1,
      }).errors.map((e) => e.field),
    ).toEqual(['formerHeadRelationship']);
    expect(
      checkChangeHead({
        household: family,
        newHeadEnrollmentId: partner.enrollmentId,
        formerHeadRelationship: 3,
        otherRelationships: { [child.enrollmentId]: 1 },
      }).errors.map((e) => e.field),
    ).toEqual([`other:${child.enrollmentId}`]);
    expect(
      checkChangeHead({
        household: family,
        newHeadEnrollmentId: partner.enrollmentId,
        formerHeadRelationship: 3,
      }),
    ).toEqual({ errors: [], warnings: [] });
  });

  it('warns when the new head started after the household', () => {
    const late = { ...partner, projectStartDate: '2026-04-15' };
    const { errors, warnings } = checkChangeHead({
      household: [head, late],
      newHeadEnrollmentId: late.enrollmentId,
      formerHeadRelationship: 3,
    });
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/whole stay/)]);
  });

  it('leaves exactly one head and moves the Enrollment CoC to the new head (Eva 2, 3)', () => {
    const input = {
      household: family,
      newHeadEnrollmentId: partner.enrollmentId,
      formerHeadRelationship: 3,
      otherRelationships: { [child.enrollmentId]: 2 },
    };
    expect(
      householdAfterChange(input)
        .filter((m) => m.relationshipToHoH === 1)
        .map((m) => m.name),
    ).toEqual(['Alex Sample']);
    expect(buildChangeHeadChanges(input)).toEqual([
      {
        type: 'enrollment',
        id: partner.enrollmentId,
        op: 'patch',
        fields: { relationshipToHoH: 1, enrollmentCoc: 'MN-500' },
      },
      {
        type: 'enrollment',
        id: head.enrollmentId,
        op: 'patch',
        fields: { relationshipToHoH: 3, enrollmentCoc: null },
      },
    ]);
    expect(
      buildChangeHeadChanges({ ...input, otherRelationships: { [child.enrollmentId]: 5 } }),
    ).toContainEqual({
      type: 'enrollment',
      id: child.enrollmentId,
      op: 'patch',
      fields: { relationshipToHoH: 5 },
    });
    expect(() => buildChangeHeadChanges({ ...input, formerHeadRelationship: 1 })).toThrow(
      /exactly one head/,
    );
  });
});
