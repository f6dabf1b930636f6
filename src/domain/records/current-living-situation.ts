// A 4.12 Current Living Situation record (HMIS CurrentLivingSituation.csv), with every dependent
// field. Which dependent fields may be non-null is checked by src/domain/validation.
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { idSchema } from './ids';
import { localDateSchema } from './dates';

const yesNoMissing = codeSchema(getList('1.8')).nullable();

export const currentLivingSituationSchema = z.object({
  id: idSchema,
  enrollmentId: idSchema,
  clientId: idSchema,
  informationDate: localDateSchema,
  currentLivingSituation: codeSchema(getList('4.12.2')),
  clsSubsidyType: codeSchema(getList('3.12.A')).nullable(),
  /** Only for Coordinated Entry projects (project type 14). */
  verifiedBy: z.string().max(200).nullable(),
  leaveSituation14Days: yesNoMissing,
  subsequentResidence: yesNoMissing,
  resourcesToObtain: yesNoMissing,
  leaseOwn60Day: yesNoMissing,
  movedTwoOrMore: yesNoMissing,
  locationDetails: z.string().max(250).nullable(),
});

export type CurrentLivingSituation = z.infer<typeof currentLivingSituationSchema>;
