// Issue 12 "Finding a client": POST /api/clients/search forgives typing mistakes by the device's
// own rule (src/domain/workflow/client-query.ts), on SQLite and on PostgreSQL. Synthetic people
// only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';

describe.each(STORAGE_KINDS)('typo-tolerant client search on %s (issue 12)', (kind) => {
  let server: SyncServer;
  beforeEach(async () => {
    server = await openSyncServer(kind);
    const a = new Device('dev-a', server.userIds.cmA);
    a.time = server.clock.now;
    const pushed = await server.push('cmA', [
      a.create(
        'client',
        testId('typo-odessa'),
        clientFields({
          firstName: 'Odessa',
          lastName: 'Quarrington',
          dob: '1986-08-21',
          ssn: 'xxxxx4321',
        }),
      ),
      a.create(
        'client',
        testId('typo-olive'),
        clientFields({ firstName: 'Olive', lastName: 'Quinterro', dob: '1986-08-21' }),
      ),
      a.create(
        'client',
        testId('typo-odell'),
        clientFields({ firstName: 'Odell', lastName: 'Quarington', dob: '1979-01-30' }),
      ),
    ]);
    expect(pushed.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });
  afterEach(async () => server.close());

  const search = async (query: Record<string, string>) => {
    const res = await server.request('cmB', 'POST', '/api/clients/search', {
      providerId: server.providers.p1,
      ...query,
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { clients: { id: string }[] }).clients.map((c) => c.id);
  };

  it('"Odesa Quarington" finds "Odessa Quarrington"', async () => {
    expect(await search({ firstName: 'Odesa', lastName: 'Quarington' })).toEqual([
      testId('typo-odessa'),
    ]);
  });

  it('lists the matches as typed before those found despite a typo', async () => {
    expect(await search({ lastName: 'Quarington' })).toEqual([
      testId('typo-odell'),
      testId('typo-odessa'),
    ]);
  });

  it('forgives a typo in a name when the date of birth or the last 4 are given, and keeps those exact', async () => {
    expect(await search({ lastName: 'Quarington', dob: '1986-08-21' })).toEqual([
      testId('typo-odessa'),
    ]);
    expect(await search({ firstName: 'Odesa', ssnLast4: '4321' })).toEqual([testId('typo-odessa')]);
    expect(await search({ firstName: 'Odesa', dob: '1986-08-22' })).toEqual([]);
  });
});
