// Accounts: sign-in, refresh, sign-out (used by routes/auth.ts); the administration the admin
// CLI and the demo seed perform (providers, users, memberships, passwords) is accounts-admin.ts.
//
// Devices (issue 11). A sign-in may name its device (signInDeviceSchema): the device is registered
// for the user (storage user_devices) with its signing key and a new push secret, and the session
// carries the device's id in its tokens and the sealing keys in its answer. Every session answer
// carries the lock policy. A revoked device that signs in is told to wipe once (if no other
// contact told it already), and a later sign-in from it registers it afresh (revoke.ts).
//
// Refresh tokens rotate within a family (one per sign-in). Using a rotated token again revokes the
// whole family (401 token_reused), except within REFRESH_RACE_GRACE_MS of its rotation: the page
// and the service worker of one device can send the same token at once, and the one that loses
// gets 409 session_refreshed (nothing revoked, nothing issued) and reads the tokens the other one
// stored. No token is ever issued for a rotated one, so the grace gives a thief nothing.
import { newId, type Role } from '../../../src/domain/records';
import {
  DEFAULT_LOCK_POLICY,
  type LockPolicy,
  type Sealing,
  type SignInDevice,
} from '../../../src/domain/protocol/devices';
import { loadLockPolicy } from '../config';
import { HttpError } from '../errors';
import { RetryLaterError } from '../plugins/errors';
import type {
  DeviceTx,
  SessionTokenRow,
  Storage,
  StorageTx,
  UserDeviceRow,
  UserRow,
} from '../storage/types';
import { audit, normalizeUsername } from './account-audit';
import { ACCOUNT_INACTIVE, SESSION_ENDED, WRONG_CREDENTIALS } from './messages';
import { verifyDummyPassword, verifyPassword } from './password';
import { deviceRevoked, refreshRaced, tokenReused } from './refusals';
import { recordWipeInstruction } from './revoke';
import { ServerKeys, newPushSecret, type ServerSealingKey } from './server-keys';
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

export { ACCOUNT_INACTIVE, SESSION_ENDED, WRONG_CREDENTIALS };
export { normalizeUsername };
// The administration (admin CLI, demo seed) lives in accounts-admin.ts; imported from here too.
export * from './accounts-admin';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long after its rotation a refresh token presented again is taken for a concurrent refresh of
 * the same device (409, try again) rather than reuse (the family revoked). Generous, since the
 * grace issues nothing: it only has to cover the slower of two requests sent at once on a poor
 * mobile connection.
 */
export const REFRESH_RACE_GRACE_MS = 30_000;

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
  policy: LockPolicy;
  /** When the sign-in named its device. */
  device?: { id: string };
  sealing?: Sealing;
}

export interface AccountsOptions {
  storage: Storage;
  tokenSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  now: () => number;
  /** Sent with every session; default from the environment (config.ts loadLockPolicy). */
  lockPolicy?: LockPolicy;
}

/** What a session is issued for: the token family it continues and the device, if any. */
interface SessionGrant {
  /** The id the new refresh token gets (a rotation names it on the token it replaces). */
  tokenId: string;
  familyId: string;
  /** The per-person sync device id a legacy sign-in gave (kept on the token row). */
  syncDeviceId: string | null;
  device: UserDeviceRow | null;
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

export class Accounts {
  private readonly ipLimiter = new RateLimiter(IP_ATTEMPTS_PER_WINDOW, IP_WINDOW_MS);
  private readonly phantoms = new PhantomLockouts();
  private readonly policy: LockPolicy;
  readonly serverKeys: ServerKeys;

  constructor(private readonly options: AccountsOptions) {
    this.policy = options.lockPolicy ?? loadLockPolicy();
    this.serverKeys = new ServerKeys(options.storage, options.now);
  }

  /** The storage and clock, for the guard's access check (routes/auth.ts installs it). */
  get storage(): Storage {
    return this.options.storage;
  }

  get now(): () => number {
    return this.options.now;
  }

  async signIn(input: {
    username: string;
    password: string;
    /** The legacy per-person sync device id (kept on the refresh token and audited). */
    deviceId?: string | null;
    /** The device (installation) signing in, with its signing key (issue 11). */
    device?: SignInDevice | null;
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
    const device = input.device ?? null;
    const installationId = device?.id ?? null;
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
        audit(now, 'sign_in_failed', null, {
          reason: 'unknown_user',
          ip,
          deviceId,
          installationId,
        }),
      ]);
      if (lockedNow) throw lockedError(lockedNow, now);
      throw new HttpError(401, 'wrong_credentials', WRONG_CREDENTIALS);
    }

