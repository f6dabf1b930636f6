import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PICKLISTS,
  FORMS,
  HENNEPIN_CASE_MANAGEMENT,
  answersSchema,
  buildPicklistRegistry,
  checkAnswers,
  formFields,
  visibleFields,
} from '../../../src/domain/forms';
import type { FormContext } from '../../../src/domain/forms';
import { completeEntry, issuesAt, issuesFor } from './fixtures';

const CHILD: FormContext = { subject: { isHeadOfHousehold: false, isAdult: false } };
const ADULT_MEMBER: FormContext = { subject: { isHeadOfHousehold: false, isAdult: true } };
const DOCS = [
  'docPhotoId',
  'docBirthCertificate',
  'docSocialSecurityCard',
  'docProofOfIncome',
  'docDisabilityVerification',
  'docHomelessnessVerification',
];

describe('Hennepin Case Management: housing documentation status', () => {
  it('has one status per document, from the documentation-status picklist', () => {
    const fields = formFields(HENNEPIN_CASE_MANAGEMENT).filter((f) => DOCS.includes(f.id));
    expect(fields.map((f) => f.label)).toEqual([
      'Photo ID',
      'Birth certificate',
      'Social Security card',
      'Proof of income',
      'Disability verification',
      'Homelessness verification',
    ]);
    for (const f of fields)
      expect('source' in f && f.source).toEqual({ picklist: 'documentation-status' });
  });

  it('accepts only the picklist’s string codes (not HUD numbers, not unknown codes)', () => {
    expect(issuesFor('docPhotoId', 1, { ...completeEntry(), docPhotoId: 1 })[0]?.message).toBe(
      'Choose one of the listed answers for Photo ID (1 is not one of them).',
    );
    expect(issuesFor('docPhotoId', 1, { ...completeEntry(), docPhotoId: 'lost' })[0]?.code).toBe(
      'invalid',
    );
  });

  it('is required at entry and exit, optional at an update, and asked of every client', () => {
    expect(issuesFor('docPhotoId', 1, {})[0]?.code).toBe('required');
    expect(issuesFor('docPhotoId', 3, {})[0]?.code).toBe('required');
    expect(issuesFor('docPhotoId', 2, {})).toEqual([]);
    expect(issuesFor('docBirthCertificate', 1, {}, { context: CHILD })[0]?.code).toBe('required');
  });
});

describe('Hennepin Case Management: monthly household income', () => {
  it('is money; the sources are a multi-select of the 4.02 sources, asked when income > 0', () => {
    const shown = (a: Record<string, number>) =>
      visibleFields(HENNEPIN_CASE_MANAGEMENT, a, 1).map((f) => f.id);
    expect(shown({ householdMonthlyIncome: 0 })).not.toContain('householdIncomeSources');
    expect(shown({ householdMonthlyIncome: 10 })).toContain('householdIncomeSources');
    expect(
      issuesFor('householdIncomeSources', 1, {
        ...completeEntry(),
        householdIncomeSources: [1, 99],
      })[0]?.message,
    ).toBe('Where the household income comes from: 99 is not among the listed choices.');
    expect(
      issuesFor('householdIncomeSources', 1, { ...completeEntry(), householdIncomeSources: [] })[0]
        ?.code,
    ).toBe('required');
    expect(
      issuesFor('householdIncomeSources', 1, { ...completeEntry(), householdMonthlyIncome: 0 })[0]
        ?.message,
    ).toBe(
      'Where the household income comes from is only recorded when the monthly household income is more than 0.',
    );
    expect(
      issuesFor('householdIncomeSources', 1, {
        ...completeEntry(),
        householdIncomeSources: [1, 1],
      })[0]?.message,
    ).toBe('Where the household income comes from lists 1 more than once.');
  });

  it('is asked of the head of household only', () => {
    expect(
      issuesFor(
        'householdMonthlyIncome',
        1,
        { householdMonthlyIncome: 100 },
        { context: ADULT_MEMBER },
      )[0]?.message,
    ).toBe(
      'Monthly household income (all members, before taxes) is only recorded for the head of household.',
    );
  });
});

