// The contact describes the household: 4.12 per member HUD asks (W-CT1, W-CT2), 4.02/4.03/4.04
// per member on their stage-2 Update (W-CT3), one income question (W-CT4), backfills on the Entry
// (W-CT5). Synthetic people only.
import { describe, expect, it } from 'vitest';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  buildContactChanges,
  chooseLivingSituation,
  clsMembers,
  derivedHouseholdIncome,
  emptyContactForm,
  householdIncomeFrom402,
  incomeMembers,
  setIncomeAnswer,
  setSameAsFirst,
  updateMemberCls,
  validateContact,
  type ContactForm,
  type ContactMember,
  type ContactSaveInput,
} from '../../../src/domain/workflow/contact';
import { interimFieldIds } from '../../../src/domain/workflow/interim';

const NOW = Date.parse('2026-03-10T18:00:00Z');
const TODAY = '2026-03-10';
const START = '2026-02-01';
const PROVIDER = 'p'.repeat(32);

function member(
  n: string,
  relationshipToHoH: number,
  dob: string | null,
  over: Partial<ContactMember['enrollment']> = {},
  extra: Partial<ContactMember> = {},
): ContactMember {
  return {
    enrollment: {
      id: n.repeat(32),
      clientId: n.toUpperCase().repeat(32),
      projectStartDate: START,
      exitDate: null,
      relationshipToHoH,
      providerId: PROVIDER,
      ...over,
    },
    dob,
    firstName: `Test${n}`,
    ...extra,
  };
}

const HOH = member('a', 1, '1985-01-01');
const PARTNER = member('b', 3, '1988-06-01');
const CHILD = member('c', 2, '2015-04-04');
/** Turns 18 on the day after the contact. */
const TEEN = member('d', 2, '2008-03-11');
const EXITED = member('e', 3, '1970-01-01', { exitDate: '2026-03-01' });
const OTHER_PROJECT = member('f', 3, '1970-01-01', { providerId: 'q'.repeat(32) });

function input(form: Partial<ContactForm>, over: Partial<ContactSaveInput> = {}): ContactSaveInput {
  return {
    form: { ...emptyContactForm(NOW), kind: 'in_person', currentLivingSituation: 101, ...form },
    enrollment: HOH.enrollment,
    dob: HOH.dob,
    defaults: { kind: null, location: null, previousCls: null },
    entry: undefined,
    updates: [],
    household: [HOH, PARTNER, CHILD, TEEN, EXITED, OTHER_PROJECT],
    projectType: 6,
    today: TODAY,
    now: NOW,
    ids: {
      contact: '1'.repeat(32),
      currentLivingSituation: '2'.repeat(32),
      update: '3'.repeat(32),
      members: {
        [PARTNER.enrollment.id]: { currentLivingSituation: '4'.repeat(32), update: '5'.repeat(32) },
      },
    },
    ...over,
  };
}

const clsRows = (r: ReturnType<typeof buildContactChanges>) =>
  r.changes.filter((c) => c.type === 'currentLivingSituation');
const assessments = (r: ReturnType<typeof buildContactChanges>) =>
  r.changes.filter((c) => c.type === 'assessment');

describe('W-CT1: 4.12 for the head of household and each adult', () => {
  it('W-CT1 asks the contacted member first, then the HoH and adults open in the project; not children', () => {
    const asked = clsMembers(PARTNER, [CHILD, TEEN, HOH, EXITED, OTHER_PROJECT], TODAY);
    expect(asked.map((m) => m.enrollment.id)).toEqual([PARTNER.enrollment.id, HOH.enrollment.id]);
    // On the teen's 18th birthday they are an adult.
    const later = clsMembers(HOH, [TEEN], '2026-03-11');
    expect(later.map((m) => m.enrollment.id)).toEqual([HOH.enrollment.id, TEEN.enrollment.id]);
    // An unknown date of birth counts as adult; a contacted child is still asked (first row).
    expect(clsMembers(CHILD, [member('g', 3, null)], TODAY)).toHaveLength(2);
  });

  it('W-CT1 writes one CLS per member, on the member’s own enrollment; the contact points at the first', () => {
    const r = buildContactChanges(input({}));
    expect(r.issues).toEqual([]);
    const rows = clsRows(r);
    expect(rows.map((c) => c.fields.enrollmentId)).toEqual([
      HOH.enrollment.id,
      PARTNER.enrollment.id,
    ]);
    expect(rows.map((c) => c.fields.clientId)).toEqual([
      HOH.enrollment.clientId,
      PARTNER.enrollment.clientId,
    ]);
    expect(rows.every((c) => c.fields.informationDate === TODAY)).toBe(true);
    const contact = r.changes.find((c) => c.type === 'contact')!;
    expect(contact.fields.currentLivingSituationId).toBe('2'.repeat(32));
    expect(contact.fields.enrollmentId).toBe(HOH.enrollment.id);
  });

  it('without a household, only the contacted member (as before)', () => {
    const r = buildContactChanges(input({}, { household: undefined }));
    expect(clsRows(r)).toHaveLength(1);
  });
});