    const locked = lockedUntil(user, now);
    if (locked) {
      await this.storage.appendAudit([
        audit(now, 'sign_in_failed', user.id, {
          username,
          reason: 'locked',
          ip,
          deviceId,
          installationId,
        }),
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
            installationId,
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

    if (device) {
      // A revoked device is told to wipe this user's data once; the next sign-in registers it
      // afresh. (The right password is needed first: the answer says the device was revoked.)
      const refusal = await this.storage.transaction(async (tx) => {
        const known = await tx.getUserDevice(user.id, device.id);
        if (!known || known.revokedAt === null || known.wipeSentAt !== null) return null;
        await recordWipeInstruction(tx, user.id, device.id, known.revokedReason, now, 'sign_in');
        return deviceRevoked(known.revokedReason);
      });
      if (refusal) throw refusal;
    }

    if (!user.active) {
      await this.storage.appendAudit([
        audit(now, 'sign_in_failed', user.id, {
          username,
          reason: 'inactive',
          ip,
          deviceId,
          installationId,
        }),
      ]);
      throw new HttpError(403, 'account_inactive', ACCOUNT_INACTIVE);
    }

    // Outside the transaction: the first sign-in with a device makes the key (its own writes).
    const key = device ? await this.serverKeys.get() : null;
    return this.storage.transaction(async (tx) => {
      const current = (await tx.getUserById(user.id)) ?? user;
      const reset = afterSuccessfulSignIn(current, now);
      if (reset !== current) await tx.putUser(reset);
      let registered: UserDeviceRow | null = null;
      let reregistered = false;
      if (device) {
        const before = await tx.getUserDevice(user.id, device.id);
        reregistered = before?.revokedAt != null;
        registered = await tx.registerUserDevice({
          userId: user.id,
          deviceId: device.id,
          label: device.label ?? null,
          shared: device.shared,
          signingKey: device.signingKey,
          pushSecret: newPushSecret(),
          at: new Date(now).toISOString(),
        });
      }
      const tokenId = newId();
      const grant = { tokenId, familyId: tokenId, syncDeviceId: deviceId, device: registered };
      const session = await this.issueSession(tx, current, grant, key, now);
      await tx.appendAudit([
        audit(now, 'sign_in', user.id, {
          username,
          ip,
          deviceId,
          installationId,
          ...(device ? { shared: device.shared } : {}),
          ...(reregistered ? { reregistered: true } : {}),
        }),
      ]);
      return session;
    });
  }

  async refresh(input: { refreshToken: string }): Promise<Session> {
    const now = this.options.now();
    const key = await this.serverKeys.get();
    // Refusals that write (a family revoked, a wipe audited) are returned, not thrown, so that the
    // transaction commits them.
    const outcome = await this.storage.transaction(
      async (tx): Promise<{ session: Session } | { refusal: HttpError }> => {
        const hash = hashRefreshToken(input.refreshToken);
        const found = await tx.getSessionTokenByHash(hash);
        if (!found) return { refusal: new HttpError(401, 'unauthorized', SESSION_ENDED) };
        // One refresh or revocation of a family at a time (PostgreSQL; SQLite is serial): a
        // rotation racing a reuse would otherwise issue a token the revocation never saw. Read
        // again under the lock, which may have waited for the other to commit.
        await tx.lockKeys([`refresh-family:${found.familyId}`]);
        const row = (await tx.getSessionTokenByHash(hash)) ?? found;
        const device = row.installationId
          ? await tx.getUserDevice(row.userId, row.installationId)
          : null;
        if (device?.revokedAt != null) {
          await recordWipeInstruction(
            tx,
            row.userId,
            device.deviceId,
            device.revokedReason,
            now,
            'refresh',
          );
          return { refusal: deviceRevoked(device.revokedReason) };
        }
        if (row.revokedAt !== null) return { refusal: await this.refuseRevoked(tx, row, now) };
        if (Date.parse(row.expiresAt) <= now) {
          return { refusal: new HttpError(401, 'unauthorized', SESSION_ENDED) };
        }
        const at = new Date(now).toISOString();
        const user = await tx.getUserById(row.userId);
        if (!user || !user.active) {
          await tx.revokeUserRefreshTokens(row.userId, at);
          return { refusal: new HttpError(401, 'account_inactive', ACCOUNT_INACTIVE) };
        }
        const tokenId = newId();
        if (!(await tx.rotateRefreshToken(row.id, tokenId, at))) {
          // Another refresh of this token committed between our read and our update
          // (PostgreSQL; SQLite runs one transaction at a time).
          return { refusal: refreshRaced() };
        }
        if (device) await tx.touchUserDevice(device.userId, device.deviceId, at);
        const grant = { tokenId, familyId: row.familyId, syncDeviceId: row.deviceId, device };
        const session = await this.issueSession(tx, user, grant, key, now);
        await tx.appendAudit([
          audit(now, 'refresh', user.id, {
            deviceId: row.deviceId,
            installationId: row.installationId,
          }),
        ]);
        return { session };
      },
    );
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.session;
  }

  /**
   * A revoked refresh token presented again. Rotated moments ago: a concurrent refresh (409).
   * Rotated earlier: reuse, so the whole family is revoked (every token, rotated ones too) and
   * audited once (401 token_reused), and a token of a family revoked so says token_reused too, so
   * both sides of a stolen session are told why. Otherwise (signed out, deactivated, password
   * reset) the session has simply ended.
   */
  private async refuseRevoked(
    tx: StorageTx & DeviceTx,
    row: SessionTokenRow,
    now: number,
  ): Promise<HttpError> {
    if (row.revokedReason === 'reused') return tokenReused();
    if (row.replacedBy === null) return new HttpError(401, 'unauthorized', SESSION_ENDED);
    if (now - Date.parse(row.revokedAt!) < REFRESH_RACE_GRACE_MS) return refreshRaced();
    if (await tx.revokeTokenFamily(row.familyId, new Date(now).toISOString())) {
      await tx.appendAudit([
        audit(now, 'token_reused', row.userId, {
          deviceId: row.deviceId,
          installationId: row.installationId,
          familyId: row.familyId,
        }),
      ]);
    }
    return tokenReused();
  }

  /** Revokes the refresh token (and, with `everywhere`, all of the user's). Idempotent. */
  async signOut(input: { refreshToken: string; everywhere?: boolean }): Promise<void> {
    const now = this.options.now();
    const at = new Date(now).toISOString();
    await this.storage.transaction(async (tx) => {
      const row = await tx.getSessionTokenByHash(hashRefreshToken(input.refreshToken));
      if (!row) return;
      if (row.revokedAt === null) await tx.revokeRefreshToken(row.id, at);
      if (input.everywhere) await tx.revokeUserRefreshTokens(row.userId, at);
      await tx.appendAudit([
        audit(now, 'sign_out', row.userId, {
          deviceId: row.deviceId,
          installationId: row.installationId,
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
    tx: StorageTx & DeviceTx,
    user: UserRow,
    grant: SessionGrant,
    key: ServerSealingKey | null,
    now: number,
  ): Promise<Session> {
    const view = await sessionUser(tx, user);
    const { device } = grant;
    const authUser: AuthUser = {
      id: user.id,
      username: user.username,
      role: user.role,
      providerIds: view.providers.map((p) => p.id),
      ...(device ? { device: { id: device.deviceId, generation: device.generation } } : {}),
      familyId: grant.familyId,
    };
    const access = signAccessToken(
      authUser,
      this.options.tokenSecret,
      now,
      this.options.accessTokenTtlSeconds,
    );
    const refresh = newRefreshToken();
    const refreshExpires = new Date(now + this.options.refreshTokenTtlDays * DAY_MS);
    await tx.putSessionToken({
      id: grant.tokenId,
      userId: user.id,
      tokenHash: refresh.hash,
      deviceId: grant.syncDeviceId,
      expiresAt: refreshExpires.toISOString(),
      revokedAt: null,
      createdAt: new Date(now).toISOString(),
      familyId: grant.familyId,
      installationId: device?.deviceId ?? null,
      replacedBy: null,
      revokedReason: null,
    });
    const session: Session = {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refreshExpires.toISOString(),
      user: view,
      policy: { ...(this.policy ?? DEFAULT_LOCK_POLICY) },
    };
    if (device && key) {
      session.device = { id: device.deviceId };
      session.sealing = {
        serverKey: key.publicJwk,
        keyId: key.keyId,
        pushSecret: device.pushSecret,
      };
    }
    return session;
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
