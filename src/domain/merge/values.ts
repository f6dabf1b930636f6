// What counts as an answer. HUD's missing-data codes (8 Client doesn't know, 9 Client prefers not
// to answer, 99 Data not collected) are not real answers: M4 lets a real answer beat them.
import { isMissingDataCode } from '../codes/types';
import type { JsonValue } from '../protocol/mutation';

export function isEmptyValue(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Empty, or one of HUD's missing-data codes. */
export function isMissingAnswer(value: JsonValue | undefined): boolean {
  return isEmptyValue(value) || isMissingDataCode(value);
}

export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return isEmptyValue(a) && isEmptyValue(b);
  return canonical(a) === canonical(b);
}

function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k] as JsonValue)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
