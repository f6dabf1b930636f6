// The device side of the API (issue 11): which device a person signs in on, the policy the
// server sets for locking, what a device is told when it is revoked, and the sealed delivery a
// locked device (its service worker) may make without being able to read or act as the person.
//
// A "device" here is one browser profile on one phone or tablet: a random id kept in the
// device-wide accounts database, not the per-person sync device id of mutations.
//
// Sealed delivery (POST /api/sync/deliver): at save time, while the person is unlocked, each
// queued change is also sealed for the server: ECDH-ES on P-256 with an ephemeral key and the
// server's public sealing key (given at sign-in), HKDF-SHA-256 to an AES-GCM-256 key, and the
// plaintext carrying HMAC-SHA-256(pushSecret, payload) where pushSecret is a per-person,
// per-device secret the server issued at sign-in (kept on the device under the person's data
// key). The request is signed by the device's non-extractable ECDSA P-256 key (registered at
// sign-in). So whoever holds a locked device can re-deliver what was sealed (idempotent by
// mutation id) but cannot read it, forge a new change, pull or refresh. The route answers
// statuses only, never data, and may tell the device to wipe a person's data.
import { z } from 'zod';
import { ID_PATTERN, idSchema } from '../records/ids';

/** A device-wide id (the browser profile), 16 to 64 url-safe characters. */
export const installationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'A device id is 16 to 64 letters, digits, - or _');

/** A public key as a JWK of an EC P-256 key (only the public members; bounded). */
export const p256PublicJwkSchema = z
  .object({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    y: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  })
  .strip();
export type P256PublicJwk = z.infer<typeof p256PublicJwkSchema>;

/** What a device says about itself at sign-in. */
export const signInDeviceSchema = z.object({
  id: installationIdSchema,
  /** The device's ECDSA P-256 public key: it signs sealed deliveries. */
  signingKey: p256PublicJwkSchema,
  /** A tablet several people use (shorter inactivity lock). */
  shared: z.boolean().default(false),
  /** A label a person can recognise in the devices list ("Chrome on Android"); no PII. */
  label: z.string().trim().max(100).optional(),
});
export type SignInDevice = z.infer<typeof signInDeviceSchema>;

/** The locking policy the server sets; sent with every session. */
export const lockPolicySchema = z.object({
  /** Lock after this many minutes without input (default 15). */
  idleLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** The same on a device marked as shared (default 5). */
  sharedIdleLockMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Refuse an offline unlock this many days after the last server contact (default 14). */
  offlineUnlockDays: z.number().int().min(1).max(365),
  /** Wrong passwords in a row before an offline unlock is refused until the next online sign-in. */
  maxFailedUnlocks: z.number().int().min(1).max(100),
});
export type LockPolicy = z.infer<typeof lockPolicySchema>;

/** The policy when the server sets none (HUD asks for automatic log-off after inactivity). */
export const DEFAULT_LOCK_POLICY: LockPolicy = {
  idleLockMinutes: 15,
  sharedIdleLockMinutes: 5,
  offlineUnlockDays: 14,
  maxFailedUnlocks: 5,
};

/** How a device seals changes for the server (issued at sign-in). */
export const sealingSchema = z.object({
  /** The server's ECDH P-256 public key, pinned by the device until the next sign-in. */
  serverKey: p256PublicJwkSchema,
  /** Which server key (so a server can rotate keys and still open older envelopes). */
  keyId: z.string().min(1).max(64),
  /** base64 of 32 random bytes: the HMAC key of this person on this device. */
  pushSecret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});
export type Sealing = z.infer<typeof sealingSchema>;

/** The device part of a session (sign-in and refresh answers). */
export const sessionDeviceSchema = z.object({
  device: z.object({ id: installationIdSchema }),
  policy: lockPolicySchema,
  sealing: sealingSchema,
});
export type SessionDevice = z.infer<typeof sessionDeviceSchema>;

/**
 * The error codes of a refused device. `device_revoked`: an admin revoked the device, or the
 * person was deactivated or had their password reset; the device must wipe that person's data
 * (the answer's `wipe` says so). `token_reused`: a refresh token was used twice, so its whole
 * family was revoked (a stolen token stops working for both sides): sign in again.
 */
export const DEVICE_REVOKED = 'device_revoked';
export const TOKEN_REUSED = 'token_reused';

export const deviceRefusalSchema = z.object({
  error: z.enum([DEVICE_REVOKED, TOKEN_REUSED]),
  message: z.string(),
  /** Present on device_revoked: wipe this person's data on this device. */
  wipe: z.boolean().optional(),
});
export type DeviceRefusal = z.infer<typeof deviceRefusalSchema>;

const base64 = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** One sealed change. Only the mutation id and the person's id are readable. */
export const sealedEnvelopeSchema = z.object({
  mutationId: z.string().regex(ID_PATTERN, 'A mutation id is 32 lowercase hex characters'),
  userId: z.string().min(1).max(64),
  keyId: z.string().min(1).max(64),
  /** The ephemeral ECDH P-256 public key. */
  epk: p256PublicJwkSchema,
  /** base64 of the 12-byte AES-GCM IV. */
  iv: base64(16),
  /** base64 of the AES-GCM ciphertext (sealed plaintext below) with its tag. */
  ct: base64(1_400_000),
});
export type SealedEnvelope = z.infer<typeof sealedEnvelopeSchema>;

