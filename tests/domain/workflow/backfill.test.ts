import { describe, expect, it } from 'vitest';
import { DEFAULT_PICKLIST_REGISTRY, missingFields, FORMS } from '../../../src/domain/forms';
import type { FormContext } from '../../../src/domain/forms';
import { newId, singletonAssessmentId } from '../../../src/domain/records';
import {
  ENTRY_STAGE,
  backfillChange,
  backfillEdits,
  backfillFieldIds,
  backfillIssues,
  backfillSnapshot,
  describeMissing,
  entryAnswers,
  entryFieldsMissing,
  entryFormContext,
  entryMissing,
} from '../../../src/domain/workflow/backfill';
import { ageOn, isAdultOn } from '../../../src/domain/workflow/form-context';

const TODAY = '2026-03-10';
const enrollment = { id: newId(), clientId: newId(), projectStartDate: '2026-03-02' };
const entryId = singletonAssessmentId(enrollment.id, 1);

const adultHoH: FormContext = {
  projectType: 6,
  subject: { isHeadOfHousehold: true, isAdult: true },
  today: TODAY,
};
const child: FormContext = {
  projectType: 6,
  subject: { isHeadOfHousehold: false, isAdult: false },
  today: TODAY,
};

describe('who the Entry is about', () => {
  it('counts whole years to the date, birthday included', () => {
    expect(ageOn('2008-03-05', '2026-03-04')).toBe(17);
    expect(ageOn('2008-03-05', '2026-03-05')).toBe(18);
    expect(ageOn('2008-12-31', '2026-03-05')).toBe(17);
  });

  it('an unknown date of birth counts as adult, so no adult question is skipped', () => {
    expect(isAdultOn(null, '2026-03-02')).toBe(true);
    expect(isAdultOn('not a date', '2026-03-02')).toBe(true);
    expect(isAdultOn('2015-01-01', '2026-03-02')).toBe(false);
  });

  it('the context: project type, head of household, adult at project start, today', () => {
    expect(
      entryFormContext({
        relationshipToHoH: 2,
        dob: '2008-03-05',
        projectStartDate: '2026-03-02',
        projectType: 4,
        today: TODAY,
      }),
    ).toEqual({
      projectType: 4,
      subject: { isHeadOfHousehold: false, isAdult: false },
      today: TODAY,
    });
    expect(
      entryFormContext({
        relationshipToHoH: 1,
        dob: null,
        projectStartDate: '2026-03-02',
        projectType: undefined,
        today: TODAY,
      }),
    ).toMatchObject({ projectType: null, subject: { isHeadOfHousehold: true, isAdult: true } });
  });
});

describe('what is missing at project start', () => {
  it('is the forms’ own missingFields at stage 1 for this client', () => {
    const entry = { answers: { livingSituation: 116, domesticViolenceSurvivor: 8 } };
    const missing = entryMissing(entry, adultHoH);
    expect(missing).toEqual(missingFields(FORMS, 1, entry.answers, adultHoH));
    const ids = missing.map((m) => m.fieldId);
    expect(ids).not.toContain('livingSituation');
    expect(ids).toContain('domesticViolenceSurvivor');
    expect(ids).toContain('lengthOfStay');
  });

  it('a child is not asked what only the head of household and adults are asked', () => {
    const ids = entryMissing(undefined, child).map((m) => m.fieldId);
    expect(ids).not.toContain('livingSituation');
    expect(ids).not.toContain('domesticViolenceSurvivor');
    expect(ids).toContain('disablingCondition');
  });

  it('says "not answered" or which missing-data answer was given, in HUD’s words', () => {
    expect(describeMissing({ fieldId: 'domesticViolenceSurvivor', reason: 'empty' })).toBe(
      'not answered',
    );
    expect(
      describeMissing({ fieldId: 'domesticViolenceSurvivor', reason: 'missing_data', value: 8 }),
    ).toBe("answered “Client doesn't know”");
    expect(
      describeMissing({ fieldId: 'disablingCondition', reason: 'missing_data', value: 9 }),
    ).toBe('answered “Client prefers not to answer”');
    expect(
      describeMissing({ fieldId: 'domesticViolenceSurvivor', reason: 'missing_data', value: 99 }),
    ).toBe('answered “Data not collected”');
  });

  it('entryAnswers leaves out anything that is not an answer value', () => {
    expect(entryAnswers({ answers: { a: 1, b: { x: 1 }, c: [1, 'x'], d: null } })).toEqual({
      a: 1,
      c: [1, 'x'],
      d: null,
    });
    expect(entryAnswers(undefined)).toEqual({});
  });
});

