// A contact: an interaction between a case manager and a client (Hennepin workflow). HUD records
// it as its 4.12 Current Living Situation row; the contact keeps the case manager's context.
import { z } from 'zod';
import { idSchema } from './ids';
import { instantSchema } from './dates';

/** The contact screen's own wording (src/domain/workflow/contact.ts). */
export const CONTACT_KIND_MESSAGE = 'Choose how the contact happened (in person, phone, …).';
const KIND_MESSAGE = CONTACT_KIND_MESSAGE;
const LOCATION_MESSAGE = 'Choose where the contact happened (street, shelter, office, …).';

export const contactSchema = z.object({
  id: idSchema,
  enrollmentId: idSchema,
  clientId: idSchema,
  /** When the contact happened (not when it was typed or synced). */
  contactAt: instantSchema,
  /** Local picklist "contact-location" (src/domain/forms/picklists.ts) (street, shelter, office, ...). */
  location: z.string({ error: LOCATION_MESSAGE }).max(100, LOCATION_MESSAGE).nullable(),
  /** Local picklist "contact-kind" (src/domain/forms/picklists.ts) (in person, phone, ...). */
  kind: z.string({ error: KIND_MESSAGE }).trim().min(1, KIND_MESSAGE).max(50, KIND_MESSAGE),
  note: z
    .string({ error: 'A note is typed as text.' })
    .max(4000, 'A note is at most 4,000 characters.')
    .nullable(),
  currentLivingSituationId: idSchema,
  interimAssessmentId: idSchema.nullable(),
});

export type Contact = z.infer<typeof contactSchema>;
