// Describes a queued change (a Mutation, or a value the merge kept for review) in a case manager's
// words: which record ("Contact for Robin Testperson"), what it did ("New", "Changed: Phone,
// Email") and each field as "label: value". It also says how a field of a rejected change can be
// corrected (text, number, date, a choice from its HUD list or local picklist) and turns typed
// text back into the value a change carries. Pure: the sync screens call it.
import { pad2, zonedParts } from '../clock/zoned';
import { getList, labelOf, STAGE_ANNUAL, STAGE_ENTRY, STAGE_EXIT, STAGE_UPDATE } from '../codes';
import { DEFAULT_PICKLIST_REGISTRY, fieldById, PICKLIST_IDS } from '../forms';
import type { PicklistRegistry } from '../forms';
import { answerFieldId, isAnswerField, type FieldValues } from '../merge';
import type { JsonValue, Mutation } from '../protocol';
import {
  DEFAULT_TIME_ZONE,
  EXIT_FIELDS,
  EXIT_REASON_LABELS,
  type ExitReason,
  type RecordType,
} from '../records';

/** How a field's value is written and, when a rejected change is fixed, edited. */
export type FieldKind =
  | 'text'
  | 'multiline'
  | 'number'
  | 'money'
  | 'date'
  | 'instant'
  | 'boolean'
  /** One code of a HUD list (`listId`). */
  | 'code'
  /** Several codes of a HUD list. */
  | 'codes'
  /** One option of a local picklist (`picklistId`). */
  | 'picklist'
  | 'picklists'
  | 'exitReason'
  | 'ssn'
  | 'phone'
  | 'address'
  /** A link to another record: never shown as a value and never edited by hand. */
  | 'id'
  | 'unknown';

export interface FieldInfo {
  /** The flat field path, e.g. `phone` or `answers.incomeFromAnySource`. */
  path: string;
  label: string;
  kind: FieldKind;
  listId?: string;
  picklistId?: string;
}

type FieldSpec = Omit<FieldInfo, 'path'>;

const id = (label: string): FieldSpec => ({ label, kind: 'id' });
const text = (label: string): FieldSpec => ({ label, kind: 'text' });
const date = (label: string): FieldSpec => ({ label, kind: 'date' });
const code = (label: string, listId: string): FieldSpec => ({ label, kind: 'code', listId });

const FIELDS: Readonly<Record<RecordType, Readonly<Record<string, FieldSpec>>>> = {
  client: {
    firstName: text('First name'),
    middleName: text('Middle name'),
    lastName: text('Last name'),
    nameSuffix: text('Suffix'),
    nameDataQuality: code('Name data quality', '3.01.5'),
    ssn: { label: 'SSN', kind: 'ssn' },
    ssnDataQuality: code('SSN data quality', '3.02.2'),
    dob: date('Date of birth'),
    dobDataQuality: code('Date of birth data quality', '3.03.2'),
    race: { label: 'Race and ethnicity', kind: 'codes', listId: '3.04' },
    raceNone: code('Race and ethnicity not answered', '1.6'),
    additionalRaceEthnicity: text('Additional race and ethnicity detail'),
    sex: code('Sex', '4.21'),
    veteranStatus: code('Veteran status', '1.8'),
    phone: { label: 'Phone', kind: 'phone' },
    email: text('Email'),
    address: { label: 'Address', kind: 'address' },
  },
  enrollment: {
    clientId: id('Client'),
    providerId: id('Provider'),
    householdId: id('Household'),
    relationshipToHoH: code('Relationship to head of household', '3.15.1'),
    projectStartDate: date('Project start date'),
    entryType: text('Entry type'),
    exitDate: date('Exit date'),
    exitReason: { label: 'Why case management ended', kind: 'exitReason' },
    destination: code('Destination', '3.12.1'),
    destinationSubsidyType: code('Destination rental subsidy type', '3.12.A'),
    otherDestination: text('Other destination'),
    enrollmentCoc: text('Enrollment CoC'),
    dateOfEngagement: date('Date of engagement'),
  },
  assessment: {
    enrollmentId: id('Enrollment'),
    clientId: id('Client'),
    dataCollectionStage: code('Data collection stage', '5.03.1'),
    informationDate: date('Information date'),
  },
  currentLivingSituation: {
    enrollmentId: id('Enrollment'),
    clientId: id('Client'),
    informationDate: date('Information date'),
    currentLivingSituation: code('Current Living Situation', '4.12.2'),
    clsSubsidyType: code('Rental subsidy type', '3.12.A'),
    verifiedBy: text('Verified by'),
    leaveSituation14Days: code('Must leave the current situation within 14 days', '1.8'),
    subsequentResidence: code('A next place to stay has been found', '1.8'),
    resourcesToObtain: code('Has resources to get permanent housing', '1.8'),
    leaseOwn60Day: code('Had a lease or ownership in the last 60 days', '1.8'),
    movedTwoOrMore: code('Moved 2 or more times in the last 60 days', '1.8'),
    locationDetails: text('Location details'),
  },
  contact: {
    enrollmentId: id('Enrollment'),
    clientId: id('Client'),
    contactAt: { label: 'Date and time of contact', kind: 'instant' },
    location: { label: 'Location', kind: 'picklist', picklistId: PICKLIST_IDS.contactLocation },
    kind: { label: 'Type of contact', kind: 'picklist', picklistId: PICKLIST_IDS.contactKind },
    note: { label: 'Note', kind: 'multiline' },
    currentLivingSituationId: id('Current Living Situation'),
    interimAssessmentId: id('Update assessment'),
  },
  caseManagerAssignment: {
    enrollmentId: id('Enrollment'),
    caseManagerId: id('Case manager'),
    startDate: date('Start date'),
    endDate: date('End date'),
  },
};

