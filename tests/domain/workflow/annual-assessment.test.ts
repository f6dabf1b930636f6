import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKLIST_REGISTRY, FORMS, formsForFunding } from '../../../src/domain/forms';
import {
  annualAssessmentChanges,
  annualAssessmentId,
  annualAssessmentStatus,
  annualWindow,
  anniversaryStart,
  householdAnnualStatus,
  householdAnnualWords,
  latestOpenWindow,
  type AnnualAssessmentInfo,
  type AnnualAssessmentInput,
  type AnnualEnrollment,
} from '../../../src/domain/workflow/annual-assessment';

const ID = (n: number) => n.toString(16).padStart(32, '0');

const head: AnnualEnrollment = {
  id: ID(1),
  projectStartDate: '2024-03-15',
  exitDate: null,
  relationshipToHoH: 1,
};
const child: AnnualEnrollment = {
  id: ID(2),
  projectStartDate: '2024-04-01',
  exitDate: null,
  relationshipToHoH: 2,
};
const household = [head, child];

const annual = (
  enrollmentId: string,
  informationDate: string,
  id = ID(90),
): AnnualAssessmentInfo => ({
  id,
  enrollmentId,
  dataCollectionStage: 5,
  informationDate,
});

describe('W-ANNUAL-1: windows around the head of household’s anniversaries', () => {
  it('30 days either side of each anniversary', () => {
    expect(annualWindow('2024-03-15', 1)).toEqual({
      year: 1,
      anniversary: '2025-03-15',
      opens: '2025-02-13',
      closes: '2025-04-14',
    });
    expect(annualWindow('2024-02-29', 1).anniversary).toBe('2025-02-28');
    expect(annualWindow('2024-02-29', 4).anniversary).toBe('2028-02-29');
  });

  it('the latest window that has opened, or none before the first', () => {
    expect(latestOpenWindow('2024-03-15', '2025-02-12')).toBeNull();
    expect(latestOpenWindow('2024-03-15', '2025-02-13')?.year).toBe(1);
    expect(latestOpenWindow('2024-03-15', '2026-02-12')?.year).toBe(1);
    expect(latestOpenWindow('2024-03-15', '2026-02-13')?.year).toBe(2);
  });

  it('every member follows the HoH’s project start, not their own', () => {
    expect(anniversaryStart(child, household)).toBe('2024-03-15');
    expect(anniversaryStart(child, [child])).toBe('2024-04-01');
  });
});

