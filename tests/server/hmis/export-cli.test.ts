// `npm run admin -- export-hmis` on SQLite and PostgreSQL, in-process (admin.ts main) against the
// seeded demo caseload, with the real FY2026 mapping and the real port of Eva's checks.
// Synthetic people only.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hmisHeader } from '../../../src/domain/hmis-csv';
import { main } from '../../../sync-server/src/cli/admin';
import {
  DEMO_OUTREACH_PROVIDER_ID,
  DEMO_PROVIDER_ID,
  seedDemo,
} from '../../../sync-server/src/cli/seed-demo';
import { readHmisZip } from '../../../sync-server/src/hmis/csv-zip';
import type { Storage } from '../../../sync-server/src/storage/types';
import { tempDir, TEST_NOW } from '../helpers';
import { openTestStorage, STORAGE_KINDS } from '../storage/test-storage';

interface Run {
  code: number;
  out: string;
  err: string;
}

describe.each(STORAGE_KINDS)('export-hmis on %s', (kind) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    ({ storage, cleanup } = await openTestStorage(kind));
    await seedDemo(storage, { now: TEST_NOW });
    dir = tempDir('hmis-export');
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });

  const admin = async (...args: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, {
      storage,
      env: {},
      cwd: dir.dir,
      now: () => TEST_NOW,
      out: (l) => void out.push(l),
      err: (l) => void err.push(l),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('Eva port: the hashed export of the whole demo (both providers) has zero errors and zero high-priority findings', async () => {
    const run = await admin(
      'export-hmis',
      '--provider',
      DEMO_PROVIDER_ID,
      '--provider',
      DEMO_OUTREACH_PROVIDER_ID,
      '--start',
      '2025-10-01',
      '--end',
      new Date(TEST_NOW).toISOString().slice(0, 10),
      '--out',
      path.join(dir.dir, 'demo-hashed.zip'),
      '--hash',
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(
      /What Eva would flag: 0 error\(s\), 0 high priority, \d+ warning\(s\)\./,
    );
  });

  it('exports the demo caseload: exit 0, rows per file printed, a readable zip, Export.csv first', async () => {
    const run = await admin(
      'export-hmis',
      '--provider',
      'Hennepin Family',
      '--start',
      '2025-03-01',
      '--end',
      '2026-03-01',
      '--out',
      'demo.zip',
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/Wrote demo\.zip: "Hennepin Family Case Management \(demo\)"/);
    expect(run.out).toContain('unhashed (HashStatus 1)');
    expect(run.out).toMatch(/Rows per file:\n {2}Export\.csv +1\n/);
    expect(run.out).toMatch(
      /What Eva would flag: \d+ error\(s\), \d+ high priority, \d+ warning\(s\)\./,
    );

    const zip = await readHmisZip(path.join(dir.dir, 'demo.zip'));
    const names = [...zip.keys()];
    expect(names[0]).toBe('Export.csv');
    expect(names).toHaveLength(24);
    const clients = zip.get('Client.csv')!;
    expect(clients[0]).toEqual(hmisHeader('Client'));
    // The printed count is the zip's.
    const printed = Number(/ {2}Client\.csv +(\d+)/.exec(run.out)![1]);
    expect(printed).toBe(clients.length - 1);
    expect(printed).toBeGreaterThanOrEqual(24);
    const exportRow = zip.get('Export.csv')![1]!;
    const col = (name: string) => exportRow[hmisHeader('Export').indexOf(name)];
    expect(col('HashStatus')).toBe('1');
    expect(col('SoftwareName')).toBe('Fieldnote');
    expect(col('CSVVersion')).toMatch(/^2026/);
    // Nothing but the zip is left behind.
    expect(readdirSync(dir.dir)).toEqual(['demo.zip']);
  }, 60_000);

  it('audits the CLI export: action hmis_export, both providers, the period, the counts', async () => {
    const run = await admin(
      'export-hmis',
      '--provider',
      DEMO_PROVIDER_ID,
      '--provider',
      'Downtown Shelter',
      '--start',
      '2025-03-01',
      '--end',
      '2026-03-01',
      '--out',
      'both.zip',
    );
    expect(run.code).toBe(0);
    for (const providerId of [DEMO_PROVIDER_ID, DEMO_OUTREACH_PROVIDER_ID]) {
      const entries = (await storage.listAudit({ providerId, limit: 100 })).filter(
        (e) => e.action === 'hmis_export',
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]!.details).toMatchObject({
        via: 'cli',
        providerIds: [DEMO_PROVIDER_ID, DEMO_OUTREACH_PROVIDER_ID],
        startDate: '2025-03-01',
        endDate: '2026-03-01',
        hashed: false,
        completed: true,
      });
    }
  }, 60_000);

  it('--hash writes HashStatus 4 and SHA-256 names and SSN', async () => {
    const plain = await admin(
      'export-hmis',
      '--provider=Hennepin',
      '--start=2025-03-01',
      '--end=2026-03-01',
      '--out=plain.zip',
    );
    const hashed = await admin(
      'export-hmis',
      '--provider=Hennepin',
      '--start=2025-03-01',
      '--end=2026-03-01',
      '--out=hashed.zip',
      '--hash',
    );
    expect(plain.code).toBe(0);
    expect(hashed.code).toBe(0);
    expect(hashed.out).toContain('hashed (HashStatus 4)');
    const zip = await readHmisZip(path.join(dir.dir, 'hashed.zip'));
    const exportRow = zip.get('Export.csv')![1]!;
    expect(exportRow[hmisHeader('Export').indexOf('HashStatus')]).toBe('4');
    const header = hmisHeader('Client');
    const plainRows = (await readHmisZip(path.join(dir.dir, 'plain.zip'))).get('Client.csv')!;
    const hashedRows = zip.get('Client.csv')!;
    const first = header.indexOf('FirstName');
    const last = header.indexOf('LastName');
    for (const row of hashedRows.slice(1)) {
      expect(row[first]).toMatch(/^[0-9a-f]{64}$/);
      expect(row[last]).toMatch(/^[0-9a-f]{64}$/);
    }
    const plainNames = new Set(plainRows.slice(1).map((r) => r[last]));
    expect(hashedRows.slice(1).some((r) => plainNames.has(r[last]))).toBe(false);
  }, 60_000);

  it('an unknown provider exits 1 with the message and writes nothing', async () => {
    const run = await admin(
      'export-hmis',
      '--provider',
      'No Such Provider',
      '--start',
      '2025-03-01',
      '--end',
      '2026-03-01',
      '--out',
      'none.zip',
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain('No provider with id or name "No Such Provider"');
    expect(existsSync(path.join(dir.dir, 'none.zip'))).toBe(false);
  });

  it('an ambiguous part of a name exits 1 listing the candidates', async () => {
    const run = await admin(
      'export-hmis',
      '--provider',
      '(demo)',
      '--start',
      '2025-03-01',
      '--end',
      '2026-03-01',
      '--out',
      'none.zip',
    );
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/matches several providers: .*Downtown Shelter Outreach.*Hennepin/);
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'This date does not exist on the calendar'],
    ['2026-03-01', '2026-02-01', 'The start date (2026-03-01) is after the end date (2026-02-01).'],
    ['2026-02-01', '2026-04-01', 'The end date (2026-04-01) is in the future'],
    ['March', '2026-03-01', 'Use a date in the form YYYY-MM-DD'],
  ])('a bad period (%s to %s) exits 1 with the message', async (start, end, message) => {
    const run = await admin(
      'export-hmis',
      '--provider',
      DEMO_PROVIDER_ID,
      '--start',
      start,
      '--end',
      end,
      '--out',
      'bad.zip',
    );
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
    expect(readdirSync(dir.dir)).toEqual([]);
  });

  it('without --out, or with an --out that is not a .zip, refuses', async () => {
    const missing = await admin(
      'export-hmis',
      '--provider',
      DEMO_PROVIDER_ID,
      '--start',
      '2025-03-01',
      '--end',
      '2026-03-01',
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('export-hmis needs --out');
    const notZip = await admin(
      'export-hmis',
      '--provider',
      DEMO_PROVIDER_ID,
      '--start',
      '2025-03-01',
      '--end',
      '2026-03-01',
      '--out',
      'export.csv',
    );
    expect(notZip.code).toBe(1);
    expect(notZip.err).toContain('must name a .zip file');
  });
});
