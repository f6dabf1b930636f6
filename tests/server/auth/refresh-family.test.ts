// Refresh-token rotation families (issue 11, auth/accounts.ts), on every storage: a rotated token
// used again after REFRESH_RACE_GRACE_MS revokes its whole family (401 token_reused, for the thief
// and the legitimate holder alike, on refresh and at once on every request with the family's
// access tokens) and is audited once, while other sign-ins go on; after that every token of the
// family, even one rotated within the grace, answers token_reused; two refreshes of one token at
// once (one app, and two app instances on one database) end with exactly one rotation and a 409
// session_refreshed that revokes and issues nothing. The clock is the app's injected one.
// Synthetic people only.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionSchema, type SessionResponse } from '../../../src/domain/protocol';
import type { Role } from '../../../src/domain/records';
import { REFRESH_RACE_GRACE_MS } from '../../../sync-server/src/auth/accounts';
import {
  REFRESH_RACED_MESSAGE,
  TOKEN_REUSED_MESSAGE,
} from '../../../sync-server/src/auth/refusals';
import { hashRefreshToken, signAccessToken } from '../../../sync-server/src/auth/tokens';
import type { SessionTokenRow, Storage } from '../../../sync-server/src/storage/types';
import { openTestApp, seedTestUser, TEST_TOKEN_SECRET, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openCluster, type Cluster } from '../sync/cluster';
import { claimsOf, makeDevice, pullWith, refreshOn, signInOn } from './device-helpers';

const PHONE = 'phone-installation-0001';
const TABLET = 'tablet-installation-0002';
const ACCESS_TTL_MS = 900_000;

async function tokenRow(storage: Storage, refreshToken: string): Promise<SessionTokenRow> {
  const row = await storage.getSessionTokenByHash(hashRefreshToken(refreshToken));
  expect(row, 'the refresh token is stored').not.toBeNull();
  return row!;
}

