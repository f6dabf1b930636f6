// The demo seed: providers, users, a synthetic caseload written through the push; idempotent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PICKLIST_REGISTRY } from '../../../src/domain/forms';
import { unflattenFields } from '../../../src/domain/merge';
import type { Assessment, Client, Enrollment } from '../../../src/domain/records';
import { validateAssessment } from '../../../src/domain/validation';
import {
  DEMO_OUTREACH_PROVIDER_ID,
  DEMO_PROVIDER_ID,
  DEMO_USERS,
  main as seedMain,
  seedDemo,
} from '../../../sync-server/src/cli/seed-demo';
import { openTestApp, TEST_NOW, type TestApp } from '../helpers';
import { HOUSEHOLDS } from '../../../sync-server/src/cli/demo-caseload';
import { addDays, ageOn } from '../../../sync-server/src/cli/demo-records';
import { STORAGE_KINDS } from '../storage/test-storage';

const TODAY = new Date(TEST_NOW).toISOString().slice(0, 10);

describe.each(STORAGE_KINDS)('the demo seed on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates the providers, the users and a caseload, once', async () => {
    const first = await seedDemo(t.storage, { now: TEST_NOW });
    expect(first).toMatchObject({ seeded: true, providers: 2, users: 4, households: 16 });

    const providers = await t.storage.listProviders();
    expect(providers.map((p) => p.name).sort()).toEqual([
      'Downtown Shelter Outreach (demo)',
      'Hennepin Family Case Management (demo)',
    ]);
    expect(await t.storage.getProvider(DEMO_PROVIDER_ID)).toMatchObject({
      projectType: 6,
      funders: [1],
    });
    expect(await t.storage.getProvider(DEMO_OUTREACH_PROVIDER_ID)).toMatchObject({
      projectType: 4,
    });
    const users = await t.storage.listUsers();
    expect(users.map((u) => u.username).sort()).toEqual([
      'demo.admin',
      'demo.casemanager',
      'demo.casemanager2',
      'demo.supervisor',
    ]);

    const page = await t.storage.pullChanges(DEMO_PROVIDER_ID, 0, 10_000);
    const byType = new Map<string, number>();
    for (const r of page.records) byType.set(r.state.type, (byType.get(r.state.type) ?? 0) + 1);
    expect(byType.get('client')).toBeGreaterThanOrEqual(24);
    expect(byType.get('enrollment')).toBe(byType.get('client'));
    // An Entry for every enrollment, and an Exit for those of the household that has left.
    expect(byType.get('assessment')).toBe(byType.get('enrollment')! + 1);
    expect(byType.get('caseManagerAssignment')).toBe(14);
    expect(byType.get('contact')).toBeGreaterThanOrEqual(5);
    // 4.12 at every contact for the head of household and each adult (issue 10 §1).
    const clsExpected = HOUSEHOLDS.filter((h) => h.provider === 'fcm').reduce(
      (n, h) =>
        n +
        h.contacts.length *
          h.members.filter(
            (m) => m.rel === 1 || ageOn(m.dob, addDays(TODAY, -h.startDaysAgo)) >= 18,
          ).length,
      0,
    );
    expect(byType.get('currentLivingSituation')).toBe(clsExpected);
    expect(clsExpected).toBeGreaterThan(byType.get('contact')!);
    // The outreach households are in the other provider's scope only.
    const outreach = await t.storage.pullChanges(DEMO_OUTREACH_PROVIDER_ID, 0, 10_000);
    const outreachClients = outreach.records.filter((r) => r.state.type === 'client');
    expect(outreachClients).toHaveLength(2);
    const fcmIds = new Set(page.records.map((r) => r.state.id));
    expect(outreachClients.some((r) => fcmIds.has(r.state.id))).toBe(false);

    const again = await seedDemo(t.storage, { now: TEST_NOW + 1000 });
    expect(again.seeded).toBe(false);
    expect((await t.storage.listUsers()).length).toBe(4);
    expect((await t.storage.pullChanges(DEMO_PROVIDER_ID, 0, 10_000)).records.length).toBe(
      page.records.length,
    );
  }, 30_000);

  it('writes only synthetic, valid data: no real SSNs, complete Entry assessments', async () => {
    await seedDemo(t.storage, { now: TEST_NOW });
    const records = [
      ...(await t.storage.pullChanges(DEMO_PROVIDER_ID, 0, 10_000)).records,
      ...(await t.storage.pullChanges(DEMO_OUTREACH_PROVIDER_ID, 0, 10_000)).records,
    ].map((r) => ({ type: r.state.type, ...unflattenFields(r.state.id, r.state.fields) }));
    const clients = records.filter((r) => r.type === 'client') as unknown as (Client & {
      type: string;
    })[];
    for (const c of clients) {
      if (c.ssn === null) expect(c.ssnDataQuality).toBe(99);
      else {
        expect(c.ssn).toMatch(/^xxxxx\d{4}$/);
        expect(c.ssnDataQuality).toBe(2);
      }
    }
    const enrollments = new Map(
      (records.filter((r) => r.type === 'enrollment') as unknown as Enrollment[]).map((e) => [
        e.id,
        e,
      ]),
    );
    const clientsById = new Map(clients.map((c) => [c.id, c]));
    const assessments = records.filter((r) => r.type === 'assessment') as unknown as Assessment[];
    // An Entry for every enrollment; an Exit for each exited one (complete for HUD too).
    const exited = [...enrollments.values()].filter((e) => e.exitDate !== null);
    expect(exited.length).toBeGreaterThan(0);
    expect(assessments.length).toBe(enrollments.size + exited.length);
    const today = new Date(TEST_NOW).toISOString().slice(0, 10);
    for (const a of assessments) {
      const enrollment = enrollments.get(a.enrollmentId)!;
      const client = clientsById.get(a.clientId)!;
      const age = Number(enrollment.projectStartDate.slice(0, 4)) - Number(client.dob!.slice(0, 4));
      const issues = validateAssessment(a, {
        enrollment,
        today,
        picklists: DEFAULT_PICKLIST_REGISTRY,
        formContext: {
          projectType: enrollment.providerId === DEMO_PROVIDER_ID ? 6 : 4,
          subject: { isHeadOfHousehold: enrollment.relationshipToHoH === 1, isAdult: age > 18 },
        },
      });
      expect(
        issues.filter((i) => i.severity === 'error'),
        `${client.firstName} ${client.lastName}`,
      ).toEqual([]);
    }
  }, 30_000);

  it('lets every demo user sign in with the documented password', async () => {
    await seedDemo(t.storage, { now: TEST_NOW });
    for (const demo of DEMO_USERS) {
      expect(demo.password.length).toBeGreaterThanOrEqual(12);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: demo.username, password: demo.password },
      });
      expect(res.statusCode, demo.username).toBe(200);
      expect(res.json().user.role).toBe(demo.role);
      expect(
        res
          .json()
          .user.providers.map((p: { id: string }) => p.id)
          .sort(),
      ).toEqual([...demo.providerIds].sort());
    }
  }, 30_000);

  it('runs as a command, and a second run says there is nothing to do', async () => {
    const out: string[] = [];
    const io = {
      out: (l: string) => void out.push(l),
      err: (l: string) => void out.push(l),
      storage: t.storage,
      now: () => TEST_NOW,
    };
    expect(await seedMain(io)).toBe(0);
    expect(out.join('\n')).toMatch(/Seeded the demo: 2 providers, 4 users, 16 households/);
    expect(out.join('\n')).toContain('demo.casemanager');
    out.length = 0;
    expect(await seedMain(io)).toBe(0);
    expect(out).toEqual(['The demo is already there (the demo provider exists); nothing to do.']);
  }, 30_000);
});
