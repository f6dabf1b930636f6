// The Case Managers tab: who is a client's case manager on an enrollment, from when to when.
import { z } from 'zod';
import { idSchema } from './ids';
import { localDateSchema } from './dates';

export const caseManagerAssignmentSchema = z.object({
  id: idSchema,
  enrollmentId: idSchema,
  caseManagerId: idSchema,
  startDate: localDateSchema,
  endDate: localDateSchema.nullable(),
});

export type CaseManagerAssignment = z.infer<typeof caseManagerAssignmentSchema>;
