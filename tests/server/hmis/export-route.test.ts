// The HMIS export API on SQLite and PostgreSQL (contract: src/domain/protocol/hmis-export.ts):
// who may export what, bad input in words, the streamed zip, the check answer, the download link,
// and the audit. The seeded demo caseload, the real mapping and the real port of Eva's checks.
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hmisExportCheckResponseSchema,
  hmisExportTicketResponseSchema,
} from '../../../src/domain/protocol';
import { createProvider } from '../../../sync-server/src/auth/accounts';
import {
  DEMO_OUTREACH_PROVIDER_ID,
  DEMO_PROVIDER_ID,
  DEMO_USERS,
  seedDemo,
} from '../../../sync-server/src/cli/seed-demo';
import { readHmisZip } from '../../../sync-server/src/hmis/csv-zip';
import { TICKET_TTL_SECONDS } from '../../../sync-server/src/hmis/export-ticket';
import { openTestApp, TEST_NOW, type TestApp } from '../helpers';
import { STORAGE_KINDS } from '../storage/test-storage';

const PERIOD = { startDate: '2025-03-01', endDate: '2026-03-01' };

describe.each(STORAGE_KINDS)('the HMIS export API on %s', (kind) => {
  let t: TestApp;
  let elsewhereId: string;
  beforeEach(async () => {
    t = await openTestApp(kind);
    await seedDemo(t.storage, { now: TEST_NOW });
    elsewhereId = (
      await createProvider(
        t.storage,
        { name: 'Elsewhere Services', projectType: 6, funders: [1] },
        TEST_NOW,
      )
    ).id;
  });
  afterEach(async () => {
    await t.close();
  });

  async function tokenOf(username: string): Promise<string> {
    const user = DEMO_USERS.find((u) => u.username === username)!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username, password: user.password },
    });
    expect(res.statusCode).toBe(200);
    return (res.json() as { accessToken: string }).accessToken;
  }

  const post = (
    url: string,
    token: string | null,
    payload: unknown,
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method: 'POST',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      payload: payload as Record<string, unknown>,
    });

  it('401 without a token', async () => {
    const res = await post('/api/hmis/exports', null, {
      providerIds: [DEMO_PROVIDER_ID],
      ...PERIOD,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized' });
    expect((await post('/api/hmis/exports/check', null, {})).statusCode).toBe(401);
  });

  it('403 for a case manager, even of the provider', async () => {
    const token = await tokenOf('demo.casemanager');
    for (const url of [
      '/api/hmis/exports',
      '/api/hmis/exports/check',
      '/api/hmis/exports/ticket',
    ]) {
      const res = await post(url, token, { providerIds: [DEMO_PROVIDER_ID], ...PERIOD });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().message).toBe('Only supervisors or administrators can do this.');
    }
  });

  it('403 for a supervisor naming a provider they are not a member of', async () => {
    const token = await tokenOf('demo.supervisor');
    const res = await post('/api/hmis/exports', token, {
      providerIds: [DEMO_PROVIDER_ID, elsewhereId],
      ...PERIOD,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain(
      `only the providers you are a member of; not ${elsewhereId}`,
    );
  });

  it.each([
    [{ providerIds: [], ...PERIOD }, 'Choose at least one provider to export.'],
    [{ providerIds: ['nope'], ...PERIOD }, 'providerIds.0'],
    [
      { providerIds: [DEMO_PROVIDER_ID], startDate: '2026-02-30', endDate: '2026-03-01' },
      'This date does not exist',
    ],
    [
      { providerIds: [DEMO_PROVIDER_ID], startDate: '2026-03-01', endDate: '2026-02-01' },
      'is after the end date',
    ],
    [
      { providerIds: [DEMO_PROVIDER_ID], startDate: '2026-02-01', endDate: '2026-04-01' },
      'is in the future',
    ],
    [{ providerIds: [DEMO_PROVIDER_ID], ...PERIOD, extra: 1 }, 'extra'],
    [{ providerIds: [DEMO_PROVIDER_ID], ...PERIOD, hash: 'yes' }, 'hash'],
  ])('400 for a bad body %j', async (body, message) => {
    const token = await tokenOf('demo.supervisor');
    const res = await post('/api/hmis/exports', token, body);
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(message);
  });

  it('400 for an administrator naming a provider that does not exist', async () => {
    const token = await tokenOf('demo.admin');
    const missing = 'f'.repeat(32);
    const res = await post('/api/hmis/exports', token, { providerIds: [missing], ...PERIOD });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(`There is no provider with id ${missing}.`);
  });

  it('200 streams the zip to a supervisor, Export.csv first, and audits the download', async () => {
    const token = await tokenOf('demo.supervisor');
    const res = await post('/api/hmis/exports', token, {
      providerIds: [DEMO_PROVIDER_ID, DEMO_OUTREACH_PROVIDER_ID],
      ...PERIOD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="hmis-csv-2025-03-01-to-2026-03-01.zip"',
    );
    const zip = await readHmisZip(new Uint8Array(res.rawPayload));
    expect([...zip.keys()][0]).toBe('Export.csv');
    expect(zip.get('Client.csv')!.length).toBeGreaterThan(24);

    const supervisor = await t.storage.getUserByUsername('demo.supervisor');
    for (const providerId of [DEMO_PROVIDER_ID, DEMO_OUTREACH_PROVIDER_ID]) {
      const entries = (await t.storage.listAudit({ providerId, limit: 200 })).filter(
        (e) => e.action === 'hmis_export',
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        userId: supervisor!.id,
        details: { via: 'api', kind: 'download', hashed: false, completed: true, ...PERIOD },
      });
    }
  }, 60_000);

  it('an administrator may export any provider', async () => {
    const token = await tokenOf('demo.admin');
    const res = await post('/api/hmis/exports', token, {
      providerIds: [elsewhereId],
      ...PERIOD,
      hash: true,
    });
    expect(res.statusCode).toBe(200);
    const zip = await readHmisZip(new Uint8Array(res.rawPayload));
    expect(zip.get('Client.csv')).toHaveLength(1); // a new provider: the header only
    expect(res.headers['content-disposition']).toContain('-hashed.zip');
  }, 60_000);

  it('the check answers the rows per file and what Eva would flag, without the zip, and audits it', async () => {
    const token = await tokenOf('demo.supervisor');
    const res = await post('/api/hmis/exports/check', token, {
      providerIds: [DEMO_PROVIDER_ID],
      ...PERIOD,
    });
    expect(res.statusCode).toBe(200);
    const body = hmisExportCheckResponseSchema.parse(res.json());
    expect(body.files[0]).toEqual({ file: 'Export.csv', rows: 1 });
    expect(body.files).toHaveLength(24);
    expect(body.providerIds).toEqual([DEMO_PROVIDER_ID]);
    const total = body.report.counts.error + body.report.counts.high + body.report.counts.warning;
    expect(body.report.byCheck.reduce((n, c) => n + c.count, 0)).toBe(total);
    // Unhashed: Eva's 126 is flagged, as it would be by Eva.
    expect(body.report.byCheck.map((c) => c.checkId)).toContain('126');
    const entries = await t.storage.listAudit({ providerId: DEMO_PROVIDER_ID, limit: 200 });
    expect(entries.filter((e) => e.action === 'hmis_export_check')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'hmis_export')).toHaveLength(0);
  }, 60_000);

  it('a download link works without a token until it expires, and is audited as the supervisor', async () => {
    const token = await tokenOf('demo.supervisor');
    const res = await post('/api/hmis/exports/ticket', token, {
      providerIds: [DEMO_PROVIDER_ID],
      ...PERIOD,
    });
    expect(res.statusCode).toBe(200);
    const { url } = hmisExportTicketResponseSchema.parse(res.json());
    const download = await t.app.inject({ method: 'GET', url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect([...(await readHmisZip(new Uint8Array(download.rawPayload))).keys()][0]).toBe(
      'Export.csv',
    );
    const supervisor = await t.storage.getUserByUsername('demo.supervisor');
    const entries = (
      await t.storage.listAudit({ providerId: DEMO_PROVIDER_ID, limit: 200 })
    ).filter((e) => e.action === 'hmis_export');
    expect(entries.map((e) => e.userId)).toEqual([supervisor!.id]);

    const tampered = await t.app.inject({
      method: 'GET',
      url: url.replace(/.\.(?=[^.]*$)/, (m) => (m[0] === 'A' ? 'B.' : 'A.')),
    });
    expect(tampered.statusCode).toBe(403);
    t.clock.now += (TICKET_TTL_SECONDS + 1) * 1000;
    const late = await t.app.inject({ method: 'GET', url });
    expect(late.statusCode).toBe(403);
    expect(late.json().message).toContain('expired');
  }, 60_000);

  it('a ticket for a foreign provider is refused when asked for, not when followed', async () => {
    const token = await tokenOf('demo.supervisor');
    const res = await post('/api/hmis/exports/ticket', token, {
      providerIds: [elsewhereId],
      ...PERIOD,
    });
    expect(res.statusCode).toBe(403);
  });
});
