import { z } from 'zod';
import { clientSchema } from './client';
import { enrollmentSchema } from './enrollment';
import { assessmentSchema } from './assessment';
import { currentLivingSituationSchema } from './current-living-situation';
import { contactSchema } from './contact';
import { caseManagerAssignmentSchema } from './case-manager-assignment';

export * from './ids';
export * from './dates';
export * from './metadata';
export * from './provider';
export * from './project-descriptors';
export * from './project-descriptor-problems';
export * from './user';
export * from './client';
export * from './enrollment';
export * from './assessment';
export * from './current-living-situation';
export * from './contact';
export * from './case-manager-assignment';

/** Record types that devices change offline and sync (providers and users are server-managed). */
export const RECORD_SCHEMAS = {
  client: clientSchema,
  enrollment: enrollmentSchema,
  assessment: assessmentSchema,
  currentLivingSituation: currentLivingSituationSchema,
  contact: contactSchema,
  caseManagerAssignment: caseManagerAssignmentSchema,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;

/** How a record is addressed across types (maps, outbox indexes, storage lookups): "type:id". */
export function recordKey(type: string, id: string): string {
  return `${type}:${id}`;
}
export const RECORD_TYPES = Object.keys(RECORD_SCHEMAS) as RecordType[];
export const recordTypeSchema = z.enum(RECORD_TYPES as [RecordType, ...RecordType[]]);

export interface RecordOfType {
  client: z.infer<typeof clientSchema>;
  enrollment: z.infer<typeof enrollmentSchema>;
  assessment: z.infer<typeof assessmentSchema>;
  currentLivingSituation: z.infer<typeof currentLivingSituationSchema>;
  contact: z.infer<typeof contactSchema>;
  caseManagerAssignment: z.infer<typeof caseManagerAssignmentSchema>;
}
