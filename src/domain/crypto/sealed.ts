// The sealed outbox (issue 11, protocol/devices.ts): what lets a locked device's service worker
// deliver queued changes it can neither read nor forge. Both ends live here so that the device
// that seals and the server that opens cannot drift apart:
//
//  - sealChange (device, while the person is unlocked): ECDH-ES on P-256 with a fresh ephemeral
//    key and the server's pinned sealing key, HKDF-SHA-256 to an AES-256-GCM key, and a plaintext
//    carrying HMAC-SHA-256(pushSecret, payload), so the server knows the person's device sealed it
//    (anyone can encrypt to a public key; only that device holds the push secret).
//  - openEnvelope (server): the reverse, answering why it refused instead of throwing, because
//    every input is a client's and a refusal must become a status, never a 500.
//  - signDelivery / verifyDelivery: the ECDSA P-256 signature over `${timestamp}.${sha256 hex of
//    the body}` that authenticates a delivery request (the device's non-extractable key).
//
// WebCrypto (globalThis.crypto.subtle) only, which browsers and Node 20 both have: it is the one
// way to use a non-extractable key on the device, and its asynchrony is fine here because nothing
// in this module runs inside an IndexedDB transaction (hmis-csv/values.ts, which must be
// synchronous, uses @noble/hashes instead).
import type { Mutation } from '../protocol/mutation';
import {
  sealedEnvelopeSchema,
  sealedPayloadSchema,
  sealedPlaintextSchema,
  type P256PublicJwk,
  type SealedEnvelope,
} from '../protocol/devices';
import { decodeBase64, encodeBase64 } from './base64';

type Subtle = typeof globalThis.crypto.subtle;
/** A WebCrypto key (the DOM's and Node's CryptoKey types are spelled differently). */
export type WebCryptoKey = Awaited<ReturnType<Subtle['importKey']>>;

/** HKDF's info: names the construction, so a key derived here is useless anywhere else. */
export const SEAL_INFO = 'fieldnote sealed outbox v1: ECDH-ES P-256, HKDF-SHA-256, AES-256-GCM';

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
const IV_BYTES = 12;
/** AES-GCM's tag, appended to the ciphertext by WebCrypto. */
const TAG_BYTES = 16;
/** An IEEE P1363 P-256 signature: r and s of 32 bytes each. */
const SIGNATURE_BYTES = 64;
const PUSH_SECRET_BYTES = 32;

const subtle = (): Subtle => globalThis.crypto.subtle;
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** The sealed change as the server reads it back (protocol/devices.ts, SealedPayload). */
export interface OpenedPayload {
  userId: string;
  providerId: string;
  /** Not yet checked: the server parses it with mutationSchema. */
  mutation: unknown;
}

export interface SealInput {
  serverKey: P256PublicJwk;
  keyId: string;
  /** base64 of the 32-byte push secret the server issued for this person on this device. */
  pushSecret: string;
  userId: string;
  providerId: string;
  mutation: Mutation;
}

/**
 * Seals one queued change for the server. Throws only on the device's own mistakes (a push secret
 * that is not 32 bytes of base64, a change too large for an envelope): the caller keeps the change
 * in the normal outbox either way.
 */
