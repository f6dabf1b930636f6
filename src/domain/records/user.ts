import { z } from 'zod';
import { idSchema } from './ids';

export const ROLES = ['case_manager', 'supervisor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const userSchema = z.object({
  id: idSchema,
  username: z
    .string()
    .trim()
    .min(3, 'A username has at least 3 characters')
    .max(64)
    .regex(/^[a-z0-9._-]+$/, 'Use lowercase letters, digits, dot, dash or underscore'),
  displayName: z.string().trim().min(1).max(100),
  email: z.email('Enter a valid email address').nullable(),
  role: roleSchema,
  /** Providers this user may enter data as. */
  providerIds: z.array(idSchema),
  active: z.boolean(),
});

export type User = z.infer<typeof userSchema>;
