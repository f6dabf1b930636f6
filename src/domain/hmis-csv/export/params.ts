// The export's parameters, checked at the boundary (CLI, API route, device report) before a row
// is read: a bad period or time zone is refused with a message, never half an export.
import { z } from 'zod';
import { instantSchema, localDateSchema, providerSchema } from '../../records';
import type { HmisExportParams } from './source';

const optionalText = (max: number) => z.string().max(max).nullable().optional();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const hmisExportParamsSchema = z
  .object({
    exportId: z
      .string()
      .min(1, 'An ExportID is needed')
      .max(32, 'An ExportID is at most 32 characters'),
    providers: z.array(providerSchema).min(1, 'Choose at least one provider to export'),
    startDate: localDateSchema,
    endDate: localDateSchema,
    exportedAt: instantSchema,
    hash: z.boolean(),
    timeZone: z.string().refine(isTimeZone, 'Not a time zone, for example America/Chicago'),
    softwareName: z.string().min(1).max(50),
    softwareVersion: z.string().min(1).max(50),
    implementationId: z.string().min(1).max(200),
    descriptorUserId: z.string().max(32).nullable().optional(),
    source: z
      .object({
        name: optionalText(50),
        contactFirst: optionalText(50),
        contactLast: optionalText(50),
        contactPhone: z
          .string()
          .regex(/^\d{10}$/, 'A contact phone is 10 digits')
          .nullable()
          .optional(),
        contactEmail: optionalText(320),
      })
      .optional(),
  })
  .refine((p) => p.startDate <= p.endDate, {
    path: ['endDate'],
    message: 'The export period ends before it starts',
  });

/** The params, or an Error naming every problem. */
export function checkHmisExportParams(params: HmisExportParams): HmisExportParams {
  const result = hmisExportParamsSchema.safeParse(params);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join('.') || 'params'}: ${i.message}`,
    );
    throw new Error(`The HMIS export cannot run: ${problems.join('; ')}.`);
  }
  return params;
}
