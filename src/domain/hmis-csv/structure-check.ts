// The project's port of HUD Eva's file-structure checks (hud-eva-checks.csv, Source "file
// structure"), run on every export before it leaves the server. Input: the parsed files of one
// export, file name ("Client.csv") → rows, header row first. Output: findings carrying Eva's check
// id and Eva's severity, so a finding here is what Eva would report, in words an HMIS admin reads.
//
// Ported (Eva id: what): 6 null where not allowed · 7 duplicate PersonalID in Client.csv ·
// 8 duplicate EnrollmentID · 9 Enrollment PersonalID missing from Client.csv · 10 Enrollment
// ProjectID missing from Project.csv · 11/47 date format · 12/82 incorrect columns · 13/48
// incorrect data type (including S# lengths) · 49 ExportID mismatch (checked in every file, not
// only Client.csv) · 50 invalid Client.csv values · 51 DisablingCondition · 52 LivingSituation ·
// 53 RelationshipToHoH · 54 Destination · 55 CurrentLivingSituation · 98 HouseholdID reused ·
// 101 no enrollments · 122 files in a folder · 124 CSVVersion not FY2026 · 125 missing files
// (all 24 CSV-2026 files, where Eva requires 20: conformance gaps §6.4) · 126 not SHA-256 hashed
// (HashStatus 4 and 64-hex FirstName) · 134 impermissible characters · 140 Export.csv not one row.
//
// Checks of the CSV-2026 rules that Eva has no id for carry a "fieldnote/…" id, severity error:
// fieldnote/row-length (a row with more or fewer fields than the header), fieldnote/duplicate-id
// (a file's record id repeated), fieldnote/foreign-key (EnrollmentID, PersonalID, ProjectID,
// OrganizationID, AssessmentID, UserID that has no row in its parent file), fieldnote/exit-count
// (more than one Exit row for an enrollment), fieldnote/export-range (ExportStartDate after
// ExportEndDate).
//
// Left out: 127 "not a .zip file" cannot be decided from parsed files; readHmisZip
// (sync-server/src/hmis/csv-zip.ts) raises it. Every "dq" and "pdde" row is a data-quality check
// and belongs to the data-quality port. Column order is not checked: Eva compares names only.
// Rows with a DateDeleted are type-checked but, as in Eva, left out of the duplicate and
// foreign-key checks.
import {
  CURRENT_LIVING_SITUATION_LIST,
  DESTINATION_LIST,
  DISCHARGE_STATUS_LIST,
  DOB_DATA_QUALITY_LIST,
  MILITARY_BRANCH_LIST,
  NAME_DATA_QUALITY_LIST,
  NO_YES_LIST,
  NO_YES_REASONS_FOR_MISSING,
  PRIOR_LIVING_SITUATION_LIST,
  RACE_NONE,
  RELATIONSHIP_TO_HOH_LIST,
  SEX_LIST,
  SSN_DATA_QUALITY_LIST,
  VETERAN_STATUS_LIST,
  hasCode,
  type HudList,
} from '../codes';
import { HMIS_FILES, type HmisColumn, type HmisFileName, type HmisFileSpec } from './columns';
import { IMPERMISSIBLE_CHARACTERS, hmisValueProblem } from './values';

export type StructureSeverity = 'error' | 'high' | 'warning';

export interface StructureFinding {
  /** Eva's check id ("12"), or "fieldnote/…" for a CSV-2026 rule Eva has no id for. */
  readonly checkId: string;
  readonly severity: StructureSeverity;
  /** "Client.csv", or null for the export as a whole. */
  readonly file: string | null;
  /** 1-based row number in the file (the header is row 1), or null for the file as a whole. */
  readonly line: number | null;
  readonly column: string | null;
  readonly message: string;
}

export type HmisFileRows = readonly (readonly string[])[];
export type HmisExportFiles =
  ReadonlyMap<string, HmisFileRows> | Readonly<Record<string, HmisFileRows>>;

/** The FY2026 CSVVersion prefix Eva expects (check 124). */
export const CSV_VERSION_PREFIX = '2026';
/** HashStatus 4: SHA-256 (list 1.5). */
export const HASH_STATUS_SHA256 = 4;

