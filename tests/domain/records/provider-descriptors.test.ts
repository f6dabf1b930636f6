// HUD project descriptors on the provider (Data Standards 2.01–2.09): the schemas, the code lists
// they use, and projectDescriptorProblems (what an HMIS CSV FY2026 export would lack).
import { describe, expect, it } from 'vitest';
import { activeCodes, getList } from '../../../src/domain/codes';
import {
  ceParticipationSchema,
  deriveOrganizationId,
  descriptorsOf,
  EMPTY_PROJECT_DESCRIPTORS,
  hmisParticipationSchema,
  hudFunderSchema,
  newHudFunderSchema,
  organizationIdOf,
  projectCocSchema,
  projectDescriptorProblems,
  providerSchema,
  type HudFunder,
  type ProjectCoc,
  type Provider,
} from '../../../src/domain/records';

const ID = 'a'.repeat(32);

/** A provider as stored before the descriptors existed. */
const OLD: Provider = {
  id: ID,
  name: 'Synthetic Family Services',
  organizationName: 'Synthetic Org',
  projectType: 6,
  funders: [1],
  cocCode: 'MN-500',
  active: true,
};

const FUNDER: HudFunder = {
  funder: 4,
  otherFunder: null,
  grantId: 'TEST-GRANT-1',
  startDate: '2025-10-01',
  endDate: null,
};

const COC: ProjectCoc = {
  cocCode: 'MN-500',
  geocode: '279053',
  address1: '1 Test Street',
  address2: null,
  city: 'Minneapolis',
  state: 'MN',
  zip: '55415',
  geographyType: 1,
};

/** A Services Only provider with every descriptor an export needs. */
function complete(overrides: Partial<Provider> = {}): Provider {
  return {
    ...OLD,
    organizationId: 'synthetic-org',
    victimServiceProvider: 0,
    operatingStartDate: '2020-01-01',
    operatingEndDate: null,
    continuumProject: 1,
    residentialAffiliation: 0,
    hmisParticipationType: 1,
    hopwaMedAssistedLivingFac: null,
    targetPopulation: null,
    hudFunders: [FUNDER],
    projectCocs: [COC],
    hmisParticipation: [{ type: 1, startDate: '2020-01-01', endDate: null }],
    ceParticipation: [],
    ...overrides,
  };
}

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);
}

describe('the HUD lists behind the descriptors', () => {
  it('2.06.1 has the FY2026 funding sources: 56 CoC Builds added, 47 and 48 retired', () => {
    const list = getList('2.06.1');
    expect(list.codes.find((c) => c.code === 56)?.label).toBe('HUD: CoC Builds');
    expect(list.codes.filter((c) => c.retired).map((c) => c.code)).toEqual([12, 47, 48, 49]);
    expect(activeCodes(list).some((c) => c.code === 47 || c.code === 48)).toBe(false);
    expect(list.codes.find((c) => c.code === 46)?.label).toMatch(/Local or Other/);
  });

  it('2.03.4, 2.08.1 and 2.02.D hold their codes', () => {
    expect(getList('2.03.4').codes.map((c) => c.code)).toEqual([1, 2, 3, 99]);
    expect(getList('2.08.1').codes.map((c) => c.code)).toEqual([0, 1, 2]);
    expect(getList('2.02.D').codes.map((c) => c.code)).toEqual([1, 3, 4]);
  });
});

describe('providerSchema with descriptors', () => {
  it('still accepts a provider stored before the descriptors, and descriptorsOf fills nulls', () => {
    expect(providerSchema.safeParse(OLD).success).toBe(true);
    expect(descriptorsOf(OLD)).toEqual(EMPTY_PROJECT_DESCRIPTORS);
  });

  it('accepts a complete provider', () => {
    const result = providerSchema.safeParse(complete());
    expect(messages(result)).toEqual([]);
  });

  it('refuses residential affiliation on a project that is not Services Only', () => {
    const result = providerSchema.safeParse(complete({ projectType: 4 }));
    expect(messages(result)).toEqual([
      'Residential affiliation is only for Services Only projects (project type 6); this one is 4 Street Outreach.',
    ]);
    expect(
      providerSchema.safeParse(complete({ projectType: 4, residentialAffiliation: null })).success,
    ).toBe(true);
  });

  it('asks the HOPWA question only of HOPWA-funded projects', () => {
    expect(messages(providerSchema.safeParse(complete({ hopwaMedAssistedLivingFac: 0 })))).toEqual([
      'HOPWA medically assisted living facility is only for projects with a HOPWA funder (funding sources 13–19).',
    ]);
    const hopwa = complete({
      hudFunders: [{ ...FUNDER, funder: 15 }],
      hopwaMedAssistedLivingFac: 0,
    });
    expect(providerSchema.safeParse(hopwa).success).toBe(true);
  });

  it('refuses an operating end before the start, and bad codes and dates', () => {
    expect(
      messages(providerSchema.safeParse(complete({ operatingEndDate: '2019-12-31' }))),
    ).toEqual([
      'The operating end date (2019-12-31) is before the operating start date (2020-01-01).',
    ]);
    expect(
      messages(providerSchema.safeParse(complete({ operatingStartDate: '2020-02-30' }))),
    ).toEqual(['This date does not exist on the calendar.']);
    expect(messages(providerSchema.safeParse(complete({ continuumProject: 2 })))).toEqual([
      'Choose one of the listed answers for Continuum project (2 is not one of them).',
    ]);
    expect(messages(providerSchema.safeParse(complete({ organizationId: 'has space' })))).toEqual([
      'An organization ID has 1 to 32 letters, digits, dots, dashes or underscores',
    ]);
  });

  it('keeps cocCode the first project CoC and refuses a CoC listed twice', () => {
    expect(messages(providerSchema.safeParse(complete({ cocCode: 'MN-501' })))).toEqual([
      "The provider's CoC code (MN-501) must be its first project CoC's (MN-500).",
    ]);
    expect(messages(providerSchema.safeParse(complete({ projectCocs: [COC, COC] })))).toEqual([
      'CoC MN-500 is listed twice for this project.',
    ]);
  });
});

