// deviceEvaCheck: the HMIS CSV exporter and the port of Eva's checks run over the device's
// records, keeping the client data-quality checks (the device holds no project descriptors).
import { describe, expect, it } from 'vitest';
import { EVA_CHECKS } from '../../../../src/domain/hmis-csv';
import {
  deviceEvaCheck,
  isDeviceCheckable,
  type DeviceExportRecord,
} from '../../../../src/domain/workflow/data-quality';
import { CHILD, PROVIDER, USERS, fixtureRecords, id, meta } from '../../hmis-csv/export/fixture';

const asDevice = (
  list: readonly { record: object; meta: DeviceExportRecord['meta']; deleted: boolean }[],
) =>
  list.map((r) => ({
    view: { ...(r.record as { id: string }), deleted: r.deleted, pending: false },
    meta: r.meta,
  }));

function deviceRecords(
  change: (r: ReturnType<typeof fixtureRecords>) => void = () => {},
): Record<'client' | 'enrollment' | 'assessment' | 'currentLivingSituation', DeviceExportRecord[]> {
  const records = fixtureRecords();
  change(records);
  return {
    client: asDevice(records.client),
    enrollment: asDevice(records.enrollment),
    assessment: asDevice(records.assessment),
    currentLivingSituation: asDevice(records.currentLivingSituation),
  };
}

const run = (records: ReturnType<typeof deviceRecords>) =>
  deviceEvaCheck({
    records,
    providers: [
      { id: PROVIDER.id, name: PROVIDER.name, projectType: 6, funders: [], cocCodes: ['MN-500'] },
    ],
    users: USERS,
    period: { startDate: '2026-01-01', endDate: '2026-03-31' },
    exportedAt: '2026-04-01T14:00:00Z',
    timeZone: 'America/Chicago',
    softwareVersion: '0.1.0',
  });

describe('Eva checks on the device data', () => {
  it('keeps only client data-quality checks (no descriptor, structure or 111–120 findings)', async () => {
    const { report } = await run(deviceRecords());
    for (const f of report.findings) {
      expect(EVA_CHECKS.get(f.checkId)?.source).toBe('dq');
      expect(isDeviceCheckable(f.checkId)).toBe(true);
    }
    expect(isDeviceCheckable('5')).toBe(false);
    expect(isDeviceCheckable('116')).toBe(false);
    expect(isDeviceCheckable('fieldnote/foreign-key')).toBe(false);
    expect(report.counts.error + report.counts.high + report.counts.warning).toBe(
      report.findings.length,
    );
  });

  it('Eva 60 Unknown DOB is found on a device client with DOB data quality 99, by PersonalID', async () => {
    const { report } = await run(
      deviceRecords((r) => {
        const child = r.client.find((c) => c.record.id === CHILD.id)!;
        child.record = { ...child.record, dob: null, dobDataQuality: 99 };
      }),
    );
    const sixty = report.findings.filter((f) => f.checkId === '60');
    expect(sixty.map((f) => f.personalId)).toEqual([CHILD.id]);
    expect(report.byCheck.find((c) => c.checkId === '60')?.count).toBe(1);
    expect(JSON.stringify(report.findings)).not.toContain('Casey');
  });

  it('counts a device record that is not a complete record yet as unreadable, and leaves it out', async () => {
    const records = deviceRecords();
    records.client.push({
      view: { id: id('half-typed'), firstName: 'Half', deleted: false, pending: true },
      meta: meta('2026-02-01T15:00:00Z'),
    });
    const { unreadable } = await run(records);
    expect(unreadable).toBe(1);
  });
});
