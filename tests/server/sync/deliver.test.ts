// Sealed delivery's algorithm (sync-server/src/sync/deliver.ts) with fake devices, keys and users:
// who is pushed as whom, what is refused, rejected or told to wipe, and that a request is only
// taken when signed recently by the device. Last, the real push on every storage shows that a
// redelivered envelope is not applied twice.
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../../src/domain/crypto/base64';
import { sealChange, signDelivery, type WebCryptoKey } from '../../../src/domain/crypto/sealed';
import { formatHlc } from '../../../src/domain/clock/hlc';
import {
  PROTOCOL_VERSION,
  deliverResponseSchema,
  type DeliverRequest,
  type Mutation,
  type MutationResult,
  type P256PublicJwk,
  type SealedEnvelope,
} from '../../../src/domain/protocol';
import { newId } from '../../../src/domain/records/ids';
import {
  deliver,
  type DeliverDeps,
  type DeliverDevice,
  type DeliverPush,
} from '../../../sync-server/src/sync/deliver';
import { pushMutations } from '../../../sync-server/src/sync/push';
import { pullChanges } from '../../../sync-server/src/sync/pull';
import { HttpError, forbidden } from '../../../sync-server/src/errors';
import { clientFields, T0 } from '../../domain/merge/fixtures';
import { STORAGE_KINDS, openTestStorage } from '../storage/test-storage';
import { seedTestUser } from '../helpers';

const subtle = globalThis.crypto.subtle;
const INSTALL = 'install-deliver-test-0001';
const KEY_ID = 'k1';

async function publicJwkOf(key: WebCryptoKey): Promise<P256PublicJwk> {
  const jwk = await subtle.exportKey('jwk', key);
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

async function signingPair() {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ]);
  return { privateKey: pair.privateKey, publicJwk: await publicJwkOf(pair.publicKey) };
}

async function sealingPair() {
  const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ]);
  return { privateKey: pair.privateKey, publicJwk: await publicJwkOf(pair.publicKey) };
}

const secret = () => encodeBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)));

/** A person on the installation: their push secret, provider and sync device. */
interface Person {
  userId: string;
  providerId: string;
  pushSecret: string;
  syncDevice: string;
  seq: number;
}

function person(name: string, providerId = `provider-${name}`): Person {
  return {
    userId: `user-${name}`,
    providerId,
    pushSecret: secret(),
    syncDevice: `sync-${name}`,
    seq: 0,
  };
}

/** The next mutation of a person's sync device (a client create). */
function nextMutation(p: Person, overrides: Partial<Mutation> = {}): Mutation {
  p.seq += 1;
  return {
    mutationId: newId(),
    deviceId: p.syncDevice,
    seq: p.seq,
    hlc: formatHlc({ millis: T0, counter: p.seq, node: p.syncDevice }),
    recordType: 'client',
    recordId: newId(),
    op: 'create',
    fields: clientFields({ firstName: `Deliver${p.seq}` }),
    seen: {},
    ...overrides,
  };
}

