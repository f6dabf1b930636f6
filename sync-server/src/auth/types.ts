import type { Role } from '../../../src/domain/records';

/** Who made a request, from a verified access token. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  /** Providers this user may enter data as (EDA). */
  providerIds: string[];
}
