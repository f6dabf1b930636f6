import { describe, expect, it } from 'vitest';
import { CLS_14_DAY_TRIGGER_CODES, isValidFor } from '../../../src/domain/codes';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  backfillQuestions,
  buildContactChanges,
  changedInterimAnswers,
  chooseLivingSituation,
  answerLeave14Days,
  clsQuestions,
  clsValues,
  contactDefaults,
  contactInstant,
  emptyContactForm,
  localTimeOf,
  routesToEntry,
  sameAsLastTime,
  validateContact,
  type ContactForm,
  type ContactSaveInput,
} from '../../../src/domain/workflow/contact';
import { livingSituationOptionGroups } from '../../../src/domain/workflow/living-situations';

const ENROLLMENT_ID = 'e'.repeat(32);
const CLIENT_ID = 'c'.repeat(32);
/** 2026-03-10 13:00 in Minneapolis (daylight saving time began on March 8). */
const NOW = Date.parse('2026-03-10T18:00:00Z');
const TODAY = '2026-03-10';

const enrollment = {
  id: ENROLLMENT_ID,
  clientId: CLIENT_ID,
  projectStartDate: '2026-02-01',
  exitDate: null,
  relationshipToHoH: 1,
};

function input(form: Partial<ContactForm>, over: Partial<ContactSaveInput> = {}): ContactSaveInput {
  return {
    form: { ...emptyContactForm(NOW), kind: 'in_person', currentLivingSituation: 101, ...form },
    enrollment,
    dob: '1990-05-05',
    defaults: { kind: null, location: null, previousCls: null },
    entry: undefined,
    updates: [],
    projectType: 6,
    today: TODAY,
    now: NOW,
    ids: {
      contact: '1'.repeat(32),
      currentLivingSituation: '2'.repeat(32),
      update: '3'.repeat(32),
    },
    ...over,
  };
}

