// Sealed delivery (POST /api/sync/deliver, protocol/devices.ts): what a locked device's service
// worker may do. It holds the device's signing key but not the person's data key, so it can sign
// a request and send envelopes sealed while the person was unlocked, nothing else. This module
// decides, for one request, which envelopes are pushed as whom:
//
//   1. the timestamp is within DELIVER_MAX_SKEW_MS and the signature holds under the device key
//      of every person named (one installation key signs for everyone on a shared tablet);
//   2. a person whose device row is revoked, or who is deactivated, is refused and told to wipe;
//   3. each envelope is opened and its MAC checked with that person's push secret (else refused),
//      its mutation parsed like a push's (M9), and its provider checked against the person's;
//   4. the mutations are pushed per person, provider and sync device, in the order given, through
//      the ordinary push (sync/push.ts), whose mutation-id replay (M7) makes redelivery harmless.
//
// The answer is a status per envelope and the people to wipe: never a message or any data, since
// whoever holds a locked device can make these requests. Storage is reached through DeliverDeps,
// so this algorithm does not depend on how devices and server keys are stored.
import { openEnvelope, verifyDelivery, type WebCryptoKey } from '../../../src/domain/crypto/sealed';
import {
  DELIVER_MAX_SKEW_MS,
  parseIncomingMutation,
  type DeliverRequest,
  type DeliverResponse,
  type DeliverResult,
  type Mutation,
  type MutationResult,
  type P256PublicJwk,
} from '../../../src/domain/protocol';
import { HttpError } from '../errors';

/** A person's row for the delivering installation. */
export interface DeliverDevice {
  signingKey: P256PublicJwk;
  /** base64 of the person's push secret on this device. */
  pushSecret: string;
  revokedAt: string | null;
}

/** One push a delivery makes: as this person, this provider, from this sync device. */
export interface DeliverPush {
  userId: string;
  providerId: string;
  deviceId: string;
  mutations: Mutation[];
  /** Mutations rejected for their content (M9), by id, as the push route passes them. */
  rejections: ReadonlyMap<string, string>;
}

/** D: the device row as the caller stores it (handed back to `seen`). */
export interface DeliverDeps<D extends DeliverDevice = DeliverDevice> {
  getDevice(userId: string, installationId: string): Promise<D | null>;
  /** The server's ECDH private key of this id, or null when there is none (or no longer). */
  serverPrivateKey(keyId: string): Promise<WebCryptoKey | null>;
  userState(userId: string): Promise<{ active: boolean; providerIds: string[] } | null>;
  /** The ordinary push (sync/push.ts): one result per mutation, in order. */
  push(input: DeliverPush): Promise<MutationResult[]>;
  /** Server time in ms. */
  now(): number;
  /**
   * Called at the end for each person whose device row signed the request: the device was seen,
   * and was told to wipe that person's data when `wiped`.
   */
  seen?(userId: string, installationId: string, device: D, wiped: boolean): Promise<void>;
}

export interface DeliverHeaders {
  timestamp: string | undefined;
  signature: string | undefined;
}

type Status = DeliverResult['status'];

/** The envelopes of one push, and where their statuses go in the answer. */
interface Group extends DeliverPush {
  rejections: Map<string, string>;
  indexes: number[];
}

export const NOT_SIGNED = 'This delivery is not signed by this device.';

/**
 * Delivers one request. Throws 401 when the request is not signed, or not recently; answers
 * every other problem as an envelope's status.
 */
