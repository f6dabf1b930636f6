// The project start view-model (RULES.md W-START-4 … W-START-6): steps from the draft, each
// member's questions and what they still miss, errors on the step where they are fixed, and the
// one write of a save. Synthetic people only.
import { describe, expect, it } from 'vitest';
import { FORMS, fieldStatuses } from '../../../src/domain/forms';
import {
  initialProjectStartDraft,
  memberUdeGaps,
  newClientFields,
  validateNewMember,
  type DraftMember,
  type ProjectStartDraft,
} from '../../../src/domain/workflow/project-start';
import {
  HOUSEHOLD_STEP,
  REVIEW_STEP,
  draftOnStep,
  projectStartView,
  type ProjectStartViewInput,
} from '../../../src/domain/workflow/project-start-view';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';

const TODAY = '2026-03-10';
const id = (n: number) => n.toString(16).padStart(32, '0');
const ROBIN = id(1);
const SKY = id(2);
const NEW = id(3);

const robinRecord = {
  id: ROBIN,
  ...newClientFields({
    firstName: 'Robin',
    lastName: 'Testperson',
    nameDataQuality: 1,
    dob: '1990-05-17',
    dobDataQuality: 1,
    ssn: '123456789',
    ssnDataQuality: 1,
    race: [5],
    sex: 0,
    veteranStatus: 0,
  }),
};
const skyRecord = {
  id: SKY,
  ...newClientFields({
    firstName: 'Sky',
    lastName: 'Testperson',
    nameDataQuality: 1,
    dob: '2019-01-09',
    dobDataQuality: 1,
  }),
};

function sky(overrides: Partial<DraftMember> = {}): DraftMember {
  return {
    key: SKY,
    clientId: SKY,
    newClient: null,
    relationshipToHoH: 2,
    answers: {},
    ...overrides,
  };
}

function draft(overrides: Partial<ProjectStartDraft> = {}): ProjectStartDraft {
  const base = initialProjectStartDraft(ROBIN, TODAY);
  return {
    ...base,
    projectStartDate: '2026-03-02',
    members: [
      { ...base.members[0]!, cls: { ...emptyStartCls(), currentLivingSituation: 116 } },
      sky(),
    ],
    ...overrides,
  };
}

function viewInput(overrides: Partial<ProjectStartViewInput> = {}): ProjectStartViewInput {
  let n = 100;
  return {
    draft: draft(),
    clientId: ROBIN,
    clients: new Map([
      [ROBIN, robinRecord],
      [SKY, skyRecord],
    ]),
    provider: { id: id(9), projectType: 6, cocOptions: [], federal: false },
    caseManagerId: id(8),
    today: TODAY,
    makeId: () => id((n += 1)),
    ...overrides,
  };
}

