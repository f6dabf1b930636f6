// 4.05–4.10 through the workflow, by funder: required at project start with a federal funder
// (W-DIS5), asked fresh at exit (W-DIS3), gaps on the backfill and the enrollment screen (W-DIS4),
// 3.08 warnings only where 3.08 is recorded (W-DIS2). Synthetic people only.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKLIST_REGISTRY, FORMS, formsForFunding } from '../../../src/domain/forms';
import type { AnswerValue, FormContext } from '../../../src/domain/forms';
import { newId } from '../../../src/domain/records';
import {
  backfillChange,
  backfillFieldIds,
  backfillIssues,
  backfillSnapshot,
  entryDisablingConditionWarnings,
  entryForms,
  entryMissing,
} from '../../../src/domain/workflow/backfill';
import { missingEntryCount } from '../../../src/domain/workflow/caseload';
import {
  EXIT_RULES,
  buildExit,
  exitFieldPart,
  initialExitForm,
  validateExitForm,
  type ExitForm,
  type ExitInput,
} from '../../../src/domain/workflow/exit';
import {
  buildProjectStartChanges,
  checkProjectStart,
  disablingConditionWarnings,
  missingEntryAnswerCount,
  projectStartForms,
  type ProjectStartInput,
  type ProjectStartMember,
} from '../../../src/domain/workflow/project-start';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';

const TODAY = '2026-03-10';
const id = (n: number) => n.toString(16).padStart(32, '0');

/** Every 4.05–4.10 response answered No (the "long-continued" follow-ups are then not asked). */
const ALL_NO: Record<string, AnswerValue> = {
  physicalDisability: 0,
  developmentalDisability: 0,
  chronicHealthCondition: 0,
  hivAids: 0,
  mentalHealthDisorder: 0,
  substanceUseDisorder: 0,
};
const RESPONSES = Object.keys(ALL_NO);

// ---- project start -----------------------------------------------------------------------------

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

const child = member({
  key: id(2),
  clientId: id(2),
  dob: '2018-01-09',
  name: 'Sky Testperson',
  relationshipToHoH: 2,
});

function start(overrides: Partial<ProjectStartInput> = {}): ProjectStartInput {
  return {
    providerId: id(10),
    projectType: 6,
    projectStartDate: '2026-03-02',
    today: TODAY,
    caseManagerId: id(11),
    caseManagerStartDate: null,
    members: [member()],
    ...overrides,
  };
}

const answerErrors = (input: ProjectStartInput) =>
  checkProjectStart(input).errors.filter((e) => e.target.kind === 'answer');

