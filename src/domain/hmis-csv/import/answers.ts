// HMIS columns that are assessment answers: a form field's `hudColumn` names its column, as for
// the export (src/domain/hmis-csv/export/answers.ts), so no column is listed here by hand.
import { FORMS, formFields, type FormField } from '../../forms';
import type { FieldValues } from '../../merge/state';
import { hmisFile, type HmisFileName } from '../columns';
import type { ImportContext } from './context';
import type { TableRow } from './validate';

const cache = new Map<HmisFileName, ReadonlyMap<string, FormField>>();

/** column → form field, for the columns of a file some form field is exported to. */
export function answerFields(file: HmisFileName): ReadonlyMap<string, FormField> {
  let out = cache.get(file);
  if (out === undefined) {
    const columns = new Set(hmisFile(file).columns.map((c) => c.name));
    const map = new Map<string, FormField>();
    for (const field of FORMS.flatMap(formFields)) {
      if (field.type === 'note' || field.hudColumn === undefined) continue;
      if (columns.has(field.hudColumn) && !map.has(field.hudColumn))
        map.set(field.hudColumn, field);
    }
    out = map;
    cache.set(file, out);
  }
  return out;
}

/**
 * The answers of a row at `stage`: every mapped column with a value, as `answers.<fieldId>`. A
 * value in a column the forms do not ask at that stage is noted as not imported.
 */
export function rowAnswers(
  ctx: ImportContext,
  file: HmisFileName,
  row: TableRow,
  stage: number,
): { fields: FieldValues; columns: Record<string, string>; kept: Set<string> } {
  const fields: FieldValues = {};
  const columns: Record<string, string> = {};
  const kept = new Set<string>();
  for (const [column, field] of answerFields(file)) {
    kept.add(column);
    const value = ctx.value(file, row, column);
    if (value === null) continue;
    if (!(field.stages as readonly number[]).includes(stage)) {
      ctx.ignore(hmisFile(file).fileName, row.line, column);
      continue;
    }
    fields[`answers.${field.id}`] = value;
    columns[`answers.${field.id}`] = column;
  }
  return { fields, columns, kept };
}
