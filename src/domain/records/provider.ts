// A provider is an HMIS project that a case manager enters data as (EDA). Besides what the screens
// use (name, project type, local funder kinds), it carries the HUD project descriptors
// (project-descriptors.ts); projectDescriptorProblems (project-descriptor-problems.ts) says what an
// export would still lack.
import { z } from 'zod';
import { codeSchema, labelOf } from '../codes/types';
import { getList } from '../codes';
import { SERVICES_ONLY } from '../codes/project-type';
import { idSchema } from './ids';
import {
  cocCodeSchema,
  deriveOrganizationId,
  descriptorsOf,
  isHopwaFunded,
  projectDescriptorsSchema,
  type ProjectDescriptors,
} from './project-descriptors';

/** Funder kinds are a local list ("local:funder"), not HUD 2.06.1. */
export const funderSchema = codeSchema(getList('local:funder'));

export const providerSchema = z
  .object({
    id: idSchema,
    name: z.string().trim().min(1, 'A provider needs a name').max(200),
    organizationName: z.string().max(200).nullable(),
    projectType: codeSchema(getList('2.02.6')),
    /** Funders and programs, e.g. Case Management, ESG, PATH, YHDP, CES (local list "local:funder"). */
    funders: z.array(funderSchema).max(20),
    /** The project's (first) CoC; when projectCocs has entries, the first one's code. */
    cocCode: cocCodeSchema.nullable(),
    active: z.boolean(),
    ...projectDescriptorsSchema.partial().shape,
  })
  .superRefine((p, ctx) => {
    const d = descriptorsOf(p);
    if (d.residentialAffiliation !== null && p.projectType !== SERVICES_ONLY) {
      ctx.addIssue({
        code: 'custom',
        path: ['residentialAffiliation'],
        message: `Residential affiliation is only for Services Only projects (project type 6); this one is ${projectTypeName(p.projectType)}.`,
      });
    }
    if (d.hopwaMedAssistedLivingFac !== null && !isHopwaFunded(d)) {
      ctx.addIssue({
        code: 'custom',
        path: ['hopwaMedAssistedLivingFac'],
        message:
          'HOPWA medically assisted living facility is only for projects with a HOPWA funder (funding sources 13–19).',
      });
    }
    if (
      d.operatingStartDate !== null &&
      d.operatingEndDate !== null &&
      d.operatingEndDate < d.operatingStartDate
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['operatingEndDate'],
        message: `The operating end date (${d.operatingEndDate}) is before the operating start date (${d.operatingStartDate}).`,
      });
    }
    const first = d.projectCocs[0];
    if (first !== undefined && p.cocCode !== first.cocCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['cocCode'],
        message: `The provider's CoC code (${p.cocCode ?? 'none'}) must be its first project CoC's (${first.cocCode}).`,
      });
    }
    const cocs = d.projectCocs.map((c) => c.cocCode);
    const repeated = cocs.find((c, i) => cocs.indexOf(c) !== i);
    if (repeated !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['projectCocs'],
        message: `CoC ${repeated} is listed twice for this project.`,
      });
    }
  });

export type Provider = z.infer<typeof providerSchema>;

/** The OrganizationID an export writes: the one set, or one derived from the organization name. */
export function organizationIdOf(
  p: Pick<Provider, 'organizationName'> & Partial<ProjectDescriptors>,
): string | null {
  return p.organizationId ?? (p.organizationName ? deriveOrganizationId(p.organizationName) : null);
}

/** "6 Services Only", for messages. */
export function projectTypeName(code: number): string {
  return `${code} ${labelOf(getList('2.02.6'), code) ?? ''}`.trim();
}
