// A contact: an interaction between a case manager and a client (Hennepin workflow). HUD records
// it as its 4.12 Current Living Situation row; the contact keeps the case manager's context.
import { z } from 'zod';
import { idSchema } from './ids';
import { instantSchema } from './dates';

export const contactSchema = z.object({
  id: idSchema,
  enrollmentId: idSchema,
  clientId: idSchema,
  /** When the contact happened (not when it was typed or synced). */
  contactAt: instantSchema,
  /** Local picklist "contact-location" (src/domain/forms/picklists.ts) (street, shelter, office, ...). */
  location: z.string().max(100).nullable(),
  /** Local picklist "contact-kind" (src/domain/forms/picklists.ts) (in person, phone, ...). */
  kind: z.string().min(1).max(50),
  note: z.string().max(4000).nullable(),
  currentLivingSituationId: idSchema,
  interimAssessmentId: idSchema.nullable(),
});

export type Contact = z.infer<typeof contactSchema>;
