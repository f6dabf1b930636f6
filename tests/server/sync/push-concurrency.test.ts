// Pushes at the same moment, through one and through two app instances on one database, on SQLite
// and PostgreSQL. Each case checks the SPEC's guarantees exactly, not approximately:
//   M1  concurrent patches of different fields of one record all apply;
//   M2/M3 concurrent patches of one field: the later clock wins and the other value is in exactly
//       one conflict record;
//   M7  the same batch pushed twice at once is applied once (one audit entry, one history row);
//   M8  two pushes from one device racing on its sequence numbers apply in sequence order, and a
//       sequence number used twice is applied once.
// On PostgreSQL these failed before the push took its locks (most of 30 clients lost a field, most
// mutations of a retried batch were applied twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../../sync-server/src/storage/types';
import type { ConflictRow } from '../../../sync-server/src/storage/types';
import type { Mutation } from '../../../src/domain/protocol';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openCluster, type Cluster } from './cluster';

const CLIENTS = 30;

/** Every open conflict of the provider, page by page. */
async function allConflicts(storage: Storage, providerId: string): Promise<ConflictRow[]> {
  const out: ConflictRow[] = [];
  let after: Parameters<Storage['listConflicts']>[3] = null;
  do {
    const page = await storage.listConflicts(providerId, 'open', 500, after);
    out.push(...page.conflicts);
    after = page.nextCursor;
  } while (after);
  return out;
}

function clientId(i: number): string {
  return testId(`concurrent-client-${i}`);
}

/** Distinct synthetic names (names are compared by letters only, so no digits) and phones. */
function seededFields(i: number) {
  const suffix = String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26));
  return clientFields({ firstName: `Robin${suffix}`, phone: `612555${9000 + i}` });
}

