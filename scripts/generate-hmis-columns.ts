// Generates src/domain/hmis-csv/columns.ts, the HMIS CSV FY2026 column specification as typed
// data, from tests/fixtures/reference/hmis-csv-fy2026-columns.csv (Eva's columns.csv: file,
// column number, name, Eva data type, high-priority flag, nulls allowed). Run after the reference
// changes, and commit the output:
//
//   npx tsx scripts/generate-hmis-columns.ts
//
// Eva's list is the source of the names, Eva types and null rules. Three things come from
// elsewhere, each with its source below:
//  - the order of the files (CSV-2026 table of contents, hmis-data-standards.md §2.1), since
//    Eva's list is alphabetical;
//  - the HUD data type (I, M, D, T, S#), which Eva's list does not carry;
//  - the corrections hmis-conformance-gaps.md §6 tells us to make to Eva's list.
// tests/domain/hmis-csv/columns.test.ts checks the output against the reference CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { format, resolveConfig } from 'prettier';

const root = new URL('../', import.meta.url);
const SOURCE = new URL('tests/fixtures/reference/hmis-csv-fy2026-columns.csv', root);
const TARGET = new URL('src/domain/hmis-csv/columns.ts', root);

/** Export order, hmis-data-standards.md §2.1 (the same 24 files in FY2024 and FY2026). */
export const FILE_ORDER = [
  'Export',
  'Organization',
  'User',
  'Project',
  'Funder',
  'ProjectCoC',
  'Inventory',
  'Affiliation',
  'HMISParticipation',
  'CEParticipation',
  'Client',
  'Enrollment',
  'Exit',
  'IncomeBenefits',
  'HealthAndDV',
  'EmploymentEducation',
  'Disabilities',
  'Services',
  'CurrentLivingSituation',
  'Assessment',
  'AssessmentQuestions',
  'AssessmentResults',
  'Event',
  'YouthEducationStatus',
] as const;

/**
 * String lengths (S#) the references state: hmis-data-standards.md §2.4 (FY2024 tables, which
 * equal HUD's S# where checked) with the FY2026 changes of §2.5 (SourceID S350, VerifiedBy S200).
 * Record identifiers, UserID and ExportID are S32 (§2.3) and are handled by `isIdentifier`.
 * A string column not listed here has no length in the references and gets type "S".
 */
const STRING_LENGTHS: Readonly<Record<string, number>> = {
  'Export.SourceID': 350,
  'Export.SourceName': 50,
  'Export.SourceContactFirst': 50,
  'Export.SourceContactLast': 50,
  'Export.SourceContactPhone': 10,
  'Export.SourceContactExtension': 5,
  'Export.SourceContactEmail': 320,
  'Export.SoftwareName': 50,
  'Export.SoftwareVersion': 50,
  'Export.CSVVersion': 50,
  'Export.ImplementationID': 200,
  'Organization.OrganizationName': 200,
  'Organization.OrganizationCommonName': 200,
  'User.UserFirstName': 50,
  'User.UserLastName': 50,
  'User.UserPhone': 10,
  'User.UserExtension': 5,
  'User.UserEmail': 320,
  'Project.ProjectName': 200,
  'Project.ProjectCommonName': 200,
  'Client.FirstName': 50,
  'Client.MiddleName': 50,
  'Client.LastName': 50,
  'Client.NameSuffix': 50,
  'Client.SSN': 9,
  'Client.AdditionalRaceEthnicity': 100,
  'Enrollment.EnrollmentCoC': 6,
  'Enrollment.VAMCStation': 5,
  'Exit.OtherDestination': 50,
  'CurrentLivingSituation.VerifiedBy': 200,
  'CurrentLivingSituation.LocationDetails': 250,
  'IncomeBenefits.OtherIncomeSourceIdentify': 50,
  'IncomeBenefits.OtherBenefitsSourceIdentify': 50,
  'IncomeBenefits.OtherInsuranceIdentify': 50,
  'Services.OtherTypeProvided': 50,
  'Services.MovingOnOtherType': 50,
  'Assessment.AssessmentLocation': 250,
};

