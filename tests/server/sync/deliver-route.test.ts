// POST /api/sync/deliver end to end on every storage: a person signs in naming the device, which
// seals a change with the session's sealing info and delivers it signed, without an access token; the
// person then pulls the record. Redelivery answers the same without writing again, a revoked
// device is told to wipe, and bad input is a clear 4xx.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sealChange, signDelivery, type WebCryptoKey } from '../../../src/domain/crypto/sealed';
import {
  DELIVER_SIGNATURE_HEADER,
  DELIVER_TIMESTAMP_HEADER,
  PROTOCOL_VERSION,
  deliverResponseSchema,
  type DeliverRequest,
  type Mutation,
  type P256PublicJwk,
  type SealedEnvelope,
  sessionSchema,
  type Sealing,
} from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records/ids';
import { revokeDevice } from '../../../sync-server/src/auth/devices';
import { Device, clientFields } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { USERS, latest, openSyncServer, type SyncServer } from './harness';

const INSTALL = 'install-route-test-0001';
/** The synthetic users' password in harness.ts. */
const HARNESS_PASSWORD = 'synthetic-password-123';
const subtle = globalThis.crypto.subtle;

/** The installation's signing key, as the app makes it: non-extractable, public half exported. */
async function installationKey(): Promise<{ privateKey: WebCryptoKey; publicJwk: P256PublicJwk }> {
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

describe.each(STORAGE_KINDS)('POST /api/sync/deliver on %s', (kind) => {
  let server: SyncServer;
  let key: Awaited<ReturnType<typeof installationKey>>;
  let sealing: Sealing;
  let device: Device;

  beforeEach(async () => {
    server = await openSyncServer(kind);
    key = await installationKey();
    // The app's sign-in naming this device: the answer carries the sealing info.
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: {
        username: USERS.cmA.username,
        password: HARNESS_PASSWORD,
        device: { id: INSTALL, signingKey: key.publicJwk, shared: true, label: 'Test tablet' },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const session = sessionSchema.parse(res.json());
    expect(session.device).toEqual({ id: INSTALL });
    sealing = session.sealing!;
    device = new Device('route-deliver-a', server.userIds.cmA);
    device.time = server.clock.now;
  });
  afterEach(async () => server.close());

  /** A change as the app queues it (mutation ids are random UUIDs there). */
  function change(name: string): Mutation {
    return {
      ...device.create('client', newId(), clientFields({ firstName: name, lastName: 'Delivered' })),
      mutationId: newId(),
    };
  }

  function seal(mutation: Mutation): Promise<SealedEnvelope> {
    return sealChange({
      ...sealing,
      userId: server.userIds.cmA,
      providerId: server.providers.p1,
      mutation,
    });
  }

  async function post(envelopes: SealedEnvelope[], options: { timestamp?: number } = {}) {
    const request: DeliverRequest = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: INSTALL,
      envelopes,
    };
    const body = JSON.stringify(request);
    const timestamp = options.timestamp ?? server.clock.now;
    return server.app.inject({
      method: 'POST',
      url: '/api/sync/deliver',
      headers: {
        'content-type': 'application/json',
        [DELIVER_TIMESTAMP_HEADER]: String(timestamp),
        [DELIVER_SIGNATURE_HEADER]: await signDelivery(key.privateKey, body, timestamp),
      },
      payload: body,
    });
  }

  it('delivers a sealed change the person then pulls; redelivery answers the same, once', async () => {
    const mutation = change('Sealedfirst');
    const envelope = await seal(mutation);
    const res = await post([envelope]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(deliverResponseSchema.parse(res.json())).toEqual({
      results: [{ mutationId: envelope.mutationId, status: 'applied' }],
      wipe: [],
    });
    expect(res.body).not.toContain('Sealedfirst');

    const pulled = latest(await server.pullAll('cmA')).get(`client:${mutation.recordId}`);
    expect(pulled?.fields.firstName).toBe('Sealedfirst');

    server.clock.now += 60_000;
    const again = await post([envelope]);
    expect(again.json()).toEqual(res.json());
    const after = latest(await server.pullAll('cmA')).get(`client:${mutation.recordId}`);
    expect(after).toEqual(pulled);
    const stored = await server.storage.getMutations([mutation.mutationId]);
    expect(stored.get(mutation.mutationId)?.userId).toBe(server.userIds.cmA);
  });

  it('tells a revoked device to wipe the person and applies nothing', async () => {
    const at = new Date(server.clock.now).toISOString();
    await revokeDevice(
      server.storage,
      { userId: server.userIds.cmA, deviceId: INSTALL, by: 'test' },
      server.clock.now,
    );
    const mutation = change('Sealedrevoked');
    const res = await post([await seal(mutation)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      results: [{ mutationId: expect.any(String), status: 'refused' }],
      wipe: [server.userIds.cmA],
    });
    expect(latest(await server.pullAll('cmA')).has(`client:${mutation.recordId}`)).toBe(false);
    expect((await server.storage.getUserDevice(server.userIds.cmA, INSTALL))?.wipeSentAt).toBe(at);
  });

  it('answers 401 to an unsigned, stale or wrongly signed delivery', async () => {
    const envelope = await seal(change('Sealedunsigned'));
    const body = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      deviceId: INSTALL,
      envelopes: [envelope],
    });
    const unsigned = await server.app.inject({
      method: 'POST',
      url: '/api/sync/deliver',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ error: 'unsigned' });
    const stale = await post([envelope], { timestamp: server.clock.now - 10 * 60_000 });
    expect(stale.statusCode).toBe(401);
    expect(stale.json()).toMatchObject({ error: 'clock_skew' });
    const forged = await server.app.inject({
      method: 'POST',
      url: '/api/sync/deliver',
      headers: {
        'content-type': 'application/json',
        [DELIVER_TIMESTAMP_HEADER]: String(server.clock.now),
        [DELIVER_SIGNATURE_HEADER]: await signDelivery(
          key.privateKey,
          `${body} `,
          server.clock.now,
        ),
      },
      payload: body,
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ error: 'bad_signature' });
  });

  it('answers 4xx, never 5xx, to a body it cannot take', async () => {
    const send = (payload: string, contentType = 'application/json') =>
      server.app.inject({
        method: 'POST',
        url: '/api/sync/deliver',
        headers: { 'content-type': contentType },
        payload,
      });
    expect((await send('{not json')).statusCode).toBe(400);
    expect((await send('')).statusCode).toBe(400);
    expect((await send('null')).statusCode).toBe(426);
    expect((await send(JSON.stringify({ protocolVersion: PROTOCOL_VERSION - 1 }))).statusCode).toBe(
      426,
    );
    const bad = await send(
      JSON.stringify({ protocolVersion: PROTOCOL_VERSION, deviceId: INSTALL, envelopes: [] }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request' });
    expect((await send('x', 'text/plain')).statusCode).toBe(415);
    expect((await send(`{"a":"${'x'.repeat(6 * 1024 * 1024)}"}`)).statusCode).toBe(413);
  });

  it('leaves the other sync routes parsing JSON as before', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...(await server.authHeader('cmA')), 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request' });
    const push = await server.push('cmA', [change('Pushedplain')]);
    expect(push.results[0]!.status).toBe('applied');
  });
});
