// The server's sealing key (issue 11, auth/server-keys.ts), on every storage: made once per
// database however many callers (and storages on that database) ask for it at the same moment, so
// every instance hands devices the same public key and opens what they seal with the same private
// key. Synthetic ids only.
import { describe, expect, it, vi } from 'vitest';
import { openEnvelope, sealChange } from '../../../src/domain/crypto/sealed';
import {
  FIRST_SERVER_KEY_ID,
  ServerKeys,
  loadOrCreateServerKey,
  newPushSecret,
  type ServerSealingKey,
} from '../../../sync-server/src/auth/server-keys';
import type { Storage } from '../../../sync-server/src/storage/types';
import { TEST_NOW } from '../helpers';
import { mutation } from '../storage/fixtures';
import { STORAGE_KINDS, createTestDatabase, openTestStorage } from '../storage/test-storage';

const USER_ID = 'b'.repeat(32);
const PROVIDER_ID = 'a'.repeat(32);

/**
 * Wraps storages so that the first `callers` reads of the server key all answer (null, before any
 * key exists) before any of them returns: every caller then makes a key pair and inserts it, which
 * is the race two instances starting together run into. Counts the inserts.
 */
function racingStorages(storages: Storage[], callers: number) {
  let arrived = 0;
  let release!: () => void;
  const allRead = new Promise<void>((resolve) => (release = resolve));
  let inserts = 0;
  const wrapped = storages.map(
    (storage) =>
      new Proxy(storage, {
        get(target, prop) {
          if (prop === 'getServerKey') {
            return async () => {
              const row = await target.getServerKey();
              if (arrived < callers) {
                arrived += 1;
                if (arrived === callers) release();
                await allRead;
              }
              return row;
            };
          }
          if (prop === 'insertServerKey') {
            return (...args: Parameters<Storage['insertServerKey']>) => {
              inserts += 1;
              return target.insertServerKey(...args);
            };
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
  );
  return { wrapped, inserts: () => inserts };
}

function expectOneKey(keys: ServerSealingKey[]): void {
  const [first, ...rest] = keys;
  expect(first!.keyId).toBe(FIRST_SERVER_KEY_ID);
  for (const key of rest) {
    expect(key.keyId).toBe(first!.keyId);
    expect(key.publicJwk).toEqual(first!.publicJwk);
  }
}

async function expectStoredPublicOnly(storage: Storage, key: ServerSealingKey): Promise<void> {
  const row = await storage.getServerKey();
  expect(row?.id).toBe(FIRST_SERVER_KEY_ID);
  const stored = JSON.parse(row!.publicJwk) as Record<string, unknown>;
  expect(Object.keys(stored).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  expect(stored).toEqual(key.publicJwk);
  expect(stored).toMatchObject({ kty: 'EC', crv: 'P-256' });
  // The private half is the same pair's (its public coordinates match), and is not handed out.
  const priv = JSON.parse(row!.privateJwk) as Record<string, unknown>;
  expect(priv).toMatchObject({ kty: 'EC', crv: 'P-256', x: stored.x, y: stored.y });
  expect(typeof priv.d).toBe('string');
  expect(key.privateKey.extractable).toBe(false);
}

/** Seals a change to `sealFor`'s public key and opens it with `openWith`'s private key. */
async function expectOpens(sealFor: ServerSealingKey, openWith: ServerSealingKey): Promise<void> {
  const pushSecret = newPushSecret();
  const change = mutation(7, 'sync-device-1');
  const envelope = await sealChange({
    serverKey: sealFor.publicJwk,
    keyId: sealFor.keyId,
    pushSecret,
    userId: USER_ID,
    providerId: PROVIDER_ID,
    mutation: change,
  });
  expect(envelope.keyId).toBe(openWith.keyId);
  const opened = await openEnvelope(envelope, {
    privateKey: openWith.privateKey,
    pushSecretOf: (userId) => (userId === USER_ID ? pushSecret : null),
  });
  expect(opened).toEqual({
    ok: true,
    payload: { userId: USER_ID, providerId: PROVIDER_ID, mutation: change },
  });
}

describe.each(STORAGE_KINDS)('the server sealing key on %s', (kind) => {
  it('is made once when several callers ask at once, with only kty/crv/x/y public', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      expect(await storage.getServerKey()).toBeNull();
      const keys = await Promise.all(
        Array.from({ length: 6 }, (_, i) => loadOrCreateServerKey(storage, TEST_NOW + i)),
      );
      expectOneKey(keys);
      await expectStoredPublicOnly(storage, keys[0]!);
      await expectOpens(keys[0]!, keys[5]!);

      // Later loads read the stored key; ServerKeys loads it once and knows only its id.
      const later = await loadOrCreateServerKey(storage, TEST_NOW + 60_000);
      expectOneKey([keys[0]!, later]);
      const serverKeys = new ServerKeys(storage, () => TEST_NOW);
      const spy = vi.spyOn(storage, 'getServerKey');
      const [a, b] = await Promise.all([serverKeys.get(), serverKeys.get()]);
      expect(a).toBe(b);
      expect(spy).toHaveBeenCalledTimes(1);
      spy.mockRestore();
      expect(await serverKeys.byId(FIRST_SERVER_KEY_ID)).toBe(a);
      expect(await serverKeys.byId('p256-2')).toBeNull();
      expectOneKey([keys[0]!, a]);
    } finally {
      await cleanup();
    }
  });

  it('callers that all find no key and all insert one end with the same key', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      const race = racingStorages([storage], 4);
      const keys = await Promise.all(
        Array.from({ length: 4 }, (_, i) => loadOrCreateServerKey(race.wrapped[0]!, TEST_NOW + i)),
      );
      expect(race.inserts()).toBe(4);
      expectOneKey(keys);
      await expectStoredPublicOnly(storage, keys[0]!);
      await expectOpens(keys[1]!, keys[2]!);
    } finally {
      await cleanup();
    }
  });

  it(`two storages on one database (${kind === 'postgres' ? 'two pools' : 'two connections to one file'}) end with the same key`, async () => {
    const database = createTestDatabase(kind, { sqlite: 'file' });
    try {
      const first = database.open();
      await first.migrate();
      const second = database.open();
      const race = racingStorages([first, second], 6);
      const keys = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          loadOrCreateServerKey(race.wrapped[i % 2]!, TEST_NOW + i),
        ),
      );
      expect(race.inserts()).toBe(6);
      expectOneKey(keys);
      await expectStoredPublicOnly(first, keys[0]!);
      await expectStoredPublicOnly(second, keys[1]!);

      // As two instances' ServerKeys: sealed for the key one hands out, opened by the other's.
      const [one, two] = await Promise.all([
        new ServerKeys(first, () => TEST_NOW).get(),
        new ServerKeys(second, () => TEST_NOW).get(),
      ]);
      expectOneKey([keys[0]!, one, two]);
      await expectOpens(one, two);
      await expectOpens(two, one);
    } finally {
      await database.cleanup();
    }
  });
});