/** "incomeFromAnySource" → "Income from any source" (for a field no definition names). */
function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a field is called and how its value is written and edited. */
export function fieldInfo(type: RecordType, path: string): FieldInfo {
  if (type === 'assessment' && isAnswerField(path)) {
    const field = fieldById(answerFieldId(path));
    if (!field) return { path, label: humanize(answerFieldId(path)), kind: 'unknown' };
    const label = field.label;
    switch (field.type) {
      case 'single':
      case 'yesno':
        return 'hudList' in field.source
          ? { path, label, kind: 'code', listId: field.source.hudList }
          : { path, label, kind: 'picklist', picklistId: field.source.picklist };
      case 'multi':
        return 'hudList' in field.source
          ? { path, label, kind: 'codes', listId: field.source.hudList }
          : { path, label, kind: 'picklists', picklistId: field.source.picklist };
      case 'money':
        return { path, label, kind: 'money' };
      case 'integer':
        return { path, label, kind: 'number' };
      case 'date':
        return { path, label, kind: 'date' };
      case 'text':
        return { path, label, kind: field.multiline ? 'multiline' : 'text' };
      default:
        return { path, label, kind: 'unknown' };
    }
  }
  const spec = FIELDS[type]?.[path];
  return spec ? { path, ...spec } : { path, label: humanize(path), kind: 'unknown' };
}

// ---- values as text ---------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 4, 2026" for a YYYY-MM-DD local date (the text itself when it is not one). */
function dateText(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${month} ${Number(m[3])}, ${m[1]}` : value;
}

let instantFormatter: Intl.DateTimeFormat | null = null;

/** "Mar 4, 2026, 2:05 PM" in Minnesota time. */
function instantText(value: string): string {
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  instantFormatter ??= new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: DEFAULT_TIME_ZONE,
  });
  return instantFormatter.format(new Date(at));
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
    default:
      if (typeof v === 'boolean') return v ? 'Yes' : 'No';
      if (Array.isArray(v)) return v.map(String).join(', ');
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
  }
}

// ---- records and changes ----------------------------------------------------------------------

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

// ---- fixing a rejected change -----------------------------------------------------------------

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
  const z = zonedParts(at, timeZone);
  return `${z.year}-${pad2(z.month)}-${pad2(z.day)}T${pad2(z.hour)}:${pad2(z.minute)}`;
}

/** The instant (ISO, UTC) of a datetime-local value read as Minnesota time; null if not one. */
export function localInputToInstant(local: string, timeZone = DEFAULT_TIME_ZONE): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found by formatting a first guess (twice, across a DST change).
  let at = wall;
  for (let i = 0; i < 2; i++) {
    const z = zonedParts(at, timeZone);
    at = wall - (Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second) - at);
  }
  return new Date(at).toISOString();
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
