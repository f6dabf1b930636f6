// @vitest-environment node
// (WebCrypto is Node's, and fake-indexeddb stores the device's signing CryptoKey by Node's
// structured clone.)
// The sealed outbox (src/sync/sealed-outbox.ts): a save seals each queued change for the server
// (which, holding its private key and the person's push secret, opens it back to the mutation)
// while the change itself stays encrypted at rest; a locked device (the service worker: no data
// key) delivers only those envelopes, signed with the device's key, in pages, never twice once
// delivered, and wipes a person the server says to. The server is a fake fetch that checks what
// the real route checks. Synthetic people only.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AccountsDatabase,
  DeviceDatabase,
  clearDeviceData,
  databaseName,
  openDeviceDatabase,
  saveChanges,
  type AccountRow,
  type OutboxRow,
} from '../../../src/db';
import { newKey } from '../../../src/db/crypto/cipher';
import { ENCRYPTED_FIELD } from '../../../src/db/crypto/encrypted-tables';
import { dataKeyOf, forgetAll, setUnlocked } from '../../../src/db/crypto/keyring';
import { openEnvelope, verifyDelivery, type WebCryptoKey } from '../../../src/domain/crypto/sealed';
import { encodeBase64 } from '../../../src/domain/crypto/base64';
import {
  DEFAULT_LOCK_POLICY,
  DELIVER_SIGNATURE_HEADER,
  DELIVER_TIMESTAMP_HEADER,
  MAX_DELIVER_ENVELOPES,
  deliverRequestSchema,
  type DeliverResult,
  type Mutation,
  type P256PublicJwk,
  type SealedEnvelope,
} from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records';
import { sealedSealing } from '../../../src/sync/account-secrets';
import { deviceIdentity } from '../../../src/sync/device-identity';
import { deliverSealed, sealQueued, type DeliverDeps } from '../../../src/sync/sealed-outbox';
import type { HttpFetch, ResponseLike } from '../../../src/sync';
import { T0, clientFields } from '../../domain/merge/fixtures';
import { track } from '../db/fixtures';

const NOW = T0 + 3_600_000;
const PROVIDER = newId();
const KEY_ID = 'synthetic-sealing-key-1';
/** A name that must never be readable at rest or in a delivery. */
const MARKER = 'Zephyrinasealedmarker';

const openedAccounts: AccountsDatabase[] = [];
afterEach(() => {
  for (const db of openedAccounts.splice(0)) db.close();
  forgetAll();
});

interface ServerKeys {
  privateKey: WebCryptoKey;
  publicJwk: P256PublicJwk;
}

/** The server's sealing key pair (ECDH P-256), made here as the server makes its own. */
async function serverKeys(): Promise<ServerKeys> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ]);
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! },
  };
}

interface Person {
  userId: string;
  account: AccountRow;
  pushSecret: string;
  /** The person's database, opened with their data key as the app opens it while unlocked. */
  db: DeviceDatabase;
  save(count: number): Promise<Mutation[]>;
}

/** A device (its accounts database and signing key) that the server's key is known to. */
async function device() {
  const accounts = new AccountsDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
  openedAccounts.push(accounts);
  const identity = await deviceIdentity(accounts);
  const server = await serverKeys();
  return { accounts, identity, server };
}

/** A person signed in and unlocked on the device, with the sealing keys the server gave. */
async function person(
  accounts: AccountsDatabase,
  server: ServerKeys,
  options: { sealing?: boolean } = {},
): Promise<Person> {
  const userId = newId();
  const key = newKey();
  setUnlocked(userId, key);
  const pushSecret = encodeBase64(crypto.getRandomValues(new Uint8Array(32)));
  const account: AccountRow = {
    userId,
    username: `synthetic.${userId.slice(0, 6)}`,
    displayName: 'Synthetic Worker',
    role: 'case_manager',
    providers: [{ id: PROVIDER, name: 'Synthetic Outreach', projectType: 4, funders: [] }],
    refreshTokenSealed: null,
    refreshTokenExpiresAt: null,
    sealing:
      options.sealing === false
        ? null
        : sealedSealing(key, userId, { serverKey: server.publicJwk, keyId: KEY_ID, pushSecret }),
    policy: DEFAULT_LOCK_POLICY,
    providerId: PROVIDER,
    lastServerContactAt: NOW,
    failedUnlocks: 0,
    unlockBlockedUntil: 0,
  };
  await accounts.accounts.put(account);
  const db = track(
    await openDeviceDatabase(userId, { now: () => NOW, dataKey: () => dataKeyOf(userId) }),
  );
  return {
    userId,
    account,
    pushSecret,
    db,
    async save(count) {
      const changes = Array.from({ length: count }, (_, i) => ({
        type: 'client' as const,
        id: newId(),
        op: 'create' as const,
        fields: clientFields({ firstName: MARKER, lastName: `Sealedtest${i}` }),
      }));
      return saveChanges(db, changes, { providerId: PROVIDER });
    },
  };
}

