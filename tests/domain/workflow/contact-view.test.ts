// The contact screen's view-model (contact-view.ts): what the screen shows and saves, from the
// records, the household and the form, in one call. Synthetic people only.
import { describe, expect, it } from 'vitest';
import { emptyContactForm, type ContactForm } from '../../../src/domain/workflow/contact';
import {
  contactView,
  toggleInterimSection,
  type ContactRecords,
} from '../../../src/domain/workflow/contact-view';

const ENROLLMENT_ID = 'e'.repeat(32);
const CLIENT_ID = 'c'.repeat(32);
const CHILD_ENROLLMENT = 'f'.repeat(32);
const NOW = Date.parse('2026-03-10T18:00:00Z');
const TODAY = '2026-03-10';

const enrollment = {
  id: ENROLLMENT_ID,
  clientId: CLIENT_ID,
  projectStartDate: '2026-02-01',
  exitDate: null,
  relationshipToHoH: 1,
  providerId: 'p'.repeat(32),
};

function records(over: Partial<ContactRecords> = {}): ContactRecords {
  return {
    enrollment,
    client: { id: CLIENT_ID, firstName: 'Robin', dob: '1990-05-05' },
    entry: { answers: { docPhotoId: 'has' } },
    updates: [],
    contacts: [
      {
        id: '5'.repeat(32),
        contactAt: '2026-03-01T15:00:00.000Z',
        kind: 'phone',
        location: 'office',
        currentLivingSituationId: '6'.repeat(32),
      },
    ],
    currentLivingSituations: [
      { id: '6'.repeat(32), informationDate: '2026-03-01', currentLivingSituation: 116 },
    ],
    ...over,
  };
}

const child = {
  enrollment: {
    id: CHILD_ENROLLMENT,
    clientId: '9'.repeat(32),
    projectStartDate: '2026-02-01',
    exitDate: null,
    relationshipToHoH: 2,
    providerId: 'p'.repeat(32),
  },
  dob: '2019-01-01',
  firstName: 'Sam',
};

function view(form: Partial<ContactForm>, over: Partial<ContactRecords> = {}) {
  return contactView({
    records: records(over),
    household: [child],
    form: { ...emptyContactForm(NOW), currentLivingSituation: 116, ...form },
    today: TODAY,
    now: NOW,
    provider: { projectType: 6 },
    ids: {
      contact: '1'.repeat(32),
      currentLivingSituation: '2'.repeat(32),
      update: '3'.repeat(32),
    },
  });
}

describe('contactView', () => {
  it('defaults kind and location to the previous contact, and saves the contact with its 4.12', () => {
    const v = view({});
    expect(v.kind).toBe('phone');
    expect(v.location).toBe('office');
    expect(v.defaults.previousCls?.currentLivingSituation).toBe(116);
    expect(v.errors).toEqual([]);
    expect(v.changes.map((c) => c.type)).toEqual(['currentLivingSituation', 'contact']);
  });

  it('W-CT1 asks 4.12 of the contacted member only when the other member is a child', () => {
    const v = view({});
    expect(v.clsOthers).toEqual([]);
    // Every open member is in the per-member parts (W-CT3, W-CT7), by position.
    expect([...v.positions.keys()]).toEqual([ENROLLMENT_ID, CHILD_ENROLLMENT]);
    expect(v.parts.map((p) => [p.part, p.members.length])).toEqual([
      ['income', 2],
      ['dv', 1],
      ['disabilities', 2],
    ]);
  });

  it('W-CT5 counts the changed interim answers and asks the backfill for what the Entry lacks', () => {
    const v = view({ interimOpen: true, interim: { householdMonthlyIncome: 850 } });
    expect(v.interim.open).toBe(true);
    expect(v.interim.changedCount).toBe(1);
    expect(v.interim.backfills.map((q) => q.fieldId)).toEqual(['householdMonthlyIncome']);
    expect(v.interim.onProjectStart).toBe(false);
    expect(v.changes.map((c) => c.type)).toEqual([
      'currentLivingSituation',
      'assessment',
      'contact',
    ]);
  });

  it('blocks the save and lists the error when the situation is missing', () => {
    const v = view({ currentLivingSituation: null });
    expect(v.errors.map((i) => i.field)).toContain('currentLivingSituation');
    expect(v.changes).toEqual([]);
  });

  it('uses today for the member parts while the date field is not a date', () => {
    expect(view({ date: '2026-02' }).date).toBe(TODAY);
  });
});

describe('only what changed is asked', () => {
  it('shows no interim question until a section is said to have changed', () => {
    const v = view({});
    expect(v.interim.open).toBe(false);
    expect(v.interim.forms.flatMap((f) => f.sections)).toEqual([]);
    expect(v.interim.sections.map((x) => x.label)).toEqual([
      'Documents changed',
      'Household income changed',
      'Legal involvement changed',
      'Housing choices changed',
    ]);
  });

  it('"Household income changed" opens only the household income questions', () => {
    const form = toggleInterimSection(
      { ...emptyContactForm(NOW), currentLivingSituation: 116 },
      'monthly-household-income',
    );
    const v = view(form);
    expect(v.interim.forms.flatMap((f) => f.sections.map((x) => x.id))).toEqual([
      'monthly-household-income',
    ]);
  });

  it('W-CT4 with 4.02 collected the household income is not a section to open', () => {
    const v = view({ incomeOpen: true });
    expect(v.interim.sections.map((x) => x.id)).not.toContain('monthly-household-income');
  });

  it('closing a section forgets what was typed in it, so nothing of it is saved', () => {
    let form: ContactForm = { ...emptyContactForm(NOW), currentLivingSituation: 116 };
    form = toggleInterimSection(form, 'monthly-household-income');
    form = {
      ...form,
      interim: { householdMonthlyIncome: 850 },
      alsoAtStart: { householdMonthlyIncome: true },
    };
    expect(view(form).interim.changedCount).toBe(1);
    form = toggleInterimSection(form, 'monthly-household-income');
    expect(form.interim).toEqual({});
    expect(form.alsoAtStart).toEqual({});
    expect(view(form).changes.map((c) => c.type)).toEqual(['currentLivingSituation', 'contact']);
  });

  it('opens the section that holds an error after a blocked save', () => {
    const v = view({ interim: { householdMonthlyIncome: '12.3.4' } });
    expect(v.errors.map((i) => i.field)).toContain('interim.householdMonthlyIncome');
    expect(v.openForErrors.interimSections).toEqual(['monthly-household-income']);
  });
});