/** A fake world: device rows, users, server keys, and a push that remembers what it applied. */
async function world() {
  const server = await sealingPair();
  const installation = await signingPair();
  const devices = new Map<string, DeliverDevice>();
  const users = new Map<string, { active: boolean; providerIds: string[] }>();
  const pushes: DeliverPush[] = [];
  const applied = new Map<string, MutationResult>();
  let pushImpl: (input: DeliverPush) => Promise<MutationResult[]> = async (input) =>
    input.mutations.map((m) => {
      const earlier = applied.get(m.mutationId);
      if (earlier) return earlier; // the real push's M7 replay, shown on storage below
      const rejection = input.rejections.get(m.mutationId);
      const result: MutationResult = {
        mutationId: m.mutationId,
        status: rejection ? 'rejected' : 'applied',
        message: rejection ?? 'Saved with Quinn Markername',
        notices: [],
        conflictIds: [],
      };
      applied.set(m.mutationId, result);
      return result;
    });
  const clock = { now: T0 };
  const seen: [string, string, boolean][] = [];
  const deps: DeliverDeps = {
    getDevice: async (userId, installationId) => devices.get(`${userId}:${installationId}`) ?? null,
    serverPrivateKey: async (keyId) => (keyId === KEY_ID ? server.privateKey : null),
    userState: async (userId) => users.get(userId) ?? null,
    push: async (input) => {
      pushes.push(input);
      return pushImpl(input);
    },
    now: () => clock.now,
    seen: async (userId, installationId, _device, wiped) =>
      void seen.push([userId, installationId, wiped]),
  };

  function addPerson(p: Person, options: { signingKey?: P256PublicJwk; revokedAt?: string } = {}) {
    devices.set(`${p.userId}:${INSTALL}`, {
      signingKey: options.signingKey ?? installation.publicJwk,
      pushSecret: p.pushSecret,
      revokedAt: options.revokedAt ?? null,
    });
    users.set(p.userId, { active: true, providerIds: [p.providerId] });
  }

  async function seal(
    p: Person,
    mutation: Mutation,
    options: { pushSecret?: string; providerId?: string } = {},
  ) {
    return sealChange({
      serverKey: server.publicJwk,
      keyId: KEY_ID,
      pushSecret: options.pushSecret ?? p.pushSecret,
      userId: p.userId,
      providerId: options.providerId ?? p.providerId,
      mutation,
    });
  }

  /** A signed request, as the service worker sends it. */
  async function signed(
    envelopes: SealedEnvelope[],
    options: { key?: WebCryptoKey; timestamp?: number; signedBody?: string } = {},
  ) {
    const request: DeliverRequest = {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: INSTALL,
      envelopes,
    };
    const body = JSON.stringify(request);
    const timestamp = options.timestamp ?? clock.now;
    const signature = await signDelivery(
      options.key ?? installation.privateKey,
      options.signedBody ?? body,
      timestamp,
    );
    return { request, body, headers: { timestamp: String(timestamp), signature } };
  }

  async function run(envelopes: SealedEnvelope[], options: Parameters<typeof signed>[1] = {}) {
    const { request, body, headers } = await signed(envelopes, options);
    return deliver(request, body, headers, deps);
  }

  return {
    server,
    installation,
    devices,
    users,
    pushes,
    seen,
    clock,
    deps,
    addPerson,
    seal,
    signed,
    run,
    setPush: (impl: typeof pushImpl) => void (pushImpl = impl),
  };
}

async function expectUnauthorized(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).statusCode).toBe(401);
  expect((error as HttpError).code).toBe(code);
}