describe('which fields the backfill form shows', () => {
  it('the missing ones, plus follow-ups brought up by an answer given here', () => {
    const entry = { answers: { domesticViolenceSurvivor: 8, incomeFromAnySource: 1 } };
    const snapshot = backfillSnapshot(entry, adultHoH);
    const atOpen = backfillFieldIds(snapshot, entryAnswers(entry), adultHoH);
    expect(atOpen.has('domesticViolenceSurvivor')).toBe(true);
    expect(atOpen.has('whenOccurred')).toBe(false);
    // Asked at open but optional and empty: not a gap, not shown.
    expect(atOpen.has('earned')).toBe(false);
    expect(atOpen.has('totalMonthlyIncome')).toBe(true);
    // Already answered: not shown.
    expect(atOpen.has('incomeFromAnySource')).toBe(false);

    const now = backfillFieldIds(
      snapshot,
      { ...entryAnswers(entry), domesticViolenceSurvivor: 1 },
      adultHoH,
    );
    expect(now.has('domesticViolenceSurvivor')).toBe(true);
    expect(now.has('whenOccurred')).toBe(true);
    expect(now.has('currentlyFleeing')).toBe(true);
    expect(now.has('earned')).toBe(false);
  });

  it('a follow-up answered at open (an old hidden answer) is not offered again', () => {
    const entry = { answers: { domesticViolenceSurvivor: 8, whenOccurred: 2 } };
    const snapshot = backfillSnapshot(entry, adultHoH);
    const now = backfillFieldIds(
      snapshot,
      { ...entryAnswers(entry), domesticViolenceSurvivor: 1 },
      adultHoH,
    );
    expect(now.has('whenOccurred')).toBe(false);
    expect(now.has('currentlyFleeing')).toBe(true);
  });
});

describe('backfillEdits', () => {
  it('keeps edits to gaps and follow-ups, drops edits to questions answered when the form opened', () => {
    // The draft was typed when all three were missing; since then livingSituation was answered.
    const snapshot = backfillSnapshot({ answers: { livingSituation: 101 } }, adultHoH);
    expect(
      backfillEdits(snapshot, {
        livingSituation: 116,
        domesticViolenceSurvivor: 1,
        whenOccurred: 1,
        lengthOfStay: undefined,
      }),
    ).toEqual({ domesticViolenceSurvivor: 1, whenOccurred: 1 });
  });
});

describe('backfillChange', () => {
  const entry = {
    answers: { livingSituation: 116, domesticViolenceSurvivor: 8, disablingCondition: null },
  };

  it('patches the Entry assessment with only the changed answers', () => {
    const change = backfillChange(
      enrollment,
      entry,
      { ...entry.answers, domesticViolenceSurvivor: 1, whenOccurred: 2, disablingCondition: 0 },
      adultHoH,
    );
    expect(change).toEqual({
      type: 'assessment',
      id: entryId,
      op: 'patch',
      fields: {
        'answers.domesticViolenceSurvivor': 1,
        'answers.whenOccurred': 2,
        'answers.disablingCondition': 0,
      },
    });
  });

  it('is null when nothing changed, and never writes an emptied answer', () => {
    expect(backfillChange(enrollment, entry, { ...entry.answers }, adultHoH)).toBeNull();
    expect(
      backfillChange(enrollment, entry, { ...entry.answers, livingSituation: null }, adultHoH),
    ).toBeNull();
    expect(
      backfillChange(enrollment, entry, { ...entry.answers, householdIncomeSources: [] }, adultHoH),
    ).toBeNull();
  });

  it('drops answers to questions not asked, and clears answers an answer given here hides', () => {
    const answered = { domesticViolenceSurvivor: 1, whenOccurred: 2, currentlyFleeing: 0 };
    const change = backfillChange(
      enrollment,
      { answers: answered },
      { ...answered, domesticViolenceSurvivor: 0 },
      adultHoH,
    );
    expect(change?.fields).toEqual({
      'answers.domesticViolenceSurvivor': 0,
      'answers.whenOccurred': null,
      'answers.currentlyFleeing': null,
    });
    // A child is not asked about domestic violence: nothing to write.
    expect(
      backfillChange(enrollment, undefined, { domesticViolenceSurvivor: 1 }, child),
    ).toBeNull();
  });

  it('creates the Entry assessment (stage 1, dated the project start) when there is none', () => {
    const change = backfillChange(
      enrollment,
      undefined,
      { domesticViolenceSurvivor: 0, disablingCondition: null },
      adultHoH,
    );
    expect(change).toEqual({
      type: 'assessment',
      id: entryId,
      op: 'create',
      fields: {
        enrollmentId: enrollment.id,
        clientId: enrollment.clientId,
        dataCollectionStage: ENTRY_STAGE,
        informationDate: enrollment.projectStartDate,
        'answers.domesticViolenceSurvivor': 0,
      },
    });
  });
});