/** Client.csv columns and the code list each must come from (Eva 50). */
const CLIENT_LISTS: Readonly<Record<string, HudList>> = {
  NameDataQuality: NAME_DATA_QUALITY_LIST,
  SSNDataQuality: SSN_DATA_QUALITY_LIST,
  DOBDataQuality: DOB_DATA_QUALITY_LIST,
  Sex: SEX_LIST,
  AmIndAKNative: NO_YES_LIST,
  Asian: NO_YES_LIST,
  BlackAfAmerican: NO_YES_LIST,
  HispanicLatinao: NO_YES_LIST,
  MidEastNAfrican: NO_YES_LIST,
  NativeHIPacific: NO_YES_LIST,
  White: NO_YES_LIST,
  RaceNone: RACE_NONE,
  VeteranStatus: VETERAN_STATUS_LIST,
  WorldWarII: NO_YES_REASONS_FOR_MISSING,
  KoreanWar: NO_YES_REASONS_FOR_MISSING,
  VietnamWar: NO_YES_REASONS_FOR_MISSING,
  DesertStorm: NO_YES_REASONS_FOR_MISSING,
  AfghanistanOEF: NO_YES_REASONS_FOR_MISSING,
  IraqOIF: NO_YES_REASONS_FOR_MISSING,
  IraqOND: NO_YES_REASONS_FOR_MISSING,
  OtherTheater: NO_YES_REASONS_FOR_MISSING,
  MilitaryBranch: MILITARY_BRANCH_LIST,
  DischargeStatus: DISCHARGE_STATUS_LIST,
};

/** Single-column value checks Eva runs with their own ids (51–55). */
const VALUE_CHECKS: readonly {
  id: string;
  file: HmisFileName;
  column: string;
  list: HudList;
  severity: StructureSeverity;
}[] = [
  {
    id: '51',
    file: 'Enrollment',
    column: 'DisablingCondition',
    list: NO_YES_REASONS_FOR_MISSING,
    severity: 'error',
  },
  {
    id: '52',
    file: 'Enrollment',
    column: 'LivingSituation',
    list: PRIOR_LIVING_SITUATION_LIST,
    severity: 'error',
  },
  {
    id: '53',
    file: 'Enrollment',
    column: 'RelationshipToHoH',
    list: RELATIONSHIP_TO_HOH_LIST,
    severity: 'error',
  },
  { id: '54', file: 'Exit', column: 'Destination', list: DESTINATION_LIST, severity: 'error' },
  {
    id: '55',
    file: 'CurrentLivingSituation',
    column: 'CurrentLivingSituation',
    list: CURRENT_LIVING_SITUATION_LIST,
    severity: 'error',
  },
  ...Object.entries(CLIENT_LISTS).map(([column, list]) => ({
    id: '50',
    file: 'Client' as const,
    column,
    list,
    severity: 'error' as const,
  })),
];

/** Foreign keys: child file and column → parent file and its key column. */
const FOREIGN_KEYS: readonly {
  child: HmisFileName;
  column: string;
  parent: HmisFileName;
  key: string;
}[] = [
  ...(
    [
      'Funder',
      'ProjectCoC',
      'Inventory',
      'Affiliation',
      'HMISParticipation',
      'CEParticipation',
    ] as const
  ).map((child) => ({ child, column: 'ProjectID', parent: 'Project' as const, key: 'ProjectID' })),
  { child: 'Affiliation', column: 'ResProjectID', parent: 'Project', key: 'ProjectID' },
  { child: 'Project', column: 'OrganizationID', parent: 'Organization', key: 'OrganizationID' },
  ...(
    [
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
    ] as const
  ).flatMap((child) => [
    { child, column: 'EnrollmentID', parent: 'Enrollment' as const, key: 'EnrollmentID' },
    { child, column: 'PersonalID', parent: 'Client' as const, key: 'PersonalID' },
  ]),
  {
    child: 'AssessmentQuestions',
    column: 'AssessmentID',
    parent: 'Assessment',
    key: 'AssessmentID',
  },
  { child: 'AssessmentResults', column: 'AssessmentID', parent: 'Assessment', key: 'AssessmentID' },
];

