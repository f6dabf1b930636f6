// The exit's HUD conformance rules (issue 10 §1; audit §1 #3, #7, #11): 3.12.B, W-EX1–W-EX4.
import { describe, expect, it } from 'vitest';
import { GROUP_CHECKS } from '../../../src/domain/merge/policy';
import { validateDestination } from '../../../src/domain/validation';
import {
  EXIT_RULES,
  answerExitFollowUp,
  answerExitLeave14Days,
  buildExit,
  chooseDestination,
  chooseExitCls,
  confirmIncomeCopy,
  copyLatestIncomeAnswers,
  exitClsQuestions,
  exitWritesCls,
  hasFederalFunder,
  initialExitForm,
  latestIncomeAnswers,
  suggestedExitCls,
  validateExitForm,
  type ExitForm,
  type ExitInput,
} from '../../../src/domain/workflow/exit';

const TODAY = '2026-03-10';
const ENROLLMENT = 'e'.repeat(32);
const CLIENT = 'c'.repeat(32);
const CLS_ID = 'd'.repeat(32);

const REQUIRED_ANSWERS = {
  docPhotoId: 'has',
  docBirthCertificate: 'has',
  docSocialSecurityCard: 'has',
  docProofOfIncome: 'has',
  docDisabilityVerification: 'not_needed',
  docHomelessnessVerification: 'has',
  householdMonthlyIncome: 0,
  exitContactConfirmed: 1,
};
const INCOME_ANSWERS = {
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 0,
};
/** 4.05–4.10, required too with a federal funder (W-DIS3): every response No. */
const DISABILITY_ANSWERS = {
  physicalDisability: 0,
  developmentalDisability: 0,
  chronicHealthCondition: 0,
  hivAids: 0,
  mentalHealthDisorder: 0,
  substanceUseDisorder: 0,
};

function form(overrides: Partial<ExitForm> = {}): ExitForm {
  return {
    ...initialExitForm({ today: TODAY, entry: undefined, updates: [] }),
    reason: 'housed',
    destination: 410,
    leaveSituation14Days: 0,
    answers: REQUIRED_ANSWERS,
    ...overrides,
  };
}

function input(overrides: Partial<ExitInput> = {}): ExitInput {
  return {
    enrollment: {
      id: ENROLLMENT,
      clientId: CLIENT,
      projectStartDate: '2025-06-01',
      relationshipToHoH: 1,
      exitDate: null,
    },
    form: form(),
    household: [
      {
        enrollmentId: ENROLLMENT,
        clientId: CLIENT,
        relationshipToHoH: 1,
        exitDate: null,
        name: 'Robin Testperson',
      },
    ],
    assignments: [],
    caseManagerId: 'a'.repeat(32),
    today: TODAY,
    projectType: 6,
    subject: { isHeadOfHousehold: true, isAdult: true },
    newId: () => CLS_ID,
    ...overrides,
  };
}

const errorsOf = (i: ExitInput) => validateExitForm(i).filter((x) => x.severity === 'error');
const fieldsOf = (i: ExitInput) => errorsOf(i).map((x) => x.field);

