// Which device did what (issue 11), in-process on every storage: the audit entries written for a
// push, a pull, a client search, a look at other enrollments, a conflict resolution, an HMIS export
// check and a sealed delivery name the installation (physical device) of the session, or the
// delivering device, as details.installationId, and GET /api/audit returns it. Two devices of one
// person are told apart; a session whose sign-in named no device adds none. Synthetic people only.
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealChange, signDelivery, type WebCryptoKey } from '../../../src/domain/crypto/sealed';
import {
  DELIVER_SIGNATURE_HEADER,
  DELIVER_TIMESTAMP_HEADER,
  PROTOCOL_VERSION,
  deliverResponseSchema,
  pushResponseSchema,
  type DeliverRequest,
  type Mutation,
  type P256PublicJwk,
} from '../../../src/domain/protocol';
import type { AuditEntry } from '../../../sync-server/src/storage/types';
import { newId } from '../../../src/domain/records/ids';
import { Device, clientFields } from '../../domain/merge/fixtures';
import { makeDevice, pullWith, signInOn } from '../auth/device-helpers';
import { openTestApp, seedTestUser, type TestApp } from '../helpers';
import { conflictRow } from '../storage/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';

const PHONE = 'phone-installation-0001';
const TABLET = 'tablet-installation-0002';
const DESK = 'desk-installation-0003';
const KIOSK = 'kiosk-installation-0004';

type Account = Awaited<ReturnType<typeof seedTestUser>>;

/** A signing key as the app makes it: the private half kept to sign deliveries. */
async function signingKey(): Promise<{ privateKey: WebCryptoKey; publicJwk: P256PublicJwk }> {
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! },
  };
}