describe('Hennepin Case Management: legal involvement', () => {
  it('is a 1.8 question (yes / no / 8 / 9 / 99)', () => {
    for (const v of [0, 8, 9, 99])
      expect(issuesFor('legalInvolvement', 1, { ...completeEntry(), legalInvolvement: v })).toEqual(
        [],
      );
    expect(
      issuesFor('legalInvolvement', 1, { ...completeEntry(), legalInvolvement: 2 })[0]?.code,
    ).toBe('invalid');
  });

  it('when yes, asks which kinds (required) and for notes; otherwise both must be empty', () => {
    const yes = { ...completeEntry(), legalInvolvement: 1 };
    expect(issuesAt(1, yes).map((i) => [i.field, i.code])).toEqual([
      ['legalInvolvementKinds', 'required'],
    ]);
    expect(
      issuesAt(1, {
        ...yes,
        legalInvolvementKinds: ['probation_or_parole', 'eviction_history'],
        legalInvolvementNotes: 'Court date in May',
      }),
    ).toEqual([]);
    expect(
      issuesFor('legalInvolvementKinds', 1, { ...yes, legalInvolvementKinds: ['speeding'] })[0]
        ?.message,
    ).toBe('“Which kinds of legal involvement?”: "speeding" is not among the listed choices.');
    expect(
      issuesFor('legalInvolvementKinds', 1, {
        ...completeEntry(),
        legalInvolvement: 9,
        legalInvolvementKinds: ['open_warrants'],
      })[0]?.message,
    ).toBe(
      '“Which kinds of legal involvement?” is only recorded when “Does the client have legal involvement that could affect housing?” is Yes.',
    );
    expect(
      issuesFor('legalInvolvementNotes', 1, { ...completeEntry(), legalInvolvementNotes: 'n/a' })[0]
        ?.code,
    ).toBe('hidden');
  });
});

describe('Hennepin Case Management: client choice', () => {
  it('preferred areas and housing types are required multi-selects at entry', () => {
    const a = { ...completeEntry(), preferredAreas: [], housingTypes: null };
    expect(issuesAt(1, a).map((i) => [i.field, i.code])).toEqual([
      ['preferredAreas', 'required'],
      ['housingTypes', 'required'],
    ]);
    expect(
      issuesFor('preferredAreas', 1, { ...completeEntry(), preferredAreas: 'minneapolis_north' })[0]
        ?.message,
    ).toBe('Preferred areas takes a list of choices.');
  });

  it('accessibility needs are optional; pets description only when the household has pets', () => {
    expect(issuesFor('accessibilityNeeds', 1, completeEntry())).toEqual([]);
    expect(
      issuesFor('accessibilityNeeds', 1, {
        ...completeEntry(),
        accessibilityNeeds: ['wheelchair_accessible'],
      }),
    ).toEqual([]);
    expect(
      issuesFor('petsDescription', 1, { ...completeEntry(), petsDescription: 'Cat' })[0]?.code,
    ).toBe('hidden');
    expect(
      issuesFor('petsDescription', 1, { ...completeEntry(), hasPets: 1, petsDescription: 'Cat' }),
    ).toEqual([]);
  });

  it('willing to share housing is a 1.8 question required at entry', () => {
    expect(
      issuesFor('willingToShareHousing', 1, { ...completeEntry(), willingToShareHousing: null })[0]
        ?.code,
    ).toBe('required');
  });

  it('is asked of the head of household only', () => {
    expect(
      issuesFor(
        'preferredAreas',
        1,
        { preferredAreas: ['west_suburbs'] },
        { context: ADULT_MEMBER },
      )[0]?.code,
    ).toBe('not_applicable');
  });
});

describe('Hennepin Case Management: stages', () => {
  it('is collected at entry, update and exit (the fields updated on interim contacts), not at the annual assessment', () => {
    for (const f of formFields(HENNEPIN_CASE_MANAGEMENT)) {
      expect(f.stages.every((s) => [1, 2, 3].includes(s))).toBe(true);
    }
    expect(issuesFor('docPhotoId', 5, { docPhotoId: 'has' })[0]?.code).toBe('not_at_stage');
  });

  it('an update records only what changed: nothing is required', () => {
    expect(issuesAt(2, {})).toEqual([]);
    expect(issuesAt(2, { preferredAreas: ['south_suburbs'] })).toEqual([]);
  });

  it('the exit section is only at exit, with a required 1.10 yes/no', () => {
    expect(
      issuesFor('exitContactConfirmed', 1, { ...completeEntry(), exitContactConfirmed: 1 })[0]
        ?.code,
    ).toBe('not_at_stage');
    expect(issuesFor('exitContactConfirmed', 3, {})[0]?.message).toBe(
      'Contact information for follow-up confirmed with the client is required at project exit.',
    );
    expect(issuesFor('exitContactConfirmed', 3, { exitContactConfirmed: 9 })[0]?.code).toBe(
      'invalid',
    );
  });
});

describe('Hennepin picklists are data: an override changes what the forms accept', () => {
  it('a new housing type from an override is accepted; a retired one stays valid', () => {
    const housing = DEFAULT_PICKLISTS.find((l) => l.id === 'housing-type')!;
    const picklists = buildPicklistRegistry([
      {
        id: 'housing-type',
        options: [
          ...housing.options.map((o) =>
            o.code === 'senior_housing' ? { ...o, retired: true } : o,
          ),
          { code: 'tiny_home', label: 'Tiny home' },
        ],
      },
    ]);
    const answers = { ...completeEntry(), housingTypes: ['tiny_home', 'senior_housing'] };
    expect(checkAnswers(FORMS, 1, answers, picklists)).toEqual([]);
    const withDefaults = answersSchema(FORMS, 1, buildPicklistRegistry()).safeParse(answers);
    expect(withDefaults.success).toBe(false);
    expect(withDefaults.error?.issues[0]?.path).toEqual(['housingTypes']);
  });
});
