// The administration of accounts the admin CLI and the demo seed perform: providers, users,
// memberships, passwords, activation. Each throws AdminError with a message for the operator.
// Deactivating a user and resetting a password revoke their devices (issue 11, revoke.ts).
import type { z } from 'zod';
import {
  newId,
  providerSchema,
  userSchema,
  type ProjectDescriptors,
  type Provider,
  type Role,
} from '../../../src/domain/records';
import type { Storage, StorageTx, UserRow } from '../storage/types';
import { audit, normalizeUsername } from './account-audit';
import { hashPassword, passwordProblem } from './password';
import { revokeDevicesInTx } from './revoke';
export class AdminError extends Error {
  override name = 'AdminError';
}

export interface NewProvider {
  name: string;
  projectType: number;
  funders?: number[];
  organizationName?: string | null;
  cocCode?: string | null;
  /** HUD project descriptors (organization ID, operating dates, HUD funders, project CoCs, …). */
  descriptors?: Partial<ProjectDescriptors>;
  /** Defaults to a new random id. */
  id?: string;
}

export async function createProvider(
  storage: Storage,
  input: NewProvider,
  now: number,
): Promise<Provider> {
  const parsed = providerSchema.safeParse({
    id: input.id ?? newId(),
    name: input.name,
    organizationName: input.organizationName ?? null,
    projectType: input.projectType,
    funders: input.funders ?? [],
    cocCode: input.cocCode ?? null,
    active: true,
    ...input.descriptors,
  });
  if (!parsed.success) throw new AdminError(describeIssues(parsed.error));
  const provider = parsed.data;
  await storage.transaction(async (tx) => {
    const existing = await tx.listProviders();
    if (existing.some((p) => p.name.toLowerCase() === provider.name.toLowerCase())) {
      throw new AdminError(`A provider named "${provider.name}" already exists.`);
    }
    await tx.putProvider(provider);
    await tx.appendAudit([
      audit(now, 'create_provider', null, { providerId: provider.id, name: provider.name }),
    ]);
  });
  return provider;
}

/**
 * Changes a provider (found by id or name) in one transaction: `change` gets the stored provider
 * and returns the new one, which must pass providerSchema, or nothing is written. Audited as
 * `action` with `details`.
 */