describe('W-DIS5: 4.05–4.10 at project start, by funder', () => {
  it('W-DIS5: the federal variant with a federal funder, the optional one otherwise', () => {
    expect(projectStartForms(start({ federal: true }))).toBe(formsForFunding(FORMS, true));
    expect(projectStartForms(start())).toBe(FORMS);
    expect(projectStartForms(start({ federal: false }))).toBe(FORMS);
  });

  it('W-DIS5: with a federal funder each unanswered question blocks, with a message naming it', () => {
    const errors = answerErrors(start({ federal: true }));
    expect(errors.map((e) => e.target.kind === 'answer' && e.target.fieldId)).toEqual(RESPONSES);
    expect(errors[0]!.message).toBe(
      '“Does the client have a physical disability?” is required at project start: this provider has a federal funder. If the client doesn’t know or prefers not to answer, choose that answer.',
    );
    expect(errors.every((e) => e.target.kind === 'answer' && e.target.memberKey === id(1))).toBe(
      true,
    );
  });

  it('W-DIS5: every member is asked, children included', () => {
    const errors = answerErrors(start({ federal: true, members: [member(), child] }));
    const sky = errors.filter((e) => e.target.kind === 'answer' && e.target.memberKey === id(2));
    expect(sky).toHaveLength(RESPONSES.length);
  });

  it('W-DIS5: 8/9/99 are answers; a Yes asks its "long-continued" question, also required', () => {
    const dontKnow = Object.fromEntries(RESPONSES.map((r) => [r, 8]));
    expect(
      answerErrors(start({ federal: true, members: [member({ answers: dontKnow })] })),
    ).toEqual([]);
    const yes = { ...ALL_NO, physicalDisability: 1, substanceUseDisorder: 3 };
    const errors = answerErrors(start({ federal: true, members: [member({ answers: yes })] }));
    expect(errors.map((e) => e.target.kind === 'answer' && e.target.fieldId)).toEqual([
      'physicalDisabilityIndefinite',
      'substanceUseDisorderIndefinite',
    ]);
    expect(errors[0]!.message).toMatch(
      /^“Is the physical disability expected to be long-continued/,
    );
  });

  it('W-DIS5: without a federal funder they are optional; other missing answers never block', () => {
    expect(answerErrors(start())).toEqual([]);
    // With a federal funder only 4.05–4.10 block: 3.08, 4.02 … are still left for the backfill.
    const check = checkProjectStart(
      start({ federal: true, members: [member({ answers: ALL_NO })] }),
    );
    expect(check.errors).toEqual([]);
    expect(missingEntryAnswerCount(member({ answers: ALL_NO }), start({ federal: true }))).toBe(
      missingEntryAnswerCount(member({ answers: ALL_NO }), start()),
    );
  });

  it('W-DIS5: the Entry saves the answers given, only those asked', () => {
    const answers = { ...ALL_NO, physicalDisabilityIndefinite: 1 };
    const { changes } = buildProjectStartChanges(
      start({ federal: true, members: [member({ answers })] }),
      {
        makeId: (() => {
          let n = 100;
          return () => id((n += 1));
        })(),
      },
    );
    const entry = changes.find((c) => c.type === 'assessment')!;
    expect(entry.fields).toMatchObject({ 'answers.physicalDisability': 0 });
    // Hidden by "No": not written.
    expect(entry.fields).not.toHaveProperty(['answers.physicalDisabilityIndefinite']);
  });

  it('W-DIS2: 3.08 warnings per member, never errors', () => {
    const disagreeing = member({ answers: { ...ALL_NO, disablingCondition: 0, hivAids: 1 } });
    const input = start({ federal: true, members: [disagreeing] });
    expect(disablingConditionWarnings(disagreeing, input).map((w) => w.message)).toEqual([
      expect.stringContaining('they disagree'),
    ]);
    const check = checkProjectStart(input);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toContainEqual({
      target: { kind: 'answer', memberKey: id(1), fieldId: 'disablingCondition' },
      message: expect.stringContaining('they disagree'),
    });
  });
});

// ---- exit ----------------------------------------------------------------------------------------

const FEDERAL = {
  funders: [1],
  hudFunders: [{ funder: 4, startDate: '2025-10-01', endDate: null }],
};
const COUNTY = {
  funders: [1],
  hudFunders: [{ funder: 46, startDate: '2025-10-01', endDate: null }],
};

const HENNEPIN_EXIT = {
  docPhotoId: 'has',
  docBirthCertificate: 'has',
  docSocialSecurityCard: 'has',
  docProofOfIncome: 'has',
  docDisabilityVerification: 'not_needed',
  docHomelessnessVerification: 'has',
  householdMonthlyIncome: 0,
  exitContactConfirmed: 1,
};
const INCOME = { incomeFromAnySource: 0, benefitsFromAnySource: 0, insuranceFromAnySource: 0 };

function exitForm(answers: Record<string, AnswerValue>): ExitForm {
  return {
    ...initialExitForm({ today: TODAY, entry: undefined, updates: [] }),
    reason: 'housed',
    destination: 410,
    leaveSituation14Days: 0,
    answers: { ...HENNEPIN_EXIT, ...INCOME, ...answers },
  };
}

function exit(overrides: Partial<ExitInput> = {}): ExitInput {
  return {
    enrollment: {
      id: id(20),
      clientId: id(21),
      projectStartDate: '2025-06-01',
      relationshipToHoH: 2,
      exitDate: null,
    },
    form: exitForm({}),
    household: [],
    assignments: [],
    caseManagerId: id(11),
    today: TODAY,
    projectType: 6,
    provider: FEDERAL,
    subject: { isHeadOfHousehold: false, isAdult: false },
    newId: () => id(22),
    ...overrides,
  };
}