/**
 * What an envelope holds once opened: `payload` is the JSON text of a SealedPayload, `mac` the
 * base64 HMAC-SHA-256 of that text's UTF-8 bytes under the person's push secret.
 */
export const sealedPlaintextSchema = z.object({
  payload: z.string().max(1_000_000),
  mac: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

/** The sealed change itself: who, as which provider (EDA), and the mutation as queued. */
export const sealedPayloadSchema = z.object({
  userId: z.string().min(1).max(64),
  providerId: z.string().min(1).max(64),
  /** The mutation, checked against mutationSchema by the server. */
  mutation: z.unknown(),
});

/** Deliveries per request; a locked device sends its queue in pages of this size. */
export const MAX_DELIVER_ENVELOPES = 100;

/** POST /api/sync/deliver body (signed; see the headers below). */
export const deliverRequestSchema = z.object({
  protocolVersion: z.number().int(),
  deviceId: installationIdSchema,
  envelopes: z.array(sealedEnvelopeSchema).min(1).max(MAX_DELIVER_ENVELOPES),
});
export type DeliverRequest = z.infer<typeof deliverRequestSchema>;

/**
 * Headers of a delivery. The signature is the base64 ECDSA P-256 SHA-256 signature (IEEE P1363,
 * as WebCrypto makes it) of the UTF-8 text `${timestamp}.${sha256 hex of the body}`; the
 * timestamp is ms since the epoch and must be within 5 minutes of the server's clock.
 */
export const DELIVER_TIMESTAMP_HEADER = 'x-fieldnote-timestamp';
export const DELIVER_SIGNATURE_HEADER = 'x-fieldnote-signature';
export const DELIVER_MAX_SKEW_MS = 5 * 60_000;

/** Per envelope, a status and nothing else (a rejected change is reconciled at the next unlock). */
export const deliverResultSchema = z.object({
  mutationId: z.string(),
  status: z.enum(['applied', 'merged', 'conflict', 'rejected', 'held', 'refused']),
});
export type DeliverResult = z.infer<typeof deliverResultSchema>;

export const deliverResponseSchema = z.object({
  results: z.array(deliverResultSchema),
  /** People whose data this device must wipe (revoked here, deactivated, password reset). */
  wipe: z.array(z.string()).default([]),
});
export type DeliverResponse = z.infer<typeof deliverResponseSchema>;

// The devices of users, for administrators (sync-server/src/routes/devices.ts and
// sync-server/src/auth/devices.ts; the admin screen src/features/devices):
//
//   GET  /api/admin/devices[?username=…|?userId=…]  → DeviceListResponse
//   POST /api/admin/devices/revoke DeviceRevokeRequest → DeviceRevokeResponse
//
// Revoking ends the device's sessions at once and tells it to wipe that person's data at its
// next contact. Nothing here holds a key or a secret.

/** Why a device was revoked (sync-server/src/auth/refusals.ts RevokeReason). */
export const DEVICE_REVOKE_REASONS = ['admin', 'deactivated', 'password_reset'] as const;
export type DeviceRevokeReason = (typeof DEVICE_REVOKE_REASONS)[number];

const instantSchema = z.iso.datetime({ offset: true });

/** What an administrator sees of one person's device (no keys, no secrets). */
export const deviceViewSchema = z.object({
  userId: z.string().min(1).max(64),
  username: z.string(),
  displayName: z.string(),
  deviceId: installationIdSchema,
  /** What the device called itself at sign-in ("Chrome on Android"), or null. */
  label: z.string().nullable(),
  /** A tablet several people use. */
  shared: z.boolean(),
  firstSeenAt: instantSchema,
  lastSeenAt: instantSchema,
  revokedAt: instantSchema.nullable(),
  /** A DeviceRevokeReason as the server stored it; null while the device is active. */
  revokedReason: z.string().nullable(),
  /** When the device was told to wipe this person's data; null while it has not been told. */
  wipeSentAt: instantSchema.nullable(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

/** GET /api/admin/devices: by username, then last seen (latest first). */
export const deviceListResponseSchema = z.object({ devices: z.array(deviceViewSchema) });
export type DeviceListResponse = z.infer<typeof deviceListResponseSchema>;

/** POST /api/admin/devices/revoke body. */
export const deviceRevokeRequestSchema = z.object({
  userId: idSchema,
  deviceId: installationIdSchema,
});
export type DeviceRevokeRequest = z.infer<typeof deviceRevokeRequestSchema>;

/** The device as it is now; `alreadyRevoked` when it was revoked before (nothing changed). */
export const deviceRevokeResponseSchema = z.object({
  device: deviceViewSchema,
  alreadyRevoked: z.boolean(),
});
export type DeviceRevokeResponse = z.infer<typeof deviceRevokeResponseSchema>;
