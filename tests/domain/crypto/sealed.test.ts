// The sealed outbox's crypto (src/domain/crypto/sealed.ts): a sealed change opens with the right
// key and push secret and is refused, with a reason and without throwing, when anything about it
// was changed; a delivery signature holds only for the body and timestamp it was made over.
import { describe, expect, it } from 'vitest';
import { encodeBase64, decodeBase64 } from '../../../src/domain/crypto/base64';
import {
  SEAL_INFO,
  openEnvelope,
  sealChange,
  signDelivery,
  verifyDelivery,
  type WebCryptoKey,
} from '../../../src/domain/crypto/sealed';
import {
  sealedEnvelopeSchema,
  type P256PublicJwk,
  type SealedEnvelope,
} from '../../../src/domain/protocol/devices';
import type { Mutation } from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records/ids';
import { formatHlc } from '../../../src/domain/clock/hlc';
import { T0 } from '../merge/fixtures';

const subtle = globalThis.crypto.subtle;
const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const MARKER = 'Quinnsealedmarker';
const USER = 'user-sealed-1';
const PROVIDER = 'provider-sealed-1';

function randomSecret(): string {
  return encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

async function serverKeys(): Promise<{ privateKey: WebCryptoKey; publicJwk: P256PublicJwk }> {
  const pair = await subtle.generateKey(EC, true, ['deriveBits']);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! },
  };
}

function clientMutation(overrides: Partial<Mutation> = {}): Mutation {
  const deviceId = 'dev-sealed';
  return {
    mutationId: newId(),
    deviceId,
    seq: 1,
    hlc: formatHlc({ millis: T0, counter: 0, node: deviceId }),
    recordType: 'client',
    recordId: newId(),
    op: 'create',
    fields: { firstName: MARKER, lastName: 'Sealedtest' },
    seen: {},
    ...overrides,
  };
}

async function setup() {
  const server = await serverKeys();
  const pushSecret = randomSecret();
  const mutation = clientMutation();
  const envelope = await sealChange({
    serverKey: server.publicJwk,
    keyId: 'k1',
    pushSecret,
    userId: USER,
    providerId: PROVIDER,
    mutation,
  });
  const open = (e: SealedEnvelope, secret: string | null = pushSecret, key = server.privateKey) =>
    openEnvelope(e, { privateKey: key, pushSecretOf: (id) => (id === USER ? secret : null) });
  return { server, pushSecret, mutation, envelope, open };
}

/** The base64 of `text`'s bytes with one bit flipped at `index` (negative: from the end). */
function flipByte(text: string, index: number): string {
  const bytes = decodeBase64(text)!;
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 0x01;
  return encodeBase64(bytes);
}

/** The device's sealing done by hand, to make envelopes sealChange would never make. */
async function sealRaw(
  serverKey: P256PublicJwk,
  clear: { mutationId: string; userId: string },
  plaintext: string,
): Promise<SealedEnvelope> {
  const eph = await subtle.generateKey(EC, true, ['deriveBits']);
  const pub = await subtle.importKey('jwk', { ...serverKey }, EC, false, []);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: pub }, eph.privateKey, 256);
  const ikm = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const enc = new TextEncoder();
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: enc.encode(SEAL_INFO) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const aad = enc.encode(JSON.stringify([clear.mutationId.replaceAll('-', ''), clear.userId]));
  const ct = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad },
    key,
    enc.encode(plaintext),
  );
  const epk = await subtle.exportKey('jwk', eph.publicKey);
  return sealedEnvelopeSchema.parse({
    ...clear,
    keyId: 'k1',
    epk: { kty: 'EC', crv: 'P-256', x: epk.x, y: epk.y },
    iv: encodeBase64(iv),
    ct: encodeBase64(new Uint8Array(ct)),
  });
}

