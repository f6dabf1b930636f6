// An Entry/Exit (HMIS Enrollment.csv plus the Exit.csv fields): one client's stay in one
// provider's project, part of a household.
import { z } from 'zod';
import { codeSchema } from '../codes/types';
import { getList } from '../codes';
import { idSchema } from './ids';
import { localDateSchema } from './dates';
import { cocCodeSchema } from './project-descriptors';

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
  // Fields added in FY2026 conformance work are optional so records written before them still
  // parse; an absent value means "not recorded" (exported as null).
  /** 3.16 Enrollment CoC: the head of household's CoC at project start (HMIS EnrollmentCoC). */
  enrollmentCoc: cocCodeSchema.nullable().optional(),
  /**
   * 4.13 Date of Engagement (Street Outreach and Night-by-Night Emergency Shelter, head of
   * household and adults): inside the stay, never in the future (workflow W-ENG-2).
   */
  dateOfEngagement: localDateSchema.nullable().optional(),
  /** 3.12.B: the "specify" text of Destination 17 Other (HMIS OtherDestination, S50). */
  otherDestination: z
    .string({ error: 'Describe the other destination in words.' })
    .trim()
    .max(50, 'The other destination is at most 50 characters.')
    .nullable()
    .optional(),
});

export type Enrollment = z.infer<typeof enrollmentSchema>;

/** The exit fields change together: an enrollment exits once, as a unit (merge rule M5). */
export const EXIT_FIELDS = [
  'exitDate',
  'exitReason',
  'destination',
  'destinationSubsidyType',
  'otherDestination',
] as const;