const exitErrors = (input: ExitInput) =>
  validateExitForm(input).filter((i) => i.severity === 'error');

describe('W-DIS3: 4.05–4.10 at exit', () => {
  it('W-DIS3: required of every exiting member with a federal funder, with a message per question', () => {
    const errors = exitErrors(exit());
    expect(errors.map((e) => e.field)).toEqual(RESPONSES.map((r) => `answers.${r}`));
    expect(errors.every((e) => e.rule === EXIT_RULES.disabilitiesRequiredWithFederalFunder)).toBe(
      true,
    );
    expect(EXIT_RULES.disabilitiesRequiredWithFederalFunder).toBe('W-DIS3');
    expect(errors[0]!.message).toBe(
      '“Does the client have a physical disability?” is required at exit: this provider has a federal funder. Ask the client about today. If the client doesn’t know or prefers not to answer, choose that answer.',
    );
  });

  it('W-DIS3: optional without a federal funder (or once the grant has ended on the exit date)', () => {
    expect(exitErrors(exit({ provider: COUNTY }))).toEqual([]);
    expect(exitErrors(exit({ provider: null }))).toEqual([]);
    const ended = { hudFunders: [{ funder: 4, startDate: '2024-01-01', endDate: '2026-01-31' }] };
    expect(exitErrors(exit({ provider: ended, form: exitForm({}) }))).toEqual([]);
  });

  it('W-DIS3: 8/9/99 count as answers; a Yes asks "long-continued", required too', () => {
    const dontKnow = Object.fromEntries(RESPONSES.map((r) => [r, 9]));
    expect(exitErrors(exit({ form: exitForm(dontKnow) }))).toEqual([]);
    const yes = exitForm({ ...ALL_NO, mentalHealthDisorder: 1 });
    expect(exitErrors(exit({ form: yes })).map((e) => e.field)).toEqual([
      'answers.mentalHealthDisorderIndefinite',
    ]);
  });

  it('W-DIS3: never copied from the Entry or an Update: the exit form starts without them', () => {
    const entry = { informationDate: '2025-06-01', dataCollectionStage: 1, answers: ALL_NO };
    const update = {
      informationDate: '2026-01-05',
      dataCollectionStage: 2,
      answers: { physicalDisability: 1, physicalDisabilityIndefinite: 1 },
    };
    const initial = initialExitForm({ today: TODAY, entry, updates: [update] });
    for (const field of [...RESPONSES, 'physicalDisabilityIndefinite'])
      expect(initial.answers).not.toHaveProperty([field]);
  });

  it('W-DIS3: written on the stage-3 Exit assessment, only the asked answers', () => {
    const answers = { ...ALL_NO, physicalDisability: 1, physicalDisabilityIndefinite: 1 };
    // A follow-up left over from an earlier Yes is dropped (HUD's null rule).
    const { changes, issues } = buildExit(
      exit({ form: exitForm({ ...answers, hivAids: 0, chronicHealthConditionIndefinite: 1 }) }),
    );
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const assessment = changes.find((c) => c.type === 'assessment')!;
    expect(assessment.fields).toMatchObject({
      dataCollectionStage: 3,
      informationDate: TODAY,
      'answers.physicalDisability': 1,
      'answers.physicalDisabilityIndefinite': 1,
      'answers.substanceUseDisorder': 0,
    });
    expect(assessment.fields).not.toHaveProperty(['answers.chronicHealthConditionIndefinite']);
  });

  it('W-DIS3: an existing Exit assessment keeps its 4.05–4.10 answers when patched', () => {
    const existingExit = {
      id: id(30),
      informationDate: TODAY,
      dataCollectionStage: 3,
      answers: { ...HENNEPIN_EXIT, ...INCOME, ...ALL_NO },
    };
    const form = initialExitForm({ today: TODAY, entry: undefined, updates: [], existingExit });
    // The head of household, asked every Hennepin and income question the Exit holds.
    const { changes, issues } = buildExit(
      exit({
        existingExit,
        enrollment: { ...exit().enrollment, relationshipToHoH: 1 },
        subject: { isHeadOfHousehold: true, isAdult: true },
        form: { ...form, reason: 'housed', destination: 410, leaveSituation14Days: 0 },
      }),
    );
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(changes.find((c) => c.type === 'assessment')).toBeUndefined();
  });

  it('W-DIS2: no 3.08 check at exit (3.08 is recorded at entry only)', () => {
    const issues = validateExitForm(
      exit({ form: exitForm({ ...ALL_NO, hivAids: 1, disablingCondition: 0 }) }),
    );
    expect(issues.filter((i) => i.rule.startsWith('3.08'))).toEqual([]);
  });

  it('W-DIS3: the screen part of each answer', () => {
    expect(exitFieldPart('physicalDisability')).toBe('disabilities');
    expect(exitFieldPart('substanceUseDisorderIndefinite')).toBe('disabilities');
    expect(exitFieldPart('incomeFromAnySource')).toBe('optional');
    expect(exitFieldPart('docPhotoId')).toBe('required');
  });
});

