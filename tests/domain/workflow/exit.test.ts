import { describe, expect, it } from 'vitest';
import { isValidFor, livingSituationGroup } from '../../../src/domain/codes';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  activeAssignmentsOf,
  answerExitLeave14Days,
  buildExit,
  checkExitCls,
  chooseDestination,
  chooseExitCls,
  chooseReason,
  destinationGroups,
  exitClsChoice,
  exitSubject,
  followSuggestedExitCls,
  initialExitForm,
  openMembersBlockingExit,
  prefillExitAnswers,
  prefillSource,
  suggestedDestinations,
  suggestedExitCls,
  validateExitForm,
  type ExitForm,
  type ExitInput,
  type HouseholdMemberInfo,
} from '../../../src/domain/workflow/exit';
import { livingSituationOptionGroups } from '../../../src/domain/workflow/living-situations';

const TODAY = '2026-03-10';
const ENROLLMENT = 'e'.repeat(32);
const CLIENT = 'c'.repeat(32);
const ME = 'a'.repeat(32);
const OTHER_CM = 'b'.repeat(32);
const CLS_ID = 'd'.repeat(32);

/** Hennepin answers required at exit, for a head of household. */
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

function form(overrides: Partial<ExitForm> = {}): ExitForm {
  return {
    reason: 'housed',
    exitDate: TODAY,
    destination: 410,
    destinationSubsidyType: null,
    otherDestination: '',
    cls: null,
    clsSubsidyType: null,
    // 410 asks 4.12.B (W-EX2): "No".
    leaveSituation14Days: 0,
    subsequentResidence: null,
    resourcesToObtain: null,
    leaseOwn60Day: null,
    movedTwoOrMore: null,
    answers: REQUIRED_ANSWERS,
    incomeCopy: null,
    ...overrides,
  };
}

function me(overrides: Partial<HouseholdMemberInfo> = {}): HouseholdMemberInfo {
  return {
    enrollmentId: ENROLLMENT,
    clientId: CLIENT,
    relationshipToHoH: 1,
    exitDate: null,
    name: 'Robin Testperson',
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
    household: [me()],
    assignments: [],
    caseManagerId: ME,
    today: TODAY,
    projectType: 6,
    subject: { isHeadOfHousehold: true, isAdult: true },
    newId: () => CLS_ID,
    ...overrides,
  };
}

const errorsOf = (i: ExitInput) => validateExitForm(i).filter((x) => x.severity === 'error');

describe('fixtures', () => {
  it('the Hennepin answers used here are valid at exit', () => {
    expect(errorsOf(input())).toEqual([]);
  });
});

describe('Destinations', () => {
  it('offers only codes valid as a Destination, grouped by living-situation group', () => {
    const groups = destinationGroups(null);
    const codes = groups.flatMap((g) => g.options.map((o) => o.code));
    expect(codes.every((c) => isValidFor(c, 'destination'))).toBe(true);
    expect(codes).not.toContain(335);
    expect(codes).not.toContain(37);
    expect(codes).toContain(24);
    for (const g of groups) {
      expect(g.options.every((o) => livingSituationGroup(o.code) === g.group)).toBe(true);
    }
  });

  it('lists the institutional group first for treatment or jail, permanent first for housed', () => {
    expect(destinationGroups('treatment_or_jail')[0]!.group).toBe('institutional');
    expect(destinationGroups('housed')[0]!.group).toBe('permanent');
    expect(destinationGroups('deceased')[0]!.group).toBe('other');
  });

  it('suggests Destinations from the reason', () => {
    expect(suggestedDestinations('deceased')).toEqual([24]);
    expect(suggestedDestinations('treatment_or_jail')).toContain(207);
    expect(suggestedDestinations('housed')).toContain(435);
    expect(suggestedDestinations(null)).toEqual([]);
  });

  it('choosing "Deceased" as the reason chooses the Destination "Deceased" when none is chosen', () => {
    const f = chooseReason(form({ reason: null, destination: null }), 'deceased');
    expect(f.destination).toBe(24);
    // A Destination already chosen is left alone.
    expect(chooseReason(form({ destination: 410 }), 'deceased').destination).toBe(410);
  });

  it('keeps the subsidy type only with 435', () => {
    const f = chooseDestination(form({ destination: 435, destinationSubsidyType: 433 }), 410);
    expect(f.destinationSubsidyType).toBeNull();
    expect(
      chooseDestination(form({ destination: 435, destinationSubsidyType: 433 }), 435)
        .destinationSubsidyType,
    ).toBe(433);
  });

  it('requires the subsidy type for 435', () => {
    const issues = errorsOf(input({ form: form({ destination: 435 }) }));
    expect(issues.map((i) => i.field)).toContain('destinationSubsidyType');
    expect(
      errorsOf(input({ form: form({ destination: 435, destinationSubsidyType: 433 }) })),
    ).toEqual([]);
  });
});

