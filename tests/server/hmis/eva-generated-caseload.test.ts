// The port of Eva's checks on a generated caseload of 5,000 households (issue 10 §2): exported
// with the product's exporter, checked with the product's checker, zero errors and zero
// high-priority findings. In memory (memoryExportSource), so it measures the export and the
// checks, not storage; the demo's export through storage is checked in eva-demo.test.ts.
import { describe, expect, it } from 'vitest';
import {
  createHmisExportChecker,
  hmisExportFiles,
  memoryExportSource,
  type ExportRecord,
  type HmisCheckReport,
  type HmisExportSource,
  type MemoryExportRecords,
} from '../../../src/domain/hmis-csv';
import {
  providerSchema,
  type Provider,
  type RecordMeta,
  type RecordOfType,
  type RecordType,
} from '../../../src/domain/records';
import { generatedCaseloadRecords } from '../../../sync-server/src/cli/generated-caseload';
import { DEMO_PROVIDERS } from '../../../sync-server/src/cli/seed-demo';

const TODAY = '2026-11-30';
const CM = 'a1'.repeat(16);
const CM2 = 'b2'.repeat(16);

const demo = DEMO_PROVIDERS[0];
const PROVIDER: Provider = providerSchema.parse({
  id: demo.id,
  name: demo.name,
  organizationName: demo.organizationName,
  projectType: demo.projectType,
  funders: demo.funders,
  cocCode: demo.cocCode,
  active: true,
  ...demo.descriptors,
});

/** Metadata as the merge keeps it: created and updated on the record's own date, by its worker. */
function exportRecord<T extends RecordType>(
  record: RecordOfType[T],
  date: string,
): ExportRecord<T> {
  const at = `${date}T18:00:00.000Z`;
  const meta: RecordMeta = { dateCreated: at, dateUpdated: at, userId: CM, dateDeleted: null };
  return { record, meta, deleted: false };
}

async function exportAndCheck(source: HmisExportSource): Promise<HmisCheckReport> {
  const checker = createHmisExportChecker();
  for await (const file of hmisExportFiles(source, {
    exportId: 'c3'.repeat(16),
    providers: [PROVIDER],
    startDate: '2024-10-01',
    endDate: TODAY,
    exportedAt: `${TODAY}T20:00:00.000Z`,
    hash: true,
    timeZone: 'America/Chicago',
    softwareName: 'Fieldnote',
    softwareVersion: '0.1.0',
    implementationId: 'fieldnote-test',
  })) {
    let header = true;
    for await (const row of file.rows) {
      if (header) checker.file(file.name, row);
      else checker.row(file.name, row);
      header = false;
    }
  }
  return checker.finish();
}

describe('the port of Eva on a generated caseload', () => {
  it('Eva port: 5,000 generated households export with zero errors and zero high-priority findings', async () => {
    const built = generatedCaseloadRecords({
      households: 5000,
      seed: 2026,
      today: TODAY,
      provider: { id: PROVIDER.id, projectType: PROVIDER.projectType, cocCode: 'MN-500' },
      caseManagerIds: { cm: CM, cm2: CM2 },
    });
    // Clients are created on the day their household started.
    const startOfClient = new Map(built.enrollments.map((e) => [e.clientId, e.projectStartDate]));
    const records: MemoryExportRecords = {
      client: built.clients.map((c) => exportRecord<'client'>(c, startOfClient.get(c.id)!)),
      enrollment: built.enrollments.map((e) => exportRecord<'enrollment'>(e, e.projectStartDate)),
      assessment: built.assessments.map((a) => exportRecord<'assessment'>(a, a.informationDate)),
      currentLivingSituation: built.situations.map((c) =>
        exportRecord<'currentLivingSituation'>(c, c.informationDate),
      ),
      contact: built.contacts.map((c) => exportRecord<'contact'>(c, c.contactAt.slice(0, 10))),
      caseManagerAssignment: built.assignments.map((a) =>
        exportRecord<'caseManagerAssignment'>(a, a.startDate),
      ),
    };
    expect(built.enrollments.length).toBeGreaterThan(10_000);
    expect(built.enrollments.some((e) => e.exitDate !== null)).toBe(true);

    const report = await exportAndCheck(
      memoryExportSource(records, [
        { id: CM, displayName: 'Casey Generated', email: null },
        { id: CM2, displayName: 'Jordan Generated', email: null },
      ]),
    );
    const serious = report.byCheck.filter((c) => c.severity !== 'warning');
    expect(serious).toEqual([]);
    expect(report.counts.error).toBe(0);
    expect(report.counts.high).toBe(0);
    // A county-sized check: minutes on a busy 2-core machine is a hang, not slowness.
  }, 600_000);
});