describe('the descriptor list schemas', () => {
  it('funder: other-funder text only, and always, for 46; retired codes refused for new funders', () => {
    expect(hudFunderSchema.safeParse(FUNDER).success).toBe(true);
    expect(messages(hudFunderSchema.safeParse({ ...FUNDER, funder: 46 }))).toEqual([
      'Say which funder this is: funding source 46 "Local or Other" needs its name.',
    ]);
    expect(hudFunderSchema.safeParse({ ...FUNDER, funder: 46, otherFunder: 'City' }).success).toBe(
      true,
    );
    expect(messages(hudFunderSchema.safeParse({ ...FUNDER, otherFunder: 'City' }))).toEqual([
      `The other funder's name is only for funding source 46 "Local or Other" (this one is 4).`,
    ]);
    expect(messages(hudFunderSchema.safeParse({ ...FUNDER, funder: 28 }))).toEqual([
      'Choose one of the listed answers for Funding source (28 is not one of them).',
    ]);
    expect(hudFunderSchema.safeParse({ ...FUNDER, funder: 47 }).success).toBe(true); // history
    expect(messages(newHudFunderSchema.safeParse({ ...FUNDER, funder: 47 }))).toEqual([
      'Funding source 47 "HUD: ESG – CV" is retired in FY2026 and cannot be added.',
    ]);
    expect(messages(hudFunderSchema.safeParse({ ...FUNDER, endDate: '2025-09-30' }))).toEqual([
      'The funding end date (2025-09-30) is before its start date (2025-10-01).',
    ]);
  });

  it('project CoC: CoC code, geocode, state and ZIP formats', () => {
    expect(projectCocSchema.safeParse(COC).success).toBe(true);
    expect(messages(projectCocSchema.safeParse({ ...COC, cocCode: 'MN500' }))).toEqual([
      'A CoC code looks like MN-500',
    ]);
    expect(messages(projectCocSchema.safeParse({ ...COC, geocode: '27905' }))).toEqual([
      'A geocode has 6 digits, for example 279053',
    ]);
    expect(messages(projectCocSchema.safeParse({ ...COC, state: 'Mn' }))).toEqual([
      'A state is two capital letters, for example MN',
    ]);
    expect(messages(projectCocSchema.safeParse({ ...COC, zip: '554150' }))).toEqual([
      'A ZIP code has 5 digits, for example 55415',
    ]);
    expect(messages(projectCocSchema.safeParse({ ...COC, geographyType: 4 }))).toEqual([
      'Choose one of the listed answers for Geography type (4 is not one of them).',
    ]);
  });

  it('HMIS participation: a 2.08.1 type and a period', () => {
    const period = { type: 2, startDate: '2024-01-01', endDate: null };
    expect(hmisParticipationSchema.safeParse(period).success).toBe(true);
    expect(messages(hmisParticipationSchema.safeParse({ ...period, type: 3 }))).toEqual([
      'Choose one of the listed answers for HMIS participation type (3 is not one of them).',
    ]);
  });

  it('CE participation: the assessment answers only, and always, for an access point', () => {
    const base = {
      accessPoint: 1,
      preventionAssessment: 0,
      crisisAssessment: 1,
      housingAssessment: 1,
      directServices: 0,
      receivesReferrals: 1,
      startDate: '2024-01-01',
      endDate: null,
    };
    expect(ceParticipationSchema.safeParse(base).success).toBe(true);
    expect(messages(ceParticipationSchema.safeParse({ ...base, crisisAssessment: null }))).toEqual([
      'An access point answers this.',
    ]);
    expect(
      messages(
        ceParticipationSchema.safeParse({
          ...base,
          accessPoint: 0,
          preventionAssessment: null,
          housingAssessment: null,
          directServices: null,
        }),
      ),
    ).toEqual(['Only a CE access point answers this: leave it empty.']);
  });
});