describe('the exit Current Living Situation', () => {
  it('is suggested from the Destination, always a code valid for 4.12 in the same group', () => {
    for (const { options } of destinationGroups(null)) {
      for (const { code: value } of options) {
        if (value === 24 || value === 30) continue; // W-EX1: no CLS at all
        const cls = suggestedExitCls(value);
        expect(cls, `Destination ${value}`).not.toBeNull();
        expect(isValidFor(cls!, 'current')).toBe(true);
        const group = livingSituationGroup(value);
        if (group !== 'other') {
          expect(checkExitCls(form({ destination: value })).mismatch, `Destination ${value}`).toBe(
            false,
          );
        }
      }
    }
    expect(suggestedExitCls(410)).toBe(410);
    expect(suggestedExitCls(312)).toBe(335);
    expect(suggestedExitCls(423)).toBe(336);
    expect(suggestedExitCls(null)).toBeNull();
  });

  it('carries the Destination subsidy type to a 435 Current Living Situation', () => {
    const choice = exitClsChoice(form({ destination: 435, destinationSubsidyType: 433 }));
    expect(choice).toEqual({ code: 435, subsidyType: 433, suggested: true });
  });

  it('reports a mismatch with the words and the one-tap fix, and the fix clears it', () => {
    const mismatched = chooseExitCls(form({ destination: 410 }), 101);
    const check = checkExitCls(mismatched);
    expect(check.mismatch).toBe(true);
    expect(check.message).toBe(
      'The Current Living Situation (Emergency shelter…, homeless) does not match the Destination (Rental by client, no ongoing housing subsidy, permanent). At exit they should describe the same place.',
    );
    expect(check.suggestion).toBe(410);
    const issues = errorsOf(input({ form: mismatched }));
    expect(issues.map((i) => i.message)).toContain(check.message);

    const fixed = followSuggestedExitCls(mismatched);
    expect(checkExitCls(fixed).mismatch).toBe(false);
    // The shelter dropped the 4.12.B answer; 410 asks it again (W-EX2).
    expect(errorsOf(input({ form: answerExitLeave14Days(fixed, 0) }))).toEqual([]);
  });

  it('lets family / friends match a permanent-tenure Destination', () => {
    expect(checkExitCls(chooseExitCls(form({ destination: 422 }), 336)).mismatch).toBe(false);
  });

  it('orders the 4.12 choices with the Destination group first and offers only 4.12 codes', () => {
    const groups = livingSituationOptionGroups('current', { first: 'institutional' });
    expect(groups[0]!.group).toBe('institutional');
    const codes = groups.flatMap((g) => g.options.map((o) => o.code));
    expect(codes.every((c) => isValidFor(c, 'current'))).toBe(true);
    expect(codes).not.toContain(24);
  });

  it('a 435 Current Living Situation chosen by hand needs its own subsidy type', () => {
    const f = chooseExitCls(form({ destination: 410 }), 435);
    expect(errorsOf(input({ form: f })).map((i) => i.field)).toContain('clsSubsidyType');
  });
});

describe('dates and reason', () => {
  it('refuses a future exit date and one before project start', () => {
    expect(errorsOf(input({ form: form({ exitDate: '2026-03-11' }) }))[0]).toMatchObject({
      field: 'exitDate',
    });
    expect(errorsOf(input({ form: form({ exitDate: '2025-05-31' }) }))[0]).toMatchObject({
      field: 'exitDate',
    });
    expect(errorsOf(input({ form: form({ exitDate: '' }) }))[0]!.message).toBe(
      'Enter the exit date.',
    );
  });

  it('requires a reason and a Destination', () => {
    const fields = errorsOf(input({ form: form({ reason: null, destination: null }) })).map(
      (i) => i.field,
    );
    expect(fields).toContain('exitReason');
    expect(fields).toContain('destination');
  });
});

