// 4.11 Domestic Violence (W-CT6) and 4.05–4.10 Disabilities (W-CT7) updated at a contact: who is
// asked, what the part starts with, what the stage-2 Update records (dependent answers null), what
// blocks saving, and the Entry on the project start date (M4c). Synthetic people only.
import { describe, expect, it } from 'vitest';
import { DISABILITIES, DISABILITIES_FEDERAL, visibleFields } from '../../../src/domain/forms';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  buildContactChanges,
  disabilitiesPart,
  disabilityMembers,
  dvMembers,
  dvPart,
  emptyContactForm,
  memberFormContext,
  partPrefill,
  setIncomeAnswer,
  setPartAnswer,
  validateContact,
  type ContactForm,
  type ContactMember,
  type ContactSaveInput,
  type HealthPart,
} from '../../../src/domain/workflow/contact';
import { disabilityUpdateForms } from '../../../src/domain/workflow/interim';

const NOW = Date.parse('2026-03-10T18:00:00Z');
const TODAY = '2026-03-10';
const START = '2026-02-01';
const PROVIDER = 'p'.repeat(32);

function member(
  n: string,
  relationshipToHoH: number,
  dob: string | null,
  entryAnswers: Record<string, unknown> = {},
  extra: Partial<ContactMember> = {},
): ContactMember {
  const enrollment = {
    id: n.repeat(32),
    clientId: n.toUpperCase().repeat(32),
    projectStartDate: START,
    exitDate: null,
    relationshipToHoH,
    providerId: PROVIDER,
  };
  return {
    enrollment,
    dob,
    firstName: `Test${n}`,
    entry: {
      id: singletonAssessmentId(enrollment.id, 1),
      enrollmentId: enrollment.id,
      dataCollectionStage: 1,
      informationDate: START,
      answers: entryAnswers,
    },
    updates: [],
    ...extra,
  };
}

const SURVIVOR = { domesticViolenceSurvivor: 1, whenOccurred: 3, currentlyFleeing: 0 };
const HOH = member('a', 1, '1985-01-01', {
  domesticViolenceSurvivor: 0,
  physicalDisability: 1,
  physicalDisabilityIndefinite: 1,
  mentalHealthDisorder: 0,
  // Stale: no disorder, so not asked and not shown.
  mentalHealthDisorderIndefinite: 1,
});
const PARTNER = member('b', 3, '1988-06-01', SURVIVOR);
const CHILD = member('c', 2, '2015-04-04', { physicalDisability: 0 });
/** Turns 18 on the day after the contact. */
const TEEN = member('d', 2, '2008-03-11');
const ID = {
  hoh: HOH.enrollment.id,
  partner: PARTNER.enrollment.id,
  child: CHILD.enrollment.id,
};

function input(form: Partial<ContactForm>, over: Partial<ContactSaveInput> = {}): ContactSaveInput {
  return {
    form: { ...emptyContactForm(NOW), kind: 'in_person', currentLivingSituation: 101, ...form },
    enrollment: HOH.enrollment,
    dob: HOH.dob,
    defaults: { kind: null, location: null, previousCls: null },
    entry: HOH.entry,
    updates: [],
    household: [HOH, PARTNER, CHILD, TEEN],
    projectType: 6,
    today: TODAY,
    now: NOW,
    ids: {
      contact: '1'.repeat(32),
      currentLivingSituation: '2'.repeat(32),
      update: '3'.repeat(32),
      members: {
        [ID.partner]: { currentLivingSituation: '4'.repeat(32), update: '5'.repeat(32) },
        [ID.child]: { update: '6'.repeat(32) },
      },
    },
    ...over,
  };
}

/** A form with a part open and these answers set, by enrollment id. */
function withAnswers(
  part: HealthPart,
  answers: Record<string, Record<string, unknown>>,
  base: Partial<ContactForm> = {},
): ContactForm {
  let form: ContactForm = {
    ...emptyContactForm(NOW),
    kind: 'in_person',
    currentLivingSituation: 101,
    ...base,
    [part === 'dv' ? 'dvOpen' : 'disabilitiesOpen']: true,
  };
  for (const [id, values] of Object.entries(answers)) {
    for (const [field, value] of Object.entries(values)) {
      form = setPartAnswer(form, part, id, field, value as never);
    }
  }
  return form;
}