describe('3.12.B OtherDestination', () => {
  it('3.12.B: Destination 17 asks "Specify the other destination", required', () => {
    const issue = errorsOf(
      input({ form: form({ reason: 'other_case_manager', destination: 17 }) }),
    ).find((i) => i.field === 'otherDestination');
    expect(issue).toMatchObject({ rule: '3.12.B' });
    expect(issue!.message).toMatch(/specify the other destination/);
  });

  it('3.12.B: at most 50 characters; the trimmed text is written with the exit fields', () => {
    const long = input({ form: form({ destination: 17, otherDestination: 'x'.repeat(51) }) });
    expect(errorsOf(long).find((i) => i.field === 'otherDestination')!.message).toMatch(/50/);
    const ok = buildExit(
      input({ form: form({ destination: 17, otherDestination: '  Cousin’s boat  ' }) }),
    );
    expect(ok.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(ok.changes[0]!.fields).toMatchObject({
      destination: 17,
      otherDestination: 'Cousin’s boat',
    });
  });

  it('3.12.B: null for every other Destination (the text is dropped with a new Destination)', () => {
    const f = chooseDestination(form({ destination: 17, otherDestination: 'A boat' }), 410);
    expect(f.otherDestination).toBe('');
    const { changes } = buildExit(input({ form: { ...form(), otherDestination: 'stale text' } }));
    expect(changes[0]!.fields.otherDestination).toBeNull();
  });

  it('3.12.B: the record rule (and the merge group check) refuses the text without 17, warns on 17 without it', () => {
    const base = { exitDate: TODAY, exitReason: 'housed' as const, destinationSubsidyType: null };
    expect(
      validateDestination({ ...base, destination: 410, otherDestination: 'A boat' }).find(
        (i) => i.field === 'otherDestination',
      )?.severity,
    ).toBe('error');
    expect(
      validateDestination({ ...base, destination: 17, otherDestination: null }).find(
        (i) => i.field === 'otherDestination',
      )?.severity,
    ).toBe('warning');
    const check = GROUP_CHECKS.enrollment!.exit!;
    const errors = (v: Record<string, unknown>) =>
      check(v)
        .filter((i) => i.severity === 'error')
        .map((i) => i.field);
    expect(errors({ ...base, destination: 410, otherDestination: 'A boat' })).toContain(
      'otherDestination',
    );
    // Older devices send no text: the merge keeps their exit.
    expect(errors({ ...base, destination: 17, otherDestination: null })).toEqual([]);
  });
});

describe('the exit Current Living Situation', () => {
  it('W-EX1: Destination 24 and 30 write no Current Living Situation', () => {
    for (const destination of [24, 30]) {
      expect(exitWritesCls(destination)).toBe(false);
      expect(suggestedExitCls(destination)).toBeNull();
      // Even one chosen by hand before the Destination is dropped.
      const f = chooseDestination(chooseExitCls(form(), 101), destination);
      const reason = destination === 24 ? 'deceased' : 'lost_contact';
      const { changes, issues } = buildExit(input({ form: { ...f, reason } }));
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(changes.map((c) => c.type)).toEqual(['enrollment', 'assessment']);
    }
    expect(EXIT_RULES.noClsWithoutContact).toBe('W-EX1');
  });

  it('W-EX2: 4.12.B is asked, and required, for a trigger code; not for a homeless situation', () => {
    const unanswered = input({ form: form({ leaveSituation14Days: null }) });
    expect(errorsOf(unanswered).find((i) => i.field === 'leaveSituation14Days')).toMatchObject({
      rule: 'W-EX2',
    });
    expect(exitClsQuestions(form(), 6).leaveSituation14Days).toBe(true);
    // 101 Emergency shelter does not ask it: the answer is dropped and saved as null.
    const shelter = chooseDestination(form({ reason: 'lost_contact' }), 101);
    expect(shelter.leaveSituation14Days).toBeNull();
    expect(exitClsQuestions(shelter, 6).leaveSituation14Days).toBe(false);
  });

  it('W-EX2: 4.12.C–F after a Yes, all written to the CLS record', () => {
    const yes = answerExitLeave14Days(form(), 1);
    const fields = fieldsOf(input({ form: yes }));
    expect(fields).toEqual(
      expect.arrayContaining([
        'subsequentResidence',
        'resourcesToObtain',
        'leaseOwn60Day',
        'movedTwoOrMore',
      ]),
    );
    let f = yes;
    for (const field of [
      'subsequentResidence',
      'resourcesToObtain',
      'leaseOwn60Day',
      'movedTwoOrMore',
    ] as const) {
      f = answerExitFollowUp(f, field, 0);
    }
    f = answerExitFollowUp(f, 'subsequentResidence', 1);
    const { changes, issues } = buildExit(input({ form: f }));
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(changes.find((c) => c.type === 'currentLivingSituation')!.fields).toMatchObject({
      currentLivingSituation: 410,
      leaveSituation14Days: 1,
      subsequentResidence: 1,
      resourcesToObtain: 0,
      leaseOwn60Day: 0,
      movedTwoOrMore: 0,
      verifiedBy: null,
    });
    // Back to "No": the follow-ups are dropped.
    expect(answerExitLeave14Days(f, 0).subsequentResidence).toBeNull();
  });
});

describe('4.02/4.03/4.04 at exit', () => {
  const federal = {
    funders: [1],
    hudFunders: [{ funder: 4, startDate: '2025-10-01', endDate: null }],
  };
  const county = {
    funders: [1],
    hudFunders: [{ funder: 46, startDate: '2025-10-01', endDate: null }],
  };

  it('W-EX3: hasFederalFunder: HUD CoC/ESG/… sources or local ESG/PATH/YHDP kinds, while the grant runs', () => {
    expect(hasFederalFunder(federal, TODAY)).toBe(true);
    expect(hasFederalFunder({ funders: [2] })).toBe(true); // local ESG
    expect(hasFederalFunder({ funders: [3, 4] })).toBe(true); // PATH, YHDP
    expect(hasFederalFunder(county, TODAY)).toBe(false); // 46 Local or Other
    expect(hasFederalFunder({ funders: [1, 5] })).toBe(false); // Case Management, CES
    expect(hasFederalFunder({ hudFunders: [{ funder: 50 }] })).toBe(false); // HOME
    for (const funder of [11, 21, 22, 43, 15, 33, 20]) {
      expect(hasFederalFunder({ hudFunders: [{ funder }] }), `funder ${funder}`).toBe(true);
    }
    const ended = { hudFunders: [{ funder: 4, startDate: '2024-01-01', endDate: '2025-12-31' }] };
    expect(hasFederalFunder(ended, TODAY)).toBe(false);
    expect(hasFederalFunder(ended, '2025-06-01')).toBe(true);
    expect(hasFederalFunder(null)).toBe(false);
  });

  it('W-EX3: required with a federal funder, optional for county case management', () => {
    const fields = fieldsOf(input({ provider: federal }));
    expect(fields).toEqual(
      expect.arrayContaining([
        'answers.incomeFromAnySource',
        'answers.benefitsFromAnySource',
        'answers.insuranceFromAnySource',
      ]),
    );
    expect(
      errorsOf(input({ provider: federal })).find((i) => i.field === 'answers.incomeFromAnySource')!
        .rule,
    ).toBe('W-EX3');
    expect(fieldsOf(input({ provider: county }))).toEqual([]);
    const answered = form({
      answers: { ...REQUIRED_ANSWERS, ...INCOME_ANSWERS, ...DISABILITY_ANSWERS },
    });
    expect(errorsOf(input({ provider: federal, form: answered }))).toEqual([]);
  });

  it('W-EX3: 4.02/4.03 of the head of household and adults, 4.04 of every member', () => {
    const child = input({
      provider: federal,
      enrollment: { ...input().enrollment, relationshipToHoH: 2 },
      subject: { isHeadOfHousehold: false, isAdult: false },
      form: form({ answers: {} }),
    });
    const fields = fieldsOf(child);
    expect(fields).toContain('answers.insuranceFromAnySource');
    expect(fields).not.toContain('answers.incomeFromAnySource');
    expect(fields).not.toContain('answers.benefitsFromAnySource');
  });

  it('W-EX4: the exit form starts without 4.02–4.04, whatever the Entry said', () => {
    const entry = {
      informationDate: '2025-06-01',
      dataCollectionStage: 1,
      answers: INCOME_ANSWERS,
    };
    const initial = initialExitForm({ today: TODAY, entry, updates: [] });
    expect(initial.answers).toEqual({});
    expect(initial.incomeCopy).toBeNull();
  });

  it('W-EX4: "Same as the latest answers" copies the newest, and nothing saves until confirmed', () => {
    const entry = {
      informationDate: '2025-06-01',
      dataCollectionStage: 1,
      answers: INCOME_ANSWERS,
    };
    const updates = [
      {
        informationDate: '2026-01-05',
        dataCollectionStage: 2,
        answers: { incomeFromAnySource: 1, earned: 1, earnedAmount: 900, totalMonthlyIncome: 900 },
      },
    ];
    const latest = latestIncomeAnswers(entry, updates)!;
    expect(latest.date).toBe('2026-01-05');
    expect(latest.answers).toMatchObject({ incomeFromAnySource: 1, benefitsFromAnySource: 0 });
    expect(latestIncomeAnswers(undefined, [])).toBeNull();

    const copied = copyLatestIncomeAnswers(form(), latest);
    expect(copied.answers).toMatchObject({ ...REQUIRED_ANSWERS, incomeFromAnySource: 1 });
    expect(copied.incomeCopy).toEqual({ from: '2026-01-05', confirmed: false });
    const blocked = buildExit(input({ provider: county, form: copied }));
    expect(blocked.changes).toEqual([]);
    expect(blocked.issues.find((i) => i.rule === 'W-EX4')?.field).toBe('incomeCopyConfirmed');

    const withDisabilities = (f: ExitForm): ExitForm => ({
      ...f,
      answers: { ...f.answers, ...DISABILITY_ANSWERS },
    });
    const confirmed = buildExit(
      input({ provider: federal, form: withDisabilities(confirmIncomeCopy(copied, true)) }),
    );
    const errors = confirmed.issues.filter((i) => i.severity === 'error');
    // Once confirmed, the reviewed answers are the exit's.
    expect(errors).toEqual([]);
    expect(confirmed.changes[1]!.fields).toMatchObject({
      'answers.incomeFromAnySource': 1,
      'answers.earnedAmount': 900,
    });

    const none = copyLatestIncomeAnswers(form(), latestIncomeAnswers(entry, [])!);
    expect(none.incomeCopy).toEqual({ from: '2025-06-01', confirmed: false });
    const saved = buildExit(
      input({ provider: federal, form: withDisabilities(confirmIncomeCopy(none, true)) }),
    );
    expect(saved.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(saved.changes[1]!.fields).toMatchObject({
      'answers.incomeFromAnySource': 0,
      'answers.insuranceFromAnySource': 0,
    });
  });
});