interface ParsedFile {
  readonly spec: HmisFileSpec;
  readonly fileName: string;
  /** Column name → index in the file's own header (the file may order them differently). */
  readonly index: ReadonlyMap<string, number>;
  /** Data rows with their 1-based line numbers. */
  readonly rows: readonly { readonly line: number; readonly fields: readonly string[] }[];
}

/** Runs every ported structure check on one export's files. */
export function checkHmisStructure(files: HmisExportFiles): StructureFinding[] {
  const findings: StructureFinding[] = [];
  const add = (
    checkId: string,
    severity: StructureSeverity,
    file: string | null,
    line: number | null,
    column: string | null,
    message: string,
  ) => findings.push({ checkId, severity, file, line, column, message });

  const entries: [string, HmisFileRows][] =
    files instanceof Map ? [...files] : Object.entries(files as Record<string, HmisFileRows>);

  // 122: the CSV files must sit at the top of the zip. Keep checking them by their base name.
  const byBase = new Map<string, HmisFileRows>();
  for (const [name, rows] of entries) {
    const base = name.split(/[/\\]/).pop() ?? name;
    if (base !== name) {
      add(
        '122',
        'high',
        name,
        null,
        null,
        `${name} is inside a folder; put every CSV file at the top of the zip.`,
      );
    }
    byBase.set(base, rows);
  }

  // 125: every CSV-2026 file must be present.
  const missing = HMIS_FILES.filter((f) => !byBase.has(f.fileName)).map((f) => f.fileName);
  if (missing.length > 0) {
    add(
      '125',
      'high',
      null,
      null,
      null,
      `The export lacks ${missing.length} of the 24 HMIS CSV files: ${missing.join(', ')}.`,
    );
  }

  // A hashed export carries 64-character hashes in the name and SSN fields, longer than their
  // S50/S9 limits, which describe the unhashed values.
  const status = exportHashStatus(byBase.get('Export.csv'));
  // Without a readable HashStatus, do not guess: skip the lengths rather than flag every hash.
  const hashed = status === undefined || HASHED_STATUSES.has(status);
  const parsed = new Map<HmisFileName, ParsedFile>();
  for (const spec of HMIS_FILES) {
    const rows = byBase.get(spec.fileName);
    if (rows === undefined) continue;
    const exempt = hashed && spec.name === 'Client' ? HASHED_CLIENT_COLUMNS : NONE;
    const file = checkFile(spec, rows, exempt, add);
    if (file !== null) parsed.set(spec.name, file);
  }

  checkExport(parsed, add);
  checkValues(parsed, add);
  checkKeys(parsed, add);
  return findings;
}

/** HashStatus 2 (SHA-1 RHY), 3 (hashed, other) and 4 (SHA-256): list 1.5. */
const HASHED_STATUSES: ReadonlySet<string> = new Set(['2', '3', '4']);
const HASHED_CLIENT_COLUMNS: ReadonlySet<string> = new Set([
  'FirstName',
  'MiddleName',
  'LastName',
  'NameSuffix',
  'SSN',
]);
const NONE: ReadonlySet<string> = new Set();

function exportHashStatus(rows: HmisFileRows | undefined): string | undefined {
  const [header, first] = rows ?? [];
  const at = header?.indexOf('HashStatus') ?? -1;
  return at < 0 ? undefined : first?.[at];
}

type Add = (
  checkId: string,
  severity: StructureSeverity,
  file: string | null,
  line: number | null,
  column: string | null,
  message: string,
) => void;

const columnSeverity = (column: HmisColumn | undefined): StructureSeverity =>
  column?.highPriority ? 'high' : 'error';

