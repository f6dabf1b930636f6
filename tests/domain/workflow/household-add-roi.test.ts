// W-ROI-9: the HMIS Release of Information of a member who joins a household after project start,
// by project start's rule (W-ROI-7): an adult without one is asked (none warns, a partial answer
// blocks), a child without one gets the head of household's recorded one. Synthetic people only.
import { describe, expect, it } from 'vitest';
import { unflattenFields } from '../../../src/domain/merge';
import { RECORD_SCHEMAS } from '../../../src/domain/records';
import {
  addMemberRoi,
  asksAddMemberRoi,
  buildAddMemberChanges,
  checkAddMember,
  initialAddMemberDraft,
  type AddMemberInput,
  type HouseholdEnrollment,
} from '../../../src/domain/workflow/household-members';
import { emptyRoiAnswer, type Roi } from '../../../src/domain/workflow/roi';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';

const TODAY = '2026-06-10';
const id = (n: number) => n.toString(16).padStart(32, '0');
const HEAD_ROI: Roi = { choice: 'share', date: '2026-03-02', method: 'signed' };
const GIVEN: Roi = { choice: 'do_not_share', date: '2026-05-20', method: 'verbal' };

const head: HouseholdEnrollment = {
  enrollmentId: id(11),
  clientId: id(1),
  name: 'Robin Testperson',
  relationshipToHoH: 1,
  projectStartDate: '2026-03-02',
  exitDate: null,
  dob: '1990-05-17',
  enrollmentCoc: 'MN-500',
  roi: HEAD_ROI,
};

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
// An existing client: 18 on 2026-05-20, the day they join (W-ROI-9: age on their own start).
const partner = {
  key: id(4),
  clientId: id(4),
  name: 'Kim Example',
  dob: '2008-05-20',
  newClient: null,
  roi: null,
};

function input(overrides: Partial<AddMemberInput> = {}): AddMemberInput {
  return {
    household: [head],
    householdId: id(901),
    providerId: id(900),
    projectType: 1,
    today: TODAY,
    caseManagerId: id(902),
    member: baby,
    projectStartDate: '2026-05-20',
    relationshipToHoH: 2,
    answers: {},
    cls: emptyStartCls(),
    caseManagerStartDate: null,
    ...overrides,
  };
}
const adult = (overrides: Partial<AddMemberInput> = {}) =>
  input({
    member: partner,
    relationshipToHoH: 3,
    cls: { ...emptyStartCls(), currentLivingSituation: 116 },
    ...overrides,
  });

function sequentialIds() {
  let n = 100;
  return () => id((n += 1));
}

describe('W-ROI-9 — who is asked when a member joins', () => {
  it('asks an adult (18 on their start date) or a would-be head without one, not a child', () => {
    expect(asksAddMemberRoi(adult())).toBe(true);
    // The day before their 18th birthday they are a child.
    expect(asksAddMemberRoi(adult({ projectStartDate: '2026-05-19' }))).toBe(false);
    // An unknown DOB counts as adult.
    expect(asksAddMemberRoi(adult({ member: { ...partner, dob: null } }))).toBe(true);
    expect(asksAddMemberRoi(input())).toBe(false);
    expect(asksAddMemberRoi(input({ relationshipToHoH: 1 }))).toBe(true);
    // One on record is not asked again.
    expect(asksAddMemberRoi(adult({ member: { ...partner, roi: HEAD_ROI } }))).toBe(false);
  });

  it('starts the draft with an empty answer', () => {
    expect(initialAddMemberDraft(TODAY).roi).toEqual(emptyRoiAnswer());
  });
});

