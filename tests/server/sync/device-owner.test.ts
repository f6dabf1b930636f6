// A device id belongs to the user who first pushed under it. Device ids are not secret (every
// pulled version stamp carries one), so another user, of the same provider or of another provider
// that shares a client, could otherwise push under it, take its next sequence numbers and stop the
// real device's queue ("sequence number already used").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/domain/protocol';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openCluster, type Cluster } from './cluster';

describe.each(STORAGE_KINDS)('device ids on %s', (kind) => {
  let cluster: Cluster;
  beforeEach(async () => {
    cluster = await openCluster(kind, 2);
  });
  afterEach(async () => cluster.close());

  it('refuses with 403 a push under a device id another user pushed under first', async () => {
    const own = new Device('dev-avery', cluster.userIds.cmA);
    own.time = cluster.clock.now - 10_000;
    const first = await cluster.push(0, 'cmA', [
      own.create('client', testId('owner-client'), clientFields()),
    ]);
    expect(first.results[0]!.status).toBe('applied');

    // Blake (same provider) and Drew (another provider) forge Avery's device id.
    const forger = new Device('dev-avery', cluster.userIds.cmB);
    forger.time = cluster.clock.now - 5_000;
    for (const user of ['cmB', 'outsider'] as const) {
      const forged: Mutation = {
        ...forger.create('client', testId(`forged-${user}`), clientFields({ firstName: 'Forged' })),
        seq: 2,
      };
      const res = await cluster.pushRaw(1, user, [forged]);
      expect(res.statusCode).toBe(403);
      expect((res.json() as { message: string }).message).toMatch(/belongs to another user/);
    }

    // Avery's queue goes on: the next sequence number is still free.
    own.advance(1_000);
    const next = await cluster.push(1, 'cmA', [
      own.patch('client', testId('owner-client'), { phone: '6125550199' }),
    ]);
    expect(next.results[0]!.status).toBe('applied');
  });

  it('refuses a forged push made at the same moment as the owner’s first push, or the owner’s', async () => {
    const own = new Device('dev-race-owner', cluster.userIds.cmA);
    own.time = cluster.clock.now - 10_000;
    const forger = new Device('dev-race-owner', cluster.userIds.cmB);
    forger.time = cluster.clock.now - 10_000;
    const [a, b] = await Promise.all([
      cluster.pushRaw(0, 'cmA', [own.create('client', testId('race-a'), clientFields())]),
      cluster.pushRaw(1, 'cmB', [
        forger.create('client', testId('race-b'), clientFields({ firstName: 'Other' })),
      ]),
    ]);
    // Whoever came first owns the id; the other is refused, never both applied.
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 403]);
  });

  it('rejects, once, a mutation id already used by another device, without blocking either queue', async () => {
    const one = new Device('dev-one', cluster.userIds.cmA);
    one.time = cluster.clock.now - 10_000;
    const other = new Device('dev-other', cluster.userIds.cmB);
    other.time = cluster.clock.now - 9_000;
    const m1 = one.create('client', testId('id-one'), clientFields());
    const m2: Mutation = {
      ...other.create('client', testId('id-other'), clientFields({ firstName: 'Rowan' })),
      mutationId: m1.mutationId,
    };
    const [r1, r2] = await Promise.all([
      cluster.push(0, 'cmA', [m1]),
      cluster.push(1, 'cmB', [m2]),
    ]);
    const statuses = [r1.results[0]!.status, r2.results[0]!.status].sort();
    expect(statuses).toEqual(['applied', 'rejected']);
    // Both devices go on with their next change.
    for (const [device, user] of [
      [one, 'cmA'],
      [other, 'cmB'],
    ] as const) {
      device.advance(1_000);
      const next = await cluster.push(0, user, [
        device.create(
          'client',
          testId(`next-${device.id}`),
          clientFields({ firstName: device === one ? 'Sage' : 'Skye' }),
        ),
      ]);
      expect(next.results[0]!.status).toBe('applied');
    }
  });
});
