// Element ids of the contact screen's controls and the field errors each part shows. Issue fields
// come from the domain (contact-form.ts): `interim.<fieldId>`, `member.<enrollmentId>.<ClsField>`
// and `<part>.<enrollmentId>.<fieldId>` for the per-member parts. Members are told apart by their
// position in the household, never by name.
import type { ValidationIssue } from '../../domain/validation';
import type { ClsField, MemberPart } from '../../domain/workflow/contact';
import { fieldElementId } from '../../shared/forms';
import type { FieldError } from '../../shared/ui';

export const INTERIM_PREFIX = 'contact-interim';

/** Element ids of the screen's controls, by issue field. */
export const CONTROL_IDS = {
  date: 'contact-date',
  time: 'contact-time',
  kind: 'contact-kind',
  location: 'contact-location',
  currentLivingSituation: 'contact-cls',
  clsSubsidyType: 'contact-cls-subsidy',
  leaveSituation14Days: 'contact-leave-14',
  subsequentResidence: 'contact-subsequentResidence',
  resourcesToObtain: 'contact-resourcesToObtain',
  leaseOwn60Day: 'contact-leaseOwn60Day',
  movedTwoOrMore: 'contact-movedTwoOrMore',
  locationDetails: 'contact-location-details',
  verifiedBy: 'contact-verified-by',
  note: 'contact-note',
} as const;

/** Element ids of another member's 4.12 controls, by position (never by name). */
export const memberControlId = (index: number, field: ClsField): string =>
  `contact-member-${index}-${field}`;

/** The element id prefix of a member's answers in a per-member part, by position. */
export const partPrefix = (part: MemberPart, index: number): string => `contact-${part}-${index}`;

const MEMBER_FIELD = /^(member|income|dv|disabilities)\.([^.]+)\.(.+)$/;

/** The element an issue's message links to; `positions` are the members' positions by enrollment. */
export function elementIdOf(field: string, positions: ReadonlyMap<string, number>): string {
  if (field.startsWith('interim.')) {
    return fieldElementId(field.slice('interim.'.length), INTERIM_PREFIX);
  }
  const m = MEMBER_FIELD.exec(field);
  if (m !== null) {
    const index = positions.get(m[2]!) ?? 0;
    return m[1] === 'member'
      ? memberControlId(index, m[3] as ClsField)
      : fieldElementId(m[3]!, partPrefix(m[1] as MemberPart, index));
  }
  return Object.hasOwn(CONTROL_IDS, field)
    ? CONTROL_IDS[field as keyof typeof CONTROL_IDS]
    : CONTROL_IDS.date;
}

export const NO_ERRORS: FieldError[] = [];

/** The first message of each field. */
export function messagesByField(issues: readonly ValidationIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.field] ??= issue.message;
  return out;
}

/** The messages of fields under a prefix ("interim.", "dv.<id>."), by the rest of the field. */
export function errorsUnder(
  fieldErrors: Readonly<Record<string, string>>,
  prefix: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field.startsWith(prefix)) out[field.slice(prefix.length)] = message;
  }
  return out;
}
