// A 4.12 Current Living Situation record (HMIS CurrentLivingSituation.csv), with every dependent
// field. Which dependent fields may be non-null is checked by src/domain/validation.
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { idSchema } from './ids';
import { localDateSchema } from './dates';

/** A 4.12 dependent question answered from HUD list 1.8 (No, Yes, 8, 9, 99), or not asked (null). */
const yesNoMissing = (question: string) => codeSchema(getList('1.8'), question).nullable();

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} is typed as text.` })
    .max(max, `${what} is at most ${max} characters.`)
    .nullable();

export const currentLivingSituationSchema = z.object({
  id: idSchema,
  enrollmentId: idSchema,
  clientId: idSchema,
  informationDate: localDateSchema,
  currentLivingSituation: codeSchema(getList('4.12.2'), 'Current Living Situation'),
  clsSubsidyType: codeSchema(getList('3.12.A'), 'Rental subsidy type').nullable(),
  /** Only for Coordinated Entry projects (project type 14). */
  verifiedBy: text('Verified by', 200),
  leaveSituation14Days: yesNoMissing('Must leave the current situation within 14 days'),
  subsequentResidence: yesNoMissing('A next place to stay has been found'),
  resourcesToObtain: yesNoMissing('Has resources to get permanent housing'),
  leaseOwn60Day: yesNoMissing('Had a lease or ownership in the last 60 days'),
  movedTwoOrMore: yesNoMissing('Moved 2 or more times in the last 60 days'),
  locationDetails: text('Location details', 250),
});

export type CurrentLivingSituation = z.infer<typeof currentLivingSituationSchema>;
