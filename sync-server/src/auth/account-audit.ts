// What accounts.ts and accounts-admin.ts both need: the username's normal form and the shape of
// an account audit entry (no record, no provider).
import type { AuditEntry } from '../storage/types';

/** Usernames are case-insensitive: stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** An audit entry about an account (sign-in, refresh, administration). */
export function audit(
  at: number,
  action: string,
  userId: string | null,
  details: Record<string, unknown>,
): AuditEntry {
  return {
    at: new Date(at).toISOString(),
    userId,
    providerId: null,
    action,
    recordType: null,
    recordId: null,
    details,
  };
}
