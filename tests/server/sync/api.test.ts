// The sync API end to end (in-process inject) on every storage: for each SPEC rule a two-device
// scenario through HTTP, replay across a restart, Enter Data As scoping, and bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type Mutation } from '../../../src/domain/protocol';
import { singletonAssessmentId } from '../../../src/domain/records';
import {
  Device,
  clientFields,
  contactFields,
  clsFields,
  testId,
} from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { latest, openSyncServer, type SyncServer } from './harness';

/** One household's records, with ids unique to the test. */
function household(server: SyncServer, name: string, provider: 'p1' | 'p2' = 'p1') {
  const ids = {
    client: testId(`${name}-client`),
    enrollment: testId(`${name}-enrollment`),
    cls: testId(`${name}-cls`),
    contact: testId(`${name}-contact`),
  };
  const entry = singletonAssessmentId(ids.enrollment, 1);
  const enrollment = {
    clientId: ids.client,
    providerId: server.providers[provider],
    householdId: testId(`${name}-household`),
    relationshipToHoH: 1,
    projectStartDate: '2026-03-02',
    entryType: 'basic',
    exitDate: null,
    exitReason: null,
    destination: null,
    destinationSubsidyType: null,
  };
  const links = { enrollmentId: ids.enrollment, clientId: ids.client };
  const create = (d: Device, entryAnswers: Record<string, number | null> = {}): Mutation[] => [
    d.create(
      'client',
      ids.client,
      clientFields({ firstName: `${name}first`, lastName: `${name}last` }),
    ),
    d.create('enrollment', ids.enrollment, enrollment),
    d.create('assessment', entry, {
      ...links,
      dataCollectionStage: 1,
      informationDate: '2026-03-02',
      ...Object.fromEntries(Object.entries(entryAnswers).map(([k, v]) => [`answers.${k}`, v])),
    }),
    d.create('currentLivingSituation', ids.cls, { ...clsFields(), ...links }),
    d.create('contact', ids.contact, {
      ...contactFields({ currentLivingSituationId: ids.cls }),
      ...links,
    }),
  ];
  return { ids, entry, links, create };
}

/** A device that has the server's current state of the provider's records in view. */
async function deviceOf(
  server: SyncServer,
  id: string,
  user: 'cmA' | 'cmB' | 'supervisor' | 'outsider',
): Promise<Device> {
  const device = new Device(id, server.userIds[user], 0);
  device.time = server.clock.now;
  for (const s of await server.pullAll(user)) device.view.set(`${s.type}:${s.id}`, { ...s.fields });
  return device;
}

