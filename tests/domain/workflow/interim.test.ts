import { describe, expect, it } from 'vitest';
import { HENNEPIN_CASE_MANAGEMENT, MN_CORE_FIELD_IDS, formFields } from '../../../src/domain/forms';
import {
  INTERIM_SECTIONS,
  interimFieldIds,
  interimForms,
  latestInterimValues,
} from '../../../src/domain/workflow/interim';

describe('interim sections', () => {
  it('are the four Hennepin sections the issue names', () => {
    expect(INTERIM_SECTIONS).toEqual([
      'housing-documentation',
      'monthly-household-income',
      'legal-involvement',
      'client-choice',
    ]);
  });

  it('lists the stage-2 fields of those sections, in form order, without the exit section', () => {
    const ids = interimFieldIds();
    expect(ids[0]).toBe('docPhotoId');
    expect(ids).toContain('householdMonthlyIncome');
    expect(ids).toContain('legalInvolvementKinds');
    expect(ids).toContain('clientChoiceNotes');
    expect(ids).not.toContain('exitNotes');
    expect(ids).not.toContain('exitContactConfirmed');
    const hennepin = formFields(HENNEPIN_CASE_MANAGEMENT).filter((f) => f.stages.includes(2));
    expect(ids).toEqual(hennepin.map((f) => f.id));
  });

  it('adds MN Core income, benefits and insurance only when asked', () => {
    expect(interimFieldIds()).not.toContain(MN_CORE_FIELD_IDS.incomeFromAnySource);
    const withCore = interimFieldIds({ includeMnCore: true });
    expect(withCore).toContain(MN_CORE_FIELD_IDS.incomeFromAnySource);
    expect(withCore).toContain(MN_CORE_FIELD_IDS.benefitsFromAnySource);
    expect(withCore).toContain(MN_CORE_FIELD_IDS.insuranceFromAnySource);
    expect(withCore).not.toContain(MN_CORE_FIELD_IDS.livingSituation);
    expect(withCore).not.toContain(MN_CORE_FIELD_IDS.domesticViolenceSurvivor);
  });

  it('cuts the forms down to the interim sections', () => {
    const [hennepin] = interimForms();
    expect(hennepin!.sections.map((s) => s.id)).toEqual([...INTERIM_SECTIONS]);
    expect(interimForms({ includeMnCore: true }).map((f) => f.id)).toEqual([
      'mn-core',
      'hennepin-case-management',
    ]);
  });
});

describe('latestInterimValues', () => {
  const entry = {
    informationDate: '2026-01-05',
    answers: {
      docPhotoId: 'does_not_have',
      docBirthCertificate: 'has',
      householdMonthlyIncome: 0,
      preferredAreas: ['minneapolis_north'],
      exitNotes: 'not an interim field',
    },
  };

  it('takes the Entry answers when there are no updates, interim fields only', () => {
    expect(latestInterimValues(entry, [])).toEqual({
      docPhotoId: 'does_not_have',
      docBirthCertificate: 'has',
      householdMonthlyIncome: 0,
      preferredAreas: ['minneapolis_north'],
    });
  });

  it('takes each field from the newest update that answered it, field by field', () => {
    const updates = [
      // Out of order on purpose: the newest by date wins, whatever the array order.
      {
        informationDate: '2026-02-20',
        dataCollectionStage: 2,
        answers: { householdMonthlyIncome: 1200 },
      },
      {
        informationDate: '2026-02-01',
        dataCollectionStage: 2,
        answers: { docPhotoId: 'working_on_it', householdMonthlyIncome: 300 },
      },
    ];
    const values = latestInterimValues(entry, updates);
    expect(values.docPhotoId).toBe('working_on_it');
    expect(values.householdMonthlyIncome).toBe(1200);
    expect(values.docBirthCertificate).toBe('has');
  });

  it('for updates on one date, the later one in the list wins', () => {
    const updates = [
      { informationDate: '2026-02-01', answers: { docPhotoId: 'working_on_it' } },
      { informationDate: '2026-02-01', answers: { docPhotoId: 'has' } },
    ];
    expect(latestInterimValues(entry, updates).docPhotoId).toBe('has');
  });

  it('an emptied list or text is an answer; null is not', () => {
    const updates = [
      { informationDate: '2026-02-01', answers: { preferredAreas: [], docPhotoId: null } },
    ];
    const values = latestInterimValues(entry, updates);
    expect(values.preferredAreas).toEqual([]);
    expect(values.docPhotoId).toBe('does_not_have');
  });

  it('ignores Entry and Exit records passed as updates, and updates after asOf', () => {
    const updates = [
      { informationDate: '2026-03-01', dataCollectionStage: 3, answers: { docPhotoId: 'has' } },
      {
        informationDate: '2026-03-02',
        dataCollectionStage: 2,
        answers: { docBirthCertificate: 'working_on_it' },
      },
    ];
    expect(latestInterimValues(entry, updates).docPhotoId).toBe('does_not_have');
    expect(latestInterimValues(entry, updates).docBirthCertificate).toBe('working_on_it');
    expect(latestInterimValues(entry, updates, { asOf: '2026-03-01' }).docBirthCertificate).toBe(
      'has',
    );
  });

  it('works without an Entry', () => {
    expect(
      latestInterimValues(undefined, [{ informationDate: '2026-02-01', answers: { hasPets: 1 } }]),
    ).toEqual({ hasPets: 1 });
    expect(latestInterimValues(undefined, [])).toEqual({});
  });
});