describe('W-CT2: "same as" the first row, changeable per member', () => {
  it('W-CT2 copies the first row’s situation and 4.12.B–F while "same as"', () => {
    let form: ContactForm = { ...emptyContactForm(NOW), kind: 'in_person' };
    form = chooseLivingSituation(form, 215, 6);
    form = { ...form, leaveSituation14Days: 1, subsequentResidence: 0, resourcesToObtain: 1 };
    const rows = clsRows(buildContactChanges(input(form)));
    expect(rows[1]!.fields).toMatchObject({
      currentLivingSituation: 215,
      leaveSituation14Days: 1,
      subsequentResidence: 0,
      resourcesToObtain: 1,
    });
  });

  it('W-CT2 a member changed to their own situation gets their own dependent answers (HUD null rule)', () => {
    let form: ContactForm = { ...emptyContactForm(NOW), kind: 'in_person' };
    form = chooseLivingSituation(form, 215, 6);
    form = { ...form, leaveSituation14Days: 1 };
    const id = PARTNER.enrollment.id;
    form = setSameAsFirst(form, id, false);
    form = updateMemberCls(form, id, (a) => chooseLivingSituation(a, 116, 6));
    const rows = clsRows(buildContactChanges(input(form)));
    expect(rows[0]!.fields).toMatchObject({ currentLivingSituation: 215, leaveSituation14Days: 1 });
    expect(rows[1]!.fields).toMatchObject({
      currentLivingSituation: 116,
      leaveSituation14Days: null,
      subsequentResidence: null,
    });
    // Back to "same as": follows the first row again.
    const again = clsRows(buildContactChanges(input(setSameAsFirst(form, id, true))));
    expect(again[1]!.fields.currentLivingSituation).toBe(215);
  });

  it('W-CT2 a member with their own answers but no situation blocks saving, on that member’s field', () => {
    const id = PARTNER.enrollment.id;
    let form = setSameAsFirst(
      { ...emptyContactForm(NOW), kind: 'in_person', currentLivingSituation: 101 },
      id,
      false,
    );
    form = updateMemberCls(form, id, (a) => chooseLivingSituation(a, null, 6));
    const issues = validateContact(input(form));
    expect(issues.map((i) => i.field)).toEqual([`member.${id}.currentLivingSituation`]);
    expect(issues[0]!.message).toMatch(/Testb is staying now/);
  });

  it('W-CT2 a member’s 435 needs a subsidy type (4.12.A) of their own', () => {
    const id = PARTNER.enrollment.id;
    let form = setSameAsFirst(
      { ...emptyContactForm(NOW), kind: 'in_person', currentLivingSituation: 101 },
      id,
      false,
    );
    form = updateMemberCls(form, id, (a) => chooseLivingSituation(a, 435, 6));
    const issues = validateContact(input(form));
    expect(issues.some((i) => i.field === `member.${id}.clsSubsidyType`)).toBe(true);
  });
});

const incomeEntry = (answers: Record<string, unknown>) => ({
  dataCollectionStage: 1,
  informationDate: START,
  answers,
});
const NO_INCOME = {
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 1,
  medicaid: 1,
  householdMonthlyIncome: 0,
};