describe('W-ROI-9 — checkAddMember', () => {
  it('only warns about an adult left without one', () => {
    const { errors, warnings } = checkAddMember(adult());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        target: { kind: 'member', memberKey: partner.key, field: 'roiChoice' },
        message: expect.stringMatching(/No HMIS Release of Information for Kim Example/),
      },
    ]);
    // A child is never warned: the head's choice is theirs.
    expect(checkAddMember(input()).warnings).toEqual([]);
  });

  it('blocks a partial answer, naming the member and each missing part (as W-ROI-6)', () => {
    const { errors, warnings } = checkAddMember(
      adult({ roiAnswer: { choice: 'share', date: '', method: null } }),
    );
    expect(errors.map((e) => [e.target, e.message])).toEqual([
      [
        { kind: 'member', memberKey: partner.key, field: 'roiDate' },
        expect.stringMatching(/date the Release of Information was given for Kim Example/),
      ],
      [
        { kind: 'member', memberKey: partner.key, field: 'roiMethod' },
        'Choose how the Release of Information was given for Kim Example.',
      ],
    ]);
    expect(warnings).toEqual([]);
    expect(
      checkAddMember(adult({ roiAnswer: { ...GIVEN, date: '2026-06-11' } })).errors.map(
        (e) => e.message,
      ),
    ).toEqual([expect.stringMatching(/cannot be in the future/)]);
    expect(checkAddMember(adult({ roiAnswer: GIVEN }))).toEqual({ errors: [], warnings: [] });
  });

  it("ignores a stale answer of someone who is not asked (a child's draft)", () => {
    const stale = { choice: 'share', date: '', method: null };
    expect(checkAddMember(input({ roiAnswer: stale })).errors).toEqual([]);
    expect(addMemberRoi(input({ roiAnswer: stale }))).toEqual(HEAD_ROI);
  });
});

describe('W-ROI-9 — what adding the member records', () => {
  it("gives a quick-created child the head of household's ROI in their client create", () => {
    expect(addMemberRoi(input())).toEqual(HEAD_ROI);
    const { changes } = buildAddMemberChanges(input(), { makeId: sequentialIds() });
    expect(changes[0]).toMatchObject({ type: 'client', op: 'create' });
    expect(changes[0]!.fields.roi).toEqual(HEAD_ROI);
    expect(changes.filter((c) => c.type === 'client')).toHaveLength(1);
    expect(
      RECORD_SCHEMAS.client.safeParse(unflattenFields(changes[0]!.id, changes[0]!.fields)).success,
    ).toBe(true);
  });

  it('writes nothing for a child when the head has none, nor for one with their own', () => {
    const noHeadRoi = input({ household: [{ ...head, roi: null }] });
    expect(addMemberRoi(noHeadRoi)).toBeNull();
    const create = buildAddMemberChanges(noHeadRoi).changes[0]!;
    expect(create.fields).not.toHaveProperty('roi');

    const child = { ...partner, dob: '2015-01-01', roi: GIVEN };
    const own = input({ member: child });
    expect(addMemberRoi(own)).toBeNull();
    expect(buildAddMemberChanges(own).changes.filter((c) => c.type === 'client')).toEqual([]);
    // An existing child with none gets the head's as a patch.
    const patched = buildAddMemberChanges(input({ member: { ...child, roi: null } })).changes;
    expect(patched.filter((c) => c.type === 'client')).toEqual([
      { type: 'client', id: partner.clientId, op: 'patch', fields: { roi: HEAD_ROI } },
    ]);
  });

  it("records an adult's own answer as a patch after the enrollment, never the head's", () => {
    expect(addMemberRoi(adult())).toBeNull();
    expect(buildAddMemberChanges(adult()).changes.some((c) => c.type === 'client')).toBe(false);

    const { changes } = buildAddMemberChanges(adult({ roiAnswer: GIVEN }), {
      makeId: sequentialIds(),
    });
    expect(changes.map((c) => c.type)).toEqual([
      'enrollment',
      'assessment',
      'caseManagerAssignment',
      'currentLivingSituation',
      'client',
    ]);
    expect(changes.at(-1)).toEqual({
      type: 'client',
      id: partner.clientId,
      op: 'patch',
      fields: { roi: GIVEN },
    });
  });

  it("puts a quick-created adult's answer in their client create", () => {
    const newAdult = { ...baby, newClient: { ...baby.newClient, dob: '1999-04-04' } };
    const { changes } = buildAddMemberChanges(
      input({
        member: newAdult,
        relationshipToHoH: 3,
        cls: { ...emptyStartCls(), currentLivingSituation: 116 },
        roiAnswer: GIVEN,
      }),
    );
    expect(changes.filter((c) => c.type === 'client')).toEqual([
      expect.objectContaining({ op: 'create', fields: expect.objectContaining({ roi: GIVEN }) }),
    ]);
  });
});