describe.each(STORAGE_KINDS)('concurrent pushes on %s', (kind) => {
  describe.each([1, 2])('through %i app instance(s)', (instanceCount) => {
    let cluster: Cluster;
    let seeder: Device;

    beforeEach(async () => {
      cluster = await openCluster(kind, instanceCount);
      seeder = new Device('dev-seed', cluster.userIds.cmA);
      seeder.time = cluster.clock.now - 60_000;
      const creates = Array.from({ length: CLIENTS }, (_, i) =>
        seeder.create('client', clientId(i), seededFields(i)),
      );
      const res = await cluster.push(0, 'cmA', creates);
      expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    });

    afterEach(async () => cluster.close());

    /** A device that has pulled the seeded clients (so its patches say what they saw). */
    function deviceAfterSeed(id: string, user: 'cmA' | 'cmB', offsetMs: number): Device {
      const device = new Device(id, cluster.userIds[user]);
      device.time = cluster.clock.now - 30_000 + offsetMs;
      for (let i = 0; i < CLIENTS; i++) {
        device.view.set(`client:${clientId(i)}`, seededFields(i));
      }
      return device;
    }

    it('M1: patches of different fields of one record at the same moment all apply', async () => {
      const a = deviceAfterSeed('dev-phone', 'cmA', 0);
      const b = deviceAfterSeed('dev-email', 'cmB', 1);
      const pushes: Promise<unknown>[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const phone = a.patch('client', clientId(i), { phone: `612555${1000 + i}` });
        const email = b.patch('client', clientId(i), { email: `robin${i}@example.org` });
        pushes.push(cluster.push(i, 'cmA', [phone], { deviceId: a.id }));
        pushes.push(cluster.push(i + 1, 'cmB', [email], { deviceId: b.id }));
      }
      // One device's patches are a sequence: pushed at once they arrive in any order, later ones
      // held (M8) until the earlier ones arrive and drain them.
      await Promise.all(pushes);

      const states = await cluster.pullAll(0, 'cmA');
      const lost: number[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const f = states.get(`client:${clientId(i)}`)!.fields;
        if (f.phone !== `612555${1000 + i}` || f.email !== `robin${i}@example.org`) lost.push(i);
      }
      expect(lost).toEqual([]);
      expect(await allConflicts(cluster.storages[0]!, cluster.providers.p1)).toEqual([]);
    });

    it('M2/M3: patches of one field at the same moment: the later clock wins, the other value is in one conflict record', async () => {
      const a = deviceAfterSeed('dev-a', 'cmA', 0);
      const b = deviceAfterSeed('dev-b', 'cmB', 5);
      const pushes: Promise<unknown>[] = [];
      const expected = new Map<string, { winner: string; loser: string }>();
      for (let i = 0; i < CLIENTS; i++) {
        // Alternate which device writes later, so the later write arrives first about half the time.
        const [early, late] = i % 2 === 0 ? [a, b] : [b, a];
        early.time = cluster.clock.now - 20_000 + i * 100;
        const m1 = early.patch('client', clientId(i), { phone: `612555${3000 + i}` });
        late.time = cluster.clock.now - 20_000 + i * 100 + 50;
        const m2 = late.patch('client', clientId(i), { phone: `612555${4000 + i}` });
        expected.set(clientId(i), { winner: `612555${4000 + i}`, loser: `612555${3000 + i}` });
        for (const [device, m] of [
          [early, m1],
          [late, m2],
        ] as const) {
          const user = device === a ? 'cmA' : 'cmB';
          pushes.push(cluster.push(i + (device === a ? 0 : 1), user, [m], { deviceId: device.id }));
        }
      }
      await Promise.all(pushes);

      const states = await cluster.pullAll(0, 'cmA');
      const conflicts = await allConflicts(cluster.storages[0]!, cluster.providers.p1);
      const wrong: string[] = [];
      for (const [id, { winner, loser }] of expected) {
        if (states.get(`client:${id}`)!.fields.phone !== winner) wrong.push(`${id}: state`);
        const mine = conflicts.filter((c) => c.conflict.recordId === id);
        const kept = mine.filter(
          (c) =>
            c.conflict.loser.values.phone === loser && c.conflict.winner.values.phone === winner,
        );
        if (mine.length !== 1 || kept.length !== 1) wrong.push(`${id}: ${mine.length} conflicts`);
      }
      expect(wrong).toEqual([]);
    });

    it.each([
      ['locked record by record', 10],
      ['locked as a whole', CLIENTS],
    ])(
      'M7: the same batch pushed twice at the same moment is applied once (%s)',
      async (_, size) => {
        const device = deviceAfterSeed('dev-retry', 'cmA', 0);
        const batch: Mutation[] = [];
        for (let i = 0; i < size; i++) {
          device.advance(1);
          batch.push(device.patch('client', clientId(i), { phone: `612555${2000 + i}` }));
        }
        const [first, second] = await Promise.all([
          cluster.push(0, 'cmA', batch),
          cluster.push(1, 'cmA', batch),
        ]);
        expect(first.results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
        expect(second.results).toEqual(first.results);

        const storage = cluster.storages[0]!;
        const twice: string[] = [];
        for (const m of batch) {
          const audit = await storage.listAudit({ recordId: m.recordId, limit: 100 });
          const entries = audit.filter((e) => e.details.mutationId === m.mutationId);
          if (entries.length !== 1) twice.push(`${m.mutationId}: ${entries.length} audit entries`);
        }
        expect(twice).toEqual([]);
        // The seeded value was replaced knowingly: one history row per client, not two.
        const histories = await Promise.all(
          batch.map((m) => storageHistory(storage, 'client', m.recordId)),
        );
        expect(histories.map((h) => h.length)).toEqual(batch.map(() => 1));
      },
    );

    it('M8: two pushes from one device racing on its sequence numbers apply in order, once', async () => {
      const device = deviceAfterSeed('dev-race', 'cmA', 0);
      const all: Mutation[] = [];
      for (let k = 1; k <= 10; k++) {
        device.advance(1);
        all.push(
          device.patch('client', clientId(0), { phone: `61255550${String(k).padStart(2, '0')}` }),
        );
      }
      // The later half may arrive first (held), the earlier half then drains it.
      const [late, early] = await Promise.all([
        cluster.push(1, 'cmA', all.slice(5)),
        cluster.push(0, 'cmA', all.slice(0, 5)),
      ]);
      expect(early.results.map((r) => r.status)).toEqual(all.slice(0, 5).map(() => 'applied'));
      expect(late.results.every((r) => r.status === 'applied' || r.status === 'held')).toBe(true);
      const again = await cluster.push(0, 'cmA', all);
      expect(again.results.map((r) => r.status)).toEqual(all.map(() => 'applied'));

      const states = await cluster.pullAll(0, 'cmA');
      expect(states.get(`client:${clientId(0)}`)!.fields.phone).toBe('6125555010');
      // Each of the 10 replaced a value its writer saw: 10 history rows (the seed's, then 1..9).
      const history = await storageHistory(cluster.storages[0]!, 'client', clientId(0));
      expect(history.map((h) => h.replaced.values.phone)).toEqual([
        seededFields(0).phone,
        ...all.slice(0, 9).map((_, k) => `61255550${String(k + 1).padStart(2, '0')}`),
      ]);
      expect(await allConflicts(cluster.storages[0]!, cluster.providers.p1)).toEqual([]);
    });

    it('M8: one sequence number used by two mutations pushed at the same moment is applied once', async () => {
      const one = deviceAfterSeed('dev-dup-seq', 'cmA', 0);
      const m1 = one.patch('client', clientId(1), { phone: '6125556001' });
      const m2: Mutation = {
        ...one.patch('client', clientId(2), { phone: '6125556002' }),
        seq: m1.seq,
      };
      const [r1, r2] = await Promise.all([
        cluster.push(0, 'cmA', [m1]),
        cluster.push(1, 'cmA', [m2]),
      ]);
      const statuses = [r1.results[0]!.status, r2.results[0]!.status].sort();
      expect(statuses).toEqual(['applied', 'rejected']);
      const states = await cluster.pullAll(0, 'cmA');
      const changed = [1, 2].filter(
        (i) => states.get(`client:${clientId(i)}`)!.fields.phone !== seededFields(i).phone,
      );
      expect(changed).toHaveLength(1);
    });

    it('M8: a device whose held mutations are too many to lock one by one drains them all, in order', async () => {
      const device = deviceAfterSeed('dev-many-held', 'cmA', 0);
      // 150 new clients (each a record key and an M10 key to lock), then a patch of each.
      const all: Mutation[] = [];
      const newId = (k: number) => testId(`held-client-${k}`);
      for (let k = 0; k < 150; k++) {
        device.advance(1);
        const name = seededFields(k + CLIENTS).firstName;
        all.push(device.create('client', newId(k), clientFields({ firstName: `${name}x` })));
      }
      for (let k = 0; k < 150; k++) {
        device.advance(1);
        all.push(device.patch('client', newId(k), { email: `held${k}@example.org` }));
      }
      // Everything but the first arrives first, in small pushes: all held.
      for (let start = 1; start < all.length; start += 20) {
        const res = await cluster.push(start, 'cmA', all.slice(start, start + 20));
        expect(res.results.every((r) => r.status === 'held')).toBe(true);
      }
      const first = await cluster.push(0, 'cmA', [all[0]!]);
      expect(first.results[0]!.status).toBe('applied');
      const again = await cluster.push(1, 'cmA', all);
      expect(again.results.map((r) => r.status)).toEqual(all.map(() => 'applied'));
      const states = await cluster.pullAll(0, 'cmA');
      const wrong = [...Array(150).keys()].filter(
        (k) => states.get(`client:${newId(k)}`)?.fields.email !== `held${k}@example.org`,
      );
      expect(wrong).toEqual([]);
    });
  });
});

async function storageHistory(storage: Storage, type: string, id: string) {
  const s = storage as Storage & {
    listHistory(
      type: string,
      id: string,
    ): Promise<{ replaced: { values: Record<string, unknown> } }[]>;
  };
  return s.listHistory(type, id);
}
