// The server's push (sync-server/src/sync/push.ts) stores exactly what the reference model of the
// merge (src/domain/merge/replica.ts) computes, for random offline work by several devices, on
// every storage. Together with the domain's convergence property, this carries the SPEC's
// guarantees (M1–M10) from the model to the server.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Mutation } from '../../../src/domain/protocol';
import { pushMutations } from '../../../sync-server/src/sync/push';
import type { Storage } from '../../../sync-server/src/storage/types';
import { Device, T0, USER_A, ids } from '../../domain/merge/fixtures';
import { baseServer, deviceActions, makeRound } from '../../domain/merge/scenario';
import { STORAGE_KINDS, openTestStorage } from '../storage/test-storage';

const NOW = T0 + 120_000;
const user = {
  id: USER_A,
  username: 'robin.tester',
  role: 'case_manager' as const,
  providerIds: [ids.provider],
};

/** Push a device's mutations in batches the way the sync engine does (all from one device per push). */
async function pushAll(storage: Storage, mutations: Mutation[], batchSize: number): Promise<void> {
  const byDevice = new Map<string, Mutation[]>();
  for (const m of mutations) byDevice.set(m.deviceId, [...(byDevice.get(m.deviceId) ?? []), m]);
  for (const [deviceId, list] of byDevice) {
    for (let i = 0; i < list.length; i += batchSize) {
      await pushMutations(storage, {
        user,
        providerId: ids.provider,
        deviceId,
        mutations: list.slice(i, i + batchSize),
        now: NOW,
      });
    }
  }
}

async function storedStates(storage: Storage) {
  const page = await storage.pullChanges(ids.provider, 0, 10_000);
  return page.records
    .map((r) => r.state)
    .sort((a, b) => (`${a.type}:${a.id}` < `${b.type}:${b.id}` ? -1 : 1));
}

describe.each(STORAGE_KINDS)('push on %s equals the reference merge', (kind) => {
  it('M1–M10: random offline work by 3 devices, pushed in batches, stores what the model computes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(deviceActions, { minLength: 3, maxLength: 3 }),
        fc.array(deviceActions, { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        async (round1, round2, batchSize) => {
          // A fresh database per run: the model starts from the same setup records.
          const { server: model, setup } = baseServer();
          const fresh = await openTestStorage(kind);
          try {
            await pushAll(fresh.storage, setup, 50);
            const devices = ['dev-0', 'dev-1', 'dev-2'].map((id) =>
              new Device(id, USER_A).pull(model),
            );
            const first = makeRound(devices, round1, 1);
            for (const m of first) model.receive(m, USER_A);
            await pushAll(fresh.storage, first, batchSize);
            for (const d of devices) d.pull(model);
            const second = makeRound(devices, round2, 2);
            for (const m of second) model.receive(m, USER_A);
            await pushAll(fresh.storage, second, batchSize);

            const expected = [...model.records.values()].sort((a, b) =>
              `${a.type}:${a.id}` < `${b.type}:${b.id}` ? -1 : 1,
            );
            expect(await storedStates(fresh.storage)).toEqual(expected);
            // M7: replaying everything changes nothing.
            await pushAll(fresh.storage, [...first, ...second], 500);
            expect(await storedStates(fresh.storage)).toEqual(expected);
          } finally {
            await fresh.cleanup();
          }
        },
      ),
      { numRuns: kind === 'sqlite' ? 40 : 15 },
    );
  }, 300_000);
});