export async function deliver<D extends DeliverDevice>(
  request: DeliverRequest,
  body: string | Uint8Array,
  headers: DeliverHeaders,
  deps: DeliverDeps<D>,
): Promise<DeliverResponse> {
  const timestamp = parseTimestamp(headers.timestamp);
  if (timestamp === null || !headers.signature) throw new HttpError(401, 'unsigned', NOT_SIGNED);
  if (Math.abs(deps.now() - timestamp) > DELIVER_MAX_SKEW_MS) {
    throw new HttpError(
      401,
      'clock_skew',
      `This delivery's time is more than ${DELIVER_MAX_SKEW_MS / 60_000} minutes from the server's. Check the device's clock.`,
    );
  }

  const people = [...new Set(request.envelopes.map((e) => e.userId))];
  const devices = new Map<string, D>();
  for (const userId of people) {
    const device = await deps.getDevice(userId, request.deviceId);
    if (device) devices.set(userId, device);
  }
  // Every key on record must have made the signature, revoked ones too: a wipe is only said to
  // the device itself, not to whoever names a person and an installation id.
  const verified = new Map<string, boolean>();
  for (const device of devices.values()) {
    const key = JSON.stringify([device.signingKey.x, device.signingKey.y]);
    if (!verified.has(key)) {
      verified.set(
        key,
        await verifyDelivery(device.signingKey, body, timestamp, headers.signature),
      );
    }
    if (!verified.get(key)) throw new HttpError(401, 'bad_signature', NOT_SIGNED);
  }

  const wipe: string[] = [];
  const allowed = new Map<string, { device: DeliverDevice; providerIds: Set<string> }>();
  for (const [userId, device] of devices) {
    const user = device.revokedAt === null ? await deps.userState(userId) : null;
    if (!user?.active) {
      wipe.push(userId);
      continue;
    }
    allowed.set(userId, { device, providerIds: new Set(user.providerIds) });
  }

  const keys = new Map<string, Promise<WebCryptoKey | null>>();
  const serverKey = (keyId: string) => {
    if (!keys.has(keyId)) keys.set(keyId, deps.serverPrivateKey(keyId));
    return keys.get(keyId)!;
  };
  const statuses: Status[] = new Array<Status>(request.envelopes.length).fill('refused');
  const groups = new Map<string, Group>();
  const opened = await Promise.all(
    request.envelopes.map(async (envelope) => {
      const person = allowed.get(envelope.userId);
      const privateKey = person ? await serverKey(envelope.keyId) : null;
      if (!person || !privateKey) return null;
      return openEnvelope(envelope, {
        privateKey,
        pushSecretOf: (userId) => (userId === envelope.userId ? person.device.pushSecret : null),
      });
    }),
  );
  opened.forEach((result, index) => {
    if (!result?.ok) return; // refused
    const { userId, providerId, mutation: raw } = result.payload;
    const incoming = parseIncomingMutation(raw);
    if (!incoming || !allowed.get(userId)!.providerIds.has(providerId)) {
      // Not placeable in its device's sequence, or not this person's provider (EDA).
      statuses[index] = 'rejected';
      return;
    }
    const { mutation } = incoming;
    const groupKey = JSON.stringify([userId, providerId, mutation.deviceId]);
    let group = groups.get(groupKey);
    if (!group) {
      group = {
        userId,
        providerId,
        deviceId: mutation.deviceId,
        mutations: [],
        rejections: new Map(),
        indexes: [],
      };
      groups.set(groupKey, group);
    }
    group.mutations.push(mutation);
    if (incoming.problem !== null) group.rejections.set(mutation.mutationId, incoming.problem);
    group.indexes.push(index);
  });

  for (const { indexes, ...input } of groups.values()) {
    let results: MutationResult[];
    try {
      results = await deps.push(input);
    } catch (error) {
      // The push refusing its input (the sync device id is another person's): refused, like an
      // envelope the server cannot take from this device. A server fault stays a 500.
      if (error instanceof HttpError && error.statusCode < 500) continue;
      throw error;
    }
    indexes.forEach((envelopeIndex, i) => {
      statuses[envelopeIndex] = results[i]?.status ?? 'refused';
    });
  }

  for (const [userId, device] of devices) {
    await deps.seen?.(userId, request.deviceId, device, wipe.includes(userId));
  }
  return {
    results: request.envelopes.map((e, i) => ({ mutationId: e.mutationId, status: statuses[i]! })),
    wipe,
  };
}

/** The timestamp header: decimal ms since the epoch, as String(Date.now()) writes it. */
function parseTimestamp(header: string | undefined): number | null {
  if (header === undefined || !/^[1-9][0-9]{0,14}$/.test(header)) return null;
  return Number(header);
}
