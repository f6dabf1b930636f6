// M11 on the server: what two devices produce together against HUD's household and enrollment
// rules is kept and flagged for review, never silently kept or dropped. The pushes run at the same
// moment, through one and through two app instances, on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConflictRow, Storage } from '../../../sync-server/src/storage/types';
import { Device, clientFields, enrollmentFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openCluster, type Cluster } from './cluster';

async function openConflicts(storage: Storage, providerId: string): Promise<ConflictRow[]> {
  return (await storage.listConflicts(providerId, 'open', 500, null)).conflicts;
}

describe.each(STORAGE_KINDS)('M11 household rules on %s', (kind) => {
  describe.each([1, 2])('through %i app instance(s)', (instanceCount) => {
    let cluster: Cluster;
    let a: Device;
    let b: Device;
    const household = testId('m11-household');
    const adult = testId('m11-adult');
    const partner = testId('m11-partner');

    beforeEach(async () => {
      cluster = await openCluster(kind, instanceCount);
      a = new Device('dev-a', cluster.userIds.cmA);
      b = new Device('dev-b', cluster.userIds.cmB);
      a.time = b.time = cluster.clock.now - 60_000;
      const seed = await cluster.push(0, 'cmA', [
        a.create('client', adult, clientFields({ firstName: 'Avaone', lastName: 'Testhouse' })),
        a.create('client', partner, clientFields({ firstName: 'Bexone', lastName: 'Testhouse' })),
      ]);
      expect(seed.results.every((r) => r.status === 'applied')).toBe(true);
    });

    afterEach(async () => cluster.close());

    const enrollmentOf = (clientId: string, overrides: Record<string, unknown> = {}) =>
      enrollmentFields({
        clientId,
        providerId: cluster.providers.p1,
        householdId: household,
        ...overrides,
      } as never);

    it('M11 two_heads: two devices each make a different member head of one household at once; both kept, one conflict for review', async () => {
      const e1 = testId('m11-e1');
      const e2 = testId('m11-e2');
      const [r1, r2] = await Promise.all([
        cluster.push(0, 'cmA', [a.create('enrollment', e1, enrollmentOf(adult))]),
        cluster.push(instanceCount - 1, 'cmB', [b.create('enrollment', e2, enrollmentOf(partner))]),
      ]);
      expect(r1.results[0]?.status).toBe('applied');
      expect(r2.results[0]?.status).toBe('applied');

      const records = await cluster.pullAll(0, 'supervisor');
      expect(records.get(`enrollment:${e1}`)?.fields.relationshipToHoH).toBe(1);
      expect(records.get(`enrollment:${e2}`)?.fields.relationshipToHoH).toBe(1);
      const conflicts = (await openConflicts(cluster.storages[0]!, cluster.providers.p1)).filter(
        (c) => c.conflict.rule === 'M11',
      );
      expect(conflicts).toHaveLength(1);
      const [c] = conflicts;
      expect(c?.conflict.group).toBe('two_heads');
      expect([c?.conflict.recordId, c?.conflict.relatedRecordId].sort()).toEqual([e1, e2].sort());
      expect(c?.providerIds).toEqual([cluster.providers.p1]);
      expect(c?.conflict.message).toMatch(/more than one head of household/);
    });

    it('M11 overlap: two devices start the same client in the same project at once; both kept, flagged once; re-pushing files nothing more', async () => {
      const e1 = testId('m11-dup-1');
      const e2 = testId('m11-dup-2');
      const first = a.create('enrollment', e1, enrollmentOf(adult));
      const second = b.create(
        'enrollment',
        e2,
        enrollmentOf(adult, { householdId: testId('m11-household-2') }),
      );
      await Promise.all([
        cluster.push(0, 'cmA', [first]),
        cluster.push(instanceCount - 1, 'cmB', [second]),
      ]);
      const conflicts = (await openConflicts(cluster.storages[0]!, cluster.providers.p1)).filter(
        (c) => c.conflict.rule === 'M11',
      );
      expect(conflicts.map((c) => c.conflict.group)).toEqual(['overlap']);
      expect(conflicts[0]?.conflict.message).toMatch(/same project start date/);

      // Another push touching the household again finds the same violation: not filed twice.
      await cluster.push(0, 'cmA', [
        a.patch('enrollment', e1, {
          exitDate: null,
          exitReason: null,
          destination: null,
          destinationSubsidyType: null,
        }),
      ]);
      const again = (await openConflicts(cluster.storages[0]!, cluster.providers.p1)).filter(
        (c) => c.conflict.rule === 'M11',
      );
      expect(again.map((c) => c.conflict.id)).toEqual(conflicts.map((c) => c.conflict.id));
    });

    it('M11: one device changing the head of household in two pushes is not flagged', async () => {
      const e1 = testId('m11-own-1');
      const e2 = testId('m11-own-2');
      await cluster.push(0, 'cmA', [
        a.create('enrollment', e1, enrollmentOf(adult)),
        a.create('enrollment', e2, enrollmentOf(partner, { relationshipToHoH: 3 })),
      ]);
      await cluster.push(0, 'cmA', [a.patch('enrollment', e2, { relationshipToHoH: 1 })]);
      await cluster.push(0, 'cmA', [a.patch('enrollment', e1, { relationshipToHoH: 3 })]);
      const conflicts = (await openConflicts(cluster.storages[0]!, cluster.providers.p1)).filter(
        (c) => c.conflict.rule === 'M11',
      );
      expect(conflicts).toEqual([]);
    });

    it('M11: a supervisor marks the review done with dismiss; restore is refused', async () => {
      const e1 = testId('m11-r1');
      const e2 = testId('m11-r2');
      await cluster.push(0, 'cmA', [a.create('enrollment', e1, enrollmentOf(adult))]);
      await cluster.push(0, 'cmB', [b.create('enrollment', e2, enrollmentOf(partner))]);
      const [c] = (await openConflicts(cluster.storages[0]!, cluster.providers.p1)).filter(
        (x) => x.conflict.rule === 'M11',
      );
      expect(c).toBeDefined();
      const resolve = async (action: string) =>
        cluster.instances[0]!.inject({
          method: 'POST',
          url: `/api/conflicts/${c!.conflict.id}/resolve`,
          headers: { authorization: `Bearer ${await cluster.token('supervisor')}` },
          payload: { providerId: cluster.providers.p1, action },
        });
      expect((await resolve('restore')).statusCode).toBe(400);
      expect((await resolve('dismiss')).statusCode).toBe(200);
      expect(
        (await openConflicts(cluster.storages[0]!, cluster.providers.p1)).filter(
          (x) => x.conflict.rule === 'M11',
        ),
      ).toEqual([]);
    });
  });
});
