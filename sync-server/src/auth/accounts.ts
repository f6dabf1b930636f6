// Accounts: sign-in, refresh, sign-out (used by routes/auth.ts) and the administration the admin
// CLI and the demo seed perform (providers, users, memberships, passwords).
import type { z } from 'zod';
import {
  newId,
  providerSchema,
  userSchema,
  type ProjectDescriptors,
  type Provider,
  type Role,
} from '../../../src/domain/records';
import { HttpError } from '../errors';
import { RetryLaterError } from '../plugins/errors';
import type { AuditEntry, Storage, StorageTx, UserRow } from '../storage/types';
import { hashPassword, passwordProblem, verifyDummyPassword, verifyPassword } from './password';
import {
  IP_ATTEMPTS_PER_WINDOW,
  IP_WINDOW_MS,
  PhantomLockouts,
  RateLimiter,
  afterFailedSignIn,
  afterSuccessfulSignIn,
  lockedUntil,
} from './throttle';
import { hashRefreshToken, newRefreshToken, signAccessToken } from './tokens';
import type { AuthUser } from './types';

export const WRONG_CREDENTIALS = 'Wrong username or password.';
export const SESSION_ENDED = 'Your session has ended. Sign in again.';
export const ACCOUNT_INACTIVE =
  'This account has been deactivated. Ask an administrator if you need access again.';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A provider the user may enter data as, with what the app's screens need to know about it. */
export interface SessionProvider {
  id: string;
  name: string;
  /** HUD 2.02.6 Project Type code. */
  projectType: number;
  /** Funder codes (local list "local:funder"). */
  funders: number[];
  /** Project CoC codes for 3.16 Enrollment CoC (the first is cocCode); only when some are set. */
  cocCodes?: string[];
  /** HUD 2.06.1 funding sources and grant dates, for the exit's federal-funder rule. */
  hudFunders?: { funder: number; startDate: string | null; endDate: string | null }[];
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  providers: SessionProvider[];
}

export interface Session {
  accessToken: string;
  /** ISO instant. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  /** ISO instant. */
  refreshTokenExpiresAt: string;
  user: SessionUser;
}

export interface AccountsOptions {
  storage: Storage;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  now: () => number;
}

