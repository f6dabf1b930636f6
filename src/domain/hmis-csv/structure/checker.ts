// The incremental structure checker: files arrive one after another (header, then rows), and
// every check runs as each row arrives, so a county-sized export is never held in memory. What
// is kept across rows is compact: the record ids of the files other files point at (Client,
// Enrollment, Project, Organization, Assessment, User), per household the project and people of
// its stay (Eva 98), the Export row's values, and per file the count of each ExportID seen.
// A file's own duplicate-id set is dropped when the next file starts. Foreign keys whose parent
// file has not arrived yet (the CSV-2026 order puts Organization before User) are remembered as
// (id, line) and resolved at finish. A trailing empty line is not a record: an empty row is held
// back until the next row shows it was not the last.
import { HMIS_FILES, type HmisColumn, type HmisFileName, type HmisFileSpec } from '../columns';
import { hasCode } from '../../codes';
import { checkField, checkHeader } from './fields';
import {
  FOREIGN_KEYS,
  HASHED_CLIENT_COLUMNS,
  HASHED_STATUSES,
  NONE,
  PARENT_FILES,
  VALUE_CHECKS,
  type ForeignKey,
  type ValueCheck,
} from './rules';
import { CSV_VERSION_PREFIX, HASH_STATUS_SHA256, type Add } from './types';

export interface StructureChecker {
  /** Starts a file (closing the previous one): its name in the zip and its header row. */
  file(name: string, header: readonly string[]): void;
  /** One data row of the file started last. */
  row(name: string, fields: readonly string[]): void;
  /** Ends the export: runs the checks that need every file. */
  finish(): void;
}

const BY_FILE_NAME = new Map(HMIS_FILES.map((f) => [f.fileName, f]));