export async function sealChange(input: SealInput): Promise<SealedEnvelope> {
  const secret = decodePushSecret(input.pushSecret);
  if (!secret) throw new TypeError('The push secret is not 32 bytes of base64.');
  const payload = JSON.stringify({
    userId: input.userId,
    providerId: input.providerId,
    mutation: input.mutation,
  });
  const macKey = await subtle().importKey('raw', secret, HMAC, false, ['sign']);
  const mac = encodeBase64(
    new Uint8Array(await subtle().sign('HMAC', macKey, utf8.encode(payload))),
  );
  const plaintext = utf8.encode(JSON.stringify({ payload, mac }));

  const ephemeral = await subtle().generateKey(EC, true, ['deriveBits']);
  const serverKey = await subtle().importKey('jwk', publicJwk(input.serverKey), EC, false, []);
  const aesKey = await derivedAesKey(serverKey, ephemeral.privateKey, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await subtle().encrypt(
    {
      name: 'AES-GCM',
      iv,
      additionalData: additionalData(input.mutation.mutationId, input.userId),
    },
    aesKey,
    plaintext,
  );
  const epk = await subtle().exportKey('jwk', ephemeral.publicKey);
  const envelope = {
    mutationId: clearMutationId(input.mutation.mutationId),
    userId: input.userId,
    keyId: input.keyId,
    epk: { kty: 'EC', crv: 'P-256', x: epk.x, y: epk.y },
    iv: encodeBase64(iv),
    ct: encodeBase64(new Uint8Array(ct)),
  };
  const checked = sealedEnvelopeSchema.safeParse(envelope);
  if (!checked.success) throw new RangeError('This change is too large to seal for delivery.');
  return checked.data;
}

/**
 * Why an envelope was refused. `malformed`: a field that does not decode (IV, ciphertext,
 * ephemeral key, the plaintext's JSON). `undecryptable`: not sealed to this private key, or the
 * ciphertext, IV, ephemeral key or clear ids changed (the ids are AES-GCM additional data).
 * `unknown_person`: no push secret for the envelope's person. `bad_mac`: not sealed by the holder
 * of that person's push secret. `mismatch`: the clear ids are not those of the sealed change.
 */
export type OpenRefusal = 'malformed' | 'undecryptable' | 'unknown_person' | 'bad_mac' | 'mismatch';

export type OpenResult = { ok: true; payload: OpenedPayload } | { ok: false; reason: OpenRefusal };

export interface OpenKeys {
  /** The server's ECDH P-256 private key named by the envelope's keyId. */
  privateKey: WebCryptoKey;
  /** The base64 push secret of a person on the delivering device, or null when there is none. */
  pushSecretOf: (userId: string) => string | null | Promise<string | null>;
}

/** Opens an envelope; never throws for anything in the envelope. */
export async function openEnvelope(envelope: SealedEnvelope, keys: OpenKeys): Promise<OpenResult> {
  const refuse = (reason: OpenRefusal): OpenResult => ({ ok: false, reason });
  const iv = decodeBase64(envelope.iv);
  const ct = decodeBase64(envelope.ct);
  if (!iv || iv.length !== IV_BYTES || !ct || ct.length < TAG_BYTES) return refuse('malformed');

  let plaintext: Uint8Array;
  try {
    const epk = await importOrNull(publicJwk(envelope.epk), EC, []);
    if (!epk) return refuse('malformed');
    const aesKey = await derivedAesKey(epk, keys.privateKey, 'decrypt');
    const aad = additionalData(envelope.mutationId, envelope.userId);
    plaintext = new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: aad }, aesKey, ct),
    );
  } catch {
    // A key of another kind or curve, or a tag that does not verify: WebCrypto throws for both.
    return refuse('undecryptable');
  }

  const sealed = sealedPlaintextSchema.safeParse(parseJson(decodeUtf8(plaintext)));
  if (!sealed.success) return refuse('malformed');
  const secretText = await keys.pushSecretOf(envelope.userId);
  if (secretText === null) return refuse('unknown_person');
  const secret = decodePushSecret(secretText);
  const mac = decodeBase64(sealed.data.mac);
  if (!secret || !mac) return refuse('bad_mac');
  const macKey = await subtle().importKey('raw', secret, HMAC, false, ['verify']);
  // subtle.verify compares in constant time.
  if (!(await subtle().verify('HMAC', macKey, mac, utf8.encode(sealed.data.payload)))) {
    return refuse('bad_mac');
  }

  const payload = sealedPayloadSchema.safeParse(parseJson(sealed.data.payload));
  if (!payload.success) return refuse('malformed');
  const mutation = payload.data.mutation as { mutationId?: unknown } | null;
  const sealedId =
    typeof mutation === 'object' && mutation !== null && typeof mutation.mutationId === 'string'
      ? mutation.mutationId
      : null;
  if (
    payload.data.userId !== envelope.userId ||
    sealedId === null ||
    canonicalId(sealedId) !== canonicalId(envelope.mutationId)
  ) {
    return refuse('mismatch');
  }
  const { userId, providerId } = payload.data;
  return { ok: true, payload: { userId, providerId, mutation: payload.data.mutation } };
}