describe('dates and times', () => {
  it('starts at now, in Minnesota time', () => {
    const form = emptyContactForm(NOW);
    expect(form.date).toBe('2026-03-10');
    expect(form.time).toBe('13:00');
    expect(localTimeOf(Date.parse('2026-03-11T04:30:00Z'))).toBe('23:30');
  });

  it('turns a local date and time into an instant, across daylight saving time', () => {
    expect(contactInstant('2026-03-10', '12:00')).toBe('2026-03-10T17:00:00.000Z');
    expect(contactInstant('2026-01-15', '09:30')).toBe('2026-01-15T15:30:00.000Z');
    expect(contactInstant('2026-02-30', '09:30')).toBeNull();
    expect(contactInstant('2026-03-10', '25:00')).toBeNull();
    expect(contactInstant('', '09:30')).toBeNull();
  });

  it('refuses a contact in the future, before project start or after exit', () => {
    const tomorrow = validateContact(input({ date: '2026-03-11' }));
    expect(tomorrow.find((i) => i.field === 'date')?.message).toMatch(/in the future/);
    const later = validateContact(input({ time: '13:30' }));
    expect(validateContact(input({ time: '12:59' }))).toEqual([]);
    expect(later.find((i) => i.field === 'time')?.message).toMatch(/later than now/);
    const early = validateContact(input({ date: '2026-01-31' }));
    expect(early.find((i) => i.field === 'date')?.message).toMatch(
      /before the client's project start/,
    );
    const afterExit = validateContact(
      input({ date: '2026-03-05' }, { enrollment: { ...enrollment, exitDate: '2026-03-01' } }),
    );
    expect(afterExit.find((i) => i.field === 'date')?.message).toMatch(/after the client's exit/);
    expect(validateContact(input({}))).toEqual([]);
  });
});

describe('defaults', () => {
  it("takes the newest contact's kind and location and the newest 4.12", () => {
    const defaults = contactDefaults(
      [
        {
          contactAt: '2026-03-01T15:00:00Z',
          kind: 'phone',
          location: 'remote',
          currentLivingSituationId: 'a',
        },
        {
          contactAt: '2026-03-08T15:00:00Z',
          kind: 'in_person',
          location: 'shelter',
          currentLivingSituationId: 'b',
        },
      ],
      [
        { id: 'a', informationDate: '2026-03-01', currentLivingSituation: 116 },
        {
          id: 'b',
          informationDate: '2026-03-08',
          currentLivingSituation: 435,
          clsSubsidyType: 431,
        },
      ],
    );
    expect(defaults).toEqual({
      kind: 'in_person',
      location: 'shelter',
      previousCls: {
        currentLivingSituation: 435,
        clsSubsidyType: 431,
        informationDate: '2026-03-08',
      },
    });
    expect(contactDefaults([], [])).toEqual({ kind: null, location: null, previousCls: null });
  });

  it('uses the default kind and location when none is chosen', () => {
    const result = buildContactChanges(
      input({ kind: null }, { defaults: { kind: 'phone', location: 'remote', previousCls: null } }),
    );
    const contact = result.changes.find((c) => c.type === 'contact')!;
    expect(contact.fields.kind).toBe('phone');
    expect(contact.fields.location).toBe('remote');
  });

  it('"Same as last time" copies the situation and its subsidy type, not the 14-day answers', () => {
    const form = sameAsLastTime(
      { ...emptyContactForm(NOW), leaveSituation14Days: 1 },
      { currentLivingSituation: 435, clsSubsidyType: 431, informationDate: '2026-03-08' },
      6,
    );
    expect(form.currentLivingSituation).toBe(435);
    expect(form.clsSubsidyType).toBe(431);
  });
});

describe('Current Living Situation', () => {
  it('offers only codes valid for 4.12, by group', () => {
    const groups = livingSituationOptionGroups('current');
    const codes = groups.flatMap((g) => g.options.map((o) => o.code));
    expect(codes.every((c) => isValidFor(c, 'current'))).toBe(true);
    expect(codes).not.toContain(312); // Destination only
    expect(codes).not.toContain(24); // Deceased: Destination only
    expect(codes).toContain(37); // Worker unable to determine: Current only
    expect(groups.map((g) => g.group)).toEqual([
      'homeless',
      'institutional',
      'temporary',
      'permanent',
      'other',
    ]);
  });

  it('asks the subsidy type only for 435 and the 14-day question only for the trigger codes', () => {
    const form = emptyContactForm(NOW);
    expect(clsQuestions({ ...form, currentLivingSituation: 435 }, 6).subsidyType).toBe(true);
    expect(clsQuestions({ ...form, currentLivingSituation: 410 }, 6).subsidyType).toBe(false);
    for (const code of CLS_14_DAY_TRIGGER_CODES) {
      expect(clsQuestions({ ...form, currentLivingSituation: code }, 6).leaveSituation14Days).toBe(
        true,
      );
    }
    expect(clsQuestions({ ...form, currentLivingSituation: 116 }, 6).leaveSituation14Days).toBe(
      false,
    );
    expect(
      clsQuestions({ ...form, currentLivingSituation: 410, leaveSituation14Days: 1 }, 6).followUps,
    ).toBe(true);
    expect(clsQuestions(form, 14).verifiedBy).toBe(true);
    expect(clsQuestions(form, 6).verifiedBy).toBe(false);
  });

  it('drops answers that no longer apply when the situation or the 14-day answer changes', () => {
    let form: ContactForm = chooseLivingSituation(emptyContactForm(NOW), 435, 6);
    form = { ...form, clsSubsidyType: 431 };
    form = answerLeave14Days(form, 1, 6);
    form = { ...form, subsequentResidence: 0, movedTwoOrMore: 1 };
    const no = answerLeave14Days(form, 0, 6);
    expect(no.subsequentResidence).toBeNull();
    expect(no.movedTwoOrMore).toBeNull();
    const street = chooseLivingSituation(form, 116, 6);
    expect(street.clsSubsidyType).toBeNull();
    expect(street.leaveSituation14Days).toBeNull();
    expect(street.subsequentResidence).toBeNull();
  });

  it('writes null for every question HUD does not ask, even if the form still holds one', () => {
    const values = clsValues(
      {
        ...emptyContactForm(NOW),
        currentLivingSituation: 116,
        clsSubsidyType: 431,
        leaveSituation14Days: 1,
        verifiedBy: 'x',
      },
      6,
    );
    expect(values).toMatchObject({
      currentLivingSituation: 116,
      clsSubsidyType: null,
      leaveSituation14Days: null,
      verifiedBy: null,
    });
  });

  it('requires the subsidy type for 435 and a situation at all', () => {
    const issues = validateContact(input({ currentLivingSituation: 435 }));
    expect(issues.find((i) => i.field === 'clsSubsidyType')?.severity).toBe('error');
    const none = validateContact(input({ currentLivingSituation: null }));
    expect(none.map((i) => i.field)).toContain('currentLivingSituation');
  });
});

describe('interim update', () => {
  const context = { projectType: 6, subject: { isHeadOfHousehold: true, isAdult: true } };
  const prefill = {
    docPhotoId: 'does_not_have',
    householdMonthlyIncome: 0,
    preferredAreas: ['minneapolis_north'],
  };

  it('counts only touched answers that differ from the pre-filled ones', () => {
    expect(
      changedInterimAnswers(
        prefill,
        {
          docPhotoId: 'does_not_have',
          householdMonthlyIncome: 900,
          preferredAreas: ['minneapolis_north'],
        },
        context,
      ),
    ).toEqual({ householdMonthlyIncome: 900 });
  });

  it('records an emptied list as [] and drops answers hidden by another answer', () => {
    expect(
      changedInterimAnswers(
        prefill,
        { preferredAreas: [], legalInvolvement: 0, legalInvolvementKinds: ['pending_charges'] },
        context,
      ),
    ).toEqual({ preferredAreas: [], legalInvolvement: 0 });
  });

  it('saves contact and 4.12, and an Update only when an interim answer changed', () => {
    const plain = buildContactChanges(input({ interim: {} }));
    expect(plain.changes.map((c) => c.type)).toEqual(['currentLivingSituation', 'contact']);
    expect(plain.changes[1]!.fields.interimAssessmentId).toBeNull();
    expect(plain.changes[0]!.fields.informationDate).toBe('2026-03-10');

    const entry = { answers: { docPhotoId: 'does_not_have', householdMonthlyIncome: 0 } };
    const withUpdate = buildContactChanges(
      input({ interim: { docPhotoId: 'does_not_have', householdMonthlyIncome: 1500 } }, { entry }),
    );
    expect(withUpdate.interim).toBe('update');
    const update = withUpdate.changes.find((c) => c.type === 'assessment')!;
    expect(update).toEqual({
      type: 'assessment',
      id: '3'.repeat(32),
      op: 'create',
      fields: {
        enrollmentId: ENROLLMENT_ID,
        clientId: CLIENT_ID,
        dataCollectionStage: 2,
        informationDate: '2026-03-10',
        'answers.householdMonthlyIncome': 1500,
      },
    });
    const contact = withUpdate.changes.find((c) => c.type === 'contact')!;
    expect(contact.fields).toMatchObject({
      contactAt: '2026-03-10T18:00:00.000Z',
      kind: 'in_person',
      currentLivingSituationId: '2'.repeat(32),
      interimAssessmentId: '3'.repeat(32),
    });
  });

  it('blocks saving an amount that is not one', () => {
    const result = buildContactChanges(input({ interim: { householdMonthlyIncome: '12.3.4' } }));
    expect(result.changes).toEqual([]);
    expect(result.issues.map((i) => i.field)).toContain('interim.householdMonthlyIncome');
  });

  it('routes the answers of a contact on the project start date to the Entry (M4c)', () => {
    expect(routesToEntry('2026-02-01', '2026-02-01')).toBe(true);
    expect(routesToEntry('2026-02-02', '2026-02-01')).toBe(false);
    const result = buildContactChanges(
      input(
        { date: '2026-02-01', time: '10:00', interim: { docPhotoId: 'has' } },
        { entry: { answers: { docPhotoId: 'does_not_have' } } },
      ),
    );
    expect(result.interim).toBe('entry');
    const entryId = singletonAssessmentId(ENROLLMENT_ID, 1);
    expect(result.changes.filter((c) => c.type === 'assessment')).toEqual([
      { type: 'assessment', id: entryId, op: 'patch', fields: { 'answers.docPhotoId': 'has' } },
    ]);
    expect(result.changes.find((c) => c.type === 'contact')!.fields.interimAssessmentId).toBe(
      entryId,
    );
  });
});

describe('backfill to project start', () => {
  const entryContext = { projectType: 6, subject: { isHeadOfHousehold: true, isAdult: true } };

  it('asks about changed answers the Entry is missing, not about notes or answers it has', () => {
    const questions = backfillQuestions({
      changed: {
        docPhotoId: 'has',
        docBirthCertificate: 'has',
        docNotes: 'New ID',
        legalInvolvement: 8,
      },
      entry: { answers: { docBirthCertificate: 'working_on_it', legalInvolvement: 99 } },
      entryContext,
      contactDate: '2026-03-10',
      projectStartDate: '2026-02-01',
    });
    expect(questions.map((q) => q.fieldId)).toEqual(['docPhotoId']);
    expect(questions[0]!.label).toBe('Photo ID');
  });

  it('asks nothing on the project start date', () => {
    expect(
      backfillQuestions({
        changed: { docPhotoId: 'has' },
        entry: undefined,
        entryContext,
        contactDate: '2026-02-01',
        projectStartDate: '2026-02-01',
      }),
    ).toEqual([]);
  });

  it('"yes" also patches the Entry; "no" leaves it', () => {
    const entry = { answers: { legalInvolvement: 99 } };
    const yes = buildContactChanges(
      input(
        {
          interim: { legalInvolvement: 0, docPhotoId: 'has' },
          alsoAtStart: { legalInvolvement: true },
        },
        { entry },
      ),
    );
    const entryId = singletonAssessmentId(ENROLLMENT_ID, 1);
    expect(yes.backfilled).toEqual(['legalInvolvement']);
    expect(yes.changes.find((c) => c.id === entryId)).toEqual({
      type: 'assessment',
      id: entryId,
      op: 'patch',
      fields: { 'answers.legalInvolvement': 0 },
    });
    // The Update still holds both changes.
    expect(yes.changes.find((c) => c.id === '3'.repeat(32))!.fields).toMatchObject({
      'answers.legalInvolvement': 0,
      'answers.docPhotoId': 'has',
    });
    const no = buildContactChanges(input({ interim: { legalInvolvement: 0 } }, { entry }));
    expect(no.changes.find((c) => c.id === entryId)).toBeUndefined();
  });

  it('creates the Entry assessment when the device has none', () => {
    const result = buildContactChanges(
      input({ interim: { docPhotoId: 'has' }, alsoAtStart: { docPhotoId: true } }),
    );
    const entryId = singletonAssessmentId(ENROLLMENT_ID, 1);
    expect(result.changes.find((c) => c.id === entryId)).toEqual({
      type: 'assessment',
      id: entryId,
      op: 'create',
      fields: {
        enrollmentId: ENROLLMENT_ID,
        clientId: CLIENT_ID,
        dataCollectionStage: 1,
        informationDate: '2026-02-01',
        'answers.docPhotoId': 'has',
      },
    });
  });
});
