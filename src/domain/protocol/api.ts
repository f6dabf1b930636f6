// The app-facing API's answers besides sync (sign-in, members, search), as the app reads them.
import { z } from 'zod';
import { localDateSchema } from '../records/dates';
import { idSchema } from '../records/ids';
import { roleSchema } from '../records/user';
import {
  DEFAULT_LOCK_POLICY,
  lockPolicySchema,
  sealingSchema,
  sessionDeviceSchema,
} from './devices';

export const sessionProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** HUD 2.02.6 project type. */
  projectType: z.number().int(),
  funders: z.array(z.number().int()),
  /** The project CoCs' codes, the first being the provider's cocCode (absent: none set up). */
  cocCodes: z.array(z.string()).optional(),
  /**
   * HUD 2.06.1 funding sources with their grant dates (absent: none set up): whether 4.02–4.04
   * and 4.05–4.10 are required at exit depends on them (workflow/federal-funder.ts).
   */
  hudFunders: z
    .array(
      z.object({
        funder: z.number().int(),
        startDate: z.string().nullable(),
        endDate: z.string().nullable(),
      }),
    )
    .max(50)
    .optional(),
});
export type SessionProvider = z.infer<typeof sessionProviderSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  providers: z.array(sessionProviderSchema),
});
export type SessionUserInfo = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  refreshTokenExpiresAt: z.string(),
  user: sessionUserSchema,
  /** The locking policy (devices.ts); the defaults when the server sends none. */
  policy: lockPolicySchema.default(DEFAULT_LOCK_POLICY),
  /** Present when the sign-in named its device (devices.ts): the device and its sealing keys. */
  device: sessionDeviceSchema.shape.device.optional(),
  sealing: sealingSchema.optional(),
});
export type SessionResponse = z.infer<typeof sessionSchema>;

/** GET /api/providers/:providerId/members */
export const providerMembersSchema = z.object({
  members: z.array(z.object({ id: z.string(), displayName: z.string(), role: roleSchema })),
});
export type ProviderMember = z.infer<typeof providerMembersSchema>['members'][number];

/** GET /api/clients/:clientId/enrollments: the client's open enrollments at other providers. */
export const otherEnrollmentsSchema = z.object({
  enrollments: z.array(
    z.object({
      id: z.string(),
      providerId: z.string(),
      providerName: z.string(),
      projectType: z.number().int(),
      funders: z.array(z.number().int()),
      projectStartDate: z.string(),
    }),
  ),
});
export type OtherEnrollment = z.infer<typeof otherEnrollmentsSchema>['enrollments'][number];

/**
 * POST /api/clients/search: the criteria travel in the body, never in the URL, where they would
 * reach server and proxy logs, Referer headers and browser history. Unknown keys are refused.
 */
export const clientSearchRequestSchema = z.strictObject({
  providerId: idSchema,
  firstName: z.string().trim().max(50).optional(),
  lastName: z.string().trim().max(50).optional(),
  dob: localDateSchema.optional(),
  ssnLast4: z
    .string()
    .regex(/^\d{4}$/, 'The last 4 of the SSN are 4 digits')
    .optional(),
  limit: z.number().int().min(1).max(50).default(20),
});
export type ClientSearchRequest = z.input<typeof clientSearchRequestSchema>;
/** The criteria of a search as the server reads them (the limit defaulted). */
export type ClientSearchCriteria = Omit<z.output<typeof clientSearchRequestSchema>, 'providerId'>;

/** POST /api/clients/search: recognition fields only, never enrollment data. */
export const clientMatchesSchema = z.object({
  clients: z.array(
    z.object({
      id: z.string(),
      firstName: z.string().nullable(),
      lastName: z.string().nullable(),
      nameDataQuality: z.number().nullable(),
      dob: z.string().nullable(),
      dobDataQuality: z.number().nullable(),
      ssnLast4: z.string().nullable(),
      ssnDataQuality: z.number().nullable(),
      providers: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
export type ClientMatch = z.infer<typeof clientMatchesSchema>['clients'][number];