describe('the exit assessment', () => {
  it('pre-fills from the newest update, else the Entry; an existing Exit assessment wins', () => {
    const entry = {
      informationDate: '2025-06-01',
      dataCollectionStage: 1,
      answers: { docPhotoId: 'does_not_have', incomeFromAnySource: 0, householdMonthlyIncome: 0 },
    };
    const updates = [
      {
        informationDate: '2026-01-05',
        dataCollectionStage: 2,
        answers: { docPhotoId: 'has', householdMonthlyIncome: 1200 },
      },
    ];
    const answers = prefillExitAnswers(entry, updates);
    expect(answers).toMatchObject({ docPhotoId: 'has', householdMonthlyIncome: 1200 });
    // W-EX4: 4.02–4.04 are not pre-filled from the Entry.
    expect(answers.incomeFromAnySource).toBeUndefined();
    expect(prefillSource(entry, updates)).toEqual({ kind: 'update', date: '2026-01-05' });
    expect(prefillSource(entry, [])).toEqual({ kind: 'entry', date: '2025-06-01' });
    const withExit = prefillExitAnswers(entry, updates, {
      answers: { docPhotoId: 'working_on_it' },
    });
    expect(withExit.docPhotoId).toBe('working_on_it');
    const initial = initialExitForm({ today: TODAY, entry, updates });
    expect(initial.exitDate).toBe(TODAY);
    expect(initial.reason).toBeNull();
  });

  it('requires the Hennepin exit answers but not MN Core income, benefits, insurance', () => {
    const issues = errorsOf(input({ form: form({ answers: {} }) }));
    const fields = issues.map((i) => i.field);
    expect(fields).toContain('answers.exitContactConfirmed');
    expect(fields).toContain('answers.docPhotoId');
    expect(fields).not.toContain('answers.incomeFromAnySource');
  });

  it('still checks MN Core answers that are given', () => {
    const issues = errorsOf(
      input({ form: form({ answers: { ...REQUIRED_ANSWERS, incomeFromAnySource: 1 } }) }),
    );
    expect(issues.map((i) => i.field)).toContain('answers.incomeFromAnySource');
  });

  it('asks the exit checklist of the head of household only', () => {
    const issues = errorsOf(
      input({
        enrollment: { ...input().enrollment, relationshipToHoH: 3 },
        household: [me({ relationshipToHoH: 3 })],
        subject: { isHeadOfHousehold: false, isAdult: false },
        form: form({
          answers: { ...REQUIRED_ANSWERS, householdMonthlyIncome: undefined } as never,
        }),
      }),
    );
    expect(issues.map((i) => i.field)).not.toContain('answers.exitContactConfirmed');
  });

  it('works out who the assessment is about', () => {
    expect(exitSubject(1, '1990-01-01', TODAY)).toEqual({
      isHeadOfHousehold: true,
      isAdult: true,
    });
    expect(exitSubject(2, '2010-03-11', TODAY)).toEqual({
      isHeadOfHousehold: false,
      isAdult: false,
    });
    expect(exitSubject(3, '2008-03-10', TODAY).isAdult).toBe(true);
    expect(exitSubject(3, null, TODAY).isAdult).toBe(true);
  });
});

describe('W-EX5 the head of household exits last', () => {
  const child = me({
    enrollmentId: 'f'.repeat(32),
    clientId: '9'.repeat(32),
    relationshipToHoH: 2,
    name: 'Sam Testperson',
  });

  it('W-EX5 blocks the head of household while other members are open, naming them', () => {
    const i = input({ household: [me(), child] });
    expect(openMembersBlockingExit(i.enrollment, i.household)).toEqual([child]);
    const issue = errorsOf(i).find((x) => x.field === 'household');
    expect(issue?.message).toBe(
      'The head of household exits last: Sam Testperson is still enrolled. To exit the head of household, exit Sam Testperson first.',
    );
    expect(buildExit(i).changes).toEqual([]);
  });

  it('W-EX5 does not block another member, nor a head whose members have exited', () => {
    const asChild = input({
      enrollment: { ...input().enrollment, id: child.enrollmentId, relationshipToHoH: 2 },
      household: [me(), child],
    });
    expect(openMembersBlockingExit(asChild.enrollment, asChild.household)).toEqual([]);
    const exited = input({ household: [me(), { ...child, exitDate: '2026-03-01' }] });
    expect(errorsOf(exited)).toEqual([]);
  });

  it('W-EX5 refuses a head exit dated before a member exited, with the same message', () => {
    const i = input({
      household: [me(), { ...child, exitDate: '2026-03-05' }],
      form: form({ exitDate: '2026-03-01' }),
    });
    const issue = errorsOf(i).find((x) => x.field === 'exitDate');
    expect(issue?.message).toBe(
      'The head of household exits last: Sam Testperson exited March 5, 2026. To exit the head of household, use an exit date on or after March 5, 2026.',
    );
  });
});