describe('W-ANNUAL-2: annualAssessmentStatus', () => {
  it('not yet due before the first window opens (stays under a year)', () => {
    expect(annualAssessmentStatus(head, household, [], '2025-01-01')).toEqual({
      kind: 'not_due',
      next: annualWindow('2024-03-15', 1),
    });
  });

  it('due while the window is open, with the window dates; a child on the HoH’s window', () => {
    const s = annualAssessmentStatus(child, household, [], '2025-02-20');
    expect(s).toEqual({ kind: 'due', window: annualWindow('2024-03-15', 1) });
  });

  it('late once the window closed without one', () => {
    expect(annualAssessmentStatus(head, household, [], '2025-04-15').kind).toBe('late');
    expect(annualAssessmentStatus(head, household, [], '2025-04-14').kind).toBe('due');
  });

  it('done with an annual assessment dated in the window; one outside it does not count', () => {
    const inWindow = annual(head.id, '2025-03-01');
    expect(annualAssessmentStatus(head, household, [inWindow], '2025-05-01')).toEqual({
      kind: 'done',
      window: annualWindow('2024-03-15', 1),
      assessmentId: inWindow.id,
    });
    expect(
      annualAssessmentStatus(head, household, [annual(head.id, '2025-01-01')], '2025-05-01').kind,
    ).toBe('late');
    // Another member's, an update, or a deleted one do not count either.
    expect(annualAssessmentStatus(child, household, [inWindow], '2025-03-02').kind).toBe('due');
    expect(
      annualAssessmentStatus(
        head,
        household,
        [
          { ...inWindow, dataCollectionStage: 2 },
          { ...inWindow, deleted: true },
        ],
        '2025-03-02',
      ).kind,
    ).toBe('due');
  });

  it('each year again: last year’s assessment does not make the second anniversary done', () => {
    const s = annualAssessmentStatus(
      head,
      household,
      [annual(head.id, '2025-03-01')],
      '2026-03-01',
    );
    expect(s).toEqual({ kind: 'due', window: annualWindow('2024-03-15', 2) });
  });

  it('not due for an exited member, nor for one who joined after that anniversary', () => {
    expect(
      annualAssessmentStatus({ ...head, exitDate: '2025-03-01' }, household, [], '2025-03-10').kind,
    ).toBe('not_due');
    const baby = { ...child, id: ID(3), projectStartDate: '2025-03-20' };
    expect(annualAssessmentStatus(baby, [head, baby], [], '2025-04-01')).toEqual({
      kind: 'not_due',
      next: annualWindow('2024-03-15', 2),
    });
  });

  it('the household shows the most urgent: late, else due by the earliest close, else done', () => {
    const due = annualAssessmentStatus(head, household, [], '2025-03-01');
    const done = annualAssessmentStatus(
      head,
      household,
      [annual(head.id, '2025-03-01')],
      '2025-03-01',
    );
    const late = annualAssessmentStatus(head, household, [], '2025-05-01');
    expect(householdAnnualStatus([done, due])).toEqual({ kind: 'due', dueBy: '2025-04-14' });
    expect(householdAnnualWords(householdAnnualStatus([done, due]))).toBe(
      'Annual assessment due by April 14, 2025',
    );
    expect(householdAnnualStatus([due, late]).kind).toBe('late');
    expect(householdAnnualWords(householdAnnualStatus([late]))).toBe('Annual assessment late');
    expect(householdAnnualStatus([done, done])).toEqual({ kind: 'done' });
    expect(householdAnnualWords({ kind: 'done' })).toBeNull();
    expect(householdAnnualStatus([])).toEqual({ kind: 'none' });
  });
});

/** Required stage-5 answers of an adult: 4.02, 4.03, 4.04 "from any source". */
const adultAnswers = {
  incomeFromAnySource: 0,
  benefitsFromAnySource: 0,
  insuranceFromAnySource: 1,
  medicaid: 1,
};

function input(overrides: Partial<AnnualAssessmentInput> = {}): AnnualAssessmentInput {
  return {
    window: annualWindow('2024-03-15', 1),
    anniversaryFrom: '2024-03-15',
    informationDate: '2025-03-10',
    today: '2025-03-12',
    projectType: 6,
    forms: FORMS,
    picklists: DEFAULT_PICKLIST_REGISTRY,
    members: [
      {
        enrollment: head,
        clientId: ID(11),
        dob: '1990-01-01',
        assessments: [],
        answers: adultAnswers,
      },
      {
        enrollment: child,
        clientId: ID(12),
        dob: '2018-05-05',
        assessments: [],
        answers: { insuranceFromAnySource: 1, schip: 1, hivAids: 0 },
      },
    ],
    ...overrides,
  };
}