/** Usernames are case-insensitive: stored and looked up in lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function lockedError(until: Date, nowMs: number): RetryLaterError {
  const waitMs = until.getTime() - nowMs;
  return new RetryLaterError(
    423,
    'account_locked',
    `Too many failed sign-ins: this account is locked for ${minutesText(waitMs)}. ` +
      'Try again then, or ask an administrator to reset your password.',
    Math.max(1, Math.ceil(waitMs / 1000)),
  );
}

function audit(
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

export class Accounts {
  private readonly ipLimiter = new RateLimiter(IP_ATTEMPTS_PER_WINDOW, IP_WINDOW_MS);
  private readonly phantoms = new PhantomLockouts();

  constructor(private readonly options: AccountsOptions) {}

  private get storage(): Storage {
    return this.options.storage;
  }

  async signIn(input: {
    username: string;
    password: string;
    deviceId?: string | null;
    ip?: string;
  }): Promise<Session> {
    const now = this.options.now();
    const ip = input.ip ?? null;
    if (ip !== null) {
      const hit = this.ipLimiter.hit(ip, now);
      if (!hit.allowed) {
        const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
        throw new RetryLaterError(
          429,
          'too_many_attempts',
          `Too many sign-in attempts from this network. Try again in ${seconds} seconds.`,
          seconds,
        );
      }
    }
    const username = normalizeUsername(input.username);
    const deviceId = input.deviceId ?? null;
    const user = await this.storage.getUserByUsername(username);

    if (!user) {
      // Same time, same answers as a real account (including lockout), so nothing tells
      // whether the username exists. The attempted name is not audited: it may be a password
      // typed in the wrong box.
      const phantomLock = this.phantoms.lockedUntil(username, now);
      if (phantomLock) throw lockedError(phantomLock, now);
      await verifyDummyPassword(input.password);
      const lockedNow = this.phantoms.fail(username, now);
      await this.storage.appendAudit([
        audit(now, 'sign_in_failed', null, { reason: 'unknown_user', ip, deviceId }),
      ]);
      if (lockedNow) throw lockedError(lockedNow, now);
      throw new HttpError(401, 'wrong_credentials', WRONG_CREDENTIALS);
    }

    const locked = lockedUntil(user, now);
    if (locked) {
      await this.storage.appendAudit([
        audit(now, 'sign_in_failed', user.id, { username, reason: 'locked', ip, deviceId }),
      ]);
      throw lockedError(locked, now);
    }

    if (!(await verifyPassword(input.password, user.passwordHash))) {
      const lockedAt = await this.storage.transaction(async (tx) => {
        // Re-read: another attempt may have counted a failure meanwhile.
        const current = (await tx.getUserById(user.id)) ?? user;
        const next = afterFailedSignIn(current, now);
        await tx.putUser(next.user);
        const entries = [
          audit(now, 'sign_in_failed', user.id, {
            username,
            reason: 'wrong_password',
            failures: next.locked ? current.failedSignIns + 1 : next.user.failedSignIns,
            ip,
            deviceId,
          }),
        ];
        if (next.locked) {
          entries.push(
            audit(now, 'locked', user.id, { username, until: next.user.lockedUntil, ip }),
          );
        }
        await tx.appendAudit(entries);
        return next.locked ? new Date(next.user.lockedUntil!) : null;
      });
      if (lockedAt) throw lockedError(lockedAt, now);
      throw new HttpError(401, 'wrong_credentials', WRONG_CREDENTIALS);
    }

    if (!user.active) {
      await this.storage.appendAudit([
        audit(now, 'sign_in_failed', user.id, { username, reason: 'inactive', ip, deviceId }),
      ]);
      throw new HttpError(403, 'account_inactive', ACCOUNT_INACTIVE);
    }

    return this.storage.transaction(async (tx) => {
      const current = (await tx.getUserById(user.id)) ?? user;
      const reset = afterSuccessfulSignIn(current, now);
      if (reset !== current) await tx.putUser(reset);
      const session = await this.issueSession(tx, current, deviceId, now);
      await tx.appendAudit([audit(now, 'sign_in', user.id, { username, ip, deviceId })]);
      return session;
    });
  }

  async refresh(input: { refreshToken: string }): Promise<Session> {
    const now = this.options.now();
    return this.storage.transaction(async (tx) => {
      const row = await tx.getRefreshTokenByHash(hashRefreshToken(input.refreshToken));
      if (!row || row.revokedAt !== null || Date.parse(row.expiresAt) <= now) {
        throw new HttpError(401, 'unauthorized', SESSION_ENDED);
      }
      const at = new Date(now).toISOString();
      await tx.revokeRefreshToken(row.id, at);
      const user = await tx.getUserById(row.userId);
      if (!user || !user.active) {
        await tx.revokeUserRefreshTokens(row.userId, at);
        throw new HttpError(401, 'account_inactive', ACCOUNT_INACTIVE);
      }
      return this.issueSession(tx, user, row.deviceId, now);
    });
  }

  /** Revokes the refresh token (and, with `everywhere`, all of the user's). Idempotent. */
  async signOut(input: { refreshToken: string; everywhere?: boolean }): Promise<void> {
    const now = this.options.now();
    const at = new Date(now).toISOString();
    await this.storage.transaction(async (tx) => {
      const row = await tx.getRefreshTokenByHash(hashRefreshToken(input.refreshToken));
      if (!row) return;
      if (row.revokedAt === null) await tx.revokeRefreshToken(row.id, at);
      if (input.everywhere) await tx.revokeUserRefreshTokens(row.userId, at);
      await tx.appendAudit([
        audit(now, 'sign_out', row.userId, {
          deviceId: row.deviceId,
          everywhere: input.everywhere === true,
        }),
      ]);
    });
  }

  /** The user as the app shows it; 401 when the account is gone or deactivated. */
  async me(user: AuthUser): Promise<SessionUser> {
    const row = await this.storage.getUserById(user.id);
    if (!row || !row.active) throw new HttpError(401, 'account_inactive', ACCOUNT_INACTIVE);
    return sessionUser(this.storage, row);
  }

  private async issueSession(
    tx: StorageTx,
    user: UserRow,
    deviceId: string | null,
    now: number,
  ): Promise<Session> {
    const view = await sessionUser(tx, user);
    const authUser: AuthUser = {
      id: user.id,
      username: user.username,
      role: user.role,
      providerIds: view.providers.map((p) => p.id),
    };
    const access = signAccessToken(
      authUser,
      this.options.tokenSecret,
      now,
      this.options.accessTokenTtlSeconds,
    );
    const refresh = newRefreshToken();
    const refreshExpires = new Date(now + this.options.refreshTokenTtlDays * DAY_MS);
    await tx.putRefreshToken({
      id: newId(),
      userId: user.id,
      tokenHash: refresh.hash,
      deviceId,
      expiresAt: refreshExpires.toISOString(),
      revokedAt: null,
      createdAt: new Date(now).toISOString(),
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refreshExpires.toISOString(),
      user: view,
    };
  }
}

