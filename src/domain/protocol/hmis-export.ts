// The HMIS CSV export API (sync-server/src/routes/hmis-export.ts), the contract between the
// server and the supervisor's export screen:
//
//   POST /api/hmis/exports/check  { providerIds, startDate, endDate, hash } → HmisExportCheckResponse
//       Builds the export without keeping it and answers what the port of Eva's checks flags.
//   POST /api/hmis/exports        { providerIds, startDate, endDate, hash } → the zip, streamed
//       (application/zip, Content-Disposition: attachment), for API clients that send a token.
//   POST /api/hmis/exports/ticket { providerIds, startDate, endDate, hash } → { url, expiresAt }
//   GET  <url>                    → the same zip. A browser downloads a file by following a link
//       (the download goes to disk as it streams, never into the page's memory), and a link
//       cannot carry the Authorization header, so the page asks for a short-lived signed link
//       first, with its token, and then follows it.
//
// Supervisors may export the providers they are members of; administrators any provider. Every
// check and every download is audited. The period is the reporting period, inclusive, in the
// CoC's calendar (HMIS dates carry no zone); exportPeriodProblem says what is wrong with one, in
// words for the person who chose it, on the screen, the CLI and the server alike.
import { z } from 'zod';
import { idSchema } from '../records/ids';
import { localDateSchema } from '../records/dates';

/** The most providers one export may hold (a county's projects, with room to spare). */
export const HMIS_EXPORT_MAX_PROVIDERS = 200;

export const hmisExportRequestSchema = z
  .object({
    providerIds: z
      .array(idSchema)
      .min(1, 'Choose at least one provider to export.')
      .max(HMIS_EXPORT_MAX_PROVIDERS),
    startDate: localDateSchema,
    endDate: localDateSchema,
    /** HashStatus 4: names and SSN as SHA-256 hashes, as HUD specifies. */
    hash: z.boolean().default(false),
  })
  .strict();
export type HmisExportRequest = z.infer<typeof hmisExportRequestSchema>;

/**
 * What is wrong with a reporting period, or null: both dates real (YYYY-MM-DD), the start on or
 * before the end, and the end no later than today (an export of days to come would be empty and
 * would be read as "nothing happened").
 */
export function exportPeriodProblem(
  startDate: string,
  endDate: string,
  today: string,
): string | null {
  const start = localDateSchema.safeParse(startDate);
  if (!start.success) {
    return `The start date "${startDate}" is not valid: ${start.error.issues[0]?.message ?? ''}`.trim();
  }
  const end = localDateSchema.safeParse(endDate);
  if (!end.success) {
    return `The end date "${endDate}" is not valid: ${end.error.issues[0]?.message ?? ''}`.trim();
  }
  if (startDate > endDate) {
    return `The start date (${startDate}) is after the end date (${endDate}).`;
  }
  if (endDate > today) {
    return `The end date (${endDate}) is in the future: the period can end today (${today}) at the latest.`;
  }
  return null;
}

/** The last full calendar month before `today` (YYYY-MM-DD): the screen's default period. */
export function lastFullMonth(today: string): { startDate: string; endDate: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return {
    startDate: `${year}-${mm}-01`,
    endDate: `${year}-${mm}-${String(lastDay).padStart(2, '0')}`,
  };
}

export const HMIS_FINDING_SEVERITIES = ['error', 'high', 'warning'] as const;
export const hmisFindingSeveritySchema = z.enum(HMIS_FINDING_SEVERITIES);

export const hmisFindingSchema = z.object({
  checkId: z.string(),
  severity: hmisFindingSeveritySchema,
  title: z.string(),
  message: z.string(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  personalId: z.string().nullable(),
  enrollmentId: z.string().nullable(),
});

export const hmisCheckReportSchema = z.object({
  findings: z.array(hmisFindingSchema),
  counts: z.object({
    error: z.number().int().min(0),
    high: z.number().int().min(0),
    warning: z.number().int().min(0),
  }),
  byCheck: z.array(
    z.object({
      checkId: z.string(),
      title: z.string(),
      severity: hmisFindingSeveritySchema,
      count: z.number().int().min(0),
    }),
  ),
  /** More findings than the report lists (counts and byCheck still count them all). */
  truncated: z.boolean(),
});

/** Rows per file (header not counted), in the zip's order: Export.csv first. */
export const hmisFileCountSchema = z.object({
  file: z.string(),
  rows: z.number().int().min(0),
});

export const hmisExportCheckResponseSchema = z.object({
  exportId: z.string(),
  providerIds: z.array(idSchema),
  startDate: localDateSchema,
  endDate: localDateSchema,
  hash: z.boolean(),
  files: z.array(hmisFileCountSchema),
  report: hmisCheckReportSchema,
});
export type HmisExportCheckResponse = z.infer<typeof hmisExportCheckResponseSchema>;

export const hmisExportTicketResponseSchema = z.object({
  /** Follow this (GET) to download the zip; it is good until expiresAt (a minute or so). */
  url: z.string().startsWith('/api/hmis/exports/'),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type HmisExportTicketResponse = z.infer<typeof hmisExportTicketResponseSchema>;
