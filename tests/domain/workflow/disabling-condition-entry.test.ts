// 3.08 against 4.05–4.10 where the Entry is checked on the device: project start (warnings).
import { describe, expect, it } from 'vitest';
import {
  checkProjectStart,
  type ProjectStartInput,
  type ProjectStartMember,
} from '../../../src/domain/workflow/project-start';
import { emptyStartCls } from '../../../src/domain/workflow/start-cls';

const id = (n: number) => n.toString(16).padStart(32, '0');

function member(answers: ProjectStartMember['answers']): ProjectStartMember {
  return {
    key: id(1),
    clientId: id(1),
    newClient: null,
    dob: '1990-05-17',
    name: 'Robin Testperson',
    relationshipToHoH: 1,
    answers,
    cls: { ...emptyStartCls(), currentLivingSituation: 116 },
  };
}

function input(answers: ProjectStartMember['answers']): ProjectStartInput {
  return {
    providerId: id(10),
    projectType: 6,
    projectStartDate: '2026-03-02',
    today: '2026-03-10',
    caseManagerId: id(11),
    caseManagerStartDate: null,
    members: [member(answers)],
  } as ProjectStartInput;
}

const disablingWarnings = (answers: ProjectStartMember['answers']) =>
  checkProjectStart(input(answers)).warnings.filter(
    (w) => w.target.kind === 'answer' && w.target.fieldId === 'disablingCondition',
  );

describe('3.08 at project start: a warning the case manager sees, never a block', () => {
  it('3.08-disagrees: Disabling condition No with HIV/AIDS Yes', () => {
    const check = checkProjectStart(input({ disablingCondition: 0, hivAids: 1 }));
    expect(disablingWarnings({ disablingCondition: 0, hivAids: 1 }).map((w) => w.message)).toEqual([
      expect.stringContaining('they disagree'),
    ]);
    expect(
      check.errors.filter(
        (e) => e.target.kind === 'answer' && e.target.fieldId === 'disablingCondition',
      ),
    ).toEqual([]);
  });

  it('3.08-no-disability: Disabling condition Yes with nothing behind it', () => {
    expect(disablingWarnings({ disablingCondition: 1 })).toHaveLength(1);
  });

  it('no warning when they agree', () => {
    expect(
      disablingWarnings({
        disablingCondition: 1,
        physicalDisability: 1,
        physicalDisabilityIndefinite: 1,
      }),
    ).toEqual([]);
  });
});
