// The API the app's screens read besides sync, on every storage: a provider's members (the Case
// Managers tab) and a client's open enrollments at other providers. Synthetic people only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMembership,
  createProvider,
  createUser,
  setUserActive,
} from '../../../sync-server/src/auth/accounts';
import { Device, clientFields, enrollmentFields, testId } from '../../domain/merge/fixtures';
import { STORAGE_KINDS } from '../storage/test-storage';
import { USERS, openSyncServer, type SyncServer, type UserKey } from './harness';

const SYNTHETIC_PASSWORD = 'synthetic-password-456';

describe.each(STORAGE_KINDS)('screens API on %s', (kind) => {
  let server: SyncServer;
  beforeEach(async () => {
    server = await openSyncServer(kind);
  });
  afterEach(async () => server.close());

  describe('GET /api/providers/:providerId/members', () => {
    const url = (providerId: string) => `/api/providers/${providerId}/members`;

    it("lists the provider's active members by display name, with only id, name and role", async () => {
      const { p1, p2 } = server.providers;
      const now = server.clock.now;
      // Sorted by display name, not username; a member of two providers is in both lists.
      await createUser(
        server.storage,
        {
          username: 'aaa.lastinline',
          displayName: 'Zoe Lastinline',
          role: 'case_manager',
          password: SYNTHETIC_PASSWORD,
          providerIds: [p1],
        },
        now,
      );
      await createUser(
        server.storage,
        {
          username: 'aaron.bothproviders',
          displayName: 'Aaron Bothproviders',
          role: 'admin',
          email: 'aaron@example.org',
          password: SYNTHETIC_PASSWORD,
          providerIds: [p1, p2],
        },
        now,
      );
      // Deactivated members and users of no provider are not listed.
      await createUser(
        server.storage,
        {
          username: 'ashley.inactive',
          displayName: 'Ashley Inactive',
          role: 'case_manager',
          password: SYNTHETIC_PASSWORD,
          providerIds: [p1],
        },
        now,
      );
      await setUserActive(server.storage, 'ashley.inactive', false, now);
      await createUser(
        server.storage,
        {
          username: 'nora.noprovider',
          displayName: 'Nora Noprovider',
          role: 'case_manager',
          password: SYNTHETIC_PASSWORD,
        },
        now,
      );
      const aaron = (await server.storage.getUserByUsername('aaron.bothproviders'))!.id;
      const zoe = (await server.storage.getUserByUsername('aaa.lastinline'))!.id;

      const res = await server.request('cmA', 'GET', url(p1));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        members: [
          { id: aaron, displayName: 'Aaron Bothproviders', role: 'admin' },
          { id: server.userIds.cmA, displayName: 'Avery Casemanager', role: 'case_manager' },
          { id: server.userIds.cmB, displayName: 'Blake Casemanager', role: 'case_manager' },
          { id: server.userIds.supervisor, displayName: 'Casey Supervisor', role: 'supervisor' },
          { id: zoe, displayName: 'Zoe Lastinline', role: 'case_manager' },
        ],
      });
      // Nothing else about the accounts: no usernames, emails or password hashes.
      for (const secret of ['avery.casemanager', 'aaron@example.org', 'scrypt$', 'Drew']) {
        expect(res.body).not.toContain(secret);
      }

      const other = await server.request('outsider', 'GET', url(p2));
      expect(other.json()).toEqual({
        members: [
          { id: aaron, displayName: 'Aaron Bothproviders', role: 'admin' },
          { id: server.userIds.outsider, displayName: 'Drew Otherprovider', role: 'case_manager' },
        ],
      });
    });

    it('answers 401 without a token, 403 to a non-member, 400 for a bad provider id', async () => {
      const { p1, p2 } = server.providers;
      expect((await server.request(null, 'GET', url(p1))).statusCode).toBe(401);
      const forbidden = await server.request('outsider', 'GET', url(p1));
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.body).not.toContain('Casemanager');
      expect((await server.request('cmA', 'GET', url(p2))).statusCode).toBe(403);
      // A well-formed id of no provider: the user is not a member of it either.
      expect((await server.request('cmA', 'GET', url(testId('no-provider')))).statusCode).toBe(403);
      const bad = await server.request('cmA', 'GET', url('not-an-id'));
      expect(bad.statusCode).toBe(400);
      expect((bad.json() as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([
        'providerId',
      ]);
    });
  });

  describe('GET /api/clients/:clientId/enrollments', () => {
    const url = (clientId: string, providerId: string) =>
      `/api/clients/${clientId}/enrollments?providerId=${providerId}`;

    let p3: string;
    const devices = new Map<string, Device>();

    beforeEach(async () => {
      devices.clear();
      // A third provider with another project type and funders; the outsider is a member of it
      // too (before signing in, so the token carries it).
      p3 = (
        await createProvider(
          server.storage,
          { name: 'Test Youth Outreach', projectType: 4, funders: [2, 4] },
          server.clock.now,
        )
      ).id;
      await addMembership(server.storage, USERS.outsider.username, p3, server.clock.now);
    });

    function device(user: UserKey, providerId: string): Device {
      const key = `${user}:${providerId}`;
      let d = devices.get(key);
      if (!d) {
        d = new Device(`dev-${user.toLowerCase()}-${devices.size}`, server.userIds[user]);
        d.time = server.clock.now;
        devices.set(key, d);
      }
      return d.advance(1000);
    }

    async function push(
      user: UserKey,
      providerId: string,
      make: (d: Device) => Parameters<SyncServer['push']>[1],
    ): Promise<void> {
      const d = device(user, providerId);
      const res = await server.push(user, make(d), { providerId, deviceId: d.id });
      expect(res.results.map((r) => [r.status, r.message])).toEqual(
        res.results.map(() => ['applied', null]),
      );
    }

    async function newClient(name: string, providerId = server.providers.p1): Promise<string> {
      const clientId = testId(`${name}-client`);
      await push('cmA', providerId, (d) => [
        // Share (W-ROI-3): these tests are about what other enrollments lists when it may.
        d.create(
          'client',
          clientId,
          clientFields({
            firstName: `${name}first`,
            roi: { choice: 'share', date: '2026-01-05', method: 'signed' },
          }),
        ),
      ]);
      return clientId;
    }

    async function enroll(
      user: UserKey,
      providerId: string,
      clientId: string,
      name: string,
      projectStartDate: string,
    ): Promise<string> {
      const enrollmentId = testId(`${name}-enrollment`);
      await push(user, providerId, (d) => [
        d.create(
          'enrollment',
          enrollmentId,
          enrollmentFields({
            clientId,
            providerId,
            householdId: testId(`${name}-household`),
            projectStartDate,
          }),
        ),
      ]);
      return enrollmentId;
    }

    async function exit(user: UserKey, providerId: string, enrollmentId: string): Promise<void> {
      await push(user, providerId, (d) => [
        d.patch('enrollment', enrollmentId, {
          exitDate: '2026-06-01',
          exitReason: 'housed',
          destination: 410,
          destinationSubsidyType: null,
        }),
      ]);
    }

    async function remove(user: UserKey, providerId: string, enrollmentId: string): Promise<void> {
      await push(user, providerId, (d) => [d.delete('enrollment', enrollmentId)]);
    }

    /** One person served by three providers, with exited and deleted enrollments, and another client. */
    async function servedWidely() {
      const { p1, p2 } = server.providers;
      const clientId = await newClient('wide');
      const ids = {
        clientId,
        atP1: await enroll('cmA', p1, clientId, 'wide-p1', '2026-03-02'),
        exitedAtP1: await enroll('cmA', p1, clientId, 'wide-p1-old', '2026-01-05'),
        atP2: await enroll('outsider', p2, clientId, 'wide-p2', '2026-04-01'),
        exitedAtP2: await enroll('outsider', p2, clientId, 'wide-p2-old', '2026-02-01'),
        atP3: await enroll('outsider', p3, clientId, 'wide-p3', '2026-03-15'),
        deletedAtP3: await enroll('outsider', p3, clientId, 'wide-p3-gone', '2026-03-20'),
        otherClient: await newClient('someone-else'),
        otherClientAtP2: '',
      };
      await exit('cmA', p1, ids.exitedAtP1);
      await exit('outsider', p2, ids.exitedAtP2);
      await remove('outsider', p3, ids.deletedAtP3);
      ids.otherClientAtP2 = await enroll('outsider', p2, ids.otherClient, 'else-p2', '2026-03-03');
      return ids;
    }

    it("answers the client's open enrollments at other providers, and only which, where and since when", async () => {
      const { p1, p2 } = server.providers;
      const ids = await servedWidely();

      const res = await server.request('cmA', 'GET', url(ids.clientId, p1));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      // Not provider 1's own, not exited, deleted or another client's; by project start date.
      expect(res.json()).toEqual({
        enrollments: [
          {
            id: ids.atP3,
            providerId: p3,
            providerName: 'Test Youth Outreach',
            projectType: 4,
            funders: [2, 4],
            projectStartDate: '2026-03-15',
          },
          {
            id: ids.atP2,
            providerId: p2,
            providerName: 'Test Downtown Outreach',
            projectType: 6,
            funders: [1],
            projectStartDate: '2026-04-01',
          },
        ],
      });
      for (const field of ['householdId', 'exitDate', 'relationshipToHoH', 'versions', 'wide']) {
        expect(res.body).not.toContain(field);
      }

      // Seen from provider 2: provider 1's and 3's, never its own.
      const fromP2 = await server.request('outsider', 'GET', url(ids.clientId, p2));
      expect(
        (fromP2.json() as { enrollments: { id: string }[] }).enrollments.map((e) => e.id),
      ).toEqual([ids.atP1, ids.atP3]);
      const fromP3 = await server.request('outsider', 'GET', url(ids.clientId, p3));
      expect(
        (fromP3.json() as { enrollments: { id: string }[] }).enrollments.map((e) => e.id),
      ).toEqual([ids.atP1, ids.atP2]);

      // A client enrolled nowhere else: an empty list.
      const alone = await newClient('alone');
      await enroll('cmA', p1, alone, 'alone-p1', '2026-03-02');
      expect((await server.request('cmB', 'GET', url(alone, p1))).json()).toEqual({
        enrollments: [],
      });
    });

    it("is audited: the provider's supervisor sees who looked at the client's other enrollments", async () => {
      const { p1 } = server.providers;
      const ids = await servedWidely();
      expect((await server.request('cmB', 'GET', url(ids.clientId, p1))).statusCode).toBe(200);
      const res = await server.request(
        'supervisor',
        'GET',
        `/api/audit?providerId=${p1}&recordId=${ids.clientId}`,
      );
      const entries = (res.json() as { entries: Record<string, unknown>[] }).entries;
      expect(entries.filter((e) => e.action === 'view_other_enrollments')).toEqual([
        {
          at: new Date(server.clock.now).toISOString(),
          userId: server.userIds.cmB,
          providerId: p1,
          action: 'view_other_enrollments',
          recordType: 'client',
          recordId: ids.clientId,
          details: { enrollmentIds: [ids.atP3, ids.atP2], sharing: 'share' },
        },
      ]);
    });

    it("answers 404 for a client outside the provider's caseload, unknown or deleted", async () => {
      const { p1, p2 } = server.providers;
      const ids = await servedWidely();
      const onlyP1 = await newClient('only-p1');
      await enroll('cmA', p1, onlyP1, 'only-p1', '2026-03-02');
      const notFound = {
        error: 'not_found',
        message: "No such client in this provider's caseload.",
      };
      // In provider 1's scope only: provider 2 cannot learn where the client is enrolled.
      const outside = await server.request('outsider', 'GET', url(onlyP1, p2));
      expect(outside.statusCode).toBe(404);
      expect(outside.json()).toEqual(notFound);
      const unknown = await server.request('cmA', 'GET', url(testId('nobody-client'), p1));
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toEqual(notFound);
      await push('cmA', p1, (d) => [d.delete('client', onlyP1)]);
      const deleted = await server.request('cmA', 'GET', url(onlyP1, p1));
      expect(deleted.statusCode).toBe(404);
      expect(deleted.json()).toEqual(notFound);
      // Nothing is audited for a refused look.
      const audit = await server.storage.listAudit({ limit: 1000 });
      expect(audit.filter((e) => e.action === 'view_other_enrollments')).toEqual([]);
      // The client of provider 2 is fine for provider 2.
      expect((await server.request('outsider', 'GET', url(ids.clientId, p2))).statusCode).toBe(200);
    });

    it('answers 401 without a token, 403 to a non-member, 400 for a bad client or provider id', async () => {
      const { p1 } = server.providers;
      const clientId = await newClient('guarded');
      await enroll('cmA', p1, clientId, 'guarded-p1', '2026-03-02');
      expect((await server.request(null, 'GET', url(clientId, p1))).statusCode).toBe(401);
      // Not a member of provider 1 (whatever the client): 403 before anything is looked up.
      expect((await server.request('outsider', 'GET', url(clientId, p1))).statusCode).toBe(403);
      expect((await server.request('outsider', 'GET', url(testId('nobody'), p1))).statusCode).toBe(
        403,
      );

      const issues = async (path: string) => {
        const res = await server.request('cmA', 'GET', path);
        expect(res.statusCode).toBe(400);
        return (res.json() as { issues: { path: string }[] }).issues.map((i) => i.path);
      };
      expect(await issues(url('not-an-id', p1))).toEqual(['clientId']);
      expect(await issues(url(clientId.toUpperCase(), p1))).toEqual(['clientId']);
      expect(await issues(url(clientId, 'nope'))).toEqual(['providerId']);
      expect(await issues(`/api/clients/${clientId}/enrollments`)).toEqual(['providerId']);
    });
  });
});
