// A pull must never miss a change that commits concurrently: two server instances share one
// PostgreSQL database, devices push through both at once, and a reader pulls through both while
// they do. Whatever interleaving the transactions take, the reader's copy, built only from
// cursors, must end equal to the database. (SQLite is one process with serialised transactions;
// the storage contract suite covers its ordering.)
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type PullResponse } from '../../../src/domain/protocol';
import type { RecordState } from '../../../src/domain/merge';
import { buildApp } from '../../../sync-server/src/app';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { seedTestUser, tempDir, testConfig } from '../helpers';
import { STORAGE_KINDS, createTestDatabase } from '../storage/test-storage';

const NOW = Date.UTC(2026, 10, 24, 15, 2);

describe.runIf(STORAGE_KINDS.includes('postgres'))(
  'pull on PostgreSQL with two server instances',
  () => {
    it('never misses a change that commits while it pulls', async () => {
      const database = createTestDatabase('postgres');
      const data = tempDir('concurrent');
      const storages = [database.open(), database.open()];
      const apps = storages.map((storage) =>
        buildApp(testConfig({ dataDir: data.dir, staticDir: data.dir }), {
          storage,
          now: () => NOW,
        }),
      );
      try {
        for (const app of apps) await app.ready();
        const { providerId, username, password } = await seedTestUser(storages[0]!);
        const signIn = await apps[0]!.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { username, password },
        });
        const headers = {
          authorization: `Bearer ${(signIn.json() as { accessToken: string }).accessToken}`,
        };

        const devices = Array.from({ length: 6 }, (_, i) => {
          const d = new Device(`conc-${i}`, 'unused');
          d.time = NOW;
          return d;
        });
        const pushes = devices.map(async (device, i) => {
          for (let batch = 0; batch < 8; batch++) {
            const mutations = Array.from({ length: 5 }, (_, j) =>
              device.advance(1).create(
                'client',
                testId(`conc-${i}-${batch}-${j}`),
                clientFields({
                  firstName: `Conc${i}x${batch}x${j}`,
                  ssn: null,
                  ssnDataQuality: 99,
                }),
              ),
            );
            const res = await apps[(i + batch) % 2]!.inject({
              method: 'POST',
              url: '/api/sync/push',
              headers,
              payload: {
                protocolVersion: PROTOCOL_VERSION,
                providerId,
                deviceId: device.id,
                mutations,
              },
            });
            expect(res.statusCode).toBe(200);
          }
        });

        const copy = new Map<string, RecordState>();
        let cursor: string | null = null;
        let pulls = 0;
        const pullOnce = async () => {
          const res = await apps[pulls++ % 2]!.inject({
            method: 'POST',
            url: '/api/sync/pull',
            headers,
            payload: {
              protocolVersion: PROTOCOL_VERSION,
              providerId,
              deviceId: 'reader',
              cursor,
              limit: 7,
            },
          });
          expect(res.statusCode).toBe(200);
          const page = res.json() as PullResponse;
          for (const s of page.changes) copy.set(s.id, s);
          cursor = page.cursor;
          return page.hasMore;
        };
        let done = false;
        const reader = (async () => {
          while (!done) await pullOnce();
        })();
        await Promise.all(pushes);
        done = true;
        await reader;
        while (await pullOnce());

        const truth = await storages[0]!.pullChanges(providerId, 0, 10_000);
        expect(truth.records).toHaveLength(6 * 8 * 5);
        expect(copy.size).toBe(truth.records.length);
        for (const r of truth.records) expect(copy.get(r.state.id)).toEqual(r.state);
        expect(pulls).toBeGreaterThan(10);
      } finally {
        for (const app of apps) await app.close();
        await database.cleanup();
        data.cleanup();
      }
    }, 120_000);
  },
);
