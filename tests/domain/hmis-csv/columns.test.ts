// The generated specification (src/domain/hmis-csv/columns.ts) against the reference CSV it was
// generated from (Eva's columns.csv), with exactly the corrections hmis-conformance-gaps.md §6
// prescribes, so a change to either side that the generator was not re-run for fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HMIS_FILES, HMIS_FILE_NAMES, hmisFile, hmisHeader } from '../../../src/domain/hmis-csv';

interface ReferenceRow {
  file: string;
  no: number;
  column: string;
  dataType: string;
  highPriority: boolean;
  nullable: boolean;
}

const REFERENCE: ReferenceRow[] = readFileSync(
  new URL('../../fixtures/reference/hmis-csv-fy2026-columns.csv', import.meta.url),
  'utf8',
)
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [file, no, column, dataType, highPriority, nullable] = line.split(',');
    return {
      file: file!,
      no: Number(no),
      column: column!,
      dataType: dataType!,
      highPriority: highPriority === '1',
      nullable: nullable === '1',
    };
  });

/** §6 items 2 and 3: CSV-2026 spelling and no stray trailing space. */
function corrected(file: string, column: string): string {
  const name = column.trim();
  if (file === 'Disabilities' && name === 'TcellCount') return 'TCellCount';
  if (file === 'Disabilities' && name === 'TcellSource') return 'TCellSource';
  return name;
}

function referenceColumns(file: string): ReferenceRow[] {
  return REFERENCE.filter((r) => r.file === file)
    .sort((a, b) => a.no - b.no)
    .map((r) => ({ ...r, column: corrected(file, r.column) }));
}

describe('HMIS CSV FY2026 columns', () => {
  it('has the 24 files of the reference, Export first, in CSV-2026 export order', () => {
    expect(new Set(HMIS_FILE_NAMES)).toEqual(new Set(REFERENCE.map((r) => r.file)));
    expect(HMIS_FILE_NAMES).toHaveLength(24);
    expect(HMIS_FILE_NAMES.slice(0, 4)).toEqual(['Export', 'Organization', 'User', 'Project']);
    expect(HMIS_FILE_NAMES.indexOf('Client')).toBeLessThan(HMIS_FILE_NAMES.indexOf('Enrollment'));
    expect(HMIS_FILES.map((f) => f.fileName)).toEqual(HMIS_FILE_NAMES.map((n) => `${n}.csv`));
  });

  it.each(HMIS_FILE_NAMES.map((n) => [n]))('%s.csv has the reference columns and rules', (name) => {
    const ref = referenceColumns(name);
    const spec = hmisFile(name).columns;
    expect(spec.map((c) => c.name).sort()).toEqual(ref.map((r) => r.column).sort());
    for (const r of ref) {
      const column = spec.find((c) => c.name === r.column)!;
      expect({
        evaType: column.evaType,
        nullable: column.nullable,
        hp: column.highPriority,
      }).toEqual({ evaType: r.dataType, nullable: r.nullable, hp: r.highPriority });
    }
    // Order is the reference's, except the one move §6 item 1 prescribes.
    const refOrder = ref.map((r) => r.column).filter((c) => c !== 'MentalHealthConsultation');
    expect(spec.map((c) => c.name).filter((c) => c !== 'MentalHealthConsultation')).toEqual(
      refOrder,
    );
  });

  it('puts Enrollment.MentalHealthConsultation after ThresholdScore, as CSV-2026 does', () => {
    const header = hmisHeader('Enrollment');
    expect(header[header.indexOf('ThresholdScore') + 1]).toBe('MentalHealthConsultation');
  });

  it('gives each column a HUD data type consistent with its Eva type', () => {
    for (const file of HMIS_FILES) {
      for (const c of file.columns) {
        const expected =
          c.name === 'DateDeleted'
            ? /^T$/
            : { date: /^D$/, datetime: /^T$/, numeric: /^(I|M\+?)$/, character: /^S\d*$/ }[
                c.evaType
              ];
        expect(c.type, `${file.name}.${c.name}`).toMatch(expected);
      }
    }
  });

  it('writes the types the references state', () => {
    const type = (file: Parameters<typeof hmisFile>[0], column: string) =>
      hmisFile(file).columns.find((c) => c.name === column)?.type;
    expect(type('Export', 'ExportID')).toBe('S32');
    expect(type('Export', 'SourceID')).toBe('S350');
    expect(type('Export', 'ExportDate')).toBe('T');
    expect(type('Client', 'SSN')).toBe('S9');
    expect(type('Client', 'DOB')).toBe('D');
    expect(type('IncomeBenefits', 'EarnedAmount')).toBe('M');
    expect(type('Services', 'FAAmount')).toBe('M');
    expect(type('CurrentLivingSituation', 'VerifiedBy')).toBe('S200');
    expect(type('Enrollment', 'RelationshipToHoH')).toBe('I');
    expect(type('Affiliation', 'DateDeleted')).toBe('T');
  });

  it('ends every file with the metadata columns and ExportID', () => {
    for (const file of HMIS_FILES) {
      if (file.name === 'Export') continue;
      expect(file.columns.slice(-5).map((c) => c.name)).toEqual(
        file.name === 'User'
          ? ['UserEmail', 'DateCreated', 'DateUpdated', 'DateDeleted', 'ExportID']
          : ['DateCreated', 'DateUpdated', 'UserID', 'DateDeleted', 'ExportID'],
      );
    }
  });
});
