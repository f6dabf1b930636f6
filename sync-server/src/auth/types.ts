import type { Role } from '../../../src/domain/records';

/** Who made a request, from a verified access token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** Providers this user may enter data as (EDA). */
  providerIds: string[];
  /**
   * The device the session was issued to (its installation id, not a sync device id) and its
   * registration generation; absent for sessions of sign-ins that named no device.
   */
  device?: { id: string; generation: number };
  /**
   * The refresh-token family the session was issued from (the sign-in it descends from), so that
   * the guard refuses its access tokens once the family is revoked for reuse; absent in tokens
   * issued before the claim existed.
   */
  familyId?: string;
}
