// M10 within one push batch (sync/duplicate-candidates.ts): each new client is compared with the
// batch's other clients and the stored ones they may match, by name and DOB or full SSN, so a
// large batch (an HMIS import) flags exactly the pairs isPossibleDuplicate flags, with each
// record's keys computed once. Synthetic people only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Device, clientFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { openSyncServer, type SyncServer } from './harness';

const person = (firstName: string, lastName: string, dob: string, ssn: string | null) =>
  clientFields({ firstName, lastName, dob, ssn, ssnDataQuality: ssn ? 1 : 99 });

describe.each(STORAGE_KINDS)('M10 in a large batch on %s', (kind) => {
  let server: SyncServer;
  beforeEach(async () => {
    server = await openSyncServer(kind);
  });
  afterEach(async () => server.close());

  it('M10: flags each pair with one name and DOB or one full SSN, in the batch and against stored clients', async () => {
    const d = new Device('dev-m10', server.userIds.cmA);
    d.time = server.clock.now;
    const stored = await server.push('cmA', [
      d.create('client', testId('m10-stored'), person('Ósk', 'Testdóttir', '1980-01-02', null)),
    ]);
    expect(stored.results[0]!.status).toBe('applied');
    // 40 unrelated clients, so the batch takes the exclusive lock as an import's does, and among
    // them: a second spelling of the stored one, a pair by name and DOB, a pair by full SSN.
    const batch = Array.from({ length: 40 }, (_, i) =>
      d.create(
        'client',
        testId(`m10-other-${i}`),
        person(
          `Synth${String.fromCharCode(97 + (i % 26))}`,
          `Person${'abcdefghij'[i % 10]}`,
          `1990-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          null,
        ),
      ),
    );
    batch.push(
      d.create('client', testId('m10-osk'), person('Osk', 'Testdottir', '1980-01-02', null)),
      d.create('client', testId('m10-pair-a'), person('Riley', 'Madeup', '1975-05-06', null)),
      d.create('client', testId('m10-pair-b'), person('RILEY', 'Made-Up', '1975-05-06', null)),
      d.create(
        'client',
        testId('m10-ssn-a'),
        person('Quinn', 'Fakeford', '1971-07-08', '123450001'),
      ),
      d.create('client', testId('m10-ssn-b'), person('Q', 'Otherfake', '1972-08-09', '123450001')),
    );
    const pushed = await server.push('cmA', batch);
    const flagged = pushed.results
      .filter((r) => r.notices.includes('possible_duplicate'))
      .map((r) => r.mutationId);
    const idOf = new Map(batch.map((m) => [m.mutationId, m.recordId]));
    expect(flagged.map((m) => idOf.get(m)).sort()).toEqual(
      [testId('m10-osk'), testId('m10-pair-b'), testId('m10-ssn-b')].sort(),
    );
    const res = await server.request(
      'supervisor',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    const pairs = (
      res.json() as {
        conflicts: { conflict: { rule: string; recordId: string; relatedRecordId: string } }[];
      }
    ).conflicts
      .filter((c) => c.conflict.rule === 'M10')
      .map((c) => [c.conflict.recordId, c.conflict.relatedRecordId].sort().join(' '))
      .sort();
    expect(pairs).toEqual(
      [
        [testId('m10-stored'), testId('m10-osk')],
        [testId('m10-pair-a'), testId('m10-pair-b')],
        [testId('m10-ssn-a'), testId('m10-ssn-b')],
      ]
        .map((p) => p.sort().join(' '))
        .sort(),
    );
  });
});
