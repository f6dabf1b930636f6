import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PICKLIST_REGISTRY,
  FORMS,
  MN_CORE,
  answersSchema,
  checkAnswers,
  fieldStatuses,
  missingFields,
  visibleFields,
} from '../../../src/domain/forms';
import type { FormDefinition } from '../../../src/domain/forms';
import { completeEntry, issuesAt, issuesFor, schemaAt } from './fixtures';
import type { TestAnswers } from './fixtures';

describe('answersSchema (zod, derived from the forms)', () => {
  it('accepts a complete entry assessment and returns it unchanged', () => {
    const answers = completeEntry();
    const parsed = schemaAt(1).parse(answers);
    expect(parsed).toEqual(answers);
  });

  it('rejects a hidden dependent field with a message a case manager understands', () => {
    const result = schemaAt(1).safeParse({ ...completeEntry(), earned: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        code: 'custom',
        path: ['earnedAmount'],
        message:
          'Earned income (job): monthly amount is only recorded when Earned income (job) is Yes.',
      }),
    ]);
  });

  it('reports every problem, each at its field’s path', () => {
    const result = schemaAt(1).safeParse({
      ...completeEntry(),
      disablingCondition: 3,
      earnedAmount: -1,
      docPhotoId: 'lost',
      whenOccurred: 1,
    });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual([
      'disablingCondition',
      'earnedAmount',
      'whenOccurred',
      'docPhotoId',
    ]);
  });

  it('enforces required-at-stage, or accepts a draft with allowIncomplete', () => {
    expect(schemaAt(1).safeParse({}).success).toBe(false);
    expect(schemaAt(1, { allowIncomplete: true }).safeParse({}).success).toBe(true);
    // allowIncomplete still checks values and hidden fields
    expect(schemaAt(1, { allowIncomplete: true }).safeParse({ earnedAmount: 5 }).success).toBe(
      false,
    );
  });

  it('rejects answers to questions that belong to no form, but ignores empty ones', () => {
    expect(
      issuesFor('favouriteColour', 1, { ...completeEntry(), favouriteColour: 'blue' })[0]?.message,
    ).toBe('The answer "favouriteColour" does not belong to any question on these forms.');
    expect(issuesAt(1, { ...completeEntry(), favouriteColour: null })).toEqual([]);
  });

  it('rejects answers to questions not collected at the stage (annual: no Hennepin fields)', () => {
    expect(issuesFor('preferredAreas', 5, { preferredAreas: ['west_suburbs'] })[0]?.message).toBe(
      'Preferred areas is not collected at the annual assessment.',
    );
  });

  it('a note on the form has no answer', () => {
    const a: TestAnswers = {
      ...completeEntry(),
      livingSituation: 207,
      lengthOfStay: 5,
      losUnderThreshold: 0,
    };
    delete a.dateToStreetESSH;
    delete a.timesHomelessPastThreeYears;
    delete a.monthsHomelessPastThreeYears;
    expect(issuesAt(1, a)).toEqual([]);
    expect(
      issuesFor('priorLivingSituationBreakNote', 1, { ...a, priorLivingSituationBreakNote: 'x' })[0]
        ?.code,
    ).toBe('invalid');
  });

  it('works for stored definitions too (any JSON form, not only the built-in ones)', () => {
    const form: FormDefinition = {
      id: 'tiny',
      name: 'Tiny',
      version: 1,
      sections: [
        {
          id: 's',
          title: 'S',
          fields: [
            {
              id: 'count',
              label: 'Number of children',
              type: 'integer',
              min: 0,
              max: 20,
              stages: [1],
              required: true,
              collectedAbout: 'hoh',
            },
            {
              id: 'ages',
              label: 'Ages',
              type: 'text',
              maxLength: 10,
              stages: [1],
              required: true,
              collectedAbout: 'hoh',
              showWhen: { field: 'count', greaterThan: 0 },
            },
          ],
        },
      ],
    };
    const schema = answersSchema([form], 1, DEFAULT_PICKLIST_REGISTRY);
    expect(schema.safeParse({ count: 0 }).success).toBe(true);
    expect(schema.safeParse({ count: 2, ages: '3, 7' }).success).toBe(true);
    expect(schema.safeParse({ count: 2 }).error?.issues[0]?.message).toBe(
      'Ages is required at project entry.',
    );
    expect(schema.safeParse({ count: 2.5 }).error?.issues[0]?.message).toBe(
      'Number of children must be a whole number.',
    );
    expect(schema.safeParse({ count: 21 }).error?.issues[0]?.message).toBe(
      'Number of children must be at most 20.',
    );
    expect(schema.safeParse({ count: -1 }).error?.issues[0]?.message).toBe(
      'Number of children must be at least 0.',
    );
    expect(schema.safeParse({ count: 0, ages: '1' }).error?.issues[0]?.message).toBe(
      'Ages is only recorded when Number of children is more than 0.',
    );
  });

  it('rejects a non-object', () => {
    expect(schemaAt(1).safeParse(null).success).toBe(false);
    expect(schemaAt(1).safeParse([1]).success).toBe(false);
  });
});