describe('W-CT3: 4.02/4.03/4.04 Update at a contact', () => {
  const household = [
    { ...HOH, entry: incomeEntry(NO_INCOME) },
    { ...PARTNER, entry: incomeEntry({ ...NO_INCOME, householdMonthlyIncome: undefined }) },
    { ...CHILD, entry: incomeEntry({ insuranceFromAnySource: 1, medicaid: 1 }) },
  ];
  const base = (form: ContactForm) => input(form, { household, entry: household[0]!.entry });

  it('W-CT3 offers 4.02–4.04 to every open member; 4.02/4.03 only to the HoH and adults', () => {
    const members = incomeMembers(base(emptyContactForm(NOW)), TODAY);
    expect(members.map((m) => m.enrollment.id)).toEqual([
      HOH.enrollment.id,
      PARTNER.enrollment.id,
      CHILD.enrollment.id,
    ]);
  });

  it('W-CT3 a changed income writes the complete 4.02/4.03/4.04 on the stage-2 Update, with the Hennepin answers', () => {
    let form: ContactForm = {
      ...emptyContactForm(NOW),
      kind: 'in_person',
      currentLivingSituation: 101,
      incomeOpen: true,
      interim: { legalInvolvement: 1, legalInvolvementKinds: ['probation_or_parole'] },
    };
    const id = HOH.enrollment.id;
    form = setIncomeAnswer(form, id, 'incomeFromAnySource', 1);
    form = setIncomeAnswer(form, id, 'earned', 1);
    form = setIncomeAnswer(form, id, 'earnedAmount', 1200);
    form = setIncomeAnswer(form, id, 'totalMonthlyIncome', 1200);
    const r = buildContactChanges(base(form));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const update = assessments(r).find((c) => c.id === '3'.repeat(32))!;
    expect(update.fields).toMatchObject({
      dataCollectionStage: 2,
      informationDate: TODAY,
      enrollmentId: id,
      'answers.incomeFromAnySource': 1,
      'answers.earned': 1,
      'answers.earnedAmount': 1200,
      'answers.totalMonthlyIncome': 1200,
      // unchanged, but recorded: a stage-2 IncomeBenefits row is complete
      'answers.benefitsFromAnySource': 0,
      'answers.insuranceFromAnySource': 1,
      'answers.medicaid': 1,
      'answers.legalInvolvement': 1,
      // W-CT4: the household figure follows 4.02
      'answers.householdMonthlyIncome': 1200,
      'answers.householdIncomeSources': [1],
    });
    // The partner's and the child's did not change: no Update for them.
    expect(assessments(r)).toHaveLength(1);
    expect(r.interim).toBe('update');
  });

  it('W-CT3 another member’s changed insurance goes on that member’s own Update', () => {
    let form: ContactForm = {
      ...emptyContactForm(NOW),
      kind: 'in_person',
      currentLivingSituation: 101,
      incomeOpen: true,
    };
    form = setIncomeAnswer(form, PARTNER.enrollment.id, 'insuranceFromAnySource', 0);
    const r = buildContactChanges(base(form));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const update = assessments(r).find((c) => c.id === '5'.repeat(32))!;
    expect(update.fields).toMatchObject({
      enrollmentId: PARTNER.enrollment.id,
      clientId: PARTNER.enrollment.clientId,
      dataCollectionStage: 2,
      'answers.insuranceFromAnySource': 0,
      'answers.incomeFromAnySource': 0,
    });
    expect(update.fields['answers.medicaid']).toBeUndefined();
    // Nothing changed for the contacted member: the contact points at no assessment.
    expect(r.interim).toBe('none');
  });

  it('W-CT3 blocks a source marked Yes without its amount, and a total that is not the sum (Eva 90)', () => {
    let form: ContactForm = {
      ...emptyContactForm(NOW),
      kind: 'in_person',
      currentLivingSituation: 101,
      incomeOpen: true,
    };
    const id = HOH.enrollment.id;
    form = setIncomeAnswer(form, id, 'incomeFromAnySource', 1);
    form = setIncomeAnswer(form, id, 'earned', 1);
    form = setIncomeAnswer(form, id, 'totalMonthlyIncome', 50);
    const fields = validateContact(base(form))
      .filter((i) => i.severity === 'error')
      .map((i) => i.field);
    expect(fields).toContain(`income.${id}.earnedAmount`);
    const withAmount = setIncomeAnswer(form, id, 'earnedAmount', 40);
    const sum = validateContact(base(withAmount)).filter((i) => i.severity === 'error');
    expect(sum.map((i) => i.field)).toEqual([`income.${id}.totalMonthlyIncome`]);
  });

  it('W-CT3 nothing is written for 4.02–4.04 when the part is closed', () => {
    const form = setIncomeAnswer(
      { ...emptyContactForm(NOW), kind: 'in_person', currentLivingSituation: 101 },
      HOH.enrollment.id,
      'insuranceFromAnySource',
      0,
    );
    expect(assessments(buildContactChanges(base(form)))).toEqual([]);
  });

  it('W-CT3 on the project start date the answers go to the member’s Entry (M4c)', () => {
    let form: ContactForm = {
      ...emptyContactForm(NOW),
      date: START,
      time: '10:00',
      kind: 'in_person',
      currentLivingSituation: 101,
      incomeOpen: true,
    };
    form = setIncomeAnswer(form, PARTNER.enrollment.id, 'insuranceFromAnySource', 0);
    const r = buildContactChanges(base(form));
    const entry = assessments(r).find(
      (c) => c.id === singletonAssessmentId(PARTNER.enrollment.id, 1),
    );
    expect(entry?.fields['answers.insuranceFromAnySource']).toBe(0);
    expect(assessments(r).some((c) => c.fields.dataCollectionStage === 2)).toBe(false);
  });
});