describe('deliver', () => {
  it('pushes a sealed change as its person, provider and sync device, answering a status only', async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    const m = nextMutation(a);
    const envelope = await w.seal(a, m);
    const answer = await w.run([envelope]);

    expect(answer).toEqual({
      results: [{ mutationId: envelope.mutationId, status: 'applied' }],
      wipe: [],
    });
    expect(deliverResponseSchema.parse(answer)).toEqual(answer);
    // Only ids and statuses: not the push's message, not a field value.
    expect(JSON.stringify(answer)).not.toMatch(/Quinn|Markername|Deliver1/);
    expect(w.pushes).toEqual([
      {
        userId: a.userId,
        providerId: a.providerId,
        deviceId: a.syncDevice,
        mutations: [m],
        rejections: new Map(),
      },
    ]);
  });

  it('refuses with 401 a request unsigned, signed by another key or over another body or time', async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    const envelope = await w.seal(a, nextMutation(a));
    const good = await w.signed([envelope]);
    const run = (
      headers: { timestamp: string | undefined; signature: string | undefined },
      body = good.body,
    ) => deliver(good.request, body, headers, w.deps);

    await expectUnauthorized(
      run({ timestamp: undefined, signature: good.headers.signature }),
      'unsigned',
    );
    await expectUnauthorized(
      run({ timestamp: good.headers.timestamp, signature: undefined }),
      'unsigned',
    );
    await expectUnauthorized(
      run({ timestamp: '12.5', signature: good.headers.signature }),
      'unsigned',
    );
    await expectUnauthorized(
      run({ timestamp: `0${T0}`, signature: good.headers.signature }),
      'unsigned',
    );
    await expectUnauthorized(run({ ...good.headers, signature: 'AAAA' }), 'bad_signature');
    await expectUnauthorized(run(good.headers, `${good.body} `), 'bad_signature');
    await expectUnauthorized(run({ ...good.headers, timestamp: String(T0 + 1) }), 'bad_signature');
    const other = await signingPair();
    const byOther = await w.signed([envelope], { key: other.privateKey });
    await expectUnauthorized(
      deliver(byOther.request, byOther.body, byOther.headers, w.deps),
      'bad_signature',
    );
    const overOther = await w.signed([envelope], { signedBody: '{}' });
    await expectUnauthorized(
      deliver(overOther.request, overOther.body, overOther.headers, w.deps),
      'bad_signature',
    );
    expect(w.pushes).toEqual([]);
    expect((await run(good.headers)).results[0]!.status).toBe('applied');
  });

  it('takes a timestamp up to 5 minutes off the server clock, either way, and no more', async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    const envelope = await w.seal(a, nextMutation(a));
    for (const offset of [-5 * 60_000, 5 * 60_000]) {
      const answer = await w.run([envelope], { timestamp: T0 + offset });
      expect(answer.results[0]!.status).toBe('applied');
    }
    for (const offset of [-5 * 60_000 - 1, 5 * 60_000 + 1]) {
      await expectUnauthorized(w.run([envelope], { timestamp: T0 + offset }), 'clock_skew');
    }
  });

  it('delivers several people of one tablet in one request, each as themselves, in order', async () => {
    const w = await world();
    const a = person('a');
    const b = person('b');
    w.addPerson(a);
    w.addPerson(b);
    const [a1, b1, a2] = [nextMutation(a), nextMutation(b), nextMutation(a)];
    const envelopes = [await w.seal(a, a1), await w.seal(b, b1), await w.seal(a, a2)];
    const answer = await w.run(envelopes);
    expect(answer.results).toEqual(
      envelopes.map((e) => ({ mutationId: e.mutationId, status: 'applied' })),
    );
    expect(
      w.pushes.map((p) => [p.userId, p.providerId, p.mutations.map((m) => m.mutationId)]),
    ).toEqual([
      [a.userId, a.providerId, [a1.mutationId, a2.mutationId]],
      [b.userId, b.providerId, [b1.mutationId]],
    ]);
  });

  it('groups by provider and sync device too: one push each', async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    w.users.set(a.userId, { active: true, providerIds: [a.providerId, 'provider-second'] });
    const m1 = nextMutation(a);
    const m2 = nextMutation(a);
    const other = nextMutation({ ...a, syncDevice: 'sync-a-other', seq: 0 });
    await w.run([
      await w.seal(a, m1),
      await w.seal(a, m2, { providerId: 'provider-second' }),
      await w.seal(a, other),
    ]);
    expect(w.pushes.map((p) => [p.providerId, p.deviceId, p.mutations.length])).toEqual([
      [a.providerId, a.syncDevice, 1],
      ['provider-second', a.syncDevice, 1],
      [a.providerId, 'sync-a-other', 1],
    ]);
  });

  it('needs the signature to hold for every person named', async () => {
    const w = await world();
    const a = person('a');
    const b = person('b');
    w.addPerson(a);
    w.addPerson(b, { signingKey: (await signingPair()).publicJwk });
    const envelopes = [await w.seal(a, nextMutation(a)), await w.seal(b, nextMutation(b))];
    await expectUnauthorized(w.run(envelopes), 'bad_signature');
    expect(w.pushes).toEqual([]);
  });

  it('refuses a person without a device row here, without a wipe, and delivers the others', async () => {
    const w = await world();
    const a = person('a');
    const stranger = person('stranger');
    w.addPerson(a);
    const envelopes = [
      await w.seal(stranger, nextMutation(stranger)),
      await w.seal(a, nextMutation(a)),
    ];
    const answer = await w.run(envelopes);
    expect(answer.results.map((r) => r.status)).toEqual(['refused', 'applied']);
    expect(answer.wipe).toEqual([]);
    // Nobody known at all: nothing to check the signature with, and nothing is said.
    expect(await w.run([envelopes[0]!])).toEqual({
      results: [{ mutationId: envelopes[0]!.mutationId, status: 'refused' }],
      wipe: [],
    });
  });

  it('refuses and wipes a person revoked on this device, deactivated, or gone', async () => {
    const w = await world();
    const [revoked, inactive, gone, fine] = [person('r'), person('i'), person('g'), person('f')];
    w.addPerson(revoked, { revokedAt: '2026-11-24T14:00:00.000Z' });
    w.addPerson(inactive);
    w.users.set(inactive.userId, { active: false, providerIds: [inactive.providerId] });
    w.addPerson(gone);
    w.users.delete(gone.userId);
    w.addPerson(fine);
    const envelopes = [
      await w.seal(revoked, nextMutation(revoked)),
      await w.seal(inactive, nextMutation(inactive)),
      await w.seal(gone, nextMutation(gone)),
      await w.seal(fine, nextMutation(fine)),
    ];
    const answer = await w.run(envelopes);
    expect(answer.results.map((r) => r.status)).toEqual([
      'refused',
      'refused',
      'refused',
      'applied',
    ]);
    expect(answer.wipe).toEqual([revoked.userId, inactive.userId, gone.userId]);
    expect(w.pushes.map((p) => p.userId)).toEqual([fine.userId]);
    expect(w.seen).toEqual([
      [revoked.userId, INSTALL, true],
      [inactive.userId, INSTALL, true],
      [gone.userId, INSTALL, true],
      [fine.userId, INSTALL, false],
    ]);
  });

  it('refuses an envelope it cannot open as its person: unknown key, other push secret, tampered, relabelled', async () => {
    const w = await world();
    const a = person('a');
    const b = person('b');
    w.addPerson(a);
    w.addPerson(b);
    const good = await w.seal(a, nextMutation(a));
    const envelopes = [
      { ...(await w.seal(a, nextMutation(a))), keyId: 'k-unknown' },
      await w.seal(a, nextMutation(a), { pushSecret: secret() }),
      { ...good, ct: `${good.ct.slice(0, 8)}${good.ct[8] === 'A' ? 'B' : 'A'}${good.ct.slice(9)}` },
      // A's change presented as B's: B's push secret did not seal it (and the AAD says A).
      { ...(await w.seal(a, nextMutation(a))), userId: b.userId },
      // B's secret on A's change, presented as B's: the AAD still says A.
      { ...(await w.seal(a, nextMutation(a), { pushSecret: b.pushSecret })), userId: b.userId },
    ];
    const answer = await w.run(envelopes);
    expect(answer.results.map((r) => r.status)).toEqual([
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(answer.wipe).toEqual([]);
    expect(w.pushes).toEqual([]);
  });

  it('rejects a change not this person may make as that provider, or not placeable in a sequence', async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    const notMember = await w.seal(a, nextMutation(a), { providerId: 'provider-not-mine' });
    // No valid envelope (seq 0): it cannot take a place in the sync device's sequence.
    const noEnvelope = await w.seal(a, { ...nextMutation(a), seq: 0 });
    // A valid envelope with bad content: pushed as a rejection so its sequence number is used (M9).
    const badContent = nextMutation(a, { op: 'patch', fields: {} });
    const answer = await w.run([notMember, noEnvelope, await w.seal(a, badContent)]);
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(w.pushes).toHaveLength(1);
    expect(w.pushes[0]!.mutations.map((m) => m.mutationId)).toEqual([badContent.mutationId]);
    expect(w.pushes[0]!.mutations[0]!.fields).toEqual({});
    expect([...w.pushes[0]!.rejections.keys()]).toEqual([badContent.mutationId]);
  });

  it("refuses a group the push refuses (another person's sync device), and lets a server fault through", async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    const envelope = await w.seal(a, nextMutation(a));
    w.setPush(async () => {
      throw forbidden('This device id belongs to another user.');
    });
    expect((await w.run([envelope])).results[0]!.status).toBe('refused');
    w.setPush(async () => {
      throw new Error('database down');
    });
    await expect(w.run([envelope])).rejects.toThrow('database down');
  });

  it('answers the same status for an envelope delivered twice, in one request or two', async () => {
    const w = await world();
    const a = person('a');
    w.addPerson(a);
    const envelope = await w.seal(a, nextMutation(a));
    const first = await w.run([envelope, envelope]);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    w.clock.now += 60_000;
    expect(await w.run([envelope])).toEqual({ results: [first.results[0]], wipe: [] });
  });
});