/** The text a delivery's signature covers (protocol/devices.ts, the delivery headers). */
export async function deliverySigningText(
  body: string | Uint8Array,
  timestamp: number,
): Promise<string> {
  const bytes = typeof body === 'string' ? utf8.encode(body) : new Uint8Array(body);
  const digest = new Uint8Array(await subtle().digest('SHA-256', bytes));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return `${timestamp}.${hex}`;
}

/** The base64 signature header of a delivery, made with the device's ECDSA P-256 key. */
export async function signDelivery(
  privateSigningKey: WebCryptoKey,
  body: string | Uint8Array,
  timestamp: number,
): Promise<string> {
  const text = await deliverySigningText(body, timestamp);
  const signature = await subtle().sign(ECDSA_SIGN, privateSigningKey, utf8.encode(text));
  return encodeBase64(new Uint8Array(signature));
}

/** Whether a delivery's signature is the device key's over this body and timestamp; never throws. */
export async function verifyDelivery(
  jwk: P256PublicJwk,
  body: string | Uint8Array,
  timestamp: number,
  signature: string,
): Promise<boolean> {
  const bytes = decodeBase64(signature);
  if (!bytes || bytes.length !== SIGNATURE_BYTES || !Number.isSafeInteger(timestamp)) return false;
  const key = await importOrNull(publicJwk(jwk), ECDSA, ['verify']);
  if (!key) return false;
  try {
    const text = await deliverySigningText(body, timestamp);
    return await subtle().verify(ECDSA_SIGN, key, bytes, utf8.encode(text));
  } catch {
    return false;
  }
}

// --- helpers -----------------------------------------------------------------------------------

/** ECDH, then HKDF-SHA-256 (empty salt: the shared secret is fresh per envelope) to AES-256-GCM. */
async function derivedAesKey(
  publicKey: WebCryptoKey,
  privateKey: WebCryptoKey,
  usage: 'encrypt' | 'decrypt',
): Promise<WebCryptoKey> {
  const shared = await subtle().deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const ikm = await subtle().importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8.encode(SEAL_INFO) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Binds the clear ids to the ciphertext: the canonical mutation id and the person's id. */
function additionalData(mutationId: string, userId: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(JSON.stringify([canonicalId(mutationId), userId]));
}

/** Mutation ids are 32 hex characters (records/ids.ts); an envelope may carry them dashed. */
function canonicalId(id: string): string {
  return id.replaceAll('-', '').toLowerCase();
}

/**
 * The mutation id as the envelope carries it in clear: as it is (32 hex, what the schema takes),
 * else in the dashed UUID form; the server compares canonical forms either way.
 */
function clearMutationId(id: string): string {
  if (sealedEnvelopeSchema.shape.mutationId.safeParse(id).success) return id;
  const c = canonicalId(id);
  return `${c.slice(0, 8)}-${c.slice(8, 12)}-${c.slice(12, 16)}-${c.slice(16, 20)}-${c.slice(20)}`;
}

function publicJwk(jwk: P256PublicJwk) {
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ext: true };
}

async function importOrNull(
  jwk: ReturnType<typeof publicJwk>,
  algorithm: typeof EC | typeof ECDSA,
  usages: ('verify' | 'deriveBits')[],
): Promise<WebCryptoKey | null> {
  try {
    // WebCrypto checks that the point is on the curve.
    return await subtle().importKey('jwk', jwk, algorithm, false, usages);
  } catch {
    return null;
  }
}

function decodePushSecret(text: string): Uint8Array<ArrayBuffer> | null {
  const bytes = decodeBase64(text);
  return bytes && bytes.length === PUSH_SECRET_BYTES ? bytes : null;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return null;
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
