// HUD project descriptors (Data Standards 2.01–2.09) of a provider: what an HMIS CSV FY2026 export
// writes to Organization.csv, Project.csv, Funder.csv, ProjectCoC.csv, HMISParticipation.csv and
// CEParticipation.csv. Every descriptor is optional, so providers stored before they existed keep
// loading (descriptorsOf fills the gaps).
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { FUNDING_SOURCE_OTHER, HOPWA_FUNDING_SOURCES } from '../codes/project-descriptors';
import { localDateSchema, type LocalDate } from './dates';

const noYes = (label: string) => codeSchema(getList('1.10'), label);

/** A HUD CoC code: two state letters and three digits. */
export const cocCodeSchema = z
  .string({ error: 'A CoC code looks like MN-500' })
  .regex(/^[A-Z]{2}-\d{3}$/, 'A CoC code looks like MN-500');

/** A HUD geocode: six digits, the state's FIPS code and a locality (279053 is Hennepin County). */
export const geocodeSchema = z
  .string({ error: 'A geocode has 6 digits, for example 279053' })
  .regex(/^\d{6}$/, 'A geocode has 6 digits, for example 279053');

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is empty: leave it out instead`)
    .max(max, `${label} has more than ${max} characters`)
    .nullable();

const periodProblem = (
  value: { startDate: LocalDate; endDate: LocalDate | null },
  ctx: z.RefinementCtx,
  what: string,
) => {
  if (value.endDate !== null && value.endDate < value.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: `The ${what} end date (${value.endDate}) is before its start date (${value.startDate}).`,
    });
  }
};

/** One HUD funder of the project (2.06, Funder.csv). */
export const hudFunderSchema = z
  .object({
    // Retired funding sources stay valid (a funder record outlives a list revision); the
    // descriptor problems warn about an active one (conformance audit §6.5).
    funder: codeSchema(getList('2.06.1'), 'Funding source', { allowRetired: true }),
    /** 2.06.A: the "specify" text, only for 46 Local or Other Funding Source. */
    otherFunder: optionalText('The other funder', 100),
    grantId: optionalText('The grant ID', 100),
    startDate: localDateSchema,
    endDate: localDateSchema.nullable(),
  })
  .superRefine((value, ctx) => {
    if (value.funder === FUNDING_SOURCE_OTHER && value.otherFunder === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherFunder'],
        message: 'Say which funder this is: funding source 46 "Local or Other" needs its name.',
      });
    }
    if (value.funder !== FUNDING_SOURCE_OTHER && value.otherFunder !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherFunder'],
        message: `The other funder's name is only for funding source 46 "Local or Other" (this one is ${value.funder}).`,
      });
    }
    periodProblem(value, ctx, 'funding');
  });

export type HudFunder = z.infer<typeof hudFunderSchema>;

/** A funder entered now: retired FY2026 funding sources (47, 48, …) are refused. */
export const newHudFunderSchema = hudFunderSchema.superRefine((value, ctx) => {
  const code = getList('2.06.1').codes.find((c) => c.code === value.funder);
  if (code?.retired) {
    ctx.addIssue({
      code: 'custom',
      path: ['funder'],
      message: `Funding source ${code.code} "${code.label}" is retired in FY2026 and cannot be added.`,
    });
  }
});

/** One CoC the project operates in (2.03, ProjectCoC.csv). */
export const projectCocSchema = z.object({
  cocCode: cocCodeSchema,
  geocode: geocodeSchema.nullable(),
  address1: optionalText('Address line 1', 100),
  address2: optionalText('Address line 2', 100),
  city: optionalText('The city', 50),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A state is two capital letters, for example MN')
    .nullable(),
  zip: z
    .string()
    .regex(/^\d{5}$/, 'A ZIP code has 5 digits, for example 55415')
    .nullable(),
  geographyType: codeSchema(getList('2.03.4'), 'Geography type').nullable(),
});

export type ProjectCoc = z.infer<typeof projectCocSchema>;

/** One period of HMIS participation (2.08, HMISParticipation.csv). */
export const hmisParticipationSchema = z
  .object({
    type: codeSchema(getList('2.08.1'), 'HMIS participation type'),
    startDate: localDateSchema,
    endDate: localDateSchema.nullable(),
  })
  .superRefine((value, ctx) => periodProblem(value, ctx, 'HMIS participation'));

export type HmisParticipation = z.infer<typeof hmisParticipationSchema>;

const CE_ASSESSMENT_FLAGS = [
  'preventionAssessment',
  'crisisAssessment',
  'housingAssessment',
  'directServices',
] as const;

