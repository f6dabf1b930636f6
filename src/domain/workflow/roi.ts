// The client's HMIS Release of Information (Minnesota), rules W-ROI in RULES.md: the choice
// (Share or Do Not Share), when and how it was given, which client fields are the basic record
// every organization sees and which stay with the organization that recorded them, who is asked,
// and the form a screen edits it with. Shared by the screens and the server (which enforces it).
import { DEFAULT_PICKLIST_REGISTRY, PICKLIST_IDS } from '../forms/picklists';
import { HEAD_OF_HOUSEHOLD } from '../codes';
import { clientSchema, localDateSchema, roiSchema, type Roi } from '../records';
import { isAdultOn } from './form-context';

export type { Roi } from '../records';

export const ROI_SHARE = 'share';
export const ROI_DO_NOT_SHARE = 'do_not_share';
export const ROI_SIGNED = 'signed';
export const ROI_VERBAL = 'verbal';

/**
 * W-ROI-2: the client record's fields that are not the basic record: where the person can be
 * reached or found. With Do Not Share they stay with the organization that recorded them.
 */
export const ROI_WITHHELD_CLIENT_FIELDS = ['phone', 'email', 'address'] as const;

/**
 * W-ROI-2: the basic client record, visible to every organization whatever the choice: 3.01 name,
 * 3.02 SSN, 3.03 DOB (with their data quality), 3.04 race and ethnicity, 4.21 sex, 3.07 veteran
 * status, and the ROI itself. Every client field is in exactly one of the two lists (a test checks
 * it), so a field added later must be classified before it can be shared.
 */
export const ROI_BASIC_CLIENT_FIELDS: readonly string[] = Object.keys(clientSchema.shape).filter(
  (f) => f !== 'id' && !(ROI_WITHHELD_CLIENT_FIELDS as readonly string[]).includes(f),
);

/** The recorded ROI of a client record (flat fields or a view), or null when none is valid. */
export function roiOf(record: Readonly<Record<string, unknown>> | null | undefined): Roi | null {
  const parsed = roiSchema.safeParse(record?.roi);
  return parsed.success ? parsed.data : null;
}

/**
 * W-ROI-1: whether the client shares their transactional data with other organizations. Only a
 * recorded `share` does: Do Not Share, no ROI and any other code are Do Not Share.
 */
export function sharesWithOtherOrganizations(
  record: Readonly<Record<string, unknown>> | null | undefined,
): boolean {
  return roiOf(record)?.choice === ROI_SHARE;
}

/** "Share", "Do Not Share" (or an override's label). */
export function roiChoiceLabel(choice: string): string {
  return DEFAULT_PICKLIST_REGISTRY.labelOf(PICKLIST_IDS.roiChoice, choice) ?? choice;
}

/** "Signed", "Verbal (to be signed in person)" (or an override's label). */
export function roiMethodLabel(method: string): string {
  return DEFAULT_PICKLIST_REGISTRY.labelOf(PICKLIST_IDS.roiMethod, method) ?? method;
}

/** The choices and methods a screen offers (retired ones left out). */
export function roiChoiceOptions(): { value: string; label: string }[] {
  return DEFAULT_PICKLIST_REGISTRY.activeOptions(PICKLIST_IDS.roiChoice).map((o) => ({
    value: o.code,
    label: o.label,
  }));
}

export function roiMethodOptions(): { value: string; label: string }[] {
  return DEFAULT_PICKLIST_REGISTRY.activeOptions(PICKLIST_IDS.roiMethod).map((o) => ({
    value: o.code,
    label: o.label,
  }));
}

/** What a screen says about who sees what, for the client's current choice (W-ROI-3). */
export function roiVisibilityText(roi: Roi | null): string {
  if (roi?.choice === ROI_SHARE) {
    return "Other organizations in Minnesota's HMIS can see this client's enrollments and contact information.";
  }
  const why =
    roi === null
      ? 'No Release of Information is recorded, so the client is treated as Do Not Share: '
      : 'Do Not Share: ';
  return `${why}other organizations see only the basic client record (name, date of birth, SSN, demographics). Enrollments, assessments, contacts and contact information stay with the organization that recorded them.`;
}