/** Record identifiers (§2.3: "all S32"); GrantID and the Export ids above are not record ids. */
function isIdentifier(file: string, column: string): boolean {
  if (file === 'Export' && column !== 'ExportID') return false;
  return /ID$/.test(column) && column !== 'GrantID';
}

/** Money columns (M): IncomeBenefits amounts and Services.FAAmount (§2.4, §5 of the gaps audit). */
function isMoney(file: string, column: string): boolean {
  if (file === 'IncomeBenefits') return column === 'TotalMonthlyIncome' || /Amount$/.test(column);
  return file === 'Services' && column === 'FAAmount';
}

/** hmis-conformance-gaps.md §6 items 2 and 3: CSV-2026 spelling, no trailing space. */
const RENAMES: Readonly<Record<string, string>> = {
  'Disabilities.TcellCount': 'TCellCount',
  'Disabilities.TcellSource': 'TCellSource',
};

/** hmis-conformance-gaps.md §6 item 1: CSV-2026 puts MentalHealthConsultation after ThresholdScore. */
const MOVES: readonly { file: string; column: string; after: string }[] = [
  { file: 'Enrollment', column: 'MentalHealthConsultation', after: 'ThresholdScore' },
];

type EvaType = 'character' | 'numeric' | 'date' | 'datetime';
interface Column {
  name: string;
  type: string;
  evaType: EvaType;
  nullable: boolean;
  highPriority: boolean;
}

function hudType(file: string, name: string, evaType: EvaType): string {
  // Eva types DateDeleted as character; CSV-2026 makes it a datetime (T) in every file.
  if (name === 'DateDeleted') return 'T';
  switch (evaType) {
    case 'date':
      return 'D';
    case 'datetime':
      return 'T';
    case 'numeric':
      return isMoney(file, name) ? 'M' : 'I';
    case 'character': {
      const length = isIdentifier(file, name) ? 32 : STRING_LENGTHS[`${file}.${name}`];
      return length === undefined ? 'S' : `S${length}`;
    }
  }
}

function build(): Map<string, Column[]> {
  const rows = parse(readFileSync(SOURCE, 'utf8'), { columns: true, skip_empty_lines: true }) as {
    File: string;
    ColumnNo: string;
    Column: string;
    DataType: string;
    DataTypeHighPriority: string;
    NullsAllowed: string;
  }[];
  const files = new Map<string, Column[]>(FILE_ORDER.map((f) => [f, []]));
  const sorted = [...rows].sort((a, b) => Number(a.ColumnNo) - Number(b.ColumnNo));
  for (const row of sorted) {
    const columns = files.get(row.File);
    if (columns === undefined) throw new Error(`Unknown file ${row.File} in the reference`);
    const evaType = row.DataType as EvaType;
    if (!['character', 'numeric', 'date', 'datetime'].includes(evaType)) {
      throw new Error(`Unknown data type ${row.DataType} for ${row.File}.${row.Column}`);
    }
    const trimmed = row.Column.trim();
    const name = RENAMES[`${row.File}.${trimmed}`] ?? trimmed;
    columns.push({
      name,
      type: hudType(row.File, name, evaType),
      evaType,
      nullable: row.NullsAllowed === '1',
      highPriority: row.DataTypeHighPriority === '1',
    });
  }
  for (const move of MOVES) {
    const columns = files.get(move.file)!;
    const from = columns.findIndex((c) => c.name === move.column);
    const [moved] = columns.splice(from, 1);
    const to = columns.findIndex((c) => c.name === move.after);
    if (from < 0 || to < 0 || moved === undefined) throw new Error(`Cannot move ${move.column}`);
    columns.splice(to + 1, 0, moved);
  }
  return files;
}