async function macOf(secret: string, text: string): Promise<string> {
  const key = await subtle.importKey(
    'raw',
    decodeBase64(secret)!,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return encodeBase64(
    new Uint8Array(await subtle.sign('HMAC', key, new TextEncoder().encode(text))),
  );
}

/** A mutation id as an envelope carries it in clear (32 hex, as the app makes them). */
const clearId = (id: string) => id;

describe('sealChange and openEnvelope', () => {
  it('round trip: the envelope is valid protocol, unreadable, and opens to the change', async () => {
    const { envelope, mutation, open } = await setup();
    expect(sealedEnvelopeSchema.safeParse(envelope).success).toBe(true);
    expect(envelope.mutationId.replaceAll('-', '')).toBe(mutation.mutationId);
    expect(envelope.userId).toBe(USER);
    expect(decodeBase64(envelope.iv)!.length).toBe(12);
    const everything =
      JSON.stringify(envelope) + new TextDecoder().decode(decodeBase64(envelope.ct)!);
    expect(everything).not.toContain(MARKER);
    expect(everything).not.toContain(PROVIDER);

    const opened = await open(envelope);
    expect(opened).toEqual({ ok: true, payload: { userId: USER, providerId: PROVIDER, mutation } });
  });

  it('seals each time with a fresh ephemeral key and IV', async () => {
    const { server, pushSecret, mutation, envelope } = await setup();
    const again = await sealChange({
      serverKey: server.publicJwk,
      keyId: 'k1',
      pushSecret,
      userId: USER,
      providerId: PROVIDER,
      mutation,
    });
    expect(again.epk).not.toEqual(envelope.epk);
    expect(again.iv).not.toBe(envelope.iv);
    expect(again.ct).not.toBe(envelope.ct);
  });

  it('refuses a tampered IV, ciphertext, tag or ephemeral key', async () => {
    const { envelope, open } = await setup();
    const other = await serverKeys();
    const cases: [string, SealedEnvelope, string][] = [
      ['iv', { ...envelope, iv: flipByte(envelope.iv, 0) }, 'undecryptable'],
      ['ciphertext', { ...envelope, ct: flipByte(envelope.ct, 3) }, 'undecryptable'],
      ['tag', { ...envelope, ct: flipByte(envelope.ct, -1) }, 'undecryptable'],
      ['ephemeral key', { ...envelope, epk: other.publicJwk }, 'undecryptable'],
      // A point not on the curve: WebCrypto refuses to import it.
      [
        'epk off the curve',
        { ...envelope, epk: { ...envelope.epk, y: envelope.epk.x } },
        'malformed',
      ],
      ['short iv', { ...envelope, iv: encodeBase64(new Uint8Array(8)) }, 'malformed'],
      ['truncated ct', { ...envelope, ct: encodeBase64(new Uint8Array(4)) }, 'malformed'],
      ['bad base64', { ...envelope, ct: envelope.ct.slice(1) }, 'malformed'],
    ];
    for (const [what, tampered, reason] of cases) {
      expect(await open(tampered), what).toEqual({ ok: false, reason });
    }
  });

  it('refuses clear ids changed after sealing (they are AES-GCM additional data)', async () => {
    const { envelope, open } = await setup();
    expect(await open({ ...envelope, mutationId: clearId(newId()) })).toEqual({
      ok: false,
      reason: 'undecryptable',
    });
    // Another person's id: sealed for USER, so it does not open as anyone else's, even with the
    // right server key and a push secret for that person.
    const { server } = await setup();
    const asOther = await sealChange({
      serverKey: server.publicJwk,
      keyId: 'k1',
      pushSecret: randomSecret(),
      userId: USER,
      providerId: PROVIDER,
      mutation: clientMutation(),
    });
    const opened = await openEnvelope(
      { ...asOther, userId: 'user-sealed-2' },
      { privateKey: server.privateKey, pushSecretOf: () => randomSecret() },
    );
    expect(opened).toEqual({ ok: false, reason: 'undecryptable' });
  });

  it('refuses a wrong private key, a wrong push secret and a person without one', async () => {
    const { envelope, open } = await setup();
    const other = await serverKeys();
    expect(await open(envelope, undefined, other.privateKey)).toEqual({
      ok: false,
      reason: 'undecryptable',
    });
    expect(await open(envelope, randomSecret())).toEqual({ ok: false, reason: 'bad_mac' });
    expect(await open(envelope, null)).toEqual({ ok: false, reason: 'unknown_person' });
    expect(await open(envelope, 'not base64')).toEqual({ ok: false, reason: 'bad_mac' });
    // An ECDSA key where an ECDH one belongs: a refusal, not a throw.
    const signing = await subtle.generateKey(ECDSA, false, ['sign', 'verify']);
    expect(await open(envelope, undefined, signing.privateKey)).toEqual({
      ok: false,
      reason: 'undecryptable',
    });
  });

  it('refuses a payload whose ids are not the clear ones, or a plaintext that is not the format', async () => {
    const { server, pushSecret, open } = await setup();
    const mutation = clientMutation();
    const clear = { mutationId: clearId(mutation.mutationId), userId: USER };
    const sealedWith = async (payload: object) => {
      const text = JSON.stringify(payload);
      return sealRaw(
        server.publicJwk,
        clear,
        JSON.stringify({ payload: text, mac: await macOf(pushSecret, text) }),
      );
    };
    const cases: [string, SealedEnvelope, string][] = [
      [
        'other person',
        await sealedWith({ userId: 'user-sealed-2', providerId: PROVIDER, mutation }),
        'mismatch',
      ],
      [
        'other mutation',
        await sealedWith({ userId: USER, providerId: PROVIDER, mutation: clientMutation() }),
        'mismatch',
      ],
      [
        'no mutation id',
        await sealedWith({ userId: USER, providerId: PROVIDER, mutation: 'x' }),
        'mismatch',
      ],
      ['no provider', await sealedWith({ userId: USER, mutation }), 'malformed'],
      ['not JSON', await sealRaw(server.publicJwk, clear, 'not json'), 'malformed'],
      [
        'no mac',
        await sealRaw(server.publicJwk, clear, JSON.stringify({ payload: '{}' })),
        'malformed',
      ],
    ];
    for (const [what, envelope, reason] of cases) {
      expect(await open(envelope), what).toEqual({ ok: false, reason });
    }
    // The same hand-made envelope with matching ids opens: the cases above fail for their reason.
    const good = await sealedWith({ userId: USER, providerId: PROVIDER, mutation });
    expect((await open(good)).ok).toBe(true);
  });

  it('will not seal with a push secret that is not 32 bytes', async () => {
    const { server } = await setup();
    await expect(
      sealChange({
        serverKey: server.publicJwk,
        keyId: 'k1',
        pushSecret: encodeBase64(new Uint8Array(16)),
        userId: USER,
        providerId: PROVIDER,
        mutation: clientMutation(),
      }),
    ).rejects.toThrow(TypeError);
  });
});

describe('signDelivery and verifyDelivery', () => {
  async function deviceKey() {
    const pair = await subtle.generateKey(ECDSA, false, ['sign', 'verify']);
    const jwk = await subtle.exportKey('jwk', pair.publicKey);
    return {
      privateKey: pair.privateKey,
      publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! } as P256PublicJwk,
    };
  }
  const body = JSON.stringify({
    protocolVersion: 1,
    deviceId: 'install-abcdefghijkl',
    envelopes: [],
  });

  it('verifies its own signature, as text or bytes, and nothing changed', async () => {
    const key = await deviceKey();
    const signature = await signDelivery(key.privateKey, body, T0);
    expect(decodeBase64(signature)!.length).toBe(64);
    expect(await verifyDelivery(key.publicJwk, body, T0, signature)).toBe(true);
    expect(await verifyDelivery(key.publicJwk, new TextEncoder().encode(body), T0, signature)).toBe(
      true,
    );

    expect(await verifyDelivery(key.publicJwk, body.replace('1', '2'), T0, signature)).toBe(false);
    expect(await verifyDelivery(key.publicJwk, `${body} `, T0, signature)).toBe(false);
    expect(await verifyDelivery(key.publicJwk, body, T0 + 1, signature)).toBe(false);
    expect(await verifyDelivery((await deviceKey()).publicJwk, body, T0, signature)).toBe(false);
    expect(await verifyDelivery(key.publicJwk, body, T0, flipByte(signature, 10))).toBe(false);
  });

  it('answers false, never throws, for a malformed signature or key', async () => {
    const key = await deviceKey();
    const signature = await signDelivery(key.privateKey, body, T0);
    expect(await verifyDelivery(key.publicJwk, body, T0, 'garbage')).toBe(false);
    expect(await verifyDelivery(key.publicJwk, body, T0, encodeBase64(new Uint8Array(70)))).toBe(
      false,
    );
    expect(await verifyDelivery(key.publicJwk, body, Number.NaN, signature)).toBe(false);
    const offCurve = { ...key.publicJwk, y: key.publicJwk.x };
    expect(await verifyDelivery(offCurve, body, T0, signature)).toBe(false);
  });
});