/** Header (12/82), row lengths, and each field's null rule (6), type (13/48, 11/47), characters (134). */
function checkFile(
  spec: HmisFileSpec,
  rows: HmisFileRows,
  lengthExempt: ReadonlySet<string>,
  add: Add,
): ParsedFile | null {
  const fileName = spec.fileName;
  const [header, ...data] = rows;
  if (header === undefined || (header.length === 1 && header[0] === '')) {
    add(
      '12',
      'high',
      fileName,
      null,
      null,
      `${fileName} is empty: its first row must be the column names.`,
    );
    return null;
  }
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) {
      add('82', 'error', fileName, 1, name, `${fileName} has the column ${name} twice.`);
    } else {
      index.set(name, i);
    }
  });
  const known = new Set(spec.columns.map((c) => c.name));
  for (const column of spec.columns) {
    if (!index.has(column.name)) {
      const near = header.find((h) => h.toLowerCase() === column.name.toLowerCase());
      add(
        column.highPriority ? '12' : '82',
        columnSeverity(column),
        fileName,
        1,
        column.name,
        near === undefined
          ? `${fileName} lacks the column ${column.name}.`
          : `${fileName} spells the column ${column.name} as ${near}; column names are case-sensitive.`,
      );
    }
  }
  for (const name of header) {
    if (!known.has(name)) {
      add(
        '82',
        'error',
        fileName,
        1,
        name,
        `${fileName} has a column that is not in the FY2026 specification: "${name}".`,
      );
    }
  }

  const parsedRows: { line: number; fields: readonly string[] }[] = [];
  data.forEach((fields, i) => {
    const line = i + 2;
    // A trailing empty line is not a record.
    if (fields.length === 1 && fields[0] === '' && i === data.length - 1) return;
    if (fields.length !== header.length) {
      add(
        'fieldnote/row-length',
        'error',
        fileName,
        line,
        null,
        `Row ${line} of ${fileName} has ${fields.length} fields; the header has ${header.length}.`,
      );
    }
    parsedRows.push({ line, fields });
    for (const column of spec.columns) {
      const at = index.get(column.name);
      if (at === undefined) continue;
      const value = fields[at] ?? '';
      checkField(fileName, line, column, value, lengthExempt.has(column.name), add);
    }
  });
  return { spec, fileName, index, rows: parsedRows };
}

function checkField(
  fileName: string,
  line: number,
  column: HmisColumn,
  value: string,
  lengthExempt: boolean,
  add: Add,
): void {
  const severity = columnSeverity(column);
  if (value === '') {
    if (!column.nullable) {
      add(
        '6',
        severity,
        fileName,
        line,
        column.name,
        `${column.name} is empty in row ${line} of ${fileName}; it may not be null.`,
      );
    }
    return;
  }
  const problem = hmisValueProblem(lengthExempt ? 'S' : column.type, value);
  if (problem !== null) {
    const isDate = column.type === 'D' || column.type === 'T';
    const id = isDate ? (column.highPriority ? '11' : '47') : column.highPriority ? '13' : '48';
    const hidden = /[\u200B-\u200D\uFEFF]/.test(value)
      ? ' It contains a hidden zero-width character.'
      : '';
    add(
      id,
      severity,
      fileName,
      line,
      column.name,
      `${column.name} in row ${line} of ${fileName}: ${problem}${hidden}`,
    );
    return;
  }
  if (column.evaType === 'character' && new RegExp(IMPERMISSIBLE_CHARACTERS.source).test(value)) {
    add(
      '134',
      'error',
      fileName,
      line,
      column.name,
      `${column.name} in row ${line} of ${fileName} contains one of < > [ ] { }, which HMIS CSV does not allow.`,
    );
  }
}

function field(file: ParsedFile, fields: readonly string[], column: string): string | undefined {
  const at = file.index.get(column);
  return at === undefined ? undefined : fields[at];
}

const isDeleted = (file: ParsedFile, fields: readonly string[]) =>
  (field(file, fields, 'DateDeleted') ?? '') !== '';