const assessments = (r: ReturnType<typeof buildContactChanges>) =>
  r.changes.filter((c) => c.type === 'assessment');
const errors = (i: ContactSaveInput) =>
  validateContact(i).filter((issue) => issue.severity === 'error');
const answersOf = (fields: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(fields)
      .filter(([k]) => k.startsWith('answers.'))
      .map(([k, v]) => [k.slice('answers.'.length), v]),
  );

describe('W-CT6: 4.11 Domestic Violence update at a contact', () => {
  it('W-CT6 asks the head of household and adults open in the project, not children', () => {
    expect(dvMembers(input({}), TODAY).map((m) => m.enrollment.id)).toEqual([ID.hoh, ID.partner]);
    // The teen is an adult from their 18th birthday.
    expect(dvMembers(input({ date: '2026-03-11' }), '2026-03-11')).toHaveLength(3);
  });

  it('W-CT6 starts from the current 4.11: the newest update on or before the contact, else the Entry', () => {
    const later = {
      dataCollectionStage: 2,
      informationDate: '2026-03-20',
      answers: { currentlyFleeing: 8 },
    };
    const earlier = {
      dataCollectionStage: 2,
      informationDate: '2026-02-20',
      answers: { currentlyFleeing: 1 },
    };
    const m = { ...PARTNER, updates: [later, earlier] };
    const context = memberFormContext(m, TODAY, 6, TODAY);
    expect(partPrefill(dvPart(), m, TODAY, context)).toEqual({ ...SURVIVOR, currentlyFleeing: 1 });
    // 4.11.A/B left from an old Yes are not shown under a No.
    const no = member('g', 3, null, { domesticViolenceSurvivor: 0, whenOccurred: 2 });
    expect(partPrefill(dvPart(), no, TODAY, context)).toEqual({ domesticViolenceSurvivor: 0 });
  });

  it('W-CT6 a Yes records 4.11, 4.11.A and 4.11.B on the stage-2 Update, with the other answers of the contact', () => {
    const form = withAnswers(
      'dv',
      { [ID.hoh]: { domesticViolenceSurvivor: 1, whenOccurred: 1, currentlyFleeing: 1 } },
      { interim: { legalInvolvement: 0 } },
    );
    const r = buildContactChanges(input(form));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(assessments(r)).toHaveLength(1);
    const [update] = assessments(r);
    expect(update).toMatchObject({ id: '3'.repeat(32), op: 'create' });
    expect(update!.fields).toMatchObject({
      enrollmentId: ID.hoh,
      clientId: HOH.enrollment.clientId,
      dataCollectionStage: 2,
      informationDate: TODAY,
    });
    expect(answersOf(update!.fields)).toEqual({
      legalInvolvement: 0,
      domesticViolenceSurvivor: 1,
      whenOccurred: 1,
      currentlyFleeing: 1,
    });
    expect(r.interim).toBe('update');
  });

  it('W-CT6 a change to 4.11.B records the whole 4.11; a No nulls 4.11.A and 4.11.B', () => {
    const fleeing = buildContactChanges(
      input(withAnswers('dv', { [ID.partner]: { currentlyFleeing: 1 } })),
    );
    const [update] = assessments(fleeing);
    expect(update!.fields.enrollmentId).toBe(ID.partner);
    expect(answersOf(update!.fields)).toEqual({ ...SURVIVOR, currentlyFleeing: 1 });
    // Nothing changed for the contacted member: the contact points at no assessment.
    expect(fleeing.interim).toBe('none');

    const no = buildContactChanges(
      input(withAnswers('dv', { [ID.partner]: { domesticViolenceSurvivor: 0 } })),
    );
    expect(answersOf(assessments(no)[0]!.fields)).toEqual({
      domesticViolenceSurvivor: 0,
      whenOccurred: null,
      currentlyFleeing: null,
    });
  });

  it('W-CT6 blocks 4.11.A and 4.11.B unanswered after a Yes, and an emptied 4.11', () => {
    const yes = errors(input(withAnswers('dv', { [ID.hoh]: { domesticViolenceSurvivor: 1 } })));
    expect(yes.map((i) => i.field)).toEqual([
      `dv.${ID.hoh}.whenOccurred`,
      `dv.${ID.hoh}.currentlyFleeing`,
    ]);
    expect(yes[0]!.message).toMatch(/is required at an update/);
    // 8/9/99 are answers.
    const dontKnow = withAnswers('dv', {
      [ID.hoh]: { domesticViolenceSurvivor: 1, whenOccurred: 8, currentlyFleeing: 9 },
    });
    expect(errors(input(dontKnow))).toEqual([]);
    const emptied = errors(
      input(withAnswers('dv', { [ID.partner]: { domesticViolenceSurvivor: null } })),
    );
    expect(emptied.map((i) => i.field)).toEqual([`dv.${ID.partner}.domesticViolenceSurvivor`]);
    expect(emptied[0]!.message).toMatch(/^Answer “Has the client ever experienced/);
    expect(
      buildContactChanges(
        input(withAnswers('dv', { [ID.partner]: { domesticViolenceSurvivor: null } })),
      ).changes,
    ).toEqual([]);
  });

  it('W-CT6 an answer touched back to the current one, or a closed part, writes nothing', () => {
    const same = withAnswers('dv', { [ID.partner]: { ...SURVIVOR } });
    expect(assessments(buildContactChanges(input(same)))).toEqual([]);
    const closed = {
      ...withAnswers('dv', { [ID.hoh]: { domesticViolenceSurvivor: 1 } }),
      dvOpen: false,
    };
    const r = buildContactChanges(input(closed));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(assessments(r)).toEqual([]);
  });

  it('W-CT6 on the project start date the answers go to the member’s Entry (M4c)', () => {
    const form = withAnswers(
      'dv',
      { [ID.partner]: { domesticViolenceSurvivor: 0 } },
      { date: START, time: '10:00' },
    );
    const r = buildContactChanges(input(form));
    expect(assessments(r).some((c) => c.fields.dataCollectionStage === 2)).toBe(false);
    const entry = assessments(r).find((c) => c.id === singletonAssessmentId(ID.partner, 1))!;
    expect(entry.op).toBe('patch');
    expect(entry.fields).toEqual({
      'answers.domesticViolenceSurvivor': 0,
      'answers.whenOccurred': null,
      'answers.currentlyFleeing': null,
    });
  });
});

