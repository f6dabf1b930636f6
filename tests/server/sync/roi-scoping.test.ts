// The HMIS Release of Information enforced by the server (RULES.md W-ROI-2 to W-ROI-5), on SQLite
// and PostgreSQL, through every route that answers with client data: pull, search, other
// enrollments, conflicts and the HMIS export. One person served by provider 1 (who recorded their
// phone and address) and by provider 2 (and, for conflicts, provider 3). Synthetic people only.
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMembership, createProvider } from '../../../sync-server/src/auth/accounts';
import { readHmisZip } from '../../../sync-server/src/hmis/csv-zip';
import { hmisExportSettings, runHmisExport } from '../../../sync-server/src/hmis/export';
import { hmisExportFiles } from '../../../src/domain/hmis-csv/export';
import { PROTOCOL_VERSION, type PullResponse } from '../../../src/domain/protocol';
import type { RecordState } from '../../../src/domain/merge';
import { singletonAssessmentId } from '../../../src/domain/records';
import { Device, clientFields, enrollmentFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { latest, openSyncServer, USERS, type SyncServer, type UserKey } from './harness';

const SHARE = { choice: 'share', date: '2026-03-02', method: 'signed' };
const DO_NOT_SHARE = { choice: 'do_not_share', date: '2026-03-02', method: 'signed' };
const PHONE = '6125550147';
const ADDRESS = {
  line1: '12 Synthetic Ave',
  line2: null,
  city: 'Minneapolis',
  state: 'MN',
  zip: '55401',
};

describe.each(STORAGE_KINDS)('HMIS Release of Information on %s', (kind) => {
  let server: SyncServer;
  let p3: string;
  const devices = new Map<string, Device>();

  beforeEach(async () => {
    devices.clear();
    server = await openSyncServer(kind);
    // Provider 3, where the outsider works too (before signing in, so the token carries it).
    p3 = (
      await createProvider(
        server.storage,
        { name: 'Test Youth Outreach', projectType: 4, funders: [2] },
        server.clock.now,
      )
    ).id;
    await addMembership(server.storage, USERS.outsider.username, p3, server.clock.now);
  });
  afterEach(async () => server.close());

  function device(user: UserKey, providerId: string): Device {
    const key = `${user}:${providerId}`;
    let d = devices.get(key);
    if (!d) {
      d = new Device(`dev-roi-${devices.size}`, server.userIds[user]);
      d.time = server.clock.now;
      devices.set(key, d);
    }
    return d.advance(1000);
  }

  async function push(
    user: UserKey,
    providerId: string,
    make: (d: Device) => Parameters<SyncServer['push']>[1],
  ) {
    const d = device(user, providerId);
    server.clock.now = Math.max(server.clock.now, d.time) + 1000;
    const res = await server.push(user, make(d), { providerId, deviceId: d.id });
    for (const r of res.results) expect(r.status, r.message ?? '').not.toBe('rejected');
    return res;
  }

  const enrollmentOf = (clientId: string, providerId: string, name: string) =>
    enrollmentFields({
      clientId,
      providerId,
      householdId: testId(`${name}-household`),
      projectStartDate: '2026-03-02',
    });

  /**
   * Provider 1 creates the client with a phone and an address, enrolls them and records an Entry;
   * provider 2 enrolls them too. `roi` is the client's Release of Information (absent: none).
   */
  async function servedByTwo(name: string, roi?: typeof SHARE) {
    const { p1, p2 } = server.providers;
    const ids = {
      client: testId(`${name}-client`),
      atP1: testId(`${name}-p1`),
      atP2: testId(`${name}-p2`),
    };
    const entryAtP1 = singletonAssessmentId(ids.atP1, 1);
    await push('cmA', p1, (d) => [
      d.create(
        'client',
        ids.client,
        clientFields({
          lastName: `${name}last`,
          phone: PHONE,
          address: ADDRESS,
          ...(roi ? { roi } : {}),
        }),
      ),
      d.create('enrollment', ids.atP1, enrollmentOf(ids.client, p1, `${name}-p1`)),
      d.create('assessment', entryAtP1, {
        enrollmentId: ids.atP1,
        clientId: ids.client,
        dataCollectionStage: 1,
        informationDate: '2026-03-02',
      }),
    ]);
    await push('outsider', p2, (d) => [
      d.create('enrollment', ids.atP2, enrollmentOf(ids.client, p2, `${name}-p2`)),
    ]);
    return ids;
  }

  async function pullPage(user: UserKey, providerId: string, cursor: string | null) {
    const res = await server.request(user, 'POST', '/api/sync/pull', {
      protocolVersion: PROTOCOL_VERSION,
      providerId,
      deviceId: `pull-roi-${user.toLowerCase()}`,
      cursor,
      limit: 500,
    });
    expect(res.statusCode).toBe(200);
    return res.json() as PullResponse;
  }

  const clientIn = (states: RecordState[], clientId: string) =>
    latest(states).get(`client:${clientId}`)!;

  describe('W-ROI-3 — pull', () => {
    it('Do Not Share: another organization receives the basic record, without contact information or enrollment data', async () => {
      const ids = await servedByTwo('dns', DO_NOT_SHARE);
      const seen = await server.pullAll('outsider');
      const keys = [...latest(seen).keys()].sort();
      expect(keys).toEqual([`client:${ids.client}`, `enrollment:${ids.atP2}`].sort());
      const client = clientIn(seen, ids.client);
      expect(client.fields).toMatchObject({
        firstName: 'Robin',
        lastName: 'dnslast',
        dob: '1990-05-17',
        ssn: 'xxxxx1234',
        race: [3],
        veteranStatus: 0,
        roi: DO_NOT_SHARE,
        phone: null,
        address: null,
        email: null,
      });
      // Provider 1, which recorded them, still gets them.
      expect(clientIn(await server.pullAll('cmA'), ids.client).fields).toMatchObject({
        phone: PHONE,
        address: ADDRESS,
      });
    });

    it('no ROI recorded is Do Not Share; Share sends the contact information', async () => {
      const none = await servedByTwo('none');
      const shared = await servedByTwo('shared', SHARE);
      const seen = await server.pullAll('outsider');
      expect(clientIn(seen, none.client).fields.phone).toBeNull();
      expect(clientIn(seen, shared.client).fields).toMatchObject({
        phone: PHONE,
        address: ADDRESS,
      });
      // Never the other provider's enrollment or assessment, whatever the choice.
      expect([...latest(seen).keys()].filter((k) => !k.startsWith('client:')).sort()).toEqual(
        [`enrollment:${none.atP2}`, `enrollment:${shared.atP2}`].sort(),
      );
    });

    it('a contact value stays with the organization that recorded it, for every member of it', async () => {
      const ids = await servedByTwo('own', DO_NOT_SHARE);
      await push('outsider', server.providers.p2, (d) => [
        d.patch('client', ids.client, { email: 'own@example.org' }),
      ]);
      expect(clientIn(await server.pullAll('outsider'), ids.client).fields).toMatchObject({
        email: 'own@example.org',
        phone: null,
      });
      expect(clientIn(await server.pullAll('cmA'), ids.client).fields).toMatchObject({
        email: null,
        phone: PHONE,
      });
      // The outsider also works for provider 3: entering data as provider 3, still theirs.
      await push('outsider', p3, (d) => [
        d.create('enrollment', testId('own-p3'), enrollmentOf(ids.client, p3, 'own-p3')),
      ]);
      expect(
        clientIn(await server.pullAll('outsider', { providerId: p3 }), ids.client).fields.email,
      ).toBe('own@example.org');
    });
  });

  describe('W-ROI-3 — search and other enrollments', () => {
    async function search(user: UserKey, providerId: string, lastName: string) {
      const res = await server.request(user, 'POST', '/api/clients/search', {
        providerId,
        lastName,
      });
      expect(res.statusCode).toBe(200);
      return (res.json() as { clients: { id: string; providers: { id: string }[] }[] }).clients;
    }
    async function others(user: UserKey, providerId: string, clientId: string) {
      const res = await server.request(
        user,
        'GET',
        `/api/clients/${clientId}/enrollments?providerId=${providerId}`,
      );
      expect(res.statusCode).toBe(200);
      return (res.json() as { enrollments: { id: string; providerId: string }[] }).enrollments;
    }

    it('Do Not Share: search finds the basic record but names only the searcher’s own providers', async () => {
      const { p1, p2 } = server.providers;
      const dns = await servedByTwo('hidden', DO_NOT_SHARE);
      const shared = await servedByTwo('shown', SHARE);
      const [hidden] = await search('outsider', p2, 'hiddenlast');
      expect(hidden).toMatchObject({ id: dns.client, providers: [{ id: p2 }] });
      const [shown] = await search('outsider', p2, 'shownlast');
      expect(shown!.id).toBe(shared.client);
      expect(shown!.providers.map((p) => p.id).sort()).toEqual([p1, p2].sort());
      // Searching as provider 3, which never served the client: the person is found, and only
      // provider 2 is named, because the outsider works there too.
      const [fromP3] = await search('outsider', p3, 'hiddenlast');
      expect(fromP3).toMatchObject({ id: dns.client, firstName: 'Robin', providers: [{ id: p2 }] });
      // Provider 1's case manager, from provider 1: only provider 1.
      const [fromP1] = await search('cmA', p1, 'hiddenlast');
      expect(fromP1!.providers.map((p) => p.id)).toEqual([p1]);
    });

    it("Do Not Share: other enrollments lists none of another organization's", async () => {
      const { p1, p2 } = server.providers;
      const dns = await servedByTwo('dnsother', DO_NOT_SHARE);
      const shared = await servedByTwo('shareother', SHARE);
      expect(await others('cmA', p1, dns.client)).toEqual([]);
      expect(await others('outsider', p2, dns.client)).toEqual([]);
      expect((await others('cmA', p1, shared.client)).map((e) => e.id)).toEqual([shared.atP2]);
      // A user of two providers sees their own organizations' enrollments.
      await push('outsider', p3, (d) => [
        d.create('enrollment', testId('dnsother-p3'), enrollmentOf(dns.client, p3, 'dnsother-p3')),
      ]);
      expect((await others('outsider', p3, dns.client)).map((e) => e.providerId)).toEqual([p2]);
      const audit = await server.storage.listAudit({ recordId: dns.client, limit: 100 });
      expect(audit.find((e) => e.action === 'view_other_enrollments')?.details).toMatchObject({
        sharing: 'do_not_share',
      });
    });
  });

  describe('W-ROI-4/5 — a change of choice, from then on, audited', () => {
    it('Share to Do Not Share: the client comes again without the contact information; back to Share, with it', async () => {
      const { p1, p2 } = server.providers;
      const ids = await servedByTwo('change', SHARE);
      const first = await pullPage('outsider', p2, null);
      expect(clientIn(first.changes, ids.client).fields.phone).toBe(PHONE);

      await push('cmA', p1, (d) => [d.patch('client', ids.client, { roi: DO_NOT_SHARE })]);
      const next = await pullPage('outsider', p2, first.cursor);
      // Sent again (the device replaces its copy), now without the phone and address.
      expect(next.changes.map((s) => `${s.type}:${s.id}`)).toEqual([`client:${ids.client}`]);
      expect(next.changes[0]!.fields).toMatchObject({
        roi: DO_NOT_SHARE,
        phone: null,
        address: null,
      });
      expect(
        await server
          .request('cmA', 'GET', `/api/clients/${ids.client}/enrollments?providerId=${p1}`)
          .then((r) => r.json()),
      ).toEqual({ enrollments: [] });

      const back = { choice: 'share', date: '2026-04-01', method: 'verbal' };
      await push('outsider', p2, (d) => [d.patch('client', ids.client, { roi: back })]);
      const again = await pullPage('outsider', p2, next.cursor);
      expect(again.changes[0]!.fields).toMatchObject({ roi: back, phone: PHONE });

      const changes = (await server.storage.listAudit({ recordId: ids.client, limit: 100 }))
        .filter((e) => e.action === 'roi_change')
        .reverse();
      expect(changes.map((e) => [e.providerId, e.details])).toEqual([
        [
          p1,
          expect.objectContaining({
            previousChoice: null,
            choice: 'share',
            date: '2026-03-02',
            method: 'signed',
          }),
        ],
        [p1, expect.objectContaining({ previousChoice: 'share', choice: 'do_not_share' })],
        [
          p2,
          expect.objectContaining({
            previousChoice: 'do_not_share',
            choice: 'share',
            method: 'verbal',
          }),
        ],
      ]);
      // Codes and dates only: no name in the entries.
      expect(JSON.stringify(changes)).not.toContain('changelast');
    });
  });

  describe('W-ROI-3 — conflicts', () => {
    /** Provider 1 and provider 2 change the phone at the same moment; provider 3 also serves the client. */
    async function phoneConflict(name: string, roi: typeof SHARE) {
      const { p1, p2 } = server.providers;
      const ids = await servedByTwo(name, roi);
      await push('outsider', p3, (d) => [
        d.create('enrollment', testId(`${name}-p3`), enrollmentOf(ids.client, p3, `${name}-p3`)),
      ]);
      const a = device('cmA', p1);
      const b = device('outsider', p2);
      b.view.set(`client:${ids.client}`, { phone: PHONE });
      const fromA = a.patch('client', ids.client, { phone: '6125550101' });
      const fromB = b.patch('client', ids.client, { phone: '6125550102' });
      await server.push('cmA', [fromA], { providerId: p1, deviceId: a.id });
      await server.push('outsider', [fromB], { providerId: p2, deviceId: b.id });
      const all = await server.storage.listAudit({ recordId: ids.client, limit: 100 });
      expect(all.filter((e) => e.action === 'rejected')).toEqual([]);
      return ids;
    }

    it('a conflict on a contact field goes only to the providers that recorded the two values', async () => {
      const { p1, p2 } = server.providers;
      const dns = await phoneConflict('conflictdns', DO_NOT_SHARE);
      const shared = await phoneConflict('conflictshare', SHARE);
      const open = async (providerId: string) =>
        (await server.storage.listConflicts(providerId, 'open', 100)).conflicts
          .filter((c) => c.conflict.fields.includes('phone'))
          .map((c) => c.conflict.recordId);
      expect((await open(p1)).sort()).toEqual([dns.client, shared.client].sort());
      expect((await open(p2)).sort()).toEqual([dns.client, shared.client].sort());
      expect(await open(p3)).toEqual([shared.client]);
    });
  });

  describe('W-ROI-3 — the HMIS export', () => {
    it("an export of provider 2 has the client's basic record and never provider 1's enrollment", async () => {
      const { p2 } = server.providers;
      const dns = await servedByTwo('export', DO_NOT_SHARE);
      const chunks: Buffer[] = [];
      const destination = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      });
      await runHmisExport(
        server.storage,
        {
          providers: [(await server.storage.getProvider(p2))!],
          startDate: '2026-03-01',
          endDate: '2026-03-31',
          hash: false,
          userId: null,
          via: 'cli',
          now: server.clock.now,
          settings: hmisExportSettings({}),
          destination,
        },
        {
          exportFiles: hmisExportFiles,
          createChecker: () => ({
            file() {},
            row() {},
            finish: () => ({
              findings: [],
              counts: { error: 0, high: 0, warning: 0 },
              byCheck: [],
              truncated: false,
            }),
          }),
        },
      );
      const zip = await readHmisZip(new Uint8Array(Buffer.concat(chunks)));
      const rows = (file: string) => {
        const [header, ...body] = zip.get(file)!;
        return body.map((r) => Object.fromEntries(header!.map((c, i) => [c, r[i]])));
      };
      const enrollments = rows('Enrollment.csv');
      expect(enrollments).toHaveLength(1);
      expect(JSON.stringify(enrollments)).not.toContain(dns.atP1);
      expect(rows('Client.csv')).toHaveLength(1);
      expect(rows('Client.csv')[0]).toMatchObject({ LastName: 'exportlast' });
      // Provider 1's Entry is not there either.
      expect(rows('IncomeBenefits.csv').every((r) => r.EnrollmentID !== dns.atP1)).toBe(true);
    }, 60_000);
  });
});