describe('organization IDs', () => {
  it('are derived from the organization name unless set', () => {
    expect(deriveOrganizationId('Hennepin Family Services (demo)')).toBe(
      'hennepin-family-services-demo',
    );
    expect(deriveOrganizationId('Éclair Société')).toBe('eclair-societe');
    expect(deriveOrganizationId('***')).toBeNull();
    expect(deriveOrganizationId('x'.repeat(40))?.length).toBe(32);
    expect(organizationIdOf(OLD)).toBe('synthetic-org');
    expect(organizationIdOf({ ...OLD, organizationId: 'ORG1' })).toBe('ORG1');
    expect(organizationIdOf({ ...OLD, organizationName: null })).toBeNull();
  });
});

describe('projectDescriptorProblems', () => {
  it('is empty for a complete provider', () => {
    expect(projectDescriptorProblems(complete())).toEqual([]);
  });

  it('lists everything an old provider lacks', () => {
    expect(projectDescriptorProblems({ ...OLD, organizationName: null })).toEqual([
      'Organization name is missing.',
      'Organization ID is missing: set one, or an organization name to derive it from.',
      'Victim service provider (yes or no) is not set for the organization.',
      'Project start date of operation is missing.',
      'Continuum project (yes or no) is not set.',
      'Residential affiliation (yes or no) is not set: a Services Only project needs it.',
      'No HUD funder record (funding source and grant).',
      'No project CoC record.',
      'No HMIS participation record.',
      'HMIS participation type is not set.',
    ]);
  });

  it('does not ask residential affiliation of other project types', () => {
    expect(
      projectDescriptorProblems(complete({ projectType: 4, residentialAffiliation: null })),
    ).toEqual([]);
  });

  it('asks the HOPWA question of HOPWA-funded projects', () => {
    expect(
      projectDescriptorProblems(complete({ hudFunders: [{ ...FUNDER, funder: 17 }] })),
    ).toEqual([
      'HOPWA medically assisted living facility (yes or no) is not set: a HOPWA-funded project needs it.',
    ]);
  });

  it('flags a retired funding source still open, a CoC without geocode or geography', () => {
    expect(
      projectDescriptorProblems(
        complete({
          hudFunders: [{ ...FUNDER, funder: 47 }],
          projectCocs: [{ ...COC, geocode: null, geographyType: null }],
        }),
      ),
    ).toEqual([
      'Funding source 47 "HUD: ESG – CV" is retired in FY2026: give that grant an end date.',
      'Project CoC MN-500 has no geocode.',
      'Project CoC MN-500 has no geography type.',
    ]);
    expect(
      projectDescriptorProblems(
        complete({ hudFunders: [{ ...FUNDER, funder: 47, endDate: '2026-01-01' }] }),
      ),
    ).toEqual([]);
  });

  it('flags overlapping or inconsistent HMIS participation and a VSP in HMIS', () => {
    expect(
      projectDescriptorProblems(
        complete({
          hmisParticipation: [
            { type: 1, startDate: '2020-01-01', endDate: '2022-01-01' },
            { type: 2, startDate: '2021-06-01', endDate: null },
          ],
        }),
      ),
    ).toEqual([
      'HMIS participation records overlap: end the old one before the new one starts.',
      'HMIS participation type 1 differs from the open HMIS participation record (2).',
    ]);
    expect(projectDescriptorProblems(complete({ victimServiceProvider: 1 }))).toEqual([
      'A victim service provider must not take part in HMIS (VAWA): use 2 Comparable Database Participating.',
    ]);
  });

  it('asks a Coordinated Entry project for CE participation', () => {
    const ce = complete({ projectType: 14, residentialAffiliation: null });
    expect(projectDescriptorProblems(ce)).toEqual([
      'No CE participation record: a Coordinated Entry project needs one.',
    ]);
    const period = {
      accessPoint: 0,
      preventionAssessment: null,
      crisisAssessment: null,
      housingAssessment: null,
      directServices: null,
      receivesReferrals: 1,
      startDate: '2020-01-01',
      endDate: null,
    };
    expect(projectDescriptorProblems({ ...ce, ceParticipation: [period] })).toEqual([]);
    expect(projectDescriptorProblems({ ...ce, ceParticipation: [period, period] })).toEqual([
      'CE participation records overlap: end the old one before the new one starts.',
    ]);
  });
});