function me(app: FastifyInstance, accessToken: string) {
  return app.inject({ url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
}

function expectReused(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(401);
  // No `wipe`: the device is not revoked, only this session ended.
  expect(res.json()).toEqual({ error: 'token_reused', message: TOKEN_REUSED_MESSAGE });
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['www-authenticate']).toBe('Bearer');
}

function expectRaced(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(409);
  expect(res.json()).toEqual({
    error: 'session_refreshed',
    message: REFRESH_RACED_MESSAGE,
    retryAfterSeconds: 1,
  });
  expect(res.headers['retry-after']).toBe('1');
}

async function actions(storage: Storage, userId: string, action: string) {
  return (await storage.listAudit({ userId, limit: 200 })).filter((e) => e.action === action);
}

/**
 * Sends two refreshes of one token at once (through `apps[0]` and `apps[1]`, which may be the
 * same app): exactly one must rotate it. Answers the winner's session and the loser's response.
 */
async function race(
  apps: [FastifyInstance, FastifyInstance],
  refreshToken: string,
): Promise<{ winner: SessionResponse; loser: LightMyRequestResponse }> {
  const answers = await Promise.all([
    refreshOn(apps[0], refreshToken),
    refreshOn(apps[1], refreshToken),
  ]);
  expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  const winner = answers.find((r) => r.statusCode === 200)!;
  const loser = answers.find((r) => r.statusCode === 409)!;
  expectRaced(loser);
  const session = sessionSchema.parse(winner.json());
  expect(session.refreshToken).not.toBe(refreshToken);
  return { winner: session, loser };
}

describe.each(STORAGE_KINDS)('refresh token families on %s', (kind) => {
  let t: TestApp;
  let account: Awaited<ReturnType<typeof seedTestUser>>;

  beforeEach(async () => {
    t = await openTestApp(kind);
    account = await seedTestUser(t.storage);
  });
  afterEach(async () => {
    await t.close();
  });

  it('a rotated token used again after the grace revokes its whole family, and only that family', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const tablet = await signInOn(t.app, account, await makeDevice(TABLET));
    const signInRow = await tokenRow(t.storage, phone.refreshToken);
    expect(signInRow.familyId).toBe(signInRow.id);
    // The access token names its family, for the guard.
    expect(claimsOf(phone.accessToken)).toMatchObject({ did: PHONE, fam: signInRow.familyId });
    expect(claimsOf(tablet.accessToken).fam).not.toBe(signInRow.familyId);

    t.clock.now += 60_000;
    const rotatedAt = t.clock.now;
    const res = await refreshOn(t.app, phone.refreshToken);
    expect(res.statusCode, res.body).toBe(200);
    const current = sessionSchema.parse(res.json());
    expect(claimsOf(current.accessToken).fam).toBe(signInRow.familyId);
    expect((await me(t.app, current.accessToken)).statusCode).toBe(200);
    const currentRow = await tokenRow(t.storage, current.refreshToken);
    expect(currentRow).toMatchObject({
      familyId: signInRow.familyId,
      installationId: PHONE,
      revokedAt: null,
      revokedReason: null,
    });
    expect(await tokenRow(t.storage, phone.refreshToken)).toMatchObject({
      revokedAt: new Date(rotatedAt).toISOString(),
      replacedBy: currentRow.id,
      revokedReason: null,
    });

    // Exactly the grace later the old token is no longer taken for a concurrent refresh.
    t.clock.now = rotatedAt + REFRESH_RACE_GRACE_MS;
    const reusedAt = t.clock.now;
    expectReused(await refreshOn(t.app, phone.refreshToken));

    // The legitimate holder of the family's newest token is refused too, and told why.
    expectReused(await refreshOn(t.app, current.refreshToken));
    expect(await tokenRow(t.storage, current.refreshToken)).toMatchObject({
      revokedAt: new Date(reusedAt).toISOString(),
      revokedReason: 'reused',
    });

    const reused = await actions(t.storage, account.userId, 'token_reused');
    expect(reused).toHaveLength(1);
    expect(reused[0]).toMatchObject({
      at: new Date(reusedAt).toISOString(),
      userId: account.userId,
      details: { familyId: signInRow.familyId, installationId: PHONE, deviceId: null },
    });
    // Nothing was issued for either refusal.
    expect(await actions(t.storage, account.userId, 'refresh')).toHaveLength(1);

    // The family's access tokens are refused at once, on every route, with the same answer (the
    // guard checks the family named in the token), not only when they expire.
    expectReused(await me(t.app, current.accessToken));
    expectReused(await pullWith(t.app, current.accessToken, account.providerId));
    expectReused(await me(t.app, phone.accessToken));
    // Nothing more is audited for them.
    expect(await actions(t.storage, account.userId, 'token_reused')).toHaveLength(1);

    // The tablet signed in separately: another family, untouched.
    expect((await pullWith(t.app, tablet.accessToken, account.providerId)).statusCode).toBe(200);
    const tabletNext = await refreshOn(t.app, tablet.refreshToken);
    expect(tabletNext.statusCode, tabletNext.body).toBe(200);
    const tabletSession = sessionSchema.parse(tabletNext.json());
    t.clock.now += 1000;
    expect((await refreshOn(t.app, tabletSession.refreshToken)).statusCode).toBe(200);

    // The phone's device is not revoked (no wipe): it may sign in again and refresh as usual.
    expect((await t.storage.getUserDevice(account.userId, PHONE))?.revokedAt).toBeNull();
    t.clock.now = rotatedAt + ACCESS_TTL_MS;
    const expired = await me(t.app, current.accessToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toBe('unauthorized');
    const again = await signInOn(t.app, account, await makeDevice(PHONE));
    expect((await tokenRow(t.storage, again.refreshToken)).familyId).not.toBe(signInRow.familyId);
    expect((await me(t.app, again.accessToken)).statusCode).toBe(200);
    expect((await pullWith(t.app, again.accessToken, account.providerId)).statusCode).toBe(200);
    expect((await refreshOn(t.app, again.refreshToken)).statusCode).toBe(200);
    expectReused(await refreshOn(t.app, current.refreshToken));
    expect(await actions(t.storage, account.userId, 'token_reused')).toHaveLength(1);
  });

  it('after a family is revoked, a token rotated within the grace says token_reused, and reuse is audited once', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const family = (await tokenRow(t.storage, phone.refreshToken)).familyId;
    t.clock.now += 60_000;
    const firstRotation = t.clock.now;
    const first = await refreshOn(t.app, phone.refreshToken);
    expect(first.statusCode, first.body).toBe(200);
    const second = sessionSchema.parse(first.json());

    // The legitimate holder rotates again shortly before the old token comes back.
    t.clock.now = firstRotation + REFRESH_RACE_GRACE_MS - 1000;
    const secondRotation = t.clock.now;
    const next = await refreshOn(t.app, second.refreshToken);
    expect(next.statusCode, next.body).toBe(200);
    const third = sessionSchema.parse(next.json());

    // Within the grace of its own rotation, `second` is still taken for a concurrent refresh...
    expectRaced(await refreshOn(t.app, second.refreshToken));
    // ...until the sign-in's token, rotated a grace ago, is reused: the family is revoked.
    t.clock.now = firstRotation + REFRESH_RACE_GRACE_MS;
    const reusedAt = t.clock.now;
    expectReused(await refreshOn(t.app, phone.refreshToken));

    // `second` was rotated 1 s ago, within the grace, yet it is now token_reused, never 409.
    expectReused(await refreshOn(t.app, second.refreshToken));
    expectReused(await refreshOn(t.app, third.refreshToken));
    // Every token of the family is marked; a rotated one keeps the time of its rotation.
    expect(await tokenRow(t.storage, phone.refreshToken)).toMatchObject({
      revokedAt: new Date(firstRotation).toISOString(),
      revokedReason: 'reused',
    });
    expect(await tokenRow(t.storage, second.refreshToken)).toMatchObject({
      revokedAt: new Date(secondRotation).toISOString(),
      revokedReason: 'reused',
    });
    expect(await tokenRow(t.storage, third.refreshToken)).toMatchObject({
      revokedAt: new Date(reusedAt).toISOString(),
      revokedReason: 'reused',
    });

    // Every access token of the family is refused at once.
    for (const session of [phone, second, third]) {
      expectReused(await me(t.app, session.accessToken));
      expectReused(await pullWith(t.app, session.accessToken, account.providerId));
    }

    // The reused token presented again and again, later: refused, with no new audit entry, and
    // nothing issued or revoked anew.
    for (const step of [1, 1000, REFRESH_RACE_GRACE_MS, 10 * REFRESH_RACE_GRACE_MS]) {
      t.clock.now += step;
      expectReused(await refreshOn(t.app, phone.refreshToken));
      expectReused(await refreshOn(t.app, second.refreshToken));
    }
    const reused = await actions(t.storage, account.userId, 'token_reused');
    expect(reused).toHaveLength(1);
    expect(reused[0]).toMatchObject({
      at: new Date(reusedAt).toISOString(),
      details: { familyId: family, installationId: PHONE },
    });
    expect(await actions(t.storage, account.userId, 'refresh')).toHaveLength(2);
    expect(await tokenRow(t.storage, third.refreshToken)).toMatchObject({
      revokedAt: new Date(reusedAt).toISOString(),
    });
  });

  it('a sign-in that names no device gets a family in its access token too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: account.username, password: account.password, deviceId: 'sync-1' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const session = sessionSchema.parse(res.json());
    const row = await tokenRow(t.storage, session.refreshToken);
    expect(claimsOf(session.accessToken)).toMatchObject({ fam: row.familyId });
    expect(claimsOf(session.accessToken).did).toBeUndefined();
    t.clock.now += 60_000;
    const rotated = await refreshOn(t.app, session.refreshToken);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const current = sessionSchema.parse(rotated.json());
    expect((await me(t.app, current.accessToken)).statusCode).toBe(200);

    t.clock.now += REFRESH_RACE_GRACE_MS;
    expectReused(await refreshOn(t.app, session.refreshToken));
    expectReused(await me(t.app, current.accessToken));
    expectReused(await pullWith(t.app, current.accessToken, account.providerId));
  });

  it('an access token without a family claim (issued before it existed) is not checked for one', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const claims = claimsOf(phone.accessToken);
    // What the server signed before `fam`: the same user and device, no family.
    const legacy = signAccessToken(
      {
        id: account.userId,
        username: account.username,
        role: claims.role as Role,
        providerIds: claims.providerIds as string[],
        device: { id: PHONE, generation: 1 },
      },
      TEST_TOKEN_SECRET,
      t.clock.now,
      900,
    ).token;
    expect(claimsOf(legacy).fam).toBeUndefined();

    t.clock.now += 60_000;
    const rotated = await refreshOn(t.app, phone.refreshToken);
    expect(rotated.statusCode, rotated.body).toBe(200);
    t.clock.now += REFRESH_RACE_GRACE_MS;
    expectReused(await refreshOn(t.app, phone.refreshToken));

    // The family's tokens are refused; the legacy one keeps today's behaviour (the device and the
    // user are fine), until it expires.
    expectReused(await me(t.app, phone.accessToken));
    expect((await me(t.app, legacy)).statusCode).toBe(200);
    expect((await pullWith(t.app, legacy, account.providerId)).statusCode).toBe(200);
  });

  it('two refreshes of one token at once: one rotates, the other gets 409 and nothing is revoked', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    const family = (await tokenRow(t.storage, phone.refreshToken)).familyId;
    t.clock.now += 60_000;

    let token = phone.refreshToken;
    for (let round = 0; round < 3; round++) {
      const { winner } = await race([t.app, t.app], token);
      const winnerRow = await tokenRow(t.storage, winner.refreshToken);
      expect(winnerRow).toMatchObject({ familyId: family, revokedAt: null, revokedReason: null });
      expect((await tokenRow(t.storage, token)).replacedBy).toBe(winnerRow.id);
      expect(winner.sealing).toEqual(phone.sealing);
      expect((await me(t.app, winner.accessToken)).statusCode).toBe(200);
      token = winner.refreshToken;
    }
    // One rotation per race, no revocation.
    expect(await actions(t.storage, account.userId, 'refresh')).toHaveLength(3);
    expect(await actions(t.storage, account.userId, 'token_reused')).toHaveLength(0);
    const last = await refreshOn(t.app, token);
    expect(last.statusCode, last.body).toBe(200);
  });

  it('the token that lost the race, presented again: 409 within the grace, family revoked after', async () => {
    const phone = await signInOn(t.app, account, await makeDevice(PHONE));
    t.clock.now += 60_000;
    const racedAt = t.clock.now;
    const { winner } = await race([t.app, t.app], phone.refreshToken);

    // Within the grace: still a concurrent refresh, nothing revoked, and the winner goes on.
    t.clock.now = racedAt + REFRESH_RACE_GRACE_MS - 1;
    expectRaced(await refreshOn(t.app, phone.refreshToken));
    const next = await refreshOn(t.app, winner.refreshToken);
    expect(next.statusCode, next.body).toBe(200);
    const newest = sessionSchema.parse(next.json());

    // After it: reuse. The whole family ends, including the token issued a millisecond ago.
    t.clock.now = racedAt + REFRESH_RACE_GRACE_MS;
    expectReused(await refreshOn(t.app, phone.refreshToken));
    expectReused(await refreshOn(t.app, newest.refreshToken));
    // The winner's token was rotated within the grace: token_reused now, not 409.
    expectReused(await refreshOn(t.app, winner.refreshToken));
    expectReused(await refreshOn(t.app, phone.refreshToken));
    expect(await actions(t.storage, account.userId, 'token_reused')).toHaveLength(1);
    expect(await actions(t.storage, account.userId, 'refresh')).toHaveLength(2);
  });
});