describe('W-CT4: one income question', () => {
  it('W-CT4 sums the members’ 4.02 totals; "No" counts 0; unknown makes the sum unknown', () => {
    expect(
      householdIncomeFrom402([
        { incomeFromAnySource: 1, earned: 1, totalMonthlyIncome: 1000.1 },
        { incomeFromAnySource: 1, ssi: 1, childSupport: 1, totalMonthlyIncome: 0.2 },
        { incomeFromAnySource: 0 },
      ]),
    ).toEqual({ total: 1000.3, sources: [1, 3, 13] });
    expect(householdIncomeFrom402([{ incomeFromAnySource: 0 }])).toEqual({ total: 0, sources: [] });
    expect(
      householdIncomeFrom402([{ incomeFromAnySource: 0 }, { incomeFromAnySource: 8 }]),
    ).toBeNull();
    expect(householdIncomeFrom402([{ incomeFromAnySource: 1 }])).toBeNull();
    expect(householdIncomeFrom402([])).toBeNull();
  });

  it('W-CT4 the Hennepin household income is not asked where 4.02 is collected', () => {
    expect(interimFieldIds({ householdIncomeFrom402: true })).not.toContain(
      'householdMonthlyIncome',
    );
    expect(interimFieldIds({ householdIncomeFrom402: true })).not.toContain(
      'householdIncomeSources',
    );
    expect(interimFieldIds()).toContain('householdMonthlyIncome');
    // A typed household figure is ignored once 4.02 is open.
    const r = buildContactChanges(
      input({ interim: { householdMonthlyIncome: 999 }, incomeOpen: true }, { household: [] }),
    );
    expect(assessments(r).some((c) => c.fields['answers.householdMonthlyIncome'] === 999)).toBe(
      false,
    );
  });

  it('W-CT4 the derived figure includes adults, goes on the HoH’s record, and only when it changed', () => {
    const household = [
      {
        ...HOH,
        entry: incomeEntry({
          ...NO_INCOME,
          householdMonthlyIncome: 500,
          householdIncomeSources: [4],
        }),
      },
      {
        ...PARTNER,
        entry: incomeEntry({
          incomeFromAnySource: 1,
          ssdi: 1,
          ssdiAmount: 500,
          totalMonthlyIncome: 500,
        }),
      },
    ];
    // Contacted: the partner; the household figure is the HoH's answer.
    const form: ContactForm = {
      ...emptyContactForm(NOW),
      kind: 'in_person',
      currentLivingSituation: 101,
      incomeOpen: true,
    };
    const on = (f: ContactForm) =>
      input(f, {
        enrollment: PARTNER.enrollment,
        dob: PARTNER.dob,
        entry: household[1]!.entry,
        household,
        ids: {
          contact: '1'.repeat(32),
          currentLivingSituation: '2'.repeat(32),
          update: '3'.repeat(32),
          members: { [HOH.enrollment.id]: { update: '6'.repeat(32) } },
        },
      });
    expect(derivedHouseholdIncome(on(form), TODAY)?.income.total).toBe(500);
    // 500 is on record already: nothing to write.
    expect(assessments(buildContactChanges(on(form)))).toEqual([]);
    const raised = setIncomeAnswer(
      setIncomeAnswer(form, HOH.enrollment.id, 'incomeFromAnySource', 1),
      HOH.enrollment.id,
      'earned',
      1,
    );
    const full = setIncomeAnswer(
      setIncomeAnswer(raised, HOH.enrollment.id, 'earnedAmount', 300),
      HOH.enrollment.id,
      'totalMonthlyIncome',
      300,
    );
    const r = buildContactChanges(on(full));
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const hohUpdate = assessments(r).find((c) => c.id === '6'.repeat(32))!;
    expect(hohUpdate.fields).toMatchObject({
      enrollmentId: HOH.enrollment.id,
      'answers.householdMonthlyIncome': 800,
      'answers.householdIncomeSources': [1, 4],
      'answers.totalMonthlyIncome': 300,
    });
  });
});

describe('W-CT5: backfills stay on the Entry', () => {
  it('W-CT5 a missing Entry answer "also true at project start" patches the Entry, the Update keeps the new one', () => {
    const entry = incomeEntry({ docPhotoId: 'does_not_have' });
    const r = buildContactChanges(
      input(
        { interim: { legalInvolvement: 0 }, alsoAtStart: { legalInvolvement: true } },
        { entry, household: [] },
      ),
    );
    const ids = assessments(r).map((c) => c.id);
    expect(ids).toEqual(['3'.repeat(32), singletonAssessmentId(HOH.enrollment.id, 1)]);
    expect(r.backfilled).toEqual(['legalInvolvement']);
  });
});
