// Per-file checks that need only the header or one field: columns present and spelt right
// (Eva 12/82), nulls (6), types and lengths (13/48), dates (11/47), characters (134).
import type { HmisColumn, HmisFileSpec } from '../columns';
import { IMPERMISSIBLE_CHARACTERS, hmisValueProblem } from '../values';
import type { Add, StructureSeverity } from './types';

const columnSeverity = (column: HmisColumn | undefined): StructureSeverity =>
  column?.highPriority ? 'high' : 'error';

/** Checks a header row; returns column name → index, or null for an empty file. */
export function checkHeader(
  spec: HmisFileSpec,
  header: readonly string[],
  add: Add,
): Map<string, number> | null {
  const fileName = spec.fileName;
  if (header.length === 0 || (header.length === 1 && header[0] === '')) {
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
  return index;
}

const IMPERMISSIBLE = new RegExp(IMPERMISSIBLE_CHARACTERS.source);

export function checkField(
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
  if (column.evaType === 'character' && IMPERMISSIBLE.test(value)) {
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