/** Export.csv: one row (140), CSVVersion (124), hashing (126), ExportID everywhere (49), range. */
function checkExport(parsed: ReadonlyMap<HmisFileName, ParsedFile>, add: Add): void {
  const exp = parsed.get('Export');
  if (exp === undefined) return;
  if (exp.rows.length !== 1) {
    add(
      '140',
      'high',
      exp.fileName,
      null,
      null,
      exp.rows.length === 0
        ? 'Export.csv has no row; it must have exactly one, describing the export.'
        : `Export.csv has ${exp.rows.length} rows; it must have exactly one.`,
    );
  }
  const row = exp.rows[0];
  if (row === undefined) return;
  const version = field(exp, row.fields, 'CSVVersion') ?? '';
  if (!version.startsWith(CSV_VERSION_PREFIX)) {
    add(
      '124',
      'high',
      exp.fileName,
      row.line,
      'CSVVersion',
      `CSVVersion is "${version}"; an FY2026 export writes "2026 v1.0" style versions.`,
    );
  }
  const hashStatus = field(exp, row.fields, 'HashStatus');
  if (hashStatus !== String(HASH_STATUS_SHA256)) {
    add(
      '126',
      'high',
      exp.fileName,
      row.line,
      'HashStatus',
      `HashStatus is "${hashStatus ?? ''}"; Eva needs a SHA-256 hashed export (HashStatus 4).`,
    );
  }
  const client = parsed.get('Client');
  if (client !== undefined && hashStatus === String(HASH_STATUS_SHA256)) {
    const unhashed = client.rows.find((r) => {
      const name = field(client, r.fields, 'FirstName') ?? '';
      return name !== '' && !/^[0-9a-f]{64}$/i.test(name);
    });
    if (unhashed !== undefined) {
      add(
        '126',
        'high',
        client.fileName,
        unhashed.line,
        'FirstName',
        `FirstName in row ${unhashed.line} of Client.csv is not a SHA-256 hash (64 hexadecimal characters) though HashStatus is 4.`,
      );
    }
  }
  const start = field(exp, row.fields, 'ExportStartDate') ?? '';
  const end = field(exp, row.fields, 'ExportEndDate') ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end) && start > end) {
    add(
      'fieldnote/export-range',
      'error',
      exp.fileName,
      row.line,
      'ExportEndDate',
      `ExportStartDate ${start} is after ExportEndDate ${end}.`,
    );
  }

  const exportId = field(exp, row.fields, 'ExportID') ?? '';
  for (const file of parsed.values()) {
    const rows = file === exp ? exp.rows.slice(1) : file.rows;
    const wrong = rows.filter((r) => (field(file, r.fields, 'ExportID') ?? exportId) !== exportId);
    const first = wrong[0];
    if (first !== undefined) {
      add(
        '49',
        'error',
        file.fileName,
        first.line,
        'ExportID',
        `${wrong.length} row(s) of ${file.fileName}, from row ${first.line}, have an ExportID other than Export.csv's "${exportId}".`,
      );
    }
  }
}

/** Listed values (50–55) and Enrollment having rows at all (101). */
function checkValues(parsed: ReadonlyMap<HmisFileName, ParsedFile>, add: Add): void {
  const enrollment = parsed.get('Enrollment');
  if (enrollment !== undefined && enrollment.rows.length === 0) {
    add(
      '101',
      'high',
      enrollment.fileName,
      null,
      null,
      'Enrollment.csv has no records; Eva returns no results for most analyses without them.',
    );
  }
  for (const check of VALUE_CHECKS) {
    const file = parsed.get(check.file);
    if (file === undefined) continue;
    for (const row of file.rows) {
      const value = field(file, row.fields, check.column) ?? '';
      // Empty and non-numeric values are findings 6 and 13/48 already.
      if (value === '' || !/^\d+$/.test(value)) continue;
      if (!hasCode(check.list, Number(value))) {
        add(
          check.id,
          check.severity,
          file.fileName,
          row.line,
          check.column,
          `${check.column} is ${value} in row ${row.line} of ${file.fileName}, which is not in list ${check.list.id} (${check.list.name}).`,
        );
      }
    }
  }
}