function render(files: Map<string, Column[]>): string {
  const body = [...files]
    .map(([file, columns]) => {
      const lines = columns.map(
        (c) =>
          `[${JSON.stringify(c.name)}, '${c.type}', '${c.evaType}', ${c.nullable}, ${c.highPriority}],`,
      );
      return `  ${file}: [\n${lines.map((l) => `    ${l}`).join('\n')}\n  ],`;
    })
    .join('\n');
  return `// GENERATED by scripts/generate-hmis-columns.ts from
// tests/fixtures/reference/hmis-csv-fy2026-columns.csv (Eva's columns.csv). Do not edit by hand:
// change the reference or the script and run \`npx tsx scripts/generate-hmis-columns.ts\`.
//
// The HMIS CSV FY2026 specification as data: the 24 files in export order (Export.csv first), each
// with its columns in order. Per column: the HUD data type (I integer, M money, D date
// YYYY-MM-DD, T datetime YYYY-MM-DD hh:mm:ss, S# string of at most # characters, S a string whose
// length the references do not state), Eva's data type, whether null is allowed, and whether Eva
// treats a problem in it as High Priority. Column order follows CSV-2026 where it differs from Eva
// (Enrollment.MentalHealthConsultation after ThresholdScore; Disabilities TCellCount/TCellSource).

/** HUD's data type as CSV-2026 writes it. */
export type HmisDataType = 'I' | 'M' | 'M+' | 'D' | 'T' | 'S' | \`S\${number}\`;
/** The type Eva validates against (its columns.csv). */
export type EvaDataType = 'character' | 'numeric' | 'date' | 'datetime';

export interface HmisColumn {
  readonly name: string;
  readonly type: HmisDataType;
  readonly evaType: EvaDataType;
  readonly nullable: boolean;
  /** Eva's DataTypeHighPriority: a wrong type, null or missing column is High Priority. */
  readonly highPriority: boolean;
}

export interface HmisFileSpec {
  /** "Client" for Client.csv. */
  readonly name: HmisFileName;
  readonly fileName: string;
  readonly columns: readonly HmisColumn[];
}

type Row = readonly [name: string, type: HmisDataType, evaType: EvaDataType, nullable: boolean, highPriority: boolean];

const SPEC = {
${body}
} as const satisfies Record<string, readonly Row[]>;

export type HmisFileName = keyof typeof SPEC;

/** The files in export order. */
export const HMIS_FILE_NAMES = Object.freeze(Object.keys(SPEC)) as readonly HmisFileName[];

/** Every file of an FY2026 export, in export order. */
export const HMIS_FILES: readonly HmisFileSpec[] = Object.freeze(
  HMIS_FILE_NAMES.map((name) =>
    Object.freeze({
      name,
      fileName: \`\${name}.csv\`,
      columns: Object.freeze(
        SPEC[name].map(([column, type, evaType, nullable, highPriority]) =>
          Object.freeze({ name: column, type, evaType, nullable, highPriority }),
        ),
      ),
    }),
  ),
);

const BY_NAME = new Map<string, HmisFileSpec>(HMIS_FILES.map((f) => [f.name, f]));

export function isHmisFileName(name: string): name is HmisFileName {
  return BY_NAME.has(name);
}

/** The specification of a file, by "Client" or "Client.csv". */
export function hmisFile(name: HmisFileName | \`\${HmisFileName}.csv\`): HmisFileSpec {
  const spec = BY_NAME.get(name.replace(/\\.csv$/, ''));
  if (spec === undefined) throw new Error(\`\${name} is not an HMIS CSV FY2026 file\`);
  return spec;
}

/** The header row of a file: its column names in order. */
export function hmisHeader(name: HmisFileName): readonly string[] {
  return hmisFile(name).columns.map((c) => c.name);
}
`;
}

const options = (await resolveConfig(TARGET.pathname)) ?? {};
const text = await format(render(build()), {
  ...options,
  parser: 'typescript',
  filepath: TARGET.pathname,
});
writeFileSync(TARGET, text);
console.log(`Wrote ${TARGET.pathname}`);