export async function updateProvider(
  storage: Storage,
  idOrName: string,
  change: (provider: Provider) => Provider,
  now: number,
  action: string,
  details: Record<string, unknown> = {},
): Promise<Provider> {
  return storage.transaction(async (tx) => {
    const current = await findProvider(tx, idOrName);
    const parsed = providerSchema.safeParse(change(current));
    if (!parsed.success) throw new AdminError(describeIssues(parsed.error));
    await tx.putProvider(parsed.data);
    await tx.appendAudit([
      audit(now, action, null, { providerId: current.id, name: current.name, ...details }),
    ]);
    return parsed.data;
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  email?: string | null;
  password: string;
  providerIds?: string[];
  id?: string;
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

export async function createUser(storage: Storage, input: NewUser, now: number): Promise<UserRow> {
  const problem = passwordProblem(input.password);
  if (problem) throw new AdminError(problem);
  const parsed = userSchema.safeParse({
    id: input.id ?? newId(),
    username: normalizeUsername(input.username),
    displayName: input.displayName,
    email: input.email ?? null,
    role: input.role,
    providerIds: input.providerIds ?? [],
    active: true,
  });
  if (!parsed.success) throw new AdminError(describeIssues(parsed.error));
  const user = parsed.data;
  const at = new Date(now).toISOString();
  const row: UserRow = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    passwordHash: await hashPassword(input.password),
    active: true,
    failedSignIns: 0,
    lockedUntil: null,
    createdAt: at,
    updatedAt: at,
  };
  await storage.transaction(async (tx) => {
    if (await tx.getUserByUsername(row.username)) {
      throw new AdminError(`The username "${row.username}" is taken.`);
    }
    for (const providerId of user.providerIds) {
      if (!(await tx.getProvider(providerId)))
        throw new AdminError(`No provider with id ${providerId}.`);
    }
    await tx.putUser(row);
    for (const providerId of user.providerIds) await tx.addMembership(row.id, providerId);
    await tx.appendAudit([
      audit(now, 'create_user', row.id, { username: row.username, role: row.role }),
    ]);
  });
  return row;
}

export async function requireUserRow(storage: StorageTx, username: string): Promise<UserRow> {
  const user = await storage.getUserByUsername(normalizeUsername(username));
  if (!user) throw new AdminError(`No user named "${normalizeUsername(username)}".`);
  return user;
}

/** A provider by id, or by name (case-insensitive, exact, or a unique partial match). */
export async function findProvider(storage: StorageTx, idOrName: string): Promise<Provider> {
  const wanted = idOrName.trim();
  if (/^[0-9a-f]{32}$/.test(wanted)) {
    const provider = await storage.getProvider(wanted);
    if (provider) return provider;
  }
  const providers = await storage.listProviders();
  const lower = wanted.toLowerCase();
  const exact = providers.filter((p) => p.name.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  const partial = providers.filter((p) => p.name.toLowerCase().includes(lower));
  if (exact.length === 0 && partial.length === 1) return partial[0]!;
  const candidates = exact.length > 1 ? exact : partial;
  if (candidates.length > 1) {
    throw new AdminError(
      `"${wanted}" matches several providers: ${candidates.map((p) => `${p.name} (${p.id})`).join(', ')}. Use the id.`,
    );
  }
  throw new AdminError(`No provider with id or name "${wanted}". See list-providers.`);
}

export async function addMembership(
  storage: Storage,
  username: string,
  providerIdOrName: string,
  now: number,
): Promise<{ user: UserRow; provider: Provider }> {
  return storage.transaction(async (tx) => {
    const user = await requireUserRow(tx, username);
    const provider = await findProvider(tx, providerIdOrName);
    await tx.addMembership(user.id, provider.id);
    await tx.appendAudit([
      audit(now, 'add_membership', user.id, {
        username: user.username,
        providerId: provider.id,
      }),
    ]);
    return { user, provider };
  });
}

/**
 * Sets a new password, clears a lockout, signs the user out everywhere and revokes every device
 * (each is told to wipe this user's data at its next contact, then may sign in afresh).
 */
export async function resetPassword(
  storage: Storage,
  username: string,
  password: string,
  now: number,
): Promise<UserRow> {
  const problem = passwordProblem(password);
  if (problem) throw new AdminError(problem);
  const passwordHash = await hashPassword(password);
  const at = new Date(now).toISOString();
  return storage.transaction(async (tx) => {
    const user = await requireUserRow(tx, username);
    const next: UserRow = {
      ...user,
      passwordHash,
      failedSignIns: 0,
      lockedUntil: null,
      updatedAt: at,
    };
    await tx.putUser(next);
    await tx.revokeUserRefreshTokens(user.id, at);
    await tx.appendAudit([audit(now, 'reset_password', user.id, { username: user.username })]);
    await revokeDevicesInTx(tx, user, null, 'password_reset', now, null);
    return next;
  });
}

/**
 * Deactivates (active=false): signs out everywhere and revokes every device (each is told to wipe
 * this user's data at its next contact). The guard refuses the user's access tokens at once.
 */
export async function setUserActive(
  storage: Storage,
  username: string,
  active: boolean,
  now: number,
): Promise<UserRow> {
  const at = new Date(now).toISOString();
  return storage.transaction(async (tx) => {
    const user = await requireUserRow(tx, username);
    const next: UserRow = { ...user, active, updatedAt: at };
    await tx.putUser(next);
    if (!active) await tx.revokeUserRefreshTokens(user.id, at);
    await tx.appendAudit([
      audit(now, active ? 'activate_user' : 'deactivate_user', user.id, {
        username: user.username,
      }),
    ]);
    if (!active) await revokeDevicesInTx(tx, user, null, 'deactivated', now, null);
    return next;
  });
}

export async function unlockUser(
  storage: Storage,
  username: string,
  now: number,
): Promise<UserRow> {
  const at = new Date(now).toISOString();
  return storage.transaction(async (tx) => {
    const user = await requireUserRow(tx, username);
    const next: UserRow = { ...user, failedSignIns: 0, lockedUntil: null, updatedAt: at };
    await tx.putUser(next);
    await tx.appendAudit([audit(now, 'unlock_user', user.id, { username: user.username })]);
    return next;
  });
}
