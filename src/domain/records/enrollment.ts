// An Entry/Exit (HMIS Enrollment.csv plus the Exit.csv fields): one client's stay in one
// provider's project, part of a household.
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { idSchema } from './ids';
import { localDateSchema } from './dates';

/** Why case management ended (Hennepin workflow), kept next to the HUD Destination. */
export const EXIT_REASONS = [
  'housed',
  'other_case_manager',
  'lost_contact',
  'treatment_or_jail',
  'deceased',
] as const;
export const exitReasonSchema = z.enum(EXIT_REASONS, {
  error: 'Choose why case management ended (housed, another case manager, lost contact, …).',
});
export type ExitReason = z.infer<typeof exitReasonSchema>;

export const EXIT_REASON_LABELS: Readonly<Record<ExitReason, string>> = {
  housed: 'Housed',
  other_case_manager: 'Engaged with another case manager',
  lost_contact: 'No longer receiving case management or cannot be located',
  treatment_or_jail: 'In treatment or jail',
  deceased: 'Deceased',
};

export const enrollmentSchema = z.object({
  id: idSchema,
  clientId: idSchema,
  providerId: idSchema,
  householdId: idSchema,
  relationshipToHoH: codeSchema(getList('3.15.1'), 'Relationship to head of household'),
  projectStartDate: localDateSchema,
  entryType: z.literal('basic', { error: 'Fieldnote records enrollments with a basic entry.' }),
  exitDate: localDateSchema.nullable(),
  exitReason: exitReasonSchema.nullable(),
  destination: codeSchema(getList('3.12.1'), 'Destination').nullable(),
  destinationSubsidyType: codeSchema(
    getList('3.12.A'),
    'Destination rental subsidy type',
  ).nullable(),
});

export type Enrollment = z.infer<typeof enrollmentSchema>;

/** The exit fields change together: an enrollment exits once, as a unit (merge rule M5). */
export const EXIT_FIELDS = [
  'exitDate',
  'exitReason',
  'destination',
  'destinationSubsidyType',
] as const;
