// Fixing a rejected change in place: which fields a person can correct, what the editor control
// starts with, and how typed text (or a choice) becomes the value the change carries again.
import { instantOfLocal, localDateAt, localTimeAt } from '../clock/time';
import { activeCodes, getList } from '../codes';
import { DEFAULT_PICKLIST_REGISTRY, type PicklistRegistry } from '../forms';
import type { JsonValue } from '../protocol';
import { DEFAULT_TIME_ZONE, EXIT_REASON_LABELS } from '../records';
import { type FieldInfo, type FieldKind } from './change-fields';

const EDITABLE: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'text',
  'multiline',
  'number',
  'money',
  'date',
  'instant',
  'boolean',
  'code',
  'picklist',
  'exitReason',
  'ssn',
  'phone',
]);

/** Fields a person can correct in place (the rest are resent as they were). */
export function isEditable(info: FieldInfo): boolean {
  return EDITABLE.has(info.kind);
}

/** "2026-03-04T14:05" (a datetime-local input's value) for an instant, in Minnesota time. */
export function instantToLocalInput(iso: string, timeZone = DEFAULT_TIME_ZONE): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return `${localDateAt(at, timeZone)}T${localTimeAt(at, timeZone)}`;
}

/** The instant (ISO, UTC) of a datetime-local value read as Minnesota time; null if not one. */
export function localInputToInstant(local: string, timeZone = DEFAULT_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  // In the spring-forward gap the time moves forward; in the fold it is the first (clock/time.ts).
  const at = instantOfLocal(`${m[1]}-${m[2]}-${m[3]}`, `${m[4]}:${m[5]}`, timeZone);
  return at === null ? null : new Date(at).toISOString();
}

/** The text an editor control starts with for a value (a select's value for a choice). */
export function editorText(info: FieldInfo, value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (info.kind === 'instant' && typeof value === 'string') return instantToLocalInput(value);
  if (info.kind === 'boolean' && typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export type ParsedValue = { ok: true; value: JsonValue } | { ok: false; message: string };

/** Turns what a person typed (or chose) back into the value a change carries. Blank is null. */
export function parseEditorText(info: FieldInfo, raw: string): ParsedValue {
  const input = raw.trim();
  if (input === '') return { ok: true, value: null };
  switch (info.kind) {
    case 'number':
    case 'money': {
      const n = Number(input.replace(/[$,]/g, ''));
      if (!Number.isFinite(n)) return { ok: false, message: `${info.label}: enter a number` };
      return { ok: true, value: n };
    }
    case 'code': {
      const n = Number(input);
      if (!Number.isInteger(n)) return { ok: false, message: `${info.label}: choose an answer` };
      return { ok: true, value: n };
    }
    case 'boolean':
      return { ok: true, value: input === 'true' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(input)
        ? { ok: true, value: input }
        : { ok: false, message: `${info.label}: enter a date` };
    case 'instant': {
      const iso = localInputToInstant(input);
      return iso
        ? { ok: true, value: iso }
        : { ok: false, message: `${info.label}: enter a date and time` };
    }
    case 'phone': {
      const digits = input.replace(/\D/g, '');
      return digits.length === 10
        ? { ok: true, value: digits }
        : { ok: false, message: `${info.label}: enter 10 digits` };
    }
    default:
      // Text keeps what was typed (only spaces at the ends are dropped).
      return { ok: true, value: input };
  }
}

/** Kinds whose editor is a choice from a list (editorOptions), not typed text. */
export const CHOICE_KINDS: ReadonlySet<FieldKind> = new Set<FieldKind>([
  'code',
  'picklist',
  'exitReason',
  'boolean',
]);

export interface EditorOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The choices of a field's editor, as editorText values. A retired code or option stays
 * choosable for the record that has it (`current`), so opening an editor never changes a value.
 */
export function editorOptions(
  info: FieldInfo,
  current: string,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): EditorOption[] {
  let options: EditorOption[] = [];
  if (info.kind === 'code' && info.listId) {
    const list = getList(info.listId);
    options = activeCodes(list).map((c) => ({ value: String(c.code), label: c.label }));
    const kept = list.codes.find((c) => String(c.code) === current);
    if (kept && !options.some((o) => o.value === current)) {
      options.push({ value: current, label: kept.label });
    }
  } else if (info.kind === 'picklist' && info.picklistId) {
    options = picklists
      .activeOptions(info.picklistId)
      .map((o) => ({ value: o.code, label: o.label }));
    const label = picklists.labelOf(info.picklistId, current);
    if (current && !options.some((o) => o.value === current)) {
      options.push({ value: current, label: label ?? current });
    }
  } else if (info.kind === 'exitReason') {
    options = Object.entries(EXIT_REASON_LABELS).map(([value, label]) => ({ value, label }));
  } else if (info.kind === 'boolean') {
    options = [
      { value: 'true', label: 'Yes' },
      { value: 'false', label: 'No' },
    ];
  }
  return options;
}
