// The server compares and searches names as the device does (one normaliser in src/domain): an
// accented and an unaccented spelling of one name are the same name for M10 and for search.
// Synthetic people only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';

const JOSE = clientFields({
  firstName: 'José',
  lastName: 'García',
  dob: '1979-03-04',
  ssn: null,
  ssnDataQuality: 99,
});

describe.each(STORAGE_KINDS)('names folded on the server on %s', (kind) => {
  let server: SyncServer;
  beforeEach(async () => {
    server = await openSyncServer(kind);
  });
  afterEach(async () => server.close());

  function device(id: string, user: 'cmA' | 'cmB'): Device {
    const d = new Device(id, server.userIds[user]);
    d.time = server.clock.now;
    return d;
  }

  it('M10: "José García" pushed, then "Jose Garcia" with the same DOB is flagged as a possible duplicate', async () => {
    const first = await server.push('cmA', [
      device('dev-a', 'cmA').create('client', testId('fold-jose'), JOSE),
    ]);
    expect(first.results[0]!.status).toBe('applied');
    const second = await server.push('cmB', [
      device('dev-b', 'cmB')
        .advance(1000)
        .create('client', testId('fold-jose-plain'), {
          ...JOSE,
          firstName: 'Jose',
          lastName: 'Garcia',
        }),
    ]);
    expect(second.results[0]!.notices).toContain('possible_duplicate');
    const res = await server.request(
      'supervisor',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    expect(res.statusCode).toBe(200);
    const m10 = (
      res.json() as {
        conflicts: { conflict: { rule: string; recordId: string; relatedRecordId: string } }[];
      }
    ).conflicts.filter((c) => c.conflict.rule === 'M10');
    expect(m10).toHaveLength(1);
    expect([m10[0]!.conflict.recordId, m10[0]!.conflict.relatedRecordId].sort()).toEqual(
      [testId('fold-jose'), testId('fold-jose-plain')].sort(),
    );
  });

  it('search for "Jose" finds "José", and "garcía" finds "Garcia"', async () => {
    const a = device('dev-a', 'cmA');
    await server.push('cmA', [
      a.create('client', testId('fold-jose'), JOSE),
      a.create(
        'client',
        testId('fold-ana'),
        clientFields({ firstName: 'Ana', lastName: 'Garcia', dob: '1981-06-07' }),
      ),
    ]);
    const search = async (query: Record<string, string>) => {
      const res = await server.request('cmB', 'POST', '/api/clients/search', {
        providerId: server.providers.p1,
        ...query,
      });
      expect(res.statusCode).toBe(200);
      return (res.json() as { clients: { id: string; firstName: string }[] }).clients;
    };
    expect((await search({ firstName: 'Jose' })).map((c) => c.firstName)).toEqual(['José']);
    expect((await search({ firstName: 'josé' })).map((c) => c.firstName)).toEqual(['José']);
    expect((await search({ lastName: 'garcía' })).map((c) => c.id).sort()).toEqual(
      [testId('fold-ana'), testId('fold-jose')].sort(),
    );
  });
});
