// Every record saved on an enrollment as a case manager reads it (issue 12, "Read and correct
// every saved record"): the Entry, Update and Annual assessments, the Exit assessment, the
// contacts and the Current Living Situations, each as a titled list of "question: answer" lines
// in the order the forms ask them, with what a correction of it is (W-REC-1..3, RULES.md).
// Pure: the enrollment screen renders it; record-correction.ts turns an edit into a change.
import { STAGE_ANNUAL, STAGE_ENTRY, STAGE_EXIT, STAGE_UPDATE } from '../codes';
import { DEFAULT_PICKLIST_REGISTRY, FORMS, formFields, type PicklistRegistry } from '../forms';
import { flattenRecord, isEmptyValue, type FieldValues } from '../merge';
import type { JsonValue } from '../protocol';
import type { RecordType } from '../records';
import { fieldInfo } from './change-fields';
import { valueText } from './change-values';
import { recordName, type FieldLine } from './change-summary';

export type SavedRecordKind =
  'entry' | 'update' | 'annual' | 'exit' | 'contact' | 'livingSituation';

/** A saved record as the enrollment's views hold it (a device RecordView or the like). */
export type SavedView = Readonly<Record<string, unknown>> & { readonly id: string };

export interface SavedRecordsInput {
  readonly entry?: SavedView | undefined;
  readonly exit?: SavedView | undefined;
  /** Update (2) and Annual (5) assessments. */
  readonly updates?: readonly SavedView[];
  readonly contacts?: readonly SavedView[];
  readonly currentLivingSituations?: readonly SavedView[];
}

export interface SavedRecordSummary {
  readonly kind: SavedRecordKind;
  readonly type: RecordType;
  readonly id: string;
  /** "Entry assessment", "Contact", ... */
  readonly title: string;
  /** The record's own date (information date, contact time): YYYY-MM-DD or an instant. */
  readonly date: string | null;
  /** Each recorded field, labelled, in form order; links to other records left out. */
  readonly lines: readonly FieldLine[];
  /** Whether it has a pending change not yet on the server. */
  readonly pending: boolean;
}

/** Fields that say which record this is, never shown or corrected as answers (W-REC-2). */
const KEY_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'deleted',
  'pending',
  'enrollmentId',
  'clientId',
  'providerId',
  'householdId',
  'contactId',
  'dataCollectionStage',
]);

let formOrder: Map<string, number> | null = null;

/**
 * Position of an answer in the forms (every form, in FORMS order), for a stable reading order;
 * the record's own fields (a date, a note) come first, in their order.
 */
function answerOrder(path: string): number {
  if (!path.startsWith('answers.')) return -1;
  if (formOrder === null) {
    formOrder = new Map();
    for (const form of FORMS) {
      for (const field of formFields(form)) {
        const key = `answers.${field.id}`;
        if (!formOrder.has(key)) formOrder.set(key, formOrder.size);
      }
    }
  }
  return formOrder.get(path) ?? Number.MAX_SAFE_INTEGER;
}

/** A record's fields, flat (`answers.<id>`), as a correction edits them. */
export function savedFields(view: SavedView): FieldValues {
  const { deleted: _d, pending: _p, ...record } = view as Record<string, unknown>;
  return flattenRecord(record as Parameters<typeof flattenRecord>[0]);
}

/** The "question: answer" lines of a record, answers in form order, keys and blanks left out. */
export function savedLines(
  type: RecordType,
  view: SavedView,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): FieldLine[] {
  const fields = savedFields(view);
  const lines: FieldLine[] = [];
  for (const [path, value] of Object.entries(fields)) {
    if (KEY_FIELDS.has(path) || value === undefined || isEmptyValue(value)) continue;
    const info = fieldInfo(type, path);
    if (info.kind === 'id') continue;
    lines.push({ ...info, value: value as JsonValue, text: valueText(info, value, picklists) });
  }
  return lines.sort((a, b) => answerOrder(a.path) - answerOrder(b.path));
}

const STAGE_KIND: Readonly<Record<number, SavedRecordKind>> = {
  [STAGE_ENTRY]: 'entry',
  [STAGE_UPDATE]: 'update',
  [STAGE_ANNUAL]: 'annual',
  [STAGE_EXIT]: 'exit',
};

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function summary(
  kind: SavedRecordKind,
  type: RecordType,
  view: SavedView,
  date: string | null,
  picklists: PicklistRegistry,
): SavedRecordSummary {
  return {
    kind,
    type,
    id: view.id,
    title: recordName(type, view),
    date,
    lines: savedLines(type, view, picklists),
    pending: view.pending === true,
  };
}

/**
 * W-REC-1: every saved record of an enrollment, in the order a case manager reads its story: the
 * Entry, the Updates and Annual assessments (oldest first), the Exit, then the contacts and the
 * Current Living Situations (newest first). Deleted records are left out.
 */
export function savedRecordSummaries(
  input: SavedRecordsInput,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): SavedRecordSummary[] {
  const live = (v: SavedView | undefined): v is SavedView => v !== undefined && v.deleted !== true;
  const out: SavedRecordSummary[] = [];
  const assessment = (v: SavedView) => {
    const stage = typeof v.dataCollectionStage === 'number' ? v.dataCollectionStage : -1;
    const kind = STAGE_KIND[stage];
    if (kind) out.push(summary(kind, 'assessment', v, text(v.informationDate), picklists));
  };
  if (live(input.entry)) assessment(input.entry);
  [...(input.updates ?? [])]
    .filter(live)
    .sort((a, b) => String(a.informationDate ?? '').localeCompare(String(b.informationDate ?? '')))
    .forEach(assessment);
  if (live(input.exit)) assessment(input.exit);
  const newestFirst = (field: string) => (a: SavedView, b: SavedView) =>
    String(b[field] ?? '').localeCompare(String(a[field] ?? ''));
  for (const c of [...(input.contacts ?? [])].filter(live).sort(newestFirst('contactAt'))) {
    out.push(summary('contact', 'contact', c, text(c.contactAt), picklists));
  }
  for (const c of [...(input.currentLivingSituations ?? [])]
    .filter(live)
    .sort(newestFirst('informationDate'))) {
    out.push(
      summary('livingSituation', 'currentLivingSituation', c, text(c.informationDate), picklists),
    );
  }
  return out;
}

/** The summary of the saved record with this id, or null when the enrollment has none. */
export function findSavedRecord(
  input: SavedRecordsInput,
  id: string,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): SavedRecordSummary | null {
  return savedRecordSummaries(input, picklists).find((s) => s.id === id) ?? null;
}