/** The user's active providers (sorted by name) with the fields the app shows. */
export async function sessionUser(tx: StorageTx, user: UserRow): Promise<SessionUser> {
  const providerIds = await tx.listMemberships(user.id);
  const providers: SessionProvider[] = [];
  for (const id of providerIds) {
    const provider = await tx.getProvider(id);
    if (provider?.active) {
      const cocCodes = [
        ...new Set([
          ...(provider.cocCode ? [provider.cocCode] : []),
          ...(provider.projectCocs ?? []).map((c) => c.cocCode),
        ]),
      ];
      providers.push({
        id: provider.id,
        name: provider.name,
        projectType: provider.projectType,
        funders: [...provider.funders],
        ...(cocCodes.length > 0 ? { cocCodes } : {}),
        ...((provider.hudFunders ?? []).length > 0
          ? {
              hudFunders: (provider.hudFunders ?? []).map((f) => ({
                funder: f.funder,
                startDate: f.startDate,
                endDate: f.endDate,
              })),
            }
          : {}),
      });
    }
  }
  providers.sort((a, b) => a.name.localeCompare(b.name));
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    providers,
  };
}

// ---------------------------------------------------------------------------------------------
// Administration (admin CLI, demo seed). These throw AdminError with a message for the operator.

export class AdminError extends Error {
  override name = 'AdminError';
}

const adminAudit = audit;

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
      adminAudit(now, 'create_provider', null, { providerId: provider.id, name: provider.name }),
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
      adminAudit(now, action, null, { providerId: current.id, name: current.name, ...details }),
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
      adminAudit(now, 'create_user', row.id, { username: row.username, role: row.role }),
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
      adminAudit(now, 'add_membership', user.id, {
        username: user.username,
        providerId: provider.id,
      }),
    ]);
    return { user, provider };
  });
}

/** Sets a new password, clears a lockout and signs the user out everywhere. */
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
    await tx.appendAudit([adminAudit(now, 'reset_password', user.id, { username: user.username })]);
    return next;
  });
}

/** Deactivates (active=false) and signs out everywhere; access tokens expire within their TTL. */
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
      adminAudit(now, active ? 'activate_user' : 'deactivate_user', user.id, {
        username: user.username,
      }),
    ]);
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
    await tx.appendAudit([adminAudit(now, 'unlock_user', user.id, { username: user.username })]);
    return next;
  });
}