// ---- who is asked ------------------------------------------------------------------------------

/**
 * W-ROI-7: the head of household and every adult (18 or older on `on`; an unknown DOB counts as
 * adult) give their own ROI; the head of household gives it for the children.
 */
export function asksRoi(
  member: { relationshipToHoH: number | null; dob: string | null },
  on: string,
): boolean {
  return member.relationshipToHoH === HEAD_OF_HOUSEHOLD || isAdultOn(member.dob, on);
}

// ---- the form ----------------------------------------------------------------------------------

/** The ROI as a screen edits it: nothing chosen yet is null, no date yet is ''. */
export interface RoiAnswer {
  choice: string | null;
  date: string;
  method: string | null;
}

export type RoiField = keyof RoiAnswer;

export interface RoiIssue {
  field: RoiField;
  message: string;
}

export function emptyRoiAnswer(): RoiAnswer {
  return { choice: null, date: '', method: null };
}

/** The answer for a recorded ROI (empty when none). */
export function roiAnswerOf(roi: Roi | null): RoiAnswer {
  return roi ? { choice: roi.choice, date: roi.date, method: roi.method } : emptyRoiAnswer();
}

/** A draft's ROI answer, whatever an older draft holds (anything else reads as empty). */
export function roiAnswerFromDraft(value: unknown): RoiAnswer {
  if (!value || typeof value !== 'object') return emptyRoiAnswer();
  const v = value as Record<string, unknown>;
  return {
    choice: typeof v.choice === 'string' ? v.choice : null,
    date: typeof v.date === 'string' ? v.date : '',
    method: typeof v.method === 'string' ? v.method : null,
  };
}

export function isEmptyRoiAnswer(answer: RoiAnswer): boolean {
  return answer.choice === null && answer.date.trim() === '' && answer.method === null;
}

/**
 * W-ROI-6: the ROI an answer records and what must be fixed first. Nothing answered is no ROI
 * (null, no issue: asking never blocks); a partial answer blocks, since a choice without its date
 * or how it was given is not a record of consent. `whose` names the person in messages.
 */
export function roiFromAnswer(
  answer: RoiAnswer,
  options: { today: string; whose?: string },
): { roi: Roi | null; issues: RoiIssue[] } {
  if (isEmptyRoiAnswer(answer)) return { roi: null, issues: [] };
  const of = options.whose ? ` for ${options.whose}` : '';
  const issues: RoiIssue[] = [];
  if (answer.choice === null) {
    issues.push({ field: 'choice', message: `Choose Share or Do Not Share${of}.` });
  }
  const date = answer.date.trim();
  if (date === '') {
    issues.push({
      field: 'date',
      message: `Enter the date the Release of Information was given${of}.`,
    });
  } else if (!localDateSchema.safeParse(date).success) {
    issues.push({
      field: 'date',
      message: `The date the Release of Information was given${of} is not a real date.`,
    });
  } else if (date > options.today) {
    issues.push({
      field: 'date',
      message: `The date the Release of Information was given${of} cannot be in the future.`,
    });
  }
  if (answer.method === null) {
    issues.push({
      field: 'method',
      message: `Choose how the Release of Information was given${of}.`,
    });
  }
  if (issues.length > 0) return { roi: null, issues };
  const parsed = roiSchema.safeParse({ choice: answer.choice, date, method: answer.method });
  if (!parsed.success) {
    return {
      roi: null,
      issues: [
        { field: 'choice', message: parsed.error.issues[0]?.message ?? 'Not a valid choice.' },
      ],
    };
  }
  return { roi: parsed.data, issues: [] };
}

/** Whether two ROIs are the same record (no change to save). */
export function sameRoi(a: Roi | null, b: Roi | null): boolean {
  return a?.choice === b?.choice && a?.date === b?.date && a?.method === b?.method;
}