/** The outbox as a script on the page (or the service worker) reads it: no data key. */
async function rawOutbox(userId: string): Promise<OutboxRow[]> {
  const raw = new DeviceDatabase(userId);
  try {
    await raw.open();
    return await raw.outbox.orderBy('localSeq').toArray();
  } finally {
    raw.close();
  }
}

function respond(status: number, body: unknown): ResponseLike {
  const text = JSON.stringify(body);
  return { status, text: async () => text };
}

interface Delivery {
  envelopes: SealedEnvelope[];
  signed: boolean;
}

/**
 * A fake /api/sync/deliver: checks the body and the device's signature as the route does, and
 * answers each envelope with `status` (applied unless told otherwise) and `wipe`.
 */
function deliverServer(
  devicePublicJwk: P256PublicJwk,
  answer: {
    status?: (envelope: SealedEnvelope) => DeliverResult['status'];
    wipe?: () => string[];
    fail?: () => boolean;
  } = {},
) {
  const deliveries: Delivery[] = [];
  const fetch: HttpFetch = async (url, init) => {
    expect(url).toBe('/api/sync/deliver');
    const body = deliverRequestSchema.parse(JSON.parse(init.body!));
    const headers = init.headers ?? {};
    const timestamp = Number(headers[DELIVER_TIMESTAMP_HEADER]);
    const signature = headers[DELIVER_SIGNATURE_HEADER] ?? '';
    const signed = await verifyDelivery(devicePublicJwk, init.body!, timestamp, signature);
    deliveries.push({ envelopes: body.envelopes, signed });
    if (answer.fail?.()) return respond(503, { error: 'unavailable', message: 'Down.' });
    return respond(200, {
      results: body.envelopes.map((e) => ({
        mutationId: e.mutationId,
        status: answer.status?.(e) ?? 'applied',
      })),
      wipe: answer.wipe?.() ?? [],
    });
  };
  return { fetch, deliveries };
}

/** deliverSealed as the service worker runs it: each database opened raw, without a data key. */
function workerDeps(
  accounts: AccountsDatabase,
  fetch: HttpFetch,
): DeliverDeps & { opened: DeviceDatabase[]; wipeData: ReturnType<typeof vi.fn> } {
  const opened: DeviceDatabase[] = [];
  return {
    accounts,
    fetch,
    now: () => NOW,
    opened,
    async openRaw(userId) {
      const db = new DeviceDatabase(userId);
      await db.open();
      opened.push(db);
      return db;
    },
    wipeData: vi.fn((userId: string) => clearDeviceData(userId, { confirmLosingPending: true })),
  };
}

/** Locks as the app does: the database closed, every key forgotten. */
function lockAll(...people: Person[]) {
  for (const p of people) p.db.close();
  forgetAll();
}