describe.each(STORAGE_KINDS)('sync API on %s', (kind) => {
  let server: SyncServer;
  beforeEach(async () => {
    server = await openSyncServer(kind);
  });
  afterEach(async () => server.close());

  async function setup(name: string, entryAnswers: Record<string, number | null> = {}) {
    const h = household(server, name);
    const setupDevice = new Device(`setup-${name}`, server.userIds.cmA, -60_000);
    setupDevice.time = server.clock.now - 60_000;
    const results = await server.push('cmA', h.create(setupDevice, entryAnswers));
    expect(results.results.map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'applied',
    ]);
    return {
      h,
      a: await deviceOf(server, 'dev-a', 'cmA'),
      b: await deviceOf(server, 'dev-b', 'cmB'),
    };
  }

  it('M1: two case managers change different fields of one client offline; both arrive', async () => {
    const { h, a, b } = await setup('m1');
    await server.push('cmB', [
      b.advance(2000).patch('client', h.ids.client, { email: 'm1@example.org' }),
    ]);
    await server.push('cmA', [
      a.advance(1000).patch('client', h.ids.client, { phone: '6125550100' }),
    ]);
    const client = latest(await server.pullAll('cmB')).get(`client:${h.ids.client}`)!;
    expect(client.fields).toMatchObject({ phone: '6125550100', email: 'm1@example.org' });
  });

  it('M2 and M3: the later note wins, the other is kept for the supervisor, who restores it', async () => {
    const { h, a, b } = await setup('m2');
    await server.push('cmB', [
      b.advance(5000).patch('contact', h.ids.contact, { note: 'Later note' }),
    ]);
    const pushed = await server.push('cmA', [
      a.advance(1000).patch('contact', h.ids.contact, { note: 'Earlier note' }),
    ]);
    expect(pushed.results[0]).toMatchObject({ status: 'conflict' });

    expect(
      (await server.request('cmA', 'GET', `/api/conflicts?providerId=${server.providers.p1}`))
        .statusCode,
    ).toBe(403);
    const list = await server.request(
      'supervisor',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    const [conflict] = (
      list.json() as {
        conflicts: {
          conflict: {
            id: string;
            rule: string;
            loser: { values: { note: string } };
            winner: { values: { note: string } };
          };
        }[];
      }
    ).conflicts;
    expect(conflict?.conflict).toMatchObject({
      rule: 'M2',
      loser: { values: { note: 'Earlier note' } },
      winner: { values: { note: 'Later note' } },
    });

    const resolved = await server.request(
      'supervisor',
      'POST',
      `/api/conflicts/${conflict!.conflict.id}/resolve`,
      { providerId: server.providers.p1, action: 'restore' },
    );
    expect(resolved.statusCode).toBe(200);
    expect(latest(await server.pullAll('cmB')).get(`contact:${h.ids.contact}`)!.fields.note).toBe(
      'Earlier note',
    );
    const open = await server.request(
      'supervisor',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    expect((open.json() as { conflicts: unknown[] }).conflicts).toHaveLength(0);
    const again = await server.request(
      'supervisor',
      'POST',
      `/api/conflicts/${conflict!.conflict.id}/resolve`,
      { providerId: server.providers.p1, action: 'keep_current' },
    );
    expect(again.statusCode).toBe(409);
  });

  it('M4: a backfill fills "Data not collected", never overwrites a real answer, and early updates go to the Entry', async () => {
    const { h, a, b } = await setup('m4', {
      incomeFromAnySource: 99,
      householdMonthlyIncome: null,
    });
    const backfill = await server.push('cmB', [
      b.advance(1000).patch('assessment', h.entry, { 'answers.incomeFromAnySource': 1 }),
    ]);
    expect(backfill.results[0]!.status).toBe('applied');
    // Device a still saw 99: its change is a backfill too, and loses to the real answer (M4a).
    const stale = await server.push('cmA', [
      a.advance(5000).patch('assessment', h.entry, { 'answers.incomeFromAnySource': 0 }),
    ]);
    expect(stale.results[0]).toMatchObject({ status: 'conflict' });
    const early = await server.push('cmA', [
      a.create('assessment', testId('m4-update'), {
        ...h.links,
        dataCollectionStage: 2,
        informationDate: '2026-03-01',
        'answers.householdMonthlyIncome': 650,
      }),
    ]);
    expect(early.results[0]).toMatchObject({ status: 'merged', notices: ['routed_to_entry'] });
    const records = latest(await server.pullAll('cmA'));
    expect(records.get(`assessment:${h.entry}`)!.fields).toMatchObject({
      'answers.incomeFromAnySource': 1,
      'answers.householdMonthlyIncome': 650,
    });
    expect(records.has(`assessment:${testId('m4-update')}`)).toBe(false);
  });

  it('M5: concurrent exits keep one and the other for review; a contact after the exit is kept and flagged', async () => {
    const { h, a, b } = await setup('m5');
    const exitA = {
      exitDate: '2026-06-01',
      exitReason: 'housed',
      destination: 410,
      destinationSubsidyType: null,
    };
    const exitB = {
      exitDate: '2026-06-03',
      exitReason: 'lost_contact',
      destination: 30,
      destinationSubsidyType: null,
    };
    await server.push('cmA', [a.advance(1000).patch('enrollment', h.ids.enrollment, exitA)]);
    const late = await server.push('cmB', [
      b.advance(3000).patch('enrollment', h.ids.enrollment, exitB),
      b.create('contact', testId('m5-late'), {
        ...contactFields({
          contactAt: '2026-06-10T17:00:00Z',
          currentLivingSituationId: h.ids.cls,
        }),
        ...h.links,
      }),
    ]);
    expect(late.results[0]!.status).toBe('merged');
    expect(late.results[1]!.notices).toContain('recorded_after_exit');
    const list = await server.request(
      'supervisor',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    const rules = (
      list.json() as { conflicts: { conflict: { rule: string; loser: { values: unknown } } }[] }
    ).conflicts.map((c) => [c.conflict.rule, c.conflict.loser.values]);
    expect(rules).toEqual([['M5', { ...exitA, otherDestination: null }]]);
  });

  it('M6: an edit concurrent with a delete is kept and flagged; the contact stays deleted', async () => {
    const { h, a, b } = await setup('m6');
    await server.push('cmA', [a.advance(1000).delete('contact', h.ids.contact)]);
    const edit = await server.push('cmB', [
      b.advance(4000).patch('contact', h.ids.contact, { note: 'Edited on the shelter tablet' }),
    ]);
    expect(edit.results[0]!.notices).toContain('edited_while_deleted');
    const contact = latest(await server.pullAll('cmA')).get(`contact:${h.ids.contact}`)!;
    expect(contact.deleted).toBe(true);
    expect(contact.fields.note).toBe('Edited on the shelter tablet');
  });

  it('M7: a replayed push returns the original results, also after a restart, and the data survives the restart', async () => {
    const { h, a } = await setup('m7');
    const batch = [
      a.advance(1000).patch('contact', h.ids.contact, { note: 'Once' }),
      a.patch('client', h.ids.client, { phone: '6125550199' }),
    ];
    const first = await server.push('cmA', batch);
    const before = await server.pullAll('cmA');
    expect(await server.push('cmA', batch)).toMatchObject({ results: first.results });
    await server.restart();
    expect((await server.push('cmA', batch)).results).toEqual(first.results);
    expect(await server.pullAll('cmA')).toEqual(before);
  });

  it('M8: a change that arrives before an earlier one from its device is held, across pushes, then applied in order', async () => {
    const { h, a } = await setup('m8');
    const first = a.advance(1000).patch('contact', h.ids.contact, { note: 'First' });
    const second = a.advance(1000).patch('contact', h.ids.contact, { note: 'Second' });
    expect((await server.push('cmA', [second])).results[0]!.status).toBe('held');
    await server.restart();
    expect((await server.push('cmA', [first])).results[0]!.status).toBe('applied');
    expect(latest(await server.pullAll('cmA')).get(`contact:${h.ids.contact}`)!.fields.note).toBe(
      'Second',
    );
    expect((await server.push('cmA', [second])).results[0]!.status).toBe('applied');
  });

  it('M9: a rejected change is reported with its reason, kept, and does not block the ones behind it', async () => {
    const { h, a } = await setup('m9');
    const bad = a.advance(1000).patch('currentLivingSituation', h.ids.cls, {
      currentLivingSituation: 116,
      clsSubsidyType: 419,
      leaveSituation14Days: null,
      subsequentResidence: null,
      resourcesToObtain: null,
      leaseOwn60Day: null,
      movedTwoOrMore: null,
    });
    const good = a.patch('contact', h.ids.contact, { note: 'Behind the bad one' });
    const res = await server.push('cmA', [bad, good]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'applied']);
    expect(res.results[0]!.message).toMatch(/subsidy/i);
    expect((await server.push('cmA', [bad])).results[0]).toEqual(res.results[0]);
  });

  it('M10: the same person created on two devices is kept twice and flagged; a supervisor links the records', async () => {
    const { a, b } = await setup('m10');
    const same = clientFields({
      firstName: 'Jordan',
      lastName: 'Sampleperson',
      dob: '1988-08-08',
      ssn: null,
      ssnDataQuality: 99,
    });
    await server.push('cmA', [a.advance(1000).create('client', testId('m10-one'), same)]);
    const second = await server.push('cmB', [
      b.advance(2000).create('client', testId('m10-two'), same),
    ]);
    expect(second.results[0]!.notices).toContain('possible_duplicate');
    const list = await server.request(
      'supervisor',
      'GET',
      `/api/conflicts?providerId=${server.providers.p1}`,
    );
    const dup = (
      list.json() as { conflicts: { conflict: { id: string; rule: string } }[] }
    ).conflicts.find((c) => c.conflict.rule === 'M10')!;
    const res = await server.request(
      'supervisor',
      'POST',
      `/api/conflicts/${dup.conflict.id}/resolve`,
      { providerId: server.providers.p1, action: 'link' },
    );
    expect(res.statusCode).toBe(200);
    expect(await server.storage.listClientLinks(testId('m10-one'))).toEqual([testId('m10-two')]);
  });

  it("scoping: another provider's case manager cannot pull, push to or read the enrollment data of provider 1", async () => {
    const { h } = await setup('scope');
    const outsider = new Device('dev-out', server.userIds.outsider);
    outsider.time = server.clock.now;
    // Not a member of provider 1: refused outright.
    const asP1 = await server.pushRaw('outsider', {
      protocolVersion: PROTOCOL_VERSION,
      providerId: server.providers.p1,
      deviceId: 'dev-out',
      mutations: [
        new Device('dev-out-refused', server.userIds.outsider).patch('contact', h.ids.contact, {
          note: 'x',
        }),
      ],
    });
    expect(asP1.statusCode).toBe(403);
    // As its own provider: the record is not in its caseload.
    const asP2 = await server.push(
      'outsider',
      [outsider.patch('contact', h.ids.contact, { note: 'y' })],
      { deviceId: 'dev-out' },
    );
    expect(asP2.results[0]).toMatchObject({ status: 'rejected' });
    expect(await server.pullAll('outsider')).toEqual([]);
    const pullP1 = await server.request('outsider', 'POST', '/api/sync/pull', {
      protocolVersion: PROTOCOL_VERSION,
      providerId: server.providers.p1,
      deviceId: 'dev-out',
      cursor: null,
    });
    expect(pullP1.statusCode).toBe(403);

    // The shared client record can be found, with only what recognises a person.
    const search = await server.request('outsider', 'POST', '/api/clients/search', {
      providerId: server.providers.p2,
      lastName: 'scopelast',
    });
    const [match] = (search.json() as { clients: Record<string, unknown>[] }).clients;
    expect(Object.keys(match!).sort()).toEqual([
      'dob',
      'dobDataQuality',
      'firstName',
      'id',
      'lastName',
      'nameDataQuality',
      'providers',
      'ssnDataQuality',
      'ssnLast4',
    ]);
    expect(match).toMatchObject({
      id: h.ids.client,
      ssnLast4: '1234',
      // No Release of Information recorded: Do Not Share, so provider 1 is not named (W-ROI-3).
      providers: [],
    });

    // Starting an enrollment brings the client, and only the client, into provider 2's scope.
    const own = testId('scope-p2-enrollment');
    const started = await server.push(
      'outsider',
      [
        outsider.create('enrollment', own, {
          clientId: h.ids.client,
          providerId: server.providers.p2,
          householdId: testId('scope-p2-household'),
          relationshipToHoH: 1,
          projectStartDate: '2026-04-01',
          entryType: 'basic',
          exitDate: null,
          exitReason: null,
          destination: null,
          destinationSubsidyType: null,
        }),
      ],
      { deviceId: 'dev-out' },
    );
    expect(started.results[0]!.status).toBe('applied');
    const visible = [...latest(await server.pullAll('outsider')).keys()].sort();
    expect(visible).toEqual([`client:${h.ids.client}`, `enrollment:${own}`].sort());
  });

  it('bad input: 401 without a token, 400 with field messages, 426 for an outdated app, 413 when too large', async () => {
    expect((await server.pushRaw(null, {})).statusCode).toBe(401);
    const bad = await server.pushRaw('cmA', {
      protocolVersion: PROTOCOL_VERSION,
      providerId: 'nope',
      deviceId: 'dev-a',
      mutations: [],
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['providerId', 'mutations']),
    );
    const old = await server.pushRaw('cmA', {
      protocolVersion: 0,
      providerId: server.providers.p1,
      deviceId: 'dev-a',
      mutations: [],
    });
    expect(old.statusCode).toBe(426);
    expect((old.json() as { message: string }).message).toMatch(/update the app/i);
    // A version no String() can print (found by push-fuzz.test.ts) is still just outdated.
    const unprintable = await server.pushRaw('cmA', {
      protocolVersion: { toString: null },
      providerId: server.providers.p1,
      deviceId: 'dev-a',
      mutations: [],
    });
    expect(unprintable.statusCode).toBe(426);
    const huge = await server.pushRaw('cmA', {
      protocolVersion: PROTOCOL_VERSION,
      padding: 'x'.repeat(6 * 1024 * 1024),
    });
    expect(huge.statusCode).toBe(413);
    const other = new Device('dev-z', server.userIds.cmA);
    const mixed = await server.pushRaw('cmA', {
      protocolVersion: PROTOCOL_VERSION,
      providerId: server.providers.p1,
      deviceId: 'dev-a',
      mutations: [other.delete('contact', testId('x'))],
    });
    expect(mixed.statusCode).toBe(400);
  });

  it('audit: the supervisor sees who created a client and who has viewed it; case managers cannot read the log', async () => {
    const { h } = await setup('audit');
    await server.pullAll('cmB');
    const url = `/api/audit?providerId=${server.providers.p1}&recordId=${h.ids.client}`;
    expect((await server.request('cmA', 'GET', url)).statusCode).toBe(403);
    const res = await server.request('supervisor', 'GET', url);
    const entries = (res.json() as { entries: { action: string; userId: string }[] }).entries;
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'create', userId: server.userIds.cmA }),
        expect.objectContaining({ action: 'view_client', userId: server.userIds.cmB }),
      ]),
    );
    const other = await server.request(
      'outsider',
      'GET',
      `/api/audit?providerId=${server.providers.p1}`,
    );
    expect(other.statusCode).toBe(403);
  });

  it('bad input: NUL bytes in ids and dates are rejected per mutation, never a 500 (PostgreSQL refuses them as parameters)', async () => {
    const { h, a } = await setup('nul');
    const res = await server.push('cmA', [
      a.create('contact', testId('nul-contact'), {
        ...contactFields({ currentLivingSituationId: h.ids.cls }),
        enrollmentId: '\u0000',
        clientId: h.ids.client,
      }),
      a.create('client', testId('nul-client'), clientFields({ dob: '1990-05-1\u0000' })),
      a.patch('contact', h.ids.contact, { note: 'Still fine' }),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'applied']);
  });

  it('pull: an initial sync of a caseload comes in pages, in change order, with nothing missing', async () => {
    const { h, a } = await setup('pages');
    const contacts = Array.from({ length: 23 }, (_, i) =>
      a.advance(10).create('contact', testId(`pages-${i}`), {
        ...contactFields({ note: `Contact ${i}`, currentLivingSituationId: h.ids.cls }),
        ...h.links,
      }),
    );
    await server.push('cmA', contacts);
    const states = await server.pullAll('cmB', { limit: 7 });
    expect(states).toHaveLength(5 + 23);
    expect(new Set(states.map((s) => s.id)).size).toBe(28);
  });
});