interface OpenFile {
  readonly name: string;
  readonly spec: HmisFileSpec | null;
  readonly index: ReadonlyMap<string, number> | null;
  readonly headerLength: number;
  /** The file's specified columns present in its header, with their index. */
  readonly present: readonly { readonly column: HmisColumn; readonly at: number }[];
  readonly lengthExempt: ReadonlySet<string>;
  readonly valueChecks: readonly ValueCheck[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly key: string | null;
  ids: Set<string>;
  line: number;
  rows: number;
  pendingEmpty: number | null;
  exitEnrollments: Set<string>;
}

interface Pending {
  readonly fk: ForeignKey;
  readonly fileName: string;
  readonly line: number;
  readonly id: string;
}

export function createStructureChecker(add: Add): StructureChecker {
  const seen = new Set<string>();
  const keys = new Map<HmisFileName, Set<string>>();
  const pending: Pending[] = [];
  const exportIds = new Map<string, Map<string, { count: number; first: number }>>();
  const stays = new Map<string, { project: string; people: Set<string> }>();
  let exportRow: ReadonlyMap<string, string> | null = null;
  let exportRows = -1;
  let exportLine = 0;
  let enrollmentRows = -1;
  let firstUnhashed: number | null = null;
  let current: OpenFile | null = null;
  let finished = false;

  const close = () => {
    const file = current;
    current = null;
    if (file?.spec == null || file.index === null) return;
    if (file.spec.name === 'Export') exportRows = file.rows;
    if (file.spec.name === 'Enrollment') enrollmentRows = file.rows;
    if (file.key !== null && PARENT_FILES.has(file.spec.name)) keys.set(file.spec.name, file.ids);
  };

  const hashStatus = () => exportRow?.get('HashStatus');

  function open(name: string, header: readonly string[]): OpenFile {
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
    const spec = BY_FILE_NAME.get(base) ?? null;
    const index = spec === null ? null : checkHeader(spec, header, add);
    if (spec !== null) seen.add(spec.fileName);
    // A hashed export carries 64-character hashes in the name and SSN fields, longer than their
    // S50/S9 limits, which describe the unhashed values. Without a readable HashStatus, do not
    // guess: skip the lengths rather than flag every hash.
    const status = hashStatus();
    const hashed = status === undefined || HASHED_STATUSES.has(status);
    const key = spec?.columns[0]?.name;
    return {
      name,
      spec,
      index,
      headerLength: header.length,
      present:
        spec === null || index === null
          ? []
          : spec.columns.flatMap((column) => {
              const at = index.get(column.name);
              return at === undefined ? [] : [{ column, at }];
            }),
      lengthExempt: hashed && spec?.name === 'Client' ? HASHED_CLIENT_COLUMNS : NONE,
      valueChecks: VALUE_CHECKS.filter((c) => c.file === spec?.name),
      foreignKeys: FOREIGN_KEYS.filter((k) => k.child === spec?.name),
      key: key !== undefined && index?.has(key) ? key : null,
      ids: new Set(),
      line: 1,
      rows: 0,
      pendingEmpty: null,
      exitEnrollments: new Set(),
    };
  }

  function checkRow(file: OpenFile, spec: HmisFileSpec, line: number, fields: readonly string[]) {
    const index = file.index!;
    const fileName = spec.fileName;
    const get = (column: string) => {
      const at = index.get(column);
      return at === undefined ? undefined : fields[at];
    };
    file.rows += 1;
    if (fields.length !== file.headerLength) {
      add(
        'fieldnote/row-length',
        'error',
        fileName,
        line,
        null,
        `Row ${line} of ${fileName} has ${fields.length} fields; the header has ${file.headerLength}.`,
      );
    }
    for (const { column, at } of file.present) {
      checkField(fileName, line, column, fields[at] ?? '', file.lengthExempt.has(column.name), add);
    }
    for (const check of file.valueChecks) {
      const value = get(check.column) ?? '';
      // Empty and non-numeric values are findings 6 and 13/48 already.
      if (value === '' || !/^\d+$/.test(value)) continue;
      if (!hasCode(check.list, Number(value))) {
        add(
          check.id,
          check.severity,
          fileName,
          line,
          check.column,
          `${check.column} is ${value} in row ${line} of ${fileName}, which is not in list ${check.list.id} (${check.list.name}).`,
        );
      }
    }
    if (spec.name === 'Export' && exportRow === null) {
      exportRow = new Map([...index].map(([column, at]) => [column, fields[at] ?? '']));
      exportLine = line;
    } else {
      const exportId = get('ExportID');
      if (exportId !== undefined) {
        let counts = exportIds.get(fileName);
        if (counts === undefined) exportIds.set(fileName, (counts = new Map()));
        const seenId = counts.get(exportId);
        if (seenId === undefined) counts.set(exportId, { count: 1, first: line });
        else seenId.count += 1;
      }
    }
    if (spec.name === 'Client' && firstUnhashed === null) {
      const name = get('FirstName') ?? '';
      if (name !== '' && !/^[0-9a-f]{64}$/i.test(name)) firstUnhashed = line;
    }
    if ((get('DateDeleted') ?? '') !== '') return;

    if (file.key !== null && spec.name !== 'Export') {
      const id = get(file.key) ?? '';
      if (id !== '') {
        if (file.ids.has(id)) {
          const evaId =
            spec.name === 'Client'
              ? '7'
              : spec.name === 'Enrollment'
                ? '8'
                : 'fieldnote/duplicate-id';
          add(
            evaId,
            evaId.startsWith('fieldnote') ? 'error' : 'high',
            fileName,
            line,
            file.key,
            `${file.key} "${id}" appears more than once in ${fileName} (again in row ${line}).`,
          );
        }
        file.ids.add(id);
      }
    }
    const parentCheck = (key: ForeignKey) => {
      const id = get(key.column) ?? '';
      if (id === '') return;
      const known = keys.get(key.parent);
      if (known === undefined) pending.push({ fk: key, fileName, line, id });
      else if (!known.has(id)) addMissingParent(key, fileName, line, id);
    };
    file.foreignKeys.forEach(parentCheck);
    if (spec.name !== 'User' && spec.name !== 'Export' && index.has('UserID')) {
      parentCheck(USER_KEY);
    }
    if (spec.name === 'Enrollment') checkStay(line, get);
    if (spec.name === 'Exit') {
      const id = get('EnrollmentID') ?? '';
      if (id !== '' && file.exitEnrollments.has(id)) {
        add(
          'fieldnote/exit-count',
          'error',
          fileName,
          line,
          'EnrollmentID',
          `Enrollment "${id}" has more than one row in Exit.csv (again in row ${line}).`,
        );
      }
      file.exitEnrollments.add(id);
    }
  }

  const addMissingParent = (key: ForeignKey, fileName: string, line: number, id: string) =>
    add(
      key.checkId,
      key.severity,
      fileName,
      line,
      key.column,
      `${key.column} "${id}" in row ${line} of ${fileName} has no row in ${key.parent}.csv (${key.key}).`,
    );

  /** 98: a HouseholdID belongs to one household stay: one project, one enrollment per person. */
  function checkStay(line: number, get: (column: string) => string | undefined) {
    const household = get('HouseholdID') ?? '';
    const project = get('ProjectID') ?? '';
    const person = get('PersonalID') ?? '';
    if (household === '') return;
    const stay = stays.get(household);
    if (stay === undefined) {
      stays.set(household, { project, people: new Set([person]) });
      return;
    }
    if (stay.project !== project) {
      add(
        '98',
        'high',
        'Enrollment.csv',
        line,
        'HouseholdID',
        `HouseholdID "${household}" is used in project ${stay.project} and again in project ${project} (row ${line}); each household stay needs its own HouseholdID.`,
      );
    } else if (stay.people.has(person)) {
      add(
        '98',
        'high',
        'Enrollment.csv',
        line,
        'HouseholdID',
        `HouseholdID "${household}" is reused for another enrollment of PersonalID ${person} (row ${line}); a readmission needs a new HouseholdID.`,
      );
    }
    stay.people.add(person);
  }

  return {
    file(name, header) {
      if (finished) throw new Error('The structure checker has finished.');
      close();
      current = open(name, header);
    },
    row(name, fields) {
      const file = current;
      if (file === null || file.name !== name) {
        throw new Error(`A row of ${name} arrived while ${file?.name ?? 'no file'} was open.`);
      }
      file.line += 1;
      const spec = file.spec;
      if (spec === null || file.index === null) return;
      const line = file.line;
      const empty = fields.length === 1 && fields[0] === '';
      if (file.pendingEmpty !== null) checkRow(file, spec, file.pendingEmpty, ['']);
      file.pendingEmpty = null;
      if (empty) file.pendingEmpty = line;
      else checkRow(file, spec, line, fields);
    },
    finish() {
      if (finished) return;
      close();
      finished = true;
      for (const p of pending) {
        const known = keys.get(p.fk.parent);
        if (known !== undefined && !known.has(p.id))
          addMissingParent(p.fk, p.fileName, p.line, p.id);
      }
      const missing = HMIS_FILES.filter((f) => !seen.has(f.fileName)).map((f) => f.fileName);
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
      if (exportRows >= 0 && exportRows !== 1) {
        add(
          '140',
          'high',
          'Export.csv',
          null,
          null,
          exportRows === 0
            ? 'Export.csv has no row; it must have exactly one, describing the export.'
            : `Export.csv has ${exportRows} rows; it must have exactly one.`,
        );
      }
      if (exportRow !== null) checkExportRow(exportRow, exportLine, add);
      if (firstUnhashed !== null && hashStatus() === String(HASH_STATUS_SHA256)) {
        add(
          '126',
          'high',
          'Client.csv',
          firstUnhashed,
          'FirstName',
          `FirstName in row ${firstUnhashed} of Client.csv is not a SHA-256 hash (64 hexadecimal characters) though HashStatus is 4.`,
        );
      }
      const exportId = exportRow?.get('ExportID');
      if (exportId !== undefined) {
        for (const [fileName, counts] of exportIds) {
          let count = 0;
          let first = Infinity;
          for (const [id, c] of counts) {
            if (id === exportId) continue;
            count += c.count;
            first = Math.min(first, c.first);
          }
          if (count > 0) {
            add(
              '49',
              'error',
              fileName,
              first,
              'ExportID',
              `${count} row(s) of ${fileName}, from row ${first}, have an ExportID other than Export.csv's "${exportId}".`,
            );
          }
        }
      }
      if (enrollmentRows === 0) {
        add(
          '101',
          'high',
          'Enrollment.csv',
          null,
          null,
          'Enrollment.csv has no records; Eva returns no results for most analyses without them.',
        );
      }
    },
  };
}

const USER_KEY: ForeignKey = {
  child: 'Export',
  column: 'UserID',
  parent: 'User',
  key: 'UserID',
  checkId: 'fieldnote/foreign-key',
  severity: 'error',
};

/** Export.csv's one row: CSVVersion (124), HashStatus (126), the export period. */
function checkExportRow(row: ReadonlyMap<string, string>, line: number, add: Add): void {
  const version = row.get('CSVVersion') ?? '';
  if (!version.startsWith(CSV_VERSION_PREFIX)) {
    add(
      '124',
      'high',
      'Export.csv',
      line,
      'CSVVersion',
      `CSVVersion is "${version}"; an FY2026 export writes "2026 v1.0" style versions.`,
    );
  }
  const hashStatus = row.get('HashStatus');
  if (hashStatus !== String(HASH_STATUS_SHA256)) {
    add(
      '126',
      'high',
      'Export.csv',
      line,
      'HashStatus',
      `HashStatus is "${hashStatus ?? ''}"; Eva needs a SHA-256 hashed export (HashStatus 4).`,
    );
  }
  const start = row.get('ExportStartDate') ?? '';
  const end = row.get('ExportEndDate') ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(start) && /^\d{4}-\d{2}-\d{2}$/.test(end) && start > end) {
    add(
      'fieldnote/export-range',
      'error',
      'Export.csv',
      line,
      'ExportEndDate',
      `ExportStartDate ${start} is after ExportEndDate ${end}.`,
    );
  }
}