describe('W-START-6 — project start as steps, saved once', () => {
  it('W-START-6 has a household step, one step per member (head first) and a review', () => {
    const view = projectStartView(viewInput());
    expect(view.steps.map((s) => [s.key, s.heading])).toEqual([
      [HOUSEHOLD_STEP, 'Step 1 of 4: Household'],
      [ROBIN, 'Step 2 of 4: Robin Testperson'],
      [SKY, 'Step 3 of 4: Sky Testperson'],
      [REVIEW_STEP, 'Step 4 of 4: Review and save'],
    ]);
    expect(view.current.key).toBe(HOUSEHOLD_STEP);
    expect(view.previous).toBeNull();
    expect(view.next?.key).toBe(ROBIN);
    const onSky = projectStartView(viewInput({ draft: draftOnStep(draft(), SKY) }));
    expect(onSky.current.heading).toBe('Step 3 of 4: Sky Testperson');
    expect([onSky.previous?.key, onSky.next?.key]).toEqual([ROBIN, REVIEW_STEP]);
  });

  it('W-START-6 a step of a member no longer in the household falls back to the household', () => {
    const view = projectStartView(viewInput({ draft: draftOnStep(draft(), NEW) }));
    expect(view.current.key).toBe(HOUSEHOLD_STEP);
  });

  it('W-START-6 builds the one write only on the review step, when nothing blocks', () => {
    expect(projectStartView(viewInput()).records).toBeNull();
    const review = projectStartView(viewInput({ draft: draftOnStep(draft(), REVIEW_STEP) }));
    expect(review.canSave).toBe(true);
    const types = review.records!.changes.map((c) => c.type);
    expect(types.filter((t) => t === 'enrollment')).toHaveLength(2);
    expect(types.filter((t) => t === 'assessment')).toHaveLength(2);
  });

  it('W-START-6 shows errors only after a Save, each on the step where it is fixed', () => {
    const bad = draft({
      caseManagerStartDate: '2026-03-01',
      members: [{ ...draft().members[0]!, cls: emptyStartCls() }, sky()],
    });
    const before = projectStartView(viewInput({ draft: bad }));
    expect(before.canSave).toBe(false);
    expect(before.shownErrors).toEqual([]);
    expect(before.steps.every((s) => s.errorCount === 0)).toBe(true);

    const after = projectStartView(viewInput({ draft: bad, showErrors: true }));
    const counts = Object.fromEntries(after.steps.map((s) => [s.key, s.errorCount]));
    expect(counts).toEqual({ [HOUSEHOLD_STEP]: 1, [ROBIN]: 1, [SKY]: 0, [REVIEW_STEP]: 0 });
    expect(after.firstStepWithErrors).toBe(HOUSEHOLD_STEP);
    expect(after.stepOf({ kind: 'cls', memberKey: ROBIN, field: 'currentLivingSituation' })).toBe(
      ROBIN,
    );
    // The head's questions about the household are fixed on the household step.
    expect(
      after.stepOf({ kind: 'answer', memberKey: ROBIN, fieldId: 'householdMonthlyIncome' }),
    ).toBe(HOUSEHOLD_STEP);
    expect(after.stepOf({ kind: 'answer', memberKey: ROBIN, fieldId: 'earnedAmount' })).toBe(ROBIN);
  });

  it('W-START-6 asks the head of household’s questions about the household on the household step', () => {
    const view = projectStartView(viewInput());
    expect(view.householdFieldIds.has('householdMonthlyIncome')).toBe(true);
    expect(view.householdFieldIds.has('preferredAreas')).toBe(true);
    // Per person: asked on the member's own step.
    expect(view.householdFieldIds.has('livingSituation')).toBe(false);
    expect(view.householdFieldIds.has('docPhotoId')).toBe(false);
  });
});

describe('W-START-5 — household members are complete or flagged', () => {
  it('W-START-5 a member with every universal data element and answer is complete', () => {
    const gaps = memberUdeGaps({ newClient: null, dob: '1990-05-17' }, robinRecord, '2026-03-02');
    expect(gaps).toEqual([]);
  });

  it('W-START-5 a quick-created child lists what is missing; veteran status is not asked of them', () => {
    const view = projectStartView(
      viewInput({
        draft: draft({
          members: [
            draft().members[0]!,
            {
              key: NEW,
              clientId: NEW,
              relationshipToHoH: 2,
              answers: {},
              newClient: {
                firstName: 'Jordan',
                lastName: 'Testperson',
                nameDataQuality: 1,
                dob: '2019-04-01',
                dobDataQuality: 1,
              },
            },
          ],
        }),
      }),
    );
    const jordan = view.memberSteps.get(NEW)!;
    expect(jordan.udeGaps!.map((g) => g.element)).toEqual(['3.02', '3.04', '3.06']);
    expect(jordan.complete).toBe(false);
    expect(jordan.missing).toContain('Sex (3.06)');
    expect(view.steps.find((s) => s.key === NEW)!.complete).toBe(false);
  });

  it('W-START-5 an existing client saved without SSN, race or sex is flagged; 8 and 9 are answers', () => {
    const gaps = memberUdeGaps({ newClient: null, dob: '2019-01-09' }, skyRecord, '2026-03-02');
    expect(gaps!.map((g) => g.element)).toEqual(['3.02', '3.04', '3.06']);
    const answered = { ...skyRecord, ssnDataQuality: 9, raceNone: 8, sex: 9 };
    expect(memberUdeGaps({ newClient: null, dob: '2019-01-09' }, answered, '2026-03-02')).toEqual(
      [],
    );
  });

  it('W-START-5 a client not on this device cannot be said complete', () => {
    const view = projectStartView(viewInput({ clients: new Map([[ROBIN, robinRecord]]) }));
    expect(view.memberSteps.get(SKY)!.complete).toBeNull();
  });

  it('W-START-5 "Complete" only when the required Entry answers are there too', () => {
    const view = projectStartView(viewInput());
    // No Entry answers yet: the universal data elements alone do not make Robin complete.
    const robin = view.memberSteps.get(ROBIN)!;
    expect(robin.udeGaps).toEqual([]);
    expect(robin.missingAnswers).toBeGreaterThan(0);
    expect(robin.complete).toBe(false);
  });

  it('W-START-5 saves what was asked of a quick-created member, and 99 for what was not (never No)', () => {
    const asked = newClientFields({
      firstName: 'Jordan',
      lastName: 'Testperson',
      nameDataQuality: 1,
      dob: '2019-04-01',
      dobDataQuality: 1,
      ssn: '123-45-67xx',
      race: [1, 5],
      sex: 1,
    });
    expect(asked).toMatchObject({
      ssn: '1234567xx',
      ssnDataQuality: 2,
      race: [1, 5],
      raceNone: null,
      sex: 1,
      veteranStatus: 99,
    });
    const notAsked = newClientFields({
      firstName: 'Jordan',
      lastName: 'Testperson',
      nameDataQuality: 1,
      dob: '',
      dobDataQuality: 99,
    });
    expect(notAsked).toMatchObject({
      ssnDataQuality: 99,
      raceNone: 99,
      sex: null,
      veteranStatus: 99,
    });
  });
});

