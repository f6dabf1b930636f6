// A field's value as a case manager reads it: labels for codes and picklist options, dates as
// "Mar 4, 2026", instants in Minnesota time, "(blank)" for nothing.
import { formatInstant, formatLocalDate } from '../clock/time';
import { getList, labelOf } from '../codes';
import { DEFAULT_PICKLIST_REGISTRY, PICKLIST_IDS } from '../forms';
import type { PicklistRegistry } from '../forms';
import type { JsonValue } from '../protocol';
import { DEFAULT_TIME_ZONE, EXIT_REASON_LABELS, type ExitReason } from '../records';
import { type FieldInfo } from './change-fields';

/** "Mar 4, 2026" for a YYYY-MM-DD local date (the text itself when it is not one). */
const dateText = (value: string): string => formatLocalDate(value);

/** "Mar 4, 2026, 2:05 PM" in the CoC's time zone (the text itself when it is not an instant). */
function instantText(value: string): string {
  return Number.isNaN(Date.parse(value)) ? value : formatInstant(value, DEFAULT_TIME_ZONE);
}

function isBlank(value: JsonValue | undefined): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export const BLANK_TEXT = '(blank)';

/** A field's value as a case manager reads it: labels for codes, dates as "Mar 4, 2026". */
export function valueText(
  info: FieldInfo,
  value: JsonValue | undefined,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): string {
  if (isBlank(value)) return BLANK_TEXT;
  const v = value as JsonValue;
  const codeLabel = (c: JsonValue) =>
    typeof c === 'number' && info.listId
      ? (labelOf(getList(info.listId), c) ?? String(c))
      : String(c);
  const optionLabel = (c: JsonValue) =>
    typeof c === 'string' && info.picklistId
      ? (picklists.labelOf(info.picklistId, c) ?? c)
      : String(c);
  switch (info.kind) {
    case 'id':
      return '(linked record)';
    case 'code':
      return codeLabel(v);
    case 'codes':
      return Array.isArray(v) ? v.map(codeLabel).join(', ') : codeLabel(v);
    case 'picklist':
      return optionLabel(v);
    case 'picklists':
      return Array.isArray(v) ? v.map(optionLabel).join(', ') : optionLabel(v);
    case 'exitReason':
      return typeof v === 'string' && Object.hasOwn(EXIT_REASON_LABELS, v)
        ? EXIT_REASON_LABELS[v as ExitReason]
        : String(v);
    case 'date':
      return typeof v === 'string' ? dateText(v) : String(v);
    case 'instant':
      return typeof v === 'string' ? instantText(v) : String(v);
    case 'money':
      return typeof v === 'number'
        ? `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
        : String(v);
    case 'ssn':
      // Never the whole number on a list: the last four are enough to recognise it.
      return typeof v === 'string' && v.length >= 4 ? `ending in ${v.slice(-4)}` : String(v);
    case 'phone':
      return typeof v === 'string' && /^\d{10}$/.test(v)
        ? `(${v.slice(0, 3)}) ${v.slice(3, 6)}-${v.slice(6)}`
        : String(v);
    case 'address':
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const parts = ['line1', 'line2', 'city', 'state', 'zip']
          .map((k) => v[k])
          .filter((p): p is string => typeof p === 'string' && p.trim() !== '');
        return parts.length ? parts.join(', ') : BLANK_TEXT;
      }
      return String(v);
    case 'roi':
      // "Do Not Share, given Mar 4, 2026 (Signed)"
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const choice = typeof v.choice === 'string' ? v.choice : '';
        const method = typeof v.method === 'string' ? v.method : '';
        const date = typeof v.date === 'string' ? dateText(v.date) : '';
        return `${picklists.labelOf(PICKLIST_IDS.roiChoice, choice) ?? choice}, given ${date} (${picklists.labelOf(PICKLIST_IDS.roiMethod, method) ?? method})`;
      }
      return String(v);
    default:
      if (typeof v === 'boolean') return v ? 'Yes' : 'No';
      if (Array.isArray(v)) return v.map(String).join(', ');
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
  }
}