/** One period of Coordinated Entry participation (2.09, CEParticipation.csv). */
export const ceParticipationSchema = z
  .object({
    accessPoint: noYes('CE access point'),
    /** These four are asked only of an access point (AccessPoint = 1); null otherwise. */
    preventionAssessment: noYes('Prevention assessment').nullable(),
    crisisAssessment: noYes('Crisis assessment').nullable(),
    housingAssessment: noYes('Housing assessment').nullable(),
    directServices: noYes('Direct services').nullable(),
    receivesReferrals: noYes('Receives CE referrals'),
    startDate: localDateSchema,
    endDate: localDateSchema.nullable(),
  })
  .superRefine((value, ctx) => {
    for (const flag of CE_ASSESSMENT_FLAGS) {
      if (value.accessPoint === 1 && value[flag] === null) {
        ctx.addIssue({ code: 'custom', path: [flag], message: 'An access point answers this.' });
      }
      if (value.accessPoint !== 1 && value[flag] !== null) {
        ctx.addIssue({
          code: 'custom',
          path: [flag],
          message: 'Only a CE access point answers this: leave it empty.',
        });
      }
    }
    periodProblem(value, ctx, 'CE participation');
  });

export type CeParticipation = z.infer<typeof ceParticipationSchema>;

/** The descriptors, each as a stored provider has it once set (null or empty when not). */
export const projectDescriptorsSchema = z.object({
  /** HMIS OrganizationID (S32); when null, derived from the organization name. */
  organizationId: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,32}$/,
      'An organization ID has 1 to 32 letters, digits, dots, dashes or underscores',
    )
    .nullable(),
  victimServiceProvider: noYes('Victim service provider').nullable(),
  operatingStartDate: localDateSchema.nullable(),
  operatingEndDate: localDateSchema.nullable(),
  continuumProject: noYes('Continuum project').nullable(),
  /** 2.02.B: only for Services Only projects (2.02.6 code 6). */
  residentialAffiliation: noYes('Residential affiliation').nullable(),
  /** The current 2.08.1 type; the open hmisParticipation period says the same. */
  hmisParticipationType: codeSchema(getList('2.08.1'), 'HMIS participation type').nullable(),
  /** 2.02.E: only for HOPWA-funded projects. */
  hopwaMedAssistedLivingFac: noYes('HOPWA medically assisted living facility').nullable(),
  targetPopulation: codeSchema(getList('2.02.D'), 'Target population').nullable(),
  hudFunders: z.array(hudFunderSchema).max(50),
  projectCocs: z.array(projectCocSchema).max(20),
  hmisParticipation: z.array(hmisParticipationSchema).max(50),
  ceParticipation: z.array(ceParticipationSchema).max(50),
});

export type ProjectDescriptors = z.infer<typeof projectDescriptorsSchema>;

export const EMPTY_PROJECT_DESCRIPTORS: ProjectDescriptors = Object.freeze({
  organizationId: null,
  victimServiceProvider: null,
  operatingStartDate: null,
  operatingEndDate: null,
  continuumProject: null,
  residentialAffiliation: null,
  hmisParticipationType: null,
  hopwaMedAssistedLivingFac: null,
  targetPopulation: null,
  hudFunders: [],
  projectCocs: [],
  hmisParticipation: [],
  ceParticipation: [],
});

/** Every descriptor of a provider, with null or an empty list for those never set. */
export function descriptorsOf(p: Partial<ProjectDescriptors>): ProjectDescriptors {
  return {
    organizationId: p.organizationId ?? null,
    victimServiceProvider: p.victimServiceProvider ?? null,
    operatingStartDate: p.operatingStartDate ?? null,
    operatingEndDate: p.operatingEndDate ?? null,
    continuumProject: p.continuumProject ?? null,
    residentialAffiliation: p.residentialAffiliation ?? null,
    hmisParticipationType: p.hmisParticipationType ?? null,
    hopwaMedAssistedLivingFac: p.hopwaMedAssistedLivingFac ?? null,
    targetPopulation: p.targetPopulation ?? null,
    hudFunders: p.hudFunders ?? [],
    projectCocs: p.projectCocs ?? [],
    hmisParticipation: p.hmisParticipation ?? [],
    ceParticipation: p.ceParticipation ?? [],
  };
}

/** True when any HUD funder is a HOPWA funding source. */
export function isHopwaFunded(d: Pick<ProjectDescriptors, 'hudFunders'>): boolean {
  return d.hudFunders.some((f) => HOPWA_FUNDING_SOURCES.includes(f.funder));
}

/**
 * An OrganizationID derived from the organization name ("Hennepin County" → "hennepin-county"), so
 * every project of one organization shares it. At most 32 characters, as HMIS IDs are.
 */
export function deriveOrganizationId(organizationName: string): string | null {
  const slug = organizationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  return slug === '' ? null : slug;
}