describe('W-START-5 — a quick-created member’s SSN', () => {
  const details = {
    firstName: 'Jordan',
    lastName: 'Testperson',
    nameDataQuality: 1,
    dob: '2019-04-01',
    dobDataQuality: 1,
  };
  const issues = (patch: { ssn?: string; ssnDataQuality?: number | null }) =>
    validateNewMember(
      NEW,
      { ...details, ...patch },
      { projectStartDate: '2026-03-02', today: TODAY },
    )
      .filter((i) => i.target.kind === 'member' && i.target.field.startsWith('ssn'))
      .map((i) => i.message);

  it('W-START-5 an SSN is 9 characters and agrees with its data quality', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ ssn: '123-45-6789', ssnDataQuality: 1 })).toEqual([]);
    expect(issues({ ssn: '12345' })).toEqual([
      'An SSN is 9 digits; use x for each digit you do not know.',
    ]);
    expect(issues({ ssn: '123456789', ssnDataQuality: 9 })[0]).toContain('An SSN is entered');
    expect(issues({ ssn: '', ssnDataQuality: 1 })[0]).toContain('Enter the SSN');
    expect(issues({ ssn: '', ssnDataQuality: 8 })).toEqual([]);
  });
});

describe('W-START-4 — questions that do not apply are not asked', () => {
  const asked = (relationshipToHoH: number) => {
    const view = projectStartView(
      viewInput({ draft: draft({ members: [draft().members[0]!, sky({ relationshipToHoH })] }) }),
    );
    const step = view.memberSteps.get(SKY)!;
    return new Set(
      fieldStatuses(FORMS, 1, {}, step.context)
        .filter((s) => s.state === 'asked')
        .map((s) => s.field.id),
    );
  };

  it('W-START-4 a 7-year-old is not asked proof of income, income or benefits', () => {
    const child = asked(2);
    expect(child.has('docProofOfIncome')).toBe(false);
    expect(child.has('incomeFromAnySource')).toBe(false);
    expect(child.has('benefitsFromAnySource')).toBe(false);
    // Documents a child has are asked; so are their disabilities and health insurance.
    expect(child.has('docBirthCertificate')).toBe(true);
    expect(child.has('docSocialSecurityCard')).toBe(true);
    expect(child.has('disablingCondition')).toBe(true);
    expect(child.has('insuranceFromAnySource')).toBe(true);
  });

  it('W-START-4 the head of household and adults are asked proof of income', () => {
    const view = projectStartView(viewInput());
    const robin = view.memberSteps.get(ROBIN)!;
    const ids = fieldStatuses(FORMS, 1, {}, robin.context)
      .filter((s) => s.state === 'asked')
      .map((s) => s.field.id);
    expect(ids).toContain('docProofOfIncome');
    // A child who is the head of household (a youth household) is asked it too.
    const youthHead = projectStartView(
      viewInput({
        clientId: SKY,
        draft: draft({
          members: [
            sky({ relationshipToHoH: 1, cls: { ...emptyStartCls(), currentLivingSituation: 116 } }),
          ],
        }),
      }),
    );
    const head = youthHead.memberSteps.get(SKY)!;
    expect(
      fieldStatuses(FORMS, 1, {}, head.context).some(
        (s) => s.field.id === 'docProofOfIncome' && s.state === 'asked',
      ),
    ).toBe(true);
  });
});
