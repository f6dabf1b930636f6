// The exit screen's control ids, by issue field, and the errors each part of the form shows.
import type { ValidationIssue } from '../../domain/validation';
import { INCOME_COPY_FIELD, exitFieldPart, type ExitFieldPart } from '../../domain/workflow/exit';
import { personName } from '../../shared/format';
import { fieldElementId } from '../../shared/forms';
import type { FieldError } from '../../shared/ui';

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const strOrNull = (v: unknown): string | null =>
  typeof v === 'string' && v !== '' ? v : null;
export const numOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function nameOf(client: Readonly<Record<string, unknown>> | undefined): string {
  return personName(client ? { firstName: client.firstName, lastName: client.lastName } : null);
}

/** Element ids of the screen's own controls, by issue field. */
export const CONTROL_IDS = {
  exitReason: 'exit-reason',
  exitDate: 'exit-date',
  destination: 'exit-destination',
  destinationSubsidyType: 'exit-destination-subsidy',
  otherDestination: 'exit-other-destination',
  currentLivingSituation: 'exit-cls',
  clsSubsidyType: 'exit-cls-subsidy',
  leaveSituation14Days: 'exit-cls-leave-14',
  subsequentResidence: 'exit-cls-subsequent-residence',
  resourcesToObtain: 'exit-cls-resources',
  leaseOwn60Day: 'exit-cls-lease-60',
  movedTwoOrMore: 'exit-cls-moved',
  [INCOME_COPY_FIELD]: 'exit-income-confirm',
  household: 'exit-household',
} as const;

/** The FormRenderer id prefix of each part of the exit assessment. */
export const PART_PREFIX: Readonly<Record<ExitFieldPart, string>> = {
  required: 'exit-h',
  optional: 'exit-m',
  disabilities: 'exit-d',
};

/** The answer's field id of an issue field (`answers.<id>`), or null for a record field. */
export function answerId(field: string): string | null {
  return field.startsWith('answers.') ? field.slice('answers.'.length) : null;
}

/** The part of the exit assessment an issue is in, or null when it is not an answer's. */
export function issuePart(field: string): ExitFieldPart | null {
  const id = answerId(field);
  return id === null ? null : exitFieldPart(id);
}

export function elementIdOf(field: string): string {
  if (field.startsWith('contact.')) return `exit-contact-${field.slice('contact.'.length)}`;
  const id = answerId(field);
  if (id === null) {
    return Object.hasOwn(CONTROL_IDS, field)
      ? CONTROL_IDS[field as keyof typeof CONTROL_IDS]
      : CONTROL_IDS.exitReason;
  }
  return fieldElementId(id, PART_PREFIX[exitFieldPart(id)]);
}

/** The first message per field. */
export function messagesByField(issues: readonly ValidationIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.field] ??= i.message;
  return out;
}

/** The messages of one part's answers, by answer field id. */
export function answerErrors(
  byField: Record<string, string>,
  part: ExitFieldPart,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(byField)) {
    const id = answerId(field);
    if (id !== null && exitFieldPart(id) === part) out[id] = message;
  }
  return out;
}

export const NO_ERRORS: FieldError[] = [];

/** The errors listed at the last submit that are still wrong (a fixed one leaves the list). */
export function stillWrong(
  summary: FieldError[],
  live: readonly { message: string }[],
): FieldError[] {
  if (live.length === 0) return NO_ERRORS;
  const open = new Set(live.map((l) => l.message));
  const kept = summary.filter((s) => open.has(s.message));
  return kept.length === summary.length ? summary : kept;
}