describe.each(STORAGE_KINDS)('refresh races across two app instances on %s', (kind) => {
  let cluster: Cluster;
  let account: Awaited<ReturnType<typeof seedTestUser>>;

  beforeEach(async () => {
    cluster = await openCluster(kind, 2);
    account = await seedTestUser(cluster.storages[0]!, { username: 'sam.refresher' });
  });
  afterEach(async () => {
    await cluster.close();
  });

  it('one refresh of a token sent to both instances rotates it once; the loser, later, ends the family', async () => {
    const [a, b] = cluster.instances as [FastifyInstance, FastifyInstance];
    const storage = cluster.storages[1]!;
    const phone = await signInOn(a, account, await makeDevice(PHONE));
    const family = (await tokenRow(storage, phone.refreshToken)).familyId;
    cluster.clock.now += 60_000;
    const racedAt = cluster.clock.now;

    let token = phone.refreshToken;
    const losers: string[] = [];
    for (let round = 0; round < 3; round++) {
      const { winner } = await race(round % 2 === 0 ? [a, b] : [b, a], token);
      expect(await tokenRow(storage, winner.refreshToken)).toMatchObject({
        familyId: family,
        revokedAt: null,
      });
      // Both instances hand out the one sealing key the database holds.
      expect(winner.sealing?.serverKey).toEqual(phone.sealing?.serverKey);
      expect(winner.sealing?.keyId).toBe(phone.sealing?.keyId);
      losers.push(token);
      token = winner.refreshToken;
    }
    expect(await actions(storage, account.userId, 'refresh')).toHaveLength(3);
    expect(await actions(storage, account.userId, 'token_reused')).toHaveLength(0);
    const next = await refreshOn(b, token);
    expect(next.statusCode, next.body).toBe(200);
    const newest = sessionSchema.parse(next.json());

    cluster.clock.now = racedAt + REFRESH_RACE_GRACE_MS;
    // The same reused token sent to both instances at once: both refused, the family revoked and
    // audited once.
    const answers = await Promise.all([refreshOn(b, losers[0]!), refreshOn(a, losers[0]!)]);
    answers.forEach(expectReused);
    expectReused(await refreshOn(a, newest.refreshToken));
    // Each instance refuses the family's access token at once.
    expectReused(await me(a, newest.accessToken));
    expectReused(await pullWith(b, newest.accessToken, account.providerId));
    // The other rotated tokens of the family, on either instance: refused, not audited again.
    for (const [i, loser] of losers.entries()) {
      expectReused(await refreshOn(i % 2 === 0 ? a : b, loser));
    }
    expect(await actions(storage, account.userId, 'token_reused')).toHaveLength(1);
    expect(await actions(storage, account.userId, 'refresh')).toHaveLength(4);
  });

  it('a rotation racing a reuse, through the two instances: whatever wins, no token of the family works after', async () => {
    const [a, b] = cluster.instances as [FastifyInstance, FastifyInstance];
    for (let round = 0; round < 6; round++) {
      const session = await signInOn(
        a,
        account,
        await makeDevice(`${PHONE.slice(0, -2)}${round}x`),
      );
      cluster.clock.now += 60_000;
      const rotated = await refreshOn(a, session.refreshToken);
      expect(rotated.statusCode, rotated.body).toBe(200);
      const current = sessionSchema.parse(rotated.json());
      cluster.clock.now += REFRESH_RACE_GRACE_MS;
      // The owner refreshes the current token while a thief replays the old one, at once.
      const [owner, thief] = await Promise.all([
        refreshOn(round % 2 === 0 ? a : b, current.refreshToken),
        refreshOn(round % 2 === 0 ? b : a, session.refreshToken),
      ]);
      expectReused(thief);
      if (owner.statusCode === 200) {
        // The rotation won: the revocation that followed must still have reached its token.
        const issued = sessionSchema.parse(owner.json());
        expectReused(await refreshOn(a, issued.refreshToken));
        expectReused(await me(b, issued.accessToken));
      } else {
        expectReused(owner);
      }
      expectReused(await refreshOn(b, current.refreshToken));
    }
  });
});
