// A provider is an HMIS project that a case manager enters data as (EDA).
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { idSchema } from './ids';

/** Funder kinds are a local list ("local:funder"), not HUD 2.06.1. */
export const funderSchema = codeSchema(getList('local:funder'));

export const providerSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1, 'A provider needs a name').max(200),
  organizationName: z.string().max(200).nullable(),
  projectType: codeSchema(getList('2.02.6')),
  /** Funders and programs, e.g. Case Management, ESG, PATH, YHDP, CES (local list "local:funder"). */
  funders: z.array(funderSchema).max(20),
  cocCode: z
    .string()
    .regex(/^[A-Z]{2}-\d{3}$/, 'A CoC code looks like MN-500')
    .nullable(),
  active: z.boolean(),
});

export type Provider = z.infer<typeof providerSchema>;