describe('visibleFields (for screens)', () => {
  it('lists the asked fields of one form in order, following the answers', () => {
    const noIncome = visibleFields(MN_CORE, { incomeFromAnySource: 0 }, 2).map((f) => f.id);
    expect(noIncome.slice(0, 2)).toEqual(['incomeFromAnySource', 'benefitsFromAnySource']);
    const withEarned = visibleFields(MN_CORE, { incomeFromAnySource: 1, earned: 1 }, 2).map(
      (f) => f.id,
    );
    expect(withEarned.slice(0, 4)).toEqual([
      'incomeFromAnySource',
      'earned',
      'earnedAmount',
      'unemployment',
    ]);
    expect(withEarned).toContain('totalMonthlyIncome');
    expect(withEarned).not.toContain('unemploymentAmount');
  });

  it('a hidden parent hides its dependents, whatever their own parent’s answer (the chain)', () => {
    // Earned = 1 is left over from before "any source" was changed to No: its amount is hidden too.
    const ids = visibleFields(MN_CORE, { incomeFromAnySource: 0, earned: 1 }, 2).map((f) => f.id);
    expect(ids).not.toContain('earned');
    expect(ids).not.toContain('earnedAmount');
    expect(
      issuesAt(2, { incomeFromAnySource: 0, earned: 1, earnedAmount: 10 }).map((i) => i.field),
    ).toEqual(['earned', 'earnedAmount']);
  });

  it('fieldStatuses says why a field is not asked', () => {
    const statuses = fieldStatuses(
      FORMS,
      5,
      {},
      { subject: { isHeadOfHousehold: false, isAdult: false } },
    );
    const state = (id: string) => statuses.find((s) => s.field.id === id)?.state;
    expect(state('docPhotoId')).toBe('not_at_stage');
    expect(state('incomeFromAnySource')).toBe('not_applicable');
    expect(state('medicaid')).toBe('hidden');
    expect(state('insuranceFromAnySource')).toBe('asked');
  });
});

describe('missingFields (backfill prompts)', () => {
  it('lists required-at-stage fields that are empty or answered 8/9/99, in form order', () => {
    const answers: TestAnswers = {
      ...completeEntry(),
      disablingCondition: 8,
      incomeFromAnySource: 99,
      docPhotoId: null,
    };
    delete answers.earned;
    delete answers.earnedAmount;
    delete answers.ssi;
    delete answers.ssiAmount;
    delete answers.totalMonthlyIncome;
    expect(missingFields(FORMS, 1, answers)).toEqual([
      {
        formId: 'mn-core',
        sectionId: 'disabling-condition',
        fieldId: 'disablingCondition',
        label: 'Does the client have a disabling condition?',
        reason: 'missing_data',
        value: 8,
      },
      {
        formId: 'mn-core',
        sectionId: 'income',
        fieldId: 'incomeFromAnySource',
        label: 'Does the client have income from any source?',
        reason: 'missing_data',
        value: 99,
      },
      {
        formId: 'hennepin-case-management',
        sectionId: 'housing-documentation',
        fieldId: 'docPhotoId',
        label: 'Photo ID',
        reason: 'empty',
      },
    ]);
  });

  it('does not list hidden, optional or other-stage fields; picklist answers are never "missing data"', () => {
    expect(missingFields(FORMS, 1, completeEntry())).toEqual([]);
    expect(missingFields(FORMS, 2, {})).toEqual([]);
    expect(missingFields(FORMS, 1, { ...completeEntry(), docPhotoId: 'does_not_have' })).toEqual(
      [],
    );
  });

  it('follows the client: a child is not asked the adult questions', () => {
    const child = missingFields(
      FORMS,
      1,
      {},
      { subject: { isHeadOfHousehold: false, isAdult: false } },
    ).map((m) => m.fieldId);
    expect(child).toContain('disablingCondition');
    expect(child).toContain('insuranceFromAnySource');
    expect(child).toContain('docBirthCertificate');
    expect(child).not.toContain('livingSituation');
    expect(child).not.toContain('incomeFromAnySource');
    expect(child).not.toContain('preferredAreas');
  });

  it('lists chained required fields once their parent is answered (3.917.2 break logic)', () => {
    const ids = (a: Record<string, number>) =>
      missingFields([MN_CORE], 1, a, { projectType: 6 })
        .map((m) => m.fieldId)
        .slice(0, 4);
    expect(ids({ livingSituation: 207, lengthOfStay: 4 })).toEqual([
      'losUnderThreshold',
      'disablingCondition',
      'incomeFromAnySource',
      'benefitsFromAnySource',
    ]);
    expect(
      ids({ livingSituation: 207, lengthOfStay: 2, losUnderThreshold: 1, previousStreetESSH: 1 }),
    ).toEqual([
      'dateToStreetESSH',
      'timesHomelessPastThreeYears',
      'monthsHomelessPastThreeYears',
      'disablingCondition',
    ]);
  });

  it('agrees with checkAnswers: every "empty" missing field is a "required" issue', () => {
    const answers = { livingSituation: 116 };
    const required = checkAnswers(FORMS, 1, answers, DEFAULT_PICKLIST_REGISTRY)
      .filter((i) => i.code === 'required')
      .map((i) => i.field);
    expect(missingFields(FORMS, 1, answers).map((m) => m.fieldId)).toEqual(required);
  });
});
