// Devices (issue 11), in-process on every storage: the device list, when a device is seen,
// revocation by the admin CLI and the admin route, deactivation and password reset, and what a
// revoked device is told (device_revoked with wipe) on refresh, pull, push and sign-in.
// Synthetic people only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_LOCK_POLICY,
  deviceRefusalSchema,
  sealingSchema,
} from '../../../src/domain/protocol';
import { resetPassword, setUserActive } from '../../../sync-server/src/auth/accounts';
import { SEEN_EVERY_MS } from '../../../sync-server/src/auth/access-check';
import { listDevices } from '../../../sync-server/src/auth/devices';
import { main } from '../../../sync-server/src/cli/admin';
import { ConfigError, loadLockPolicy } from '../../../sync-server/src/config';
import { openTestApp, seedTestUser, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';
import { claimsOf, makeDevice, pullWith, pushWith, refreshOn, signInOn } from './device-helpers';

const PHONE = 'phone-installation-0001';
const TABLET = 'tablet-installation-0002';

async function cli(t: TestApp, ...args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await main(args, {
    storage: t.storage,
    now: () => t.clock.now,
    out: (l) => void out.push(l),
    err: (l) => void out.push(l),
  });
  return { code, out: out.join('\n') };
}

function expectWipe(res: { statusCode: number; json: () => unknown }): void {
  expect(res.statusCode).toBe(401);
  const body = deviceRefusalSchema.parse(res.json());
  expect(body).toMatchObject({ error: 'device_revoked', wipe: true });
}

describe.each(STORAGE_KINDS)('devices on %s', (kind) => {
  let t: TestApp;
  let account: Awaited<ReturnType<typeof seedTestUser>>;

  beforeEach(async () => {
    t = await openTestApp(kind);
    account = await seedTestUser(t.storage);
  });
  afterEach(async () => {
    await t.close();
  });

  it('registers the device at sign-in and answers its id, the policy and the sealing keys', async () => {
    const phone = await makeDevice(PHONE, { label: 'Chrome on Android' });
    const first = await signInOn(t.app, account, phone);
    expect(first.policy).toEqual(DEFAULT_LOCK_POLICY);
    expect(first.device).toEqual({ id: PHONE });
    const sealing = sealingSchema.parse(first.sealing);
    expect(sealing.keyId).toBe('p256-1');
    expect(claimsOf(first.accessToken)).toMatchObject({ did: PHONE, dgen: 1 });

    // A new push secret at each sign-in; the server key stays; refresh repeats the current ones.
    t.clock.now += 1000;
    const second = await signInOn(t.app, account, phone);
    expect(second.sealing?.pushSecret).not.toBe(sealing.pushSecret);
    expect(second.sealing?.serverKey).toEqual(sealing.serverKey);
    const refreshed = await refreshOn(t.app, second.refreshToken);
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json()).toMatchObject({
      device: { id: PHONE },
      sealing: second.sealing,
      policy: DEFAULT_LOCK_POLICY,
    });

    const [device, ...others] = await listDevices(t.storage);
    expect(others).toEqual([]);
    expect(device).toMatchObject({
      userId: account.userId,
      username: account.username,
      deviceId: PHONE,
      label: 'Chrome on Android',
      shared: false,
      revokedAt: null,
    });
    expect(JSON.stringify(device)).not.toContain(sealing.pushSecret);

    const audit = await t.storage.listAudit({ userId: account.userId, limit: 20 });
    const signIns = audit.filter((a) => a.action === 'sign_in');
    expect(signIns).toHaveLength(2);
    expect(signIns.every((a) => a.details.installationId === PHONE)).toBe(true);
    expect(audit.find((a) => a.action === 'refresh')?.details.installationId).toBe(PHONE);
  });

  it('keeps the old deviceId sign-in working, with the policy and no device', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: account.password, deviceId: 'tablet-1' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().policy).toEqual(DEFAULT_LOCK_POLICY);
    expect(res.json().device).toBeUndefined();
    expect(res.json().sealing).toBeUndefined();
    expect(claimsOf(res.json().accessToken).did).toBeUndefined();
    expect((await pullWith(t.app, res.json().accessToken, account.providerId)).statusCode).toBe(
      200,
    );
  });

  it('answers 400 for a device that is not well formed', async () => {
    const phone = await makeDevice(PHONE);
    for (const device of [
      { ...phone, id: 'short' },
      { ...phone, signingKey: { kty: 'EC', crv: 'P-384', x: phone.signingKey.x, y: 'y' } },
      { ...phone, label: 'x'.repeat(101) },
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: account.username, password: account.password, device },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toBe('bad_request');
    }
  });

  it('sees the device at sign-in, refresh and sync, writing at most once a minute', async () => {
    const session = await signInOn(t.app, account, await makeDevice(PHONE));
    const seen = async () => (await t.storage.getUserDevice(account.userId, PHONE))!.lastSeenAt;
    expect(await seen()).toBe(new Date(t.clock.now).toISOString());

    t.clock.now += SEEN_EVERY_MS / 2;
    expect((await pullWith(t.app, session.accessToken, account.providerId)).statusCode).toBe(200);
    expect(await seen()).toBe(new Date(t.clock.now - SEEN_EVERY_MS / 2).toISOString());

    t.clock.now += SEEN_EVERY_MS / 2;
    expect((await pushWith(t.app, session.accessToken, account.providerId)).statusCode).toBe(200);
    expect(await seen()).toBe(new Date(t.clock.now).toISOString());

    t.clock.now += 5 * 60_000;
    const refreshed = await refreshOn(t.app, session.refreshToken);
    expect(refreshed.statusCode).toBe(200);
    expect(await seen()).toBe(new Date(t.clock.now).toISOString());
  });

  it('revoke-device (CLI): the device is refused with wipe on refresh, pull and push; others go on', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const tablet = await signInOn(t.app, account, await makeDevice(TABLET, { shared: true }));

    const listed = await cli(t, 'list-devices', '--user', account.username);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(PHONE);
    expect(listed.out).toMatch(new RegExp(`${TABLET}\\s+-\\s+yes`));

    t.clock.now += 1000;
    const revoked = await cli(t, 'revoke-device', '--user', account.username, '--device', PHONE);
    expect(revoked).toMatchObject({ code: 0, out: expect.stringContaining('Revoked device') });
    const again = await cli(t, 'revoke-device', '--user', account.username, '--device', PHONE);
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('already revoked') });
    const unknown = await cli(t, 'revoke-device', '--user', account.username, '--device', 'x');
    expect(unknown.code).toBe(1);
    expect((await cli(t, 'revoke-device', '--user', account.username)).code).toBe(2);

    // The phone's access token, still within its 15 minutes, stops at once.
    expectWipe(await pullWith(t.app, phone.accessToken, account.providerId));
    expectWipe(await pushWith(t.app, phone.accessToken, account.providerId));
    const me = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${phone.accessToken}` },
    });
    expectWipe(me);
    expect(me.headers['cache-control']).toBe('no-store');
    expectWipe(await refreshOn(t.app, phone.refreshToken));

    // The tablet is another device: untouched.
    expect((await pullWith(t.app, tablet.accessToken, account.providerId)).statusCode).toBe(200);
    expect((await refreshOn(t.app, tablet.refreshToken)).statusCode).toBe(200);

    expect((await cli(t, 'list-devices')).out).toMatch(/revoked .*\(admin\), wipe sent/);
    const audit = await t.storage.listAudit({ userId: account.userId, limit: 50 });
    expect(audit.find((a) => a.action === 'revoke_device')?.details).toMatchObject({
      installationId: PHONE,
      reason: 'admin',
      by: 'cli',
    });
    const wipes = audit.filter((a) => a.action === 'wipe_instructed');
    expect(wipes.map((a) => a.details.via).sort()).toEqual([
      'GET /api/me',
      'POST /api/sync/pull',
      'POST /api/sync/push',
      'refresh',
    ]);
    expect(wipes.every((a) => a.details.installationId === PHONE)).toBe(true);
  });

  it('a revoked device is told to wipe at sign-in once, then may sign in afresh', async () => {
    const phone = await makeDevice(PHONE);
    const before = await signInOn(t.app, account, phone);
    await cli(t, 'revoke-device', '--user', account.username, '--device', PHONE);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: 'not the password', device: phone },
    });
    expect(wrong.json().error).toBe('wrong_credentials');
    const told = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: account.password, device: phone },
    });
    expectWipe(told);

    const fresh = await signInOn(t.app, account, phone);
    expect(claimsOf(fresh.accessToken)).toMatchObject({ did: PHONE, dgen: 2 });
    expect((await pullWith(t.app, fresh.accessToken, account.providerId)).statusCode).toBe(200);
    // The session from before the revocation stays dead, and is never told to wipe (that would
    // delete the fresh sign-in's data).
    const old = await pullWith(t.app, before.accessToken, account.providerId);
    expect(old.statusCode).toBe(401);
    expect(old.json().error).toBe('unauthorized');
    expect((await refreshOn(t.app, before.refreshToken)).json().error).toBe('unauthorized');
    const audit = await t.storage.listAudit({ userId: account.userId, limit: 50 });
    expect(audit.find((a) => a.details.reregistered === true)?.action).toBe('sign_in');
  });

  it('the admin route lists and revokes devices, for administrators only', async () => {
    const admin = await seedTestUser(t.storage, { username: 'ari.admin', role: 'admin' });
    const adminSession = await signInOn(t.app, admin, await makeDevice(TABLET));
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const as = (token: string) => ({ authorization: `Bearer ${token}` });

    const forbidden = await t.app.inject({
      url: '/api/admin/devices',
      headers: as(phone.accessToken),
    });
    expect(forbidden.statusCode).toBe(403);
    const noToken = await t.app.inject({ url: '/api/admin/devices' });
    expect(noToken.statusCode).toBe(401);

    const list = await t.app.inject({
      url: `/api/admin/devices?username=${account.username}`,
      headers: as(adminSession.accessToken),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().devices).toEqual([
      expect.objectContaining({ userId: account.userId, deviceId: PHONE, revokedAt: null }),
    ]);
    expect(list.body).not.toContain(phone.sealing!.pushSecret);
    const everyone = await t.app.inject({
      url: '/api/admin/devices',
      headers: as(adminSession.accessToken),
    });
    expect(everyone.json().devices).toHaveLength(2);

    const revoke = (body: unknown, token = adminSession.accessToken) =>
      t.app.inject({
        method: 'POST',
        url: '/api/admin/devices/revoke',
        headers: as(token),
        payload: body as object,
      });
    expect(
      (await revoke({ userId: account.userId, deviceId: PHONE }, phone.accessToken)).statusCode,
    ).toBe(403);
    expect((await revoke({ userId: account.userId })).statusCode).toBe(400);
    expect(
      (await revoke({ userId: account.userId, deviceId: 'unknown-device-000001' })).statusCode,
    ).toBe(404);
    const done = await revoke({ userId: account.userId, deviceId: PHONE });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      alreadyRevoked: false,
      device: {
        deviceId: PHONE,
        revokedAt: new Date(t.clock.now).toISOString(),
        revokedReason: 'admin',
      },
    });
    expect((await revoke({ userId: account.userId, deviceId: PHONE })).json().alreadyRevoked).toBe(
      true,
    );
    expectWipe(await pullWith(t.app, phone.accessToken, account.providerId));
    const audit = await t.storage.listAudit({ userId: account.userId, limit: 20 });
    expect(audit.find((a) => a.action === 'revoke_device')?.details.by).toBe(admin.userId);
  });

  it('deactivation revokes every device and refuses the access tokens at once', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const tablet = await signInOn(t.app, account, await makeDevice(TABLET));
    const legacy = await signInOn(t.app, account, null);
    await setUserActive(t.storage, account.username, false, t.clock.now);

    expectWipe(await pullWith(t.app, phone.accessToken, account.providerId));
    expectWipe(await refreshOn(t.app, tablet.refreshToken));
    const told = deviceRefusalSchema.parse((await refreshOn(t.app, phone.refreshToken)).json());
    expect(told.message).toContain('deactivated');
    // A session that named no device cannot be told to wipe, but is refused at once too.
    const pulled = await pullWith(t.app, legacy.accessToken, account.providerId);
    expect(pulled.statusCode).toBe(401);
    expect(pulled.json().error).toBe('account_inactive');
    expect((await listDevices(t.storage)).map((d) => d.revokedReason)).toEqual([
      'deactivated',
      'deactivated',
    ]);
  });

  it('a password reset revokes every device; after the wipe the device signs in with the new password', async () => {
    const phone = await makeDevice(PHONE);
    const session = await signInOn(t.app, account, phone);
    await resetPassword(t.storage, account.username, 'a brand new password', t.clock.now);

    const refused = await refreshOn(t.app, session.refreshToken);
    expectWipe(refused);
    expect(refused.json().message).toContain('password was reset');
    expectWipe(await pushWith(t.app, session.accessToken, account.providerId));

    // Told already (by the refresh), so the sign-in registers the device afresh at once.
    const fresh = await signInOn(
      t.app,
      { username: account.username, password: 'a brand new password' },
      phone,
    );
    expect(fresh.device).toEqual({ id: PHONE });
    expect((await pullWith(t.app, fresh.accessToken, account.providerId)).statusCode).toBe(200);
    expect((await t.storage.getUserDevice(account.userId, PHONE))?.revokedAt).toBeNull();
  });
});

describe('the lock policy', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('comes from the environment, with the defaults', () => {
    expect(loadLockPolicy({})).toEqual(DEFAULT_LOCK_POLICY);
    expect(
      loadLockPolicy({
        IDLE_LOCK_MINUTES: '10',
        SHARED_IDLE_LOCK_MINUTES: '2',
        OFFLINE_UNLOCK_DAYS: '7',
        MAX_FAILED_UNLOCKS: '3',
      }),
    ).toEqual({
      idleLockMinutes: 10,
      sharedIdleLockMinutes: 2,
      offlineUnlockDays: 7,
      maxFailedUnlocks: 3,
    });
    expect(() => loadLockPolicy({ OFFLINE_UNLOCK_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadLockPolicy({ IDLE_LOCK_MINUTES: 'soon' })).toThrow(/IDLE_LOCK_MINUTES/);
  });

  it('is sent with every session', async () => {
    vi.stubEnv('IDLE_LOCK_MINUTES', '10');
    const t = await openTestApp('sqlite');
    try {
      const account = await seedTestUser(t.storage);
      const session = await signInOn(t.app, account, null);
      expect(session.policy).toEqual({ ...DEFAULT_LOCK_POLICY, idleLockMinutes: 10 });
      expect((await refreshOn(t.app, session.refreshToken)).json().policy.idleLockMinutes).toBe(10);
    } finally {
      await t.close();
    }
  });
});