describe('W-CT7: 4.05–4.10 Disabilities update at a contact', () => {
  it('W-CT7 asks every member open in the project, children included', () => {
    expect(disabilityMembers(input({}), TODAY).map((m) => m.enrollment.id)).toEqual([
      ID.hoh,
      ID.partner,
      ID.child,
      TEEN.enrollment.id,
    ]);
  });

  it('W-CT7 uses the funder’s variant; the "long-continued" question follows the form', () => {
    expect(disabilityUpdateForms(false)).toEqual([DISABILITIES]);
    expect(disabilityUpdateForms(true)).toEqual([DISABILITIES_FEDERAL]);
    expect(disabilitiesPart(true).forms[0]).toBe(DISABILITIES_FEDERAL);
    const ids = (answers: Record<string, number>) =>
      visibleFields(DISABILITIES_FEDERAL, answers, 2).map((f) => f.id);
    expect(ids({ substanceUseDisorder: 0 })).not.toContain('substanceUseDisorderIndefinite');
    expect(ids({ substanceUseDisorder: 2 })).toContain('substanceUseDisorderIndefinite');
    expect(ids({})).not.toContain('hivAidsIndefinite');
  });

  it('W-CT7 starts from the current answers, without a stale follow-up under a No', () => {
    const context = memberFormContext(HOH, TODAY, 6, TODAY);
    const annual = {
      dataCollectionStage: 5,
      informationDate: '2026-03-01',
      answers: { chronicHealthCondition: 0 },
    };
    expect(
      partPrefill(disabilitiesPart(false), { ...HOH, updates: [annual] }, TODAY, context),
    ).toEqual({
      physicalDisability: 1,
      physicalDisabilityIndefinite: 1,
      chronicHealthCondition: 0,
      mentalHealthDisorder: 0,
    });
  });

  it('W-CT7 records each changed disability with its follow-up; a No nulls it; unchanged ones are not written', () => {
    const form = withAnswers('disabilities', {
      [ID.hoh]: {
        physicalDisability: 0,
        mentalHealthDisorder: 1,
        mentalHealthDisorderIndefinite: 0,
        substanceUseDisorder: 3,
        substanceUseDisorderIndefinite: 1,
      },
    });
    for (const federal of [false, true]) {
      const r = buildContactChanges(input(form, { federal }));
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      const [update] = assessments(r);
      expect(update!.fields).toMatchObject({ dataCollectionStage: 2, informationDate: TODAY });
      expect(answersOf(update!.fields)).toEqual({
        physicalDisability: 0,
        physicalDisabilityIndefinite: null,
        mentalHealthDisorder: 1,
        mentalHealthDisorderIndefinite: 0,
        substanceUseDisorder: 3,
        substanceUseDisorderIndefinite: 1,
      });
    }
  });

  it('W-CT7 a Yes without its follow-up saves (optional at an update in both variants)', () => {
    const form = withAnswers('disabilities', {
      [ID.partner]: { hivAids: 1, chronicHealthCondition: 1 },
    });
    for (const federal of [false, true]) {
      const r = buildContactChanges(input(form, { federal }));
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(answersOf(assessments(r)[0]!.fields)).toEqual({
        hivAids: 1,
        chronicHealthCondition: 1,
      });
    }
  });

  it('W-CT7 a child’s changed disability goes on the child’s own Update', () => {
    const r = buildContactChanges(
      input(
        withAnswers('disabilities', {
          [ID.child]: { physicalDisability: 1, physicalDisabilityIndefinite: 1 },
        }),
      ),
    );
    const [update] = assessments(r);
    expect(update).toMatchObject({ id: '6'.repeat(32), op: 'create' });
    expect(update!.fields).toMatchObject({
      enrollmentId: ID.child,
      clientId: CHILD.enrollment.clientId,
      dataCollectionStage: 2,
      'answers.physicalDisability': 1,
      'answers.physicalDisabilityIndefinite': 1,
    });
  });

  it('W-CT7 blocks an emptied disability answer and an answer not on the list', () => {
    const emptied = errors(
      input(withAnswers('disabilities', { [ID.hoh]: { physicalDisability: null } })),
    );
    expect(emptied.map((i) => i.field)).toEqual([`disabilities.${ID.hoh}.physicalDisability`]);
    expect(emptied[0]!.message).toMatch(/^Answer “Does the client have a physical disability\?”/);
    const bad = errors(
      input(withAnswers('disabilities', { [ID.child]: { substanceUseDisorder: 4 } })),
    );
    expect(bad.map((i) => [i.field, i.rule])).toEqual([
      [`disabilities.${ID.child}.substanceUseDisorder`, 'form:invalid'],
    ]);
  });

  it('W-CT7 on the project start date the answers go to the member’s Entry (M4c)', () => {
    const form = withAnswers(
      'disabilities',
      { [ID.hoh]: { physicalDisability: 0 } },
      { date: START, time: '10:00' },
    );
    const r = buildContactChanges(input(form));
    expect(r.interim).toBe('entry');
    expect(assessments(r)).toHaveLength(1);
    expect(assessments(r)[0]).toMatchObject({
      id: singletonAssessmentId(ID.hoh, 1),
      op: 'patch',
      fields: { 'answers.physicalDisability': 0, 'answers.physicalDisabilityIndefinite': null },
    });
  });
});

describe('W-CT3, W-CT6 and W-CT7 together', () => {
  it('W-CT6/W-CT7 one stage-2 Update per member holds its income, 4.11 and 4.05–4.10 answers', () => {
    let form = withAnswers('dv', { [ID.partner]: { currentlyFleeing: 1 } });
    form = setPartAnswer(
      { ...form, disabilitiesOpen: true },
      'disabilities',
      ID.partner,
      'hivAids',
      1,
    );
    form = { ...form, incomeOpen: true };
    for (const any of ['incomeFromAnySource', 'benefitsFromAnySource', 'insuranceFromAnySource']) {
      form = setIncomeAnswer(form, ID.partner, any, 0);
    }
    const r = buildContactChanges(input(form));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const updates = assessments(r);
    expect(updates.map((c) => c.id)).toEqual(['5'.repeat(32)]);
    expect(answersOf(updates[0]!.fields)).toEqual({
      incomeFromAnySource: 0,
      benefitsFromAnySource: 0,
      insuranceFromAnySource: 0,
      ...SURVIVOR,
      currentlyFleeing: 1,
      hivAids: 1,
    });
  });
});