describe('sealQueued', () => {
  it('stores on each new outbox row an envelope the server opens back to the mutation', async () => {
    const { accounts, server } = await device();
    const robin = await person(accounts, server);
    const mutations = await robin.save(3);
    expect(await sealQueued(robin.db, robin.account, PROVIDER, mutations)).toBe(3);

    const rows = await robin.db.outbox.orderBy('localSeq').toArray();
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const opened = await openEnvelope(row.sealed!, {
        privateKey: server.privateKey,
        pushSecretOf: (id) => (id === robin.userId ? robin.pushSecret : null),
      });
      expect(opened).toEqual({
        ok: true,
        payload: { userId: robin.userId, providerId: PROVIDER, mutation: mutations[i] },
      });
      // Without the person's push secret it is not accepted (only this device could seal it).
      const forged = await openEnvelope(row.sealed!, {
        privateKey: server.privateKey,
        pushSecretOf: () => encodeBase64(crypto.getRandomValues(new Uint8Array(32))),
      });
      expect(forged).toEqual({ ok: false, reason: 'bad_mac' });
    }
  });

  it('leaves the change encrypted at rest: only the envelope and routing fields are clear', async () => {
    const { accounts, server } = await device();
    const robin = await person(accounts, server);
    await sealQueued(robin.db, robin.account, PROVIDER, await robin.save(2));

    const raw = await rawOutbox(robin.userId);
    expect(raw).toHaveLength(2);
    for (const row of raw) {
      expect(row).not.toHaveProperty('mutation');
      expect(row[ENCRYPTED_FIELD as keyof OutboxRow]).toBeInstanceOf(Uint8Array);
      expect(row.sealed?.userId).toBe(robin.userId);
    }
    const text = JSON.stringify(raw);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain('1990-05-17');
    // Opened with the key, the row is whole again.
    const opened = await robin.db.outbox.toArray();
    expect(opened.map((r) => r.mutation.fields.firstName)).toEqual([MARKER, MARKER]);
  });

  it('seals each change once, and only the changes just saved', async () => {
    const { accounts, server } = await device();
    const robin = await person(accounts, server);
    const first = await robin.save(1);
    await sealQueued(robin.db, robin.account, PROVIDER, first);
    const envelope = (await robin.db.outbox.toArray())[0]!.sealed;

    const second = await robin.save(1);
    expect(await sealQueued(robin.db, robin.account, PROVIDER, [...first, ...second])).toBe(1);
    const rows = await robin.db.outbox.orderBy('localSeq').toArray();
    expect(rows[0]!.sealed).toEqual(envelope);
    expect(rows[1]!.sealed?.mutationId.replaceAll('-', '')).toBe(second[0]!.mutationId);
  });

  it('seals nothing, and never throws, without sealing keys or once locked', async () => {
    const { accounts, server } = await device();
    const sam = await person(accounts, server, { sealing: false });
    expect(await sealQueued(sam.db, sam.account, PROVIDER, await sam.save(1))).toBe(0);

    const robin = await person(accounts, server);
    const mutations = await robin.save(1);
    forgetAll();
    expect(await sealQueued(robin.db, robin.account, PROVIDER, mutations)).toBe(0);
    const raw = await rawOutbox(robin.userId);
    expect(raw).toHaveLength(1);
    expect(raw[0]!.sealed).toBeUndefined();
  });
});