describe('backfillIssues', () => {
  it('reports a changed answer that is not valid, by field', () => {
    const entry = { answers: { incomeFromAnySource: 8 } };
    const issues = backfillIssues(
      entry,
      { incomeFromAnySource: 1, earned: 1, earnedAmount: 'abc' },
      adultHoH,
      DEFAULT_PICKLIST_REGISTRY,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'earnedAmount', code: 'invalid' });
    expect(issues[0]!.message).toMatch(/dollars and cents/);
  });

  it('missing answers never block, and problems of answers not changed here are left out', () => {
    const entry = { answers: { incomeFromAnySource: 1, earned: 1, earnedAmount: 'old text' } };
    expect(
      backfillIssues(
        entry,
        { ...entry.answers, domesticViolenceSurvivor: 1 },
        adultHoH,
        DEFAULT_PICKLIST_REGISTRY,
      ),
    ).toEqual([]);
  });
});

describe('entryFieldsMissing (was this also true at project start?)', () => {
  it('offers the answers given elsewhere that fill a gap at Entry, follow-ups included', () => {
    const entry = { answers: { docPhotoId: 'has', disablingCondition: 9 } };
    const gaps = entryFieldsMissing(
      entry,
      {
        incomeFromAnySource: 1,
        earned: 1,
        earnedAmount: 500,
        docPhotoId: 'does_not_have',
        disablingCondition: 1,
        docBirthCertificate: null,
        benefitsFromAnySource: 8,
      },
      adultHoH,
    );
    expect(gaps.map((g) => g.fieldId)).toEqual([
      'disablingCondition',
      'incomeFromAnySource',
      'earned',
      'earnedAmount',
    ]);
    expect(gaps[0]).toMatchObject({ reason: 'missing_data', entryValue: 9, value: 1 });
    expect(gaps[1]).toMatchObject({ reason: 'empty', value: 1 });
    expect(gaps[1]!.label).toMatch(/income from any source/);
  });

  it('offers nothing the Entry already has, or that is not asked at project start', () => {
    expect(
      entryFieldsMissing({ answers: { docPhotoId: 'has' } }, { docPhotoId: 'has' }, adultHoH),
    ).toEqual([]);
    expect(entryFieldsMissing(undefined, { domesticViolenceSurvivor: 1 }, child)).toEqual([]);
  });

  it('what it offers, confirmed, makes one Entry patch with backfillChange', () => {
    const entry = { answers: { docPhotoId: 'has' } };
    const gaps = entryFieldsMissing(entry, { incomeFromAnySource: 0 }, adultHoH);
    const confirmed = Object.fromEntries(gaps.map((g) => [g.fieldId, g.value]));
    expect(
      backfillChange(enrollment, entry, { ...entryAnswers(entry), ...confirmed }, adultHoH),
    ).toEqual({
      type: 'assessment',
      id: entryId,
      op: 'patch',
      fields: { 'answers.incomeFromAnySource': 0 },
    });
  });
});