/** Duplicate ids (7, 8, fieldnote/duplicate-id), parents (9, 10, fieldnote/foreign-key), 98. */
function checkKeys(parsed: ReadonlyMap<HmisFileName, ParsedFile>, add: Add): void {
  const keys = new Map<HmisFileName, Set<string>>();
  for (const file of parsed.values()) {
    const key = file.spec.columns[0]?.name;
    if (key === undefined || !file.index.has(key)) continue;
    const seen = new Set<string>();
    for (const row of file.rows) {
      if (isDeleted(file, row.fields)) continue;
      const id = field(file, row.fields, key) ?? '';
      if (id === '') continue;
      if (seen.has(id) && file.spec.name !== 'Export') {
        const evaId =
          file.spec.name === 'Client'
            ? '7'
            : file.spec.name === 'Enrollment'
              ? '8'
              : 'fieldnote/duplicate-id';
        add(
          evaId,
          evaId.startsWith('fieldnote') ? 'error' : 'high',
          file.fileName,
          row.line,
          key,
          `${key} "${id}" appears more than once in ${file.fileName} (again in row ${row.line}).`,
        );
      }
      seen.add(id);
    }
    keys.set(file.spec.name, seen);
  }

  const parentCheck = (
    child: ParsedFile,
    column: string,
    parent: HmisFileName,
    parentKey: string,
    checkId: string,
    severity: StructureSeverity,
  ) => {
    const known = keys.get(parent);
    if (known === undefined || !child.index.has(column)) return;
    for (const row of child.rows) {
      if (isDeleted(child, row.fields)) continue;
      const id = field(child, row.fields, column) ?? '';
      if (id !== '' && !known.has(id)) {
        add(
          checkId,
          severity,
          child.fileName,
          row.line,
          column,
          `${column} "${id}" in row ${row.line} of ${child.fileName} has no row in ${parent}.csv (${parentKey}).`,
        );
      }
    }
  };

  const enrollment = parsed.get('Enrollment');
  if (enrollment !== undefined) {
    parentCheck(enrollment, 'PersonalID', 'Client', 'PersonalID', '9', 'high');
    parentCheck(enrollment, 'ProjectID', 'Project', 'ProjectID', '10', 'high');
    checkHouseholds(enrollment, add);
  }
  for (const fk of FOREIGN_KEYS) {
    const child = parsed.get(fk.child);
    if (child !== undefined)
      parentCheck(child, fk.column, fk.parent, fk.key, 'fieldnote/foreign-key', 'error');
  }
  // CSV-2026: User.csv lists every user named in the other files.
  for (const file of parsed.values()) {
    if (file.spec.name !== 'User' && file.spec.name !== 'Export') {
      parentCheck(file, 'UserID', 'User', 'UserID', 'fieldnote/foreign-key', 'error');
    }
  }
  const exit = parsed.get('Exit');
  if (exit !== undefined) {
    const seen = new Set<string>();
    for (const row of exit.rows) {
      if (isDeleted(exit, row.fields)) continue;
      const id = field(exit, row.fields, 'EnrollmentID') ?? '';
      if (id !== '' && seen.has(id)) {
        add(
          'fieldnote/exit-count',
          'error',
          exit.fileName,
          row.line,
          'EnrollmentID',
          `Enrollment "${id}" has more than one row in Exit.csv (again in row ${row.line}).`,
        );
      }
      seen.add(id);
    }
  }
}

/** 98: a HouseholdID belongs to one household stay: one project, one enrollment per person. */
function checkHouseholds(enrollment: ParsedFile, add: Add): void {
  const stays = new Map<string, { project: string; people: Set<string> }>();
  for (const row of enrollment.rows) {
    if (isDeleted(enrollment, row.fields)) continue;
    const household = field(enrollment, row.fields, 'HouseholdID') ?? '';
    const project = field(enrollment, row.fields, 'ProjectID') ?? '';
    const person = field(enrollment, row.fields, 'PersonalID') ?? '';
    if (household === '') continue;
    const stay = stays.get(household);
    if (stay === undefined) {
      stays.set(household, { project, people: new Set([person]) });
      continue;
    }
    if (stay.project !== project) {
      add(
        '98',
        'high',
        enrollment.fileName,
        row.line,
        'HouseholdID',
        `HouseholdID "${household}" is used in project ${stay.project} and again in project ${project} (row ${row.line}); each household stay needs its own HouseholdID.`,
      );
    } else if (stay.people.has(person)) {
      add(
        '98',
        'high',
        enrollment.fileName,
        row.line,
        'HouseholdID',
        `HouseholdID "${household}" is reused for another enrollment of PersonalID ${person} (row ${row.line}); a readmission needs a new HouseholdID.`,
      );
    }
    stay.people.add(person);
  }
}