describe('deliverSealed (locked: no data key)', () => {
  it('delivers each sealed change, signed by the device, and stores the statuses', async () => {
    const { accounts, identity, server } = await device();
    const robin = await person(accounts, server);
    const mutations = await robin.save(3);
    await sealQueued(robin.db, robin.account, PROVIDER, mutations);
    // A change saved but never sealed (the app closed in between) waits for the next unlock.
    await robin.save(1);
    lockAll(robin);

    const statuses: DeliverResult['status'][] = ['applied', 'merged', 'held'];
    let n = 0;
    const fake = deliverServer(identity.publicJwk, { status: () => statuses[n++]! });
    const d = workerDeps(accounts, fake.fetch);
    expect(await deliverSealed(d)).toEqual({ delivered: 2, wiped: [] });

    // Read without a data key: the worker's database is the raw one.
    expect(d.opened.map((db) => db.encrypted)).toEqual([false]);
    expect(fake.deliveries).toHaveLength(1);
    expect(fake.deliveries[0]!.signed).toBe(true);
    expect(fake.deliveries[0]!.envelopes.map((e) => e.mutationId.replaceAll('-', ''))).toEqual(
      mutations.map((m) => m.mutationId),
    );
    expect(JSON.stringify(fake.deliveries)).not.toContain(MARKER);

    const raw = await rawOutbox(robin.userId);
    expect(raw.map((r) => r.delivery)).toEqual([
      { status: 'applied', at: NOW },
      { status: 'merged', at: NOW },
      { status: 'held', at: NOW },
      undefined,
    ]);
    // The rows stay queued, sealed, until the next unlock pushes and settles them.
    expect(raw.every((r) => r[ENCRYPTED_FIELD as keyof OutboxRow] instanceof Uint8Array)).toBe(
      true,
    );
  });

  it('never sends a delivered change again; a held one is sent again', async () => {
    const { accounts, identity, server } = await device();
    const robin = await person(accounts, server);
    const mutations = await robin.save(3);
    await sealQueued(robin.db, robin.account, PROVIDER, mutations);
    lockAll(robin);

    const heldId = mutations[1]!.mutationId;
    const held = (e: SealedEnvelope) => e.mutationId.replaceAll('-', '') === heldId;
    const fake = deliverServer(identity.publicJwk, {
      status: (e) => (held(e) ? 'held' : 'applied'),
    });
    await deliverSealed(workerDeps(accounts, fake.fetch));
    expect(await deliverSealed(workerDeps(accounts, fake.fetch))).toEqual({
      delivered: 0,
      wiped: [],
    });
    expect(fake.deliveries.map((d) => d.envelopes.length)).toEqual([3, 1]);
    expect(held(fake.deliveries[1]!.envelopes[0]!)).toBe(true);
  });

  it('sends a long queue in pages', async () => {
    const { accounts, identity, server } = await device();
    const robin = await person(accounts, server);
    const count = MAX_DELIVER_ENVELOPES + 20;
    await sealQueued(robin.db, robin.account, PROVIDER, await robin.save(count));
    lockAll(robin);

    const fake = deliverServer(identity.publicJwk);
    expect(await deliverSealed(workerDeps(accounts, fake.fetch))).toEqual({
      delivered: count,
      wiped: [],
    });
    expect(fake.deliveries.map((d) => d.envelopes.length)).toEqual([MAX_DELIVER_ENVELOPES, 20]);
    expect(fake.deliveries.every((d) => d.signed)).toBe(true);
    const sent = fake.deliveries.flatMap((d) => d.envelopes.map((e) => e.mutationId));
    expect(new Set(sent).size).toBe(count);
  });

  it('a failed delivery stores nothing, and the next one sends the changes again', async () => {
    const { accounts, identity, server } = await device();
    const robin = await person(accounts, server);
    await sealQueued(robin.db, robin.account, PROVIDER, await robin.save(2));
    lockAll(robin);

    let down = true;
    const fake = deliverServer(identity.publicJwk, { fail: () => down });
    await expect(deliverSealed(workerDeps(accounts, fake.fetch))).rejects.toThrow('503');
    expect((await rawOutbox(robin.userId)).map((r) => r.delivery)).toEqual([undefined, undefined]);

    down = false;
    expect((await deliverSealed(workerDeps(accounts, fake.fetch))).delivered).toBe(2);
    expect(fake.deliveries.map((d) => d.envelopes.length)).toEqual([2, 2]);
  });

  it('wipes a person the server lists in `wipe`, and still delivers for the others', async () => {
    const { accounts, identity, server } = await device();
    const robin = await person(accounts, server);
    const sam = await person(accounts, server);
    await sealQueued(robin.db, robin.account, PROVIDER, await robin.save(1));
    await sealQueued(sam.db, sam.account, PROVIDER, await sam.save(2));
    lockAll(robin, sam);

    const fake = deliverServer(identity.publicJwk, { wipe: () => [robin.userId] });
    const d = workerDeps(accounts, fake.fetch);
    const outcome = await deliverSealed(d);

    expect(outcome.wiped).toEqual([robin.userId]);
    expect(d.wipeData).toHaveBeenCalledExactlyOnceWith(robin.userId);
    expect(await accounts.accounts.get(robin.userId)).toBeUndefined();
    expect(await Dexie.exists(databaseName(robin.userId))).toBe(false);
    // Sam's changes were delivered and Sam is kept.
    expect(await accounts.accounts.get(sam.userId)).toBeDefined();
    expect((await rawOutbox(sam.userId)).map((r) => r.delivery?.status)).toEqual([
      'applied',
      'applied',
    ]);
  });

  it('does nothing on a device that never had an identity', async () => {
    const accounts = new AccountsDatabase({ indexedDB: new IDBFactory(), IDBKeyRange });
    openedAccounts.push(accounts);
    const fake = deliverServer({ kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) });
    expect(await deliverSealed(workerDeps(accounts, fake.fetch))).toEqual({
      delivered: 0,
      wiped: [],
    });
    expect(fake.deliveries).toEqual([]);
  });
});
