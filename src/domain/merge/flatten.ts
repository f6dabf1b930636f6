// Records travel and merge as flat fields; assessment answers are `answers.<fieldId>`.
import type { JsonValue } from '../protocol/mutation';
import { answerFieldId, isAnswerField } from './policy';
import type { FieldValues } from './state';

export function flattenRecord(record: Record<string, unknown>): FieldValues {
  const fields: FieldValues = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue;
    if (key === 'answers' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [answer, v] of Object.entries(value)) fields[`answers.${answer}`] = v as JsonValue;
    } else {
      fields[key] = value as JsonValue;
    }
  }
  return fields;
}

export function unflattenFields(id: string, fields: FieldValues): Record<string, unknown> {
  const record: Record<string, unknown> = { id };
  let answers: Record<string, JsonValue> | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (isAnswerField(key)) {
      answers ??= {};
      answers[answerFieldId(key)] = value;
    } else {
      record[key] = value;
    }
  }
  if (answers) record.answers = answers;
  return record;
}
