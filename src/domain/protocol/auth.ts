// The sign-in, refresh and sign-out requests (sync-server/src/routes/auth.ts), the contract
// between the server and the app's session code (src/sync/session.ts, src/sync/account-auth.ts).
// The answer to each is a Session (sessionSchema, api.ts). The messages are the ones a person
// sees when the server refuses a field, so they are written for people.
import { z } from 'zod';
import { signInDeviceSchema } from './devices';
import { deviceIdSchema } from './mutation';

/** POST /api/auth/sign-in. `deviceId` is the older per-person sync device id, still accepted. */
export const signInRequestSchema = z.object({
  username: z
    .string({ error: 'Enter your username' })
    .trim()
    .min(1, 'Enter your username')
    .max(200),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(1024),
  deviceId: deviceIdSchema.nullish(),
  device: signInDeviceSchema.nullish(),
});
export type SignInRequest = z.input<typeof signInRequestSchema>;

const refreshTokenField = z
  .string({ error: 'A refresh token is required' })
  .min(1, 'A refresh token is required')
  .max(512);

/** POST /api/auth/refresh: the refresh token is rotated. */
export const refreshRequestSchema = z.object({ refreshToken: refreshTokenField });
export type RefreshRequest = z.input<typeof refreshRequestSchema>;

/** POST /api/auth/sign-out: revokes the token, or every session of the user (`everywhere`). */
export const signOutRequestSchema = z.object({
  refreshToken: refreshTokenField,
  everywhere: z.boolean().optional(),
});
export type SignOutRequest = z.input<typeof signOutRequestSchema>;