describe('buildExit', () => {
  it('writes the exit fields, the Exit assessment, the CLS and ends my assignment', () => {
    const { changes, issues } = buildExit(
      input({
        form: form({ destination: 435, destinationSubsidyType: 433, reason: 'housed' }),
        assignments: [
          { id: '1'.repeat(32), caseManagerId: ME, startDate: '2025-06-01', endDate: null },
          { id: '2'.repeat(32), caseManagerId: OTHER_CM, startDate: '2025-06-01', endDate: null },
          { id: '3'.repeat(32), caseManagerId: ME, startDate: '2025-01-01', endDate: '2025-05-01' },
        ],
      }),
    );
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(changes).toEqual([
      {
        type: 'enrollment',
        id: ENROLLMENT,
        op: 'patch',
        fields: {
          exitDate: TODAY,
          exitReason: 'housed',
          destination: 435,
          destinationSubsidyType: 433,
          otherDestination: null,
        },
      },
      {
        type: 'assessment',
        id: singletonAssessmentId(ENROLLMENT, 3),
        op: 'create',
        fields: {
          enrollmentId: ENROLLMENT,
          clientId: CLIENT,
          dataCollectionStage: 3,
          informationDate: TODAY,
          ...Object.fromEntries(
            Object.entries(REQUIRED_ANSWERS).map(([k, v]) => [`answers.${k}`, v]),
          ),
        },
      },
      {
        type: 'currentLivingSituation',
        id: CLS_ID,
        op: 'create',
        fields: {
          enrollmentId: ENROLLMENT,
          clientId: CLIENT,
          informationDate: TODAY,
          currentLivingSituation: 435,
          clsSubsidyType: 433,
          verifiedBy: null,
          leaveSituation14Days: 0,
          subsequentResidence: null,
          resourcesToObtain: null,
          leaseOwn60Day: null,
          movedTwoOrMore: null,
          locationDetails: null,
        },
      },
      {
        type: 'caseManagerAssignment',
        id: '1'.repeat(32),
        op: 'patch',
        fields: { endDate: TODAY },
      },
    ]);
  });

  it('drops answers the forms no longer ask', () => {
    const { changes } = buildExit(
      input({
        form: form({
          answers: { ...REQUIRED_ANSWERS, householdIncomeSources: ['Earned'], hasPets: 0 },
        }),
      }),
    );
    const exit = changes.find((c) => c.type === 'assessment')!;
    expect(exit.fields['answers.householdIncomeSources']).toBeUndefined();
    expect(exit.fields['answers.hasPets']).toBe(0);
  });

  it('patches an existing Exit assessment with what changed, clearing answers no longer asked', () => {
    const existingId = singletonAssessmentId(ENROLLMENT, 3);
    const { changes } = buildExit(
      input({
        existingExit: {
          id: existingId,
          informationDate: '2026-03-09',
          answers: {
            ...REQUIRED_ANSWERS,
            docPhotoId: 'does_not_have',
            householdIncomeSources: [1],
          },
        },
      }),
    );
    expect(changes.find((c) => c.type === 'assessment')).toEqual({
      type: 'assessment',
      id: existingId,
      op: 'patch',
      fields: {
        informationDate: TODAY,
        'answers.docPhotoId': 'has',
        'answers.householdIncomeSources': null,
      },
    });
  });

  it('writes Destination subsidy type null when the Destination is not 435', () => {
    const { changes } = buildExit(input({ form: form({ destinationSubsidyType: 433 }) }));
    expect(changes[0]!.fields.destinationSubsidyType).toBeNull();
  });

  it('finds only my open assignments', () => {
    expect(
      activeAssignmentsOf(
        [
          { id: 'x', caseManagerId: ME, startDate: '2025-01-01', endDate: null },
          { id: 'y', caseManagerId: OTHER_CM, startDate: '2025-01-01', endDate: null },
        ],
        ME,
      ).map((a) => a.id),
    ).toEqual(['x']);
  });
});
