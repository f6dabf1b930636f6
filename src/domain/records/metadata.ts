// HMIS metadata carried by every record (DateCreated, DateUpdated, UserID, DateDeleted). The
// server derives it from the field versions, so devices never send it in a mutation.
import { z } from 'zod';
import { idSchema } from './ids';
import { instantSchema } from './dates';

export const recordMetaSchema = z.object({
  dateCreated: instantSchema,
  dateUpdated: instantSchema,
  /** The user of the latest change (HMIS UserID). */
  userId: idSchema,
  /** Soft delete (HMIS DateDeleted): deleted records are kept and can be restored. */
  dateDeleted: instantSchema.nullable(),
});

export type RecordMeta = z.infer<typeof recordMetaSchema>;

/** Fields the server maintains; a mutation that sets one is rejected. */
export const META_FIELDS = ['dateCreated', 'dateUpdated', 'userId', 'dateDeleted'] as const;