describe.each(STORAGE_KINDS)('deliver through the real push on %s', (kind) => {
  it('applies a redelivered envelope once, and holds and then drains out of order ones', async () => {
    const { storage, cleanup } = await openTestStorage(kind);
    try {
      const seeded = await seedTestUser(storage, { username: 'deliver.tester' });
      const w = await world();
      const a: Person = { ...person('a', seeded.providerId), userId: seeded.userId };
      w.addPerson(a);
      w.deps.push = (input) =>
        pushMutations(storage, {
          user: {
            id: input.userId,
            username: 'deliver.tester',
            role: 'case_manager',
            providerIds: [input.providerId],
          },
          ...input,
          now: w.clock.now,
        });
      const m1 = nextMutation(a);
      const m2 = nextMutation(a);
      const e1 = await w.seal(a, m1);
      const e2 = await w.seal(a, m2);

      expect((await w.run([e2])).results[0]!.status).toBe('held');
      w.clock.now += 1_000;
      expect((await w.run([e1])).results[0]!.status).toBe('applied');
      const pull = (cursor: string | null) =>
        pullChanges(storage, {
          providerId: seeded.providerId,
          cursor,
          limit: 100,
          userId: seeded.userId,
          deviceId: 'pull-deliver',
          now: w.clock.now,
        });
      const page = await pull(null);
      expect(page.changes.map((c) => c.id).sort()).toEqual([m1.recordId, m2.recordId].sort());

      w.clock.now += 1_000;
      const again = await w.run([e1, e2]);
      expect(again.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      // Nothing was written again: no record changed since the first pull.
      expect((await pull(page.cursor)).changes).toEqual([]);
      const stored = await storage.transaction((tx) =>
        tx.getMutations([m1.mutationId, m2.mutationId]),
      );
      expect([...stored.values()].map((r) => r.seq).sort()).toEqual([1, 2]);
    } finally {
      await cleanup();
    }
  });
});
