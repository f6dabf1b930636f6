// A provider's case managers and supervisors, for handing a client to another case manager (the
// Case Managers tab). Only what the app shows: id, display name and role; never usernames, emails,
// password hashes or anything about other providers.
import type { Role } from '../../../src/domain/records';
import type { StorageTx } from '../storage/types';

export interface ProviderMember {
  id: string;
  displayName: string;
  role: Role;
}

/** The provider's active members, sorted by display name (then id, so equal names keep an order). */
export async function listProviderMembers(
  storage: StorageTx,
  providerId: string,
): Promise<ProviderMember[]> {
  const users = await storage.listProviderUsers(providerId);
  return users
    .filter((u) => u.active)
    .map((u): ProviderMember => ({ id: u.id, displayName: u.displayName, role: u.role }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.id < b.id ? -1 : 1));
}
