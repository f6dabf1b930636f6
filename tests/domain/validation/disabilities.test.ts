import { describe, expect, it } from 'vitest';
import {
  DISABILITY_RULES,
  qualifyingDisabilities,
  validateAssessment,
  validateDisablingCondition,
} from '../../../src/domain/validation';

const rules = (answers: Record<string, number>) =>
  validateDisablingCondition(answers).map((i) => `${i.severity} ${i.rule} ${i.field}`);

describe('3.08 Disabling Condition agrees with 4.05–4.10', () => {
  it('qualifying: Yes + indefinite, or developmental / HIV/AIDS Yes; substance use 1/2/3 + indefinite', () => {
    expect(
      qualifyingDisabilities({ physicalDisability: 1, physicalDisabilityIndefinite: 1 }),
    ).toEqual([5]);
    expect(
      qualifyingDisabilities({ physicalDisability: 1, physicalDisabilityIndefinite: 0 }),
    ).toEqual([]);
    expect(qualifyingDisabilities({ physicalDisability: 1 })).toEqual([]);
    expect(qualifyingDisabilities({ developmentalDisability: 1, hivAids: 1 })).toEqual([6, 8]);
    expect(
      qualifyingDisabilities({ substanceUseDisorder: 2, substanceUseDisorderIndefinite: 1 }),
    ).toEqual([10]);
    expect(
      qualifyingDisabilities({ substanceUseDisorder: 0, substanceUseDisorderIndefinite: 1 }),
    ).toEqual([]);
    expect(
      qualifyingDisabilities({ mentalHealthDisorder: 8, mentalHealthDisorderIndefinite: 1 }),
    ).toEqual([]);
  });

  it('3.08-no-disability: Disabling condition Yes with no qualifying disability warns', () => {
    expect(rules({ disablingCondition: 1 })).toEqual([
      'warning 3.08-no-disability disablingCondition',
    ]);
    expect(
      rules({
        disablingCondition: 1,
        chronicHealthCondition: 1,
        chronicHealthConditionIndefinite: 0,
      }),
    ).toEqual(['warning 3.08-no-disability disablingCondition']);
    expect(validateDisablingCondition({ disablingCondition: 1 })[0]?.message).toMatch(
      /Disabling condition is Yes, but no disability is recorded/,
    );
  });

  it('3.08-disagrees: Disabling condition No while a disability qualifies warns, naming it', () => {
    const issues = validateDisablingCondition({
      disablingCondition: 0,
      hivAids: 1,
      mentalHealthDisorder: 1,
      mentalHealthDisorderIndefinite: 1,
    });
    expect(issues.map((i) => i.rule)).toEqual([DISABILITY_RULES.disablingConditionDisagrees]);
    expect(issues[0]?.message).toBe(
      'Disabling condition is No, but the answers about HIV/AIDS and mental health disorder make it a disabling condition: they disagree. Check both with the client and correct one of them.',
    );
  });

  it('no message when they agree, or when 3.08 is 8/9/99 or not answered', () => {
    expect(rules({ disablingCondition: 1, developmentalDisability: 1 })).toEqual([]);
    expect(
      rules({ disablingCondition: 0, physicalDisability: 1, physicalDisabilityIndefinite: 0 }),
    ).toEqual([]);
    expect(rules({ disablingCondition: 0 })).toEqual([]);
    for (const dc of [8, 9, 99]) expect(rules({ disablingCondition: dc, hivAids: 1 })).toEqual([]);
    expect(rules({ hivAids: 1 })).toEqual([]);
  });

  it('is part of validateAssessment (the device’s assessment check), as a warning', () => {
    const issues = validateAssessment(
      {
        dataCollectionStage: 1,
        informationDate: '2025-01-10',
        answers: { disablingCondition: 0, hivAids: 1 },
      },
      { enrollment: { projectStartDate: '2025-01-10', exitDate: null }, today: '2025-02-01' },
    );
    expect(issues.filter((i) => i.rule.startsWith('3.08')).map((i) => i.severity)).toEqual([
      'warning',
    ]);
  });
});
