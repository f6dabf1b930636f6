// Describes a queued change (a Mutation, or a value the merge kept for review) in a case manager's
// words: which record ("Contact for Robin Testperson"), what it did ("New", "Changed: Phone,
// Email") and each field as "label: value". It also says how a field of a rejected change can be
// corrected (text, number, date, a choice from its HUD list or local picklist) and turns typed
// text back into the value a change carries. Pure: the sync screens call it.
import { STAGE_ANNUAL, STAGE_ENTRY, STAGE_EXIT, STAGE_UPDATE } from '../codes';
import { DEFAULT_PICKLIST_REGISTRY } from '../forms';
import type { PicklistRegistry } from '../forms';
import { type FieldValues } from '../merge';
import type { JsonValue, Mutation } from '../protocol';
import { EXIT_FIELDS, type RecordType } from '../records';
import { fieldInfo, type FieldInfo } from './change-fields';
import { valueText } from './change-values';

export * from './change-fields';
export * from './change-values';
export * from './change-editor';

const STAGE_NAMES: Readonly<Record<number, string>> = {
  [STAGE_ENTRY]: 'Entry assessment',
  [STAGE_UPDATE]: 'Update assessment',
  [STAGE_EXIT]: 'Exit assessment',
  [STAGE_ANNUAL]: 'Annual assessment',
};

/** What kind of record a change is about, as a case manager calls it. */
export function recordName(
  type: RecordType,
  fields: Readonly<Record<string, unknown>> = {},
): string {
  switch (type) {
    case 'client':
      return 'Client profile';
    case 'enrollment':
      return 'Enrollment';
    case 'assessment': {
      const stage = fields.dataCollectionStage;
      return (typeof stage === 'number' && STAGE_NAMES[stage]) || 'Assessment';
    }
    case 'currentLivingSituation':
      return 'Current Living Situation';
    case 'contact':
      return 'Contact';
    case 'caseManagerAssignment':
      return 'Case manager assignment';
    default:
      return 'Record';
  }
}

export interface FieldLine extends FieldInfo {
  value: JsonValue;
  /** The value as a case manager reads it. */
  text: string;
}

export interface ChangeSummary {
  /** "Contact for Robin Testperson". */
  headline: string;
  /** "New", "Changed: Phone, Email", "Deleted", "Restored". */
  detail: string;
  /** One line: "New contact for Robin Testperson", "Client profile for Robin Testperson: Phone, Email". */
  text: string;
  /** Every field the change sets (links to other records left out), in the change's order. */
  fields: FieldLine[];
}

/** At most this many field names in a one-line summary; the rest are counted. */
const MAX_NAMED_FIELDS = 4;

function listNames(names: readonly string[]): string {
  if (names.length <= MAX_NAMED_FIELDS) return names.join(', ');
  const rest = names.length - (MAX_NAMED_FIELDS - 1);
  return `${names.slice(0, MAX_NAMED_FIELDS - 1).join(', ')} and ${rest} more`;
}

/** The fields of a change as "label: value" lines (record links left out). */
export function fieldLines(
  type: RecordType,
  fields: FieldValues,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): FieldLine[] {
  return Object.entries(fields)
    .map(([path, value]) => ({ info: fieldInfo(type, path), value }))
    .filter(({ info }) => info.kind !== 'id')
    .map(({ info, value }) => ({ ...info, value, text: valueText(info, value, picklists) }));
}

/**
 * Describes a queued change. `record` is the record as the device shows it now (it names an
 * assessment's stage when the change itself does not); `subject` names who it is about (the
 * client's name), when known.
 */
export function describeChange(
  mutation: Pick<Mutation, 'recordType' | 'op' | 'fields'>,
  context: { subject?: string | null; record?: Readonly<Record<string, unknown>> | null } = {},
): ChangeSummary {
  const { recordType: type, op, fields } = mutation;
  let name = recordName(type, { ...(context.record ?? {}), ...fields });
  const lines = fieldLines(type, fields);
  if (
    type === 'enrollment' &&
    op === 'patch' &&
    Object.keys(fields).some((f) => (EXIT_FIELDS as readonly string[]).includes(f))
  ) {
    name = 'Exit';
  }
  const headline = context.subject ? `${name} for ${context.subject}` : name;
  const lower = headline.charAt(0).toLowerCase() + headline.slice(1);
  // HUD element names keep their capitals ("New Current Living Situation for …").
  const newText = type === 'currentLivingSituation' ? `New ${headline}` : `New ${lower}`;
  switch (op) {
    case 'create':
      return { headline, detail: 'New', text: newText, fields: lines };
    case 'delete':
      return { headline, detail: 'Deleted', text: `Deleted: ${headline}`, fields: lines };
    case 'restore':
      return { headline, detail: 'Restored', text: `Restored: ${headline}`, fields: lines };
    default: {
      const names = listNames(lines.map((l) => l.label));
      return {
        headline,
        detail: names ? `Changed: ${names}` : 'Changed',
        text: names ? `${headline}: ${names}` : headline,
        fields: lines,
      };
    }
  }
}

/** Where a record is opened: a client's profile, or the enrollment it belongs to. */
export type RecordHome = { kind: 'client'; id: string } | { kind: 'enrollment'; id: string };

/**
 * The screen that shows a record: a client → their profile; an enrollment → itself; a contact,
 * assessment, Current Living Situation or case manager assignment → its enrollment (read from
 * the record as shown, or from the change's own fields for a record that never saved).
 */
export function recordHome(
  type: RecordType,
  recordId: string,
  ...sources: (Readonly<Record<string, unknown>> | null | undefined)[]
): RecordHome | null {
  if (type === 'client') return { kind: 'client', id: recordId };
  if (type === 'enrollment') return { kind: 'enrollment', id: recordId };
  for (const source of sources) {
    const enrollmentId = source?.enrollmentId;
    if (typeof enrollmentId === 'string' && enrollmentId)
      return { kind: 'enrollment', id: enrollmentId };
  }
  return null;
}