// ---- backfill and the enrollment screen -----------------------------------------------------------

const enrollment = { id: newId(), clientId: newId(), projectStartDate: '2026-03-02' };
const adultHoH: FormContext = {
  projectType: 6,
  subject: { isHeadOfHousehold: true, isAdult: true },
  today: TODAY,
};

describe('W-DIS4: missing federal-required disabilities are gaps to backfill', () => {
  const entry = { answers: { livingSituation: 116 } };

  it('W-DIS4: entryForms is the provider’s variant, as the caseload counts it', () => {
    expect(entryForms(true)).toBe(formsForFunding(FORMS, true));
    expect(entryForms(false)).toBe(FORMS);
    const missing = (federal: boolean) =>
      entryMissing(entry, adultHoH, entryForms(federal)).map((m) => m.fieldId);
    expect(missing(true)).toEqual(expect.arrayContaining(RESPONSES));
    expect(missing(false)).not.toContain('physicalDisability');
    // The caseload's count of the same member agrees.
    const source = {
      enrollment: { id: enrollment.id, relationshipToHoH: 1, projectStartDate: '2026-03-02' },
      client: { id: enrollment.clientId, dob: '1990-05-17' },
      entry: { id: newId(), ...entry },
    };
    for (const federal of [true, false]) {
      expect(missingEntryCount(source, { today: TODAY, projectType: 6, federal })).toBe(
        missing(federal).length,
      );
    }
  });

  it('W-DIS4: the backfill form shows them, and a Yes brings up its follow-up', () => {
    const forms = entryForms(true);
    const snapshot = backfillSnapshot(entry, adultHoH, forms);
    for (const r of RESPONSES) expect(snapshot.missing.has(r)).toBe(true);
    const answers = { livingSituation: 116, physicalDisability: 1 };
    expect(
      backfillFieldIds(snapshot, answers, adultHoH, forms).has('physicalDisabilityIndefinite'),
    ).toBe(true);
    // A gap left open is still a gap, not an error.
    expect(backfillIssues(entry, answers, adultHoH, DEFAULT_PICKLIST_REGISTRY, forms)).toEqual([]);
    expect(backfillChange(enrollment, entry, answers, adultHoH, forms)?.fields).toEqual({
      'answers.physicalDisability': 1,
    });
  });

  it('W-DIS2: the backfill warns when 3.08 and 4.05–4.10 disagree, on the Entry as it would be', () => {
    const forms = entryForms(true);
    const before = { answers: { disablingCondition: 0 } };
    expect(entryDisablingConditionWarnings(before.answers, adultHoH, forms)).toEqual([]);
    const after = { disablingCondition: 0, hivAids: 1 };
    expect(entryDisablingConditionWarnings(after, adultHoH, forms).map((w) => w.rule)).toEqual([
      '3.08-disagrees',
    ]);
  });
});
