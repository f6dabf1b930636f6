import { describe, expect, it } from 'vitest';
import { DISABILITY_FIELDS } from '../../../src/domain/codes/disability';
import {
  DEFAULT_PICKLIST_REGISTRY,
  DISABILITIES,
  DISABILITIES_FEDERAL,
  FORMS,
  HENNEPIN_CASE_MANAGEMENT,
  MN_CORE,
  answerProblem,
  checkAnswers,
  checkFormDefinitions,
  disabilitiesFormFor,
  formFields,
  formsForFunding,
  missingFields,
  requiredStages,
  visibleFields,
} from '../../../src/domain/forms';
import { hasFederalFunder } from '../../../src/domain/workflow/federal-funder';

const ids = (form = DISABILITIES) => formFields(form).map((f) => f.id);
const shown = (answers: Record<string, number>, stage: 1 | 2 | 3 | 5 = 1) =>
  visibleFields(DISABILITIES, answers, stage).map((f) => f.id);

describe('4.05–4.10 Disabilities form', () => {
  it('uses exactly the DISABILITY_FIELDS answer ids (the export and import read them)', () => {
    const expected = DISABILITY_FIELDS.flatMap((d) =>
      d.indefiniteField === null ? [d.responseField] : [d.responseField, d.indefiniteField],
    );
    expect(ids()).toEqual(expected);
    expect(ids(DISABILITIES_FEDERAL)).toEqual(expected);
  });

  it('is registered with the built-in forms and sound with them (both variants)', () => {
    expect(FORMS).toContain(DISABILITIES);
    expect(checkFormDefinitions(FORMS, DEFAULT_PICKLIST_REGISTRY)).toEqual([]);
    expect(
      checkFormDefinitions(
        [MN_CORE, DISABILITIES_FEDERAL, HENNEPIN_CASE_MANAGEMENT],
        DEFAULT_PICKLIST_REGISTRY,
      ),
    ).toEqual([]);
  });

  it('is collected about every client at entry, update, exit and annual, with HUD elements', () => {
    for (const f of formFields(DISABILITIES)) {
      expect(f.collectedAbout).toBe('all_clients');
      expect(f.stages).toEqual([1, 2, 3, 5]);
      expect(f.hudElement).toMatch(/^4\.(05|06|07|08|09|10)\.(2|A)$/);
    }
  });

  it('answers from list 1.8, and 4.10.2 for substance use disorder', () => {
    for (const f of formFields(DISABILITIES)) {
      const list = 'source' in f && 'hudList' in f.source ? f.source.hudList : null;
      expect(list, f.id).toBe(f.id === 'substanceUseDisorder' ? '4.10.2' : '1.8');
    }
  });

  it('4.0x.A "long-continued and indefinite" is shown only when the response is Yes', () => {
    expect(shown({})).toEqual(DISABILITY_FIELDS.map((d) => d.responseField));
    expect(shown({ physicalDisability: 1 })).toContain('physicalDisabilityIndefinite');
    for (const value of [0, 8, 9, 99]) {
      expect(shown({ physicalDisability: value })).not.toContain('physicalDisabilityIndefinite');
    }
    expect(shown({ chronicHealthCondition: 1, mentalHealthDisorder: 1 }, 3)).toEqual(
      expect.arrayContaining([
        'chronicHealthConditionIndefinite',
        'mentalHealthDisorderIndefinite',
      ]),
    );
  });

  it('4.10.A is shown for substance use 1, 2 or 3 (alcohol, drug, both), not for 0/8/9/99', () => {
    for (const value of [1, 2, 3]) {
      expect(shown({ substanceUseDisorder: value })).toContain('substanceUseDisorderIndefinite');
    }
    for (const value of [0, 8, 9, 99]) {
      expect(shown({ substanceUseDisorder: value })).not.toContain(
        'substanceUseDisorderIndefinite',
      );
    }
  });

  it('4.06 developmental and 4.08 HIV/AIDS have no indefinite question', () => {
    expect(shown({ developmentalDisability: 1, hivAids: 1 })).toEqual(
      DISABILITY_FIELDS.map((d) => d.responseField),
    );
  });

  it('a hidden indefinite answer is refused (HUD: dependent fields null unless triggered)', () => {
    const issues = checkAnswers(
      [DISABILITIES],
      1,
      { physicalDisability: 0, physicalDisabilityIndefinite: 1 },
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ['physicalDisabilityIndefinite', 'hidden'],
    ]);
  });

  it('M9: the merge accepts disability answers at stages 1, 2, 3 and 5, and refuses bad codes', () => {
    for (const stage of [1, 2, 3, 5]) {
      expect(answerProblem('physicalDisability', 1, stage)).toBeUndefined();
      expect(answerProblem('substanceUseDisorder', 3, stage)).toBeUndefined();
    }
    expect(answerProblem('substanceUseDisorder', 4, 1)).toBeDefined();
    expect(answerProblem('hivAids', 3, 1)).toBeDefined();
  });
});

describe('4.05–4.10 required by funder', () => {
  it('optional at every stage without a federal funder (county case management)', () => {
    for (const f of formFields(DISABILITIES)) expect(requiredStages(f)).toEqual([]);
    expect(missingFields(FORMS, 1, {}).map((m) => m.fieldId)).not.toContain('physicalDisability');
  });

  it('required at entry and exit (not update or annual) with a federal funder', () => {
    for (const f of formFields(DISABILITIES_FEDERAL)) expect(requiredStages(f)).toEqual([1, 3]);
    const missing = (stage: 1 | 2 | 3 | 5, answers: Record<string, number> = {}) =>
      missingFields([DISABILITIES_FEDERAL], stage, answers).map((m) => m.fieldId);
    expect(missing(1)).toEqual(DISABILITY_FIELDS.map((d) => d.responseField));
    expect(missing(3)).toEqual(DISABILITY_FIELDS.map((d) => d.responseField));
    expect(missing(2)).toEqual([]);
    expect(missing(5)).toEqual([]);
    // Yes brings up its indefinite question, which is then required too.
    expect(missing(1, { physicalDisability: 1 })).toContain('physicalDisabilityIndefinite');
  });

  it('formsForFunding swaps in the federal variant, keeping order; stable per forms array', () => {
    const esg = { funders: [2] };
    const county = { funders: [1] };
    const federal = formsForFunding(FORMS, hasFederalFunder(esg));
    expect(federal.map((f) => f.id)).toEqual(FORMS.map((f) => f.id));
    expect(federal).toContain(DISABILITIES_FEDERAL);
    expect(formsForFunding(FORMS, true)).toBe(federal);
    expect(formsForFunding(FORMS, hasFederalFunder(county))).toBe(FORMS);
    expect(disabilitiesFormFor(hasFederalFunder({ hudFunders: [{ funder: 3 }] }))).toBe(
      DISABILITIES_FEDERAL,
    );
    expect(disabilitiesFormFor(hasFederalFunder({ hudFunders: [{ funder: 46 }] }))).toBe(
      DISABILITIES,
    );
  });
});