describe('W-ANNUAL-3, W-ANNUAL-4: recording the annual assessment of a household', () => {
  it('one stage-5 create per member, dated in the window, under a derived id', () => {
    const result = annualAssessmentChanges(input());
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      {
        type: 'assessment',
        id: annualAssessmentId(head.id, { anniversary: '2025-03-15' }),
        op: 'create',
        fields: {
          enrollmentId: head.id,
          clientId: ID(11),
          dataCollectionStage: 5,
          informationDate: '2025-03-10',
          'answers.incomeFromAnySource': 0,
          'answers.benefitsFromAnySource': 0,
          'answers.insuranceFromAnySource': 1,
          'answers.medicaid': 1,
        },
      },
      expect.objectContaining({
        id: annualAssessmentId(child.id, { anniversary: '2025-03-15' }),
        op: 'create',
      }),
    ]);
    expect(annualAssessmentId(head.id, { anniversary: '2025-03-15' })).not.toBe(
      annualAssessmentId(head.id, { anniversary: '2026-03-15' }),
    );
  });

  it('5.03.1-annual: a date outside the 30-day window is refused', () => {
    const result = annualAssessmentChanges(
      input({ informationDate: '2025-02-01', today: '2025-03-12' }),
    );
    expect(result.changes).toEqual([]);
    expect(result.errors.map((e) => `${e.rule} ${e.field}`)).toEqual([
      '5.03.1-annual informationDate',
    ]);
    expect(result.errors[0]?.message).toBe(
      'The annual assessment must be dated within 30 days of the anniversary (March 15, 2025): from February 13, 2025 to April 14, 2025.',
    );
  });

  it('information-date: not in the future, said once for the household', () => {
    const result = annualAssessmentChanges(
      input({ informationDate: '2025-03-14', today: '2025-03-12' }),
    );
    expect(result.errors.map((e) => e.rule)).toEqual(['information-date']);
  });

  it('stage-5 required answers: 4.02/4.03 of adults, 4.04 of everyone; not 4.02 of a child', () => {
    const result = annualAssessmentChanges(
      input({
        members: [
          { enrollment: head, clientId: ID(11), dob: '1990-01-01', assessments: [], answers: {} },
          { enrollment: child, clientId: ID(12), dob: '2018-05-05', assessments: [], answers: {} },
        ],
      }),
    );
    expect(result.changes).toEqual([]);
    expect(
      result.errors.map((e) => `${e.enrollmentId === head.id ? 'head' : 'child'} ${e.field}`),
    ).toEqual([
      'head incomeFromAnySource',
      'head benefitsFromAnySource',
      'head insuranceFromAnySource',
      'child insuranceFromAnySource',
    ]);
  });

  it('4.11 and the Hennepin assessment are not collected at stage 5', () => {
    const [headMember] = input().members;
    const result = annualAssessmentChanges(
      input({
        members: [
          {
            ...headMember!,
            answers: { ...adultAnswers, domesticViolenceSurvivor: 0, docPhotoId: 'has' },
          },
        ],
      }),
    );
    // Only what is asked at stage 5 is written (the merge's M9 would refuse the rest).
    expect(result.errors).toEqual([]);
    expect(Object.keys(result.changes[0]!.fields)).not.toContain(
      'answers.domesticViolenceSurvivor',
    );
    expect(Object.keys(result.changes[0]!.fields)).not.toContain('answers.docPhotoId');
  });

  it('disabilities are optional at stage 5 even for a federal funder', () => {
    const result = annualAssessmentChanges(input({ forms: formsForFunding(FORMS, true) }));
    expect(result.errors).toEqual([]);
  });

  it('a record with that id already on the device is patched, not created again', () => {
    const id = annualAssessmentId(head.id, { anniversary: '2025-03-15' });
    const [headMember] = input().members;
    const result = annualAssessmentChanges(
      input({ members: [{ ...headMember!, assessments: [annual(head.id, '2025-03-01', id)] }] }),
    );
    expect(result.changes.map((c) => [c.id, c.op])).toEqual([[id, 'patch']]);
  });

  it('income that contradicts itself is an error (4.02.18 total)', () => {
    const [headMember] = input().members;
    const result = annualAssessmentChanges(
      input({
        members: [
          {
            ...headMember!,
            answers: {
              ...adultAnswers,
              incomeFromAnySource: 1,
              earned: 1,
              earnedAmount: 500,
              totalMonthlyIncome: 900,
            },
          },
        ],
      }),
    );
    expect(result.errors.map((e) => e.rule)).toContain('4.02.18');
  });
});
