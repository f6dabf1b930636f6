// The server's sealing key (issue 11): an ECDH P-256 key pair that devices seal queued changes
// for (src/domain/protocol/devices.ts). Made once, on the first sign-in that names a device, and
// kept in the database (server_keys), so every instance on one database uses the same pair.
//
// Two instances making it at once both try to insert the same id (FIRST_SERVER_KEY_ID) with ON
// CONFLICT DO NOTHING and read back the newest row, so both end with the one that won. The private
// key is kept as a JWK in the database: whoever can read the database reads the records anyway.
// Keys are made and used with Node's WebCrypto (node:crypto's webcrypto.subtle).
import { randomBytes, webcrypto } from 'node:crypto';
import { p256PublicJwkSchema, type P256PublicJwk } from '../../../src/domain/protocol/devices';
import type { Storage } from '../storage/types';

/** A push secret (sealingSchema.pushSecret): base64 of 32 random bytes, per user and device. */
export function newPushSecret(): string {
  return randomBytes(32).toString('base64');
}

/** The id of the first key; a later rotation adds p256-2 and so on (the newest is current). */
export const FIRST_SERVER_KEY_ID = 'p256-1';

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const subtle = webcrypto.subtle;
type CryptoKey = webcrypto.CryptoKey;

export interface ServerSealingKey {
  keyId: string;
  /** Only the public members (kty, crv, x, y): what devices are given. */
  publicJwk: P256PublicJwk;
  /** Not extractable; usable for ECDH deriveBits and deriveKey (opening envelopes). */
  privateKey: CryptoKey;
}

async function makeKeyRow(now: number) {
  const pair = (await subtle.generateKey(ECDH, true, [
    'deriveBits',
    'deriveKey',
  ])) as webcrypto.CryptoKeyPair;
  const [publicJwk, privateJwk] = await Promise.all([
    subtle.exportKey('jwk', pair.publicKey),
    subtle.exportKey('jwk', pair.privateKey),
  ]);
  return {
    id: FIRST_SERVER_KEY_ID,
    publicJwk: JSON.stringify(p256PublicJwkSchema.parse(publicJwk)),
    privateJwk: JSON.stringify(privateJwk),
    createdAt: new Date(now).toISOString(),
  };
}

/** The current sealing key, made if the database has none yet. */
export async function loadOrCreateServerKey(
  storage: Storage,
  now: number,
): Promise<ServerSealingKey> {
  let row = await storage.getServerKey();
  if (!row) {
    await storage.insertServerKey(await makeKeyRow(now));
    row = await storage.getServerKey();
    if (!row) throw new Error('The server sealing key could not be stored.');
  }
  const privateJwk = JSON.parse(row.privateJwk) as webcrypto.JsonWebKey;
  const privateKey = await subtle.importKey('jwk', privateJwk, ECDH, false, [
    'deriveBits',
    'deriveKey',
  ]);
  return {
    keyId: row.id,
    publicJwk: p256PublicJwkSchema.parse(JSON.parse(row.publicJwk)),
    privateKey,
  };
}

/** The current key, loaded once per instance (a failed load is tried again next time). */
export class ServerKeys {
  private current: Promise<ServerSealingKey> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<ServerSealingKey> {
    this.current ??= loadOrCreateServerKey(this.storage, this.now()).catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** The key with this id, or null (only the current key is known until keys are rotated). */
  async byId(keyId: string): Promise<ServerSealingKey | null> {
    const key = await this.get();
    return key.keyId === keyId ? key : null;
  }
}