function ok(res: LightMyRequestResponse): LightMyRequestResponse {
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

describe.each(STORAGE_KINDS)('audit entries name the device on %s', (kind) => {
  let t: TestApp;
  let cm: Account;
  let supervisor: Account;
  let provider: string;

  beforeEach(async () => {
    t = await openTestApp(kind);
    cm = await seedTestUser(t.storage);
    supervisor = await seedTestUser(t.storage, {
      username: 'sam.supervisor',
      role: 'supervisor',
      displayName: 'Sam Supervisor',
    });
    provider = cm.providerId;
    expect(supervisor.providerId).toBe(provider);
  });
  afterEach(async () => {
    await t.close();
  });

  async function tokenOn(account: Account, installationId: string | null): Promise<string> {
    const device = installationId === null ? null : await makeDevice(installationId);
    return (await signInOn(t.app, account, device)).accessToken;
  }

  /** The provider's audit log as a supervisor reads it, through GET /api/audit. */
  async function auditLog(): Promise<AuditEntry[]> {
    const token = await tokenOn(supervisor, null);
    const res = ok(
      await t.app.inject({
        method: 'GET',
        url: `/api/audit?providerId=${provider}&limit=1000`,
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    return (res.json() as { entries: AuditEntry[] }).entries;
  }

  function request(token: string, method: 'GET' | 'POST', url: string, payload?: object) {
    return t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  }

  /** A new client as the app queues it on this (per-person) sync device. */
  function newClient(syncDevice: string, firstName: string): Mutation {
    const device = new Device(syncDevice, cm.userId);
    device.time = t.clock.now;
    const fields = clientFields({ firstName, lastName: 'Audited' });
    return { ...device.create('client', newId(), fields), mutationId: newId() };
  }

  /** Pushes a new client from this sync device; answers the mutation, applied. */
  async function push(token: string, syncDevice: string, firstName: string): Promise<Mutation> {
    const m = newClient(syncDevice, firstName);
    const res = ok(
      await request(token, 'POST', '/api/sync/push', {
        protocolVersion: PROTOCOL_VERSION,
        providerId: provider,
        deviceId: syncDevice,
        mutations: [m],
      }),
    );
    expect(pushResponseSchema.parse(res.json()).results.map((r) => r.status)).toEqual(['applied']);
    return m;
  }

  const search = (token: string, firstName: string) =>
    request(token, 'POST', '/api/clients/search', { providerId: provider, firstName });
  const otherEnrollments = (token: string, clientId: string) =>
    request(token, 'GET', `/api/clients/${clientId}/enrollments?providerId=${provider}`);

  it('a push, a pull, a search and a look at other enrollments name the session’s device', async () => {
    const phone = await tokenOn(cm, PHONE);
    const m = await push(phone, 'sync-device-1', 'Phonefirst');
    ok(await pullWith(t.app, phone, provider));
    const found = ok(await search(phone, 'Phonefirst')).json() as { clients: { id: string }[] };
    expect(found.clients.map((c) => c.id)).toEqual([m.recordId]);
    ok(await otherEnrollments(phone, m.recordId));

    const entries = await auditLog();
    expect(entries.map((e) => e.action).sort()).toEqual([
      'create',
      'search_clients',
      'view_client',
      'view_other_enrollments',
    ]);
    for (const entry of entries) {
      expect(entry, entry.action).toMatchObject({
        userId: cm.userId,
        providerId: provider,
        details: { installationId: PHONE },
      });
    }
    // The per-person sync device id of the change and of the pull is kept beside it.
    expect(entries.find((e) => e.action === 'create')?.details).toMatchObject({
      deviceId: 'sync-device-1',
      mutationId: m.mutationId,
    });
    expect(entries.find((e) => e.action === 'view_client')?.details).toEqual({
      deviceId: 'sync-device-1',
      via: 'pull',
      installationId: PHONE,
    });
    // As stored, not only as the route answers.
    const stored = await t.storage.listAudit({ providerId: provider, limit: 1000 });
    expect(stored.map((e) => e.details.installationId)).toEqual(entries.map(() => PHONE));
  });

  it('tells two devices of one person apart', async () => {
    const phone = await tokenOn(cm, PHONE);
    const tablet = await tokenOn(cm, TABLET);
    const onPhone = await push(phone, 'sync-phone', 'Fromphone');
    ok(await pullWith(t.app, tablet, provider)); // the tablet receives the phone's client
    const onTablet = await push(tablet, 'sync-tablet', 'Fromtablet');
    ok(await otherEnrollments(phone, onTablet.recordId));

    const seen = (await auditLog()).map((e) => [e.action, e.recordId, e.details.installationId]);
    expect(seen).toHaveLength(4);
    expect(seen).toEqual(
      expect.arrayContaining([
        ['create', onPhone.recordId, PHONE],
        ['view_client', onPhone.recordId, TABLET],
        ['create', onTablet.recordId, TABLET],
        ['view_other_enrollments', onTablet.recordId, PHONE],
      ]),
    );
  });

  it('a session whose sign-in named no device gives no installationId', async () => {
    const bare = await tokenOn(cm, null);
    const phone = await tokenOn(cm, PHONE);
    const m = await push(bare, 'sync-bare', 'Nodevice');
    ok(await pullWith(t.app, bare, provider));
    ok(await search(bare, 'Nodevice'));
    ok(await otherEnrollments(bare, m.recordId));
    ok(await otherEnrollments(phone, m.recordId)); // the same person on a device, meanwhile

    const entries = await auditLog();
    const withDevice = entries.filter((e) => 'installationId' in e.details);
    expect(withDevice.map((e) => [e.action, e.details.installationId])).toEqual([
      ['view_other_enrollments', PHONE],
    ]);
    expect(
      entries
        .filter((e) => !('installationId' in e.details))
        .map((e) => e.action)
        .sort(),
    ).toEqual(['create', 'search_clients', 'view_client', 'view_other_enrollments']);
  });

  it('a conflict resolved names the supervisor’s device', async () => {
    const desk = await tokenOn(supervisor, DESK);
    const conflict = conflictRow(1, [provider]); // M10: a possible duplicate
    await t.storage.putConflicts([conflict]);
    ok(
      await request(desk, 'POST', `/api/conflicts/${conflict.conflict.id}/resolve`, {
        providerId: provider,
        action: 'dismiss',
      }),
    );
    expect(await auditLog()).toEqual([
      expect.objectContaining({
        action: 'resolve_conflict',
        userId: supervisor.userId,
        details: expect.objectContaining({
          conflictId: conflict.conflict.id,
          installationId: DESK,
        }) as unknown,
      }),
    ]);
  });

  it('an HMIS export check names the supervisor’s device', async () => {
    const desk = await tokenOn(supervisor, DESK);
    ok(
      await request(desk, 'POST', '/api/hmis/exports/check', {
        providerIds: [provider],
        startDate: '2025-03-01',
        endDate: '2026-03-01',
      }),
    );
    const entries = await auditLog();
    expect(entries.map((e) => [e.action, e.userId, e.details.installationId])).toEqual([
      ['hmis_export_check', supervisor.userId, DESK],
    ]);
  });

  it('a sealed delivery names the delivering device', async () => {
    const key = await signingKey();
    const session = await signInOn(t.app, cm, {
      id: KIOSK,
      signingKey: key.publicJwk,
      shared: true,
    });
    const m = newClient('sync-kiosk', 'Sealed');
    const envelope = await sealChange({
      ...session.sealing!,
      userId: cm.userId,
      providerId: provider,
      mutation: m,
    });
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId: KIOSK,
      envelopes: [envelope],
    } satisfies DeliverRequest);
    const timestamp = t.clock.now;
    const res = ok(
      await t.app.inject({
        method: 'POST',
        url: '/api/sync/deliver',
        headers: {
          'content-type': 'application/json',
          [DELIVER_TIMESTAMP_HEADER]: String(timestamp),
          [DELIVER_SIGNATURE_HEADER]: await signDelivery(key.privateKey, body, timestamp),
        },
        payload: body,
      }),
    );
    expect(deliverResponseSchema.parse(res.json()).results).toEqual([
      { mutationId: m.mutationId, status: 'applied' },
    ]);

    // Then another device of the person receives the delivered client.
    ok(await pullWith(t.app, await tokenOn(cm, PHONE), provider));

    const entries = await auditLog();
    expect(entries.map((e) => [e.action, e.recordId, e.details.installationId]).sort()).toEqual([
      ['create', m.recordId, KIOSK],
      ['view_client', m.recordId, PHONE],
    ]);
    expect(entries.find((e) => e.action === 'create')?.details).toMatchObject({
      mutationId: m.mutationId,
      deviceId: 'sync-kiosk',
    });
  });
});
