// The import as the inverse of the export, without a server: the exporter's synthetic household
// (entry, two Updates of one day combined into one row, an exit with Destination 17 and 435, an
// Exit assessment, disabilities, CLS) is exported, planned back into records with the metadata
// the merge would derive from the writes (earliest DateCreated, latest DateUpdated and its
// user), and exported again: every row is the same. tests/server/hmis/round-trip.test.ts does the
// same through the merge and storage.
import { describe, expect, it } from 'vitest';
import {
  hmisExportFiles,
  memoryExportSource,
  type ExportRecord,
} from '../../../../src/domain/hmis-csv';
import { planHmisImport } from '../../../../src/domain/hmis-csv/import';
import { unflattenFields } from '../../../../src/domain/merge';
import type { RecordType } from '../../../../src/domain/records';
import { exportedFiles, fx, type Files } from './fixture';

async function exportOf(records: Parameters<typeof memoryExportSource>[0]): Promise<Files> {
  const out: Files = new Map();
  for await (const file of hmisExportFiles(memoryExportSource(records, fx.USERS), fx.PARAMS)) {
    const rows: string[][] = [];
    for await (const row of file.rows) rows.push([...row]);
    out.set(file.name, rows);
  }
  return out;
}

describe('HMIS CSV round trip (pure)', () => {
  it('export → plan → records → export gives the same rows in every file', async () => {
    const original = await exportedFiles();
    const result = planHmisImport(original, { providerId: fx.PROVIDER.id });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const records: Record<RecordType, ExportRecord<RecordType>[]> = {
      client: [],
      enrollment: [],
      assessment: [],
      currentLivingSituation: [],
      contact: [],
      caseManagerAssignment: [],
    };
    for (const w of result.plan.writes) {
      const record = unflattenFields(w.id, { ...w.createDefaults, ...w.fields });
      if (w.type === 'assessment') record.answers ??= {};
      records[w.type].push({
        record: record as never,
        meta: {
          dateCreated: new Date(w.createdAt).toISOString(),
          dateUpdated: new Date(w.updatedAt).toISOString(),
          userId: w.userId,
          dateDeleted: null,
        },
        deleted: false,
      });
    }
    const again = await exportOf(records as never);
    expect([...again.keys()]).toEqual([...original.keys()]);
    for (const [name, rows] of original) {
      const sort = (r: string[][]) => [
        r[0],
        ...r
          .slice(1)
          .map((x) => x.join('|'))
          .sort(),
      ];
      expect(sort(again.get(name)!), name).toEqual(sort(rows));
    }
    expect(original.get('Exit.csv')!.length).toBeGreaterThan(2);
  });
});
