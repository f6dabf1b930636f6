// "Domestic violence situation changed" (4.11, W-CT6) and "Disabilities changed" (4.05–4.10,
// W-CT7) at a contact: HUD collects both at an Update (stage 2) when they change, 4.11 about the
// head of household and adults, 4.05–4.10 about every client. Each part asks its questions of every
// member HUD asks them of and records a member's changed answers on that member's stage-2 Update
// dated on the contact (the same Update as their other answers of the contact).
//
// Like W-CT3, a part starts from the member's current answers (the newest Update or annual
// assessment on or before the contact date that answered each question, else the Entry), not
// empty: the case manager is telling what changed, so they change only what differs and the rest
// reads as on record, and a touched answer that equals the current one records nothing. The
// current answers are first cut to what the form asks (a stale "long-continued" answer under a No
// is not shown, so it cannot come back pre-answered after a Yes).
//
// What is recorded follows the HMIS CSV rows, so a stage-2 row is never half empty:
//  - 4.11: one HealthAndDV row holds 4.11, 4.11.A and 4.11.B, so a change records all three as
//    asked (4.11.A/B only when 4.11 = Yes; otherwise null, HUD's dependent-field rule);
//  - 4.05–4.10: one Disabilities row per disability type, so each changed type records its
//    response and, only when it is Yes (1/2/3 for substance use), 4.0x.A; otherwise 4.0x.A is null.
// (4.02–4.04 keep contact-income.ts: their one IncomeBenefits row holds all three elements.)
import {
  DEFAULT_PICKLIST_REGISTRY,
  askedAnswers,
  checkAnswers,
  fieldById,
  fieldStatuses,
  isEmptyAnswer,
  type AnswerValue,
  type FormContext,
  type FormDefinition,
  type PicklistRegistry,
} from '../forms';
import { DISABILITY_FIELDS } from '../codes/disability';
import { errorIssue, type ValidationIssue } from '../validation';
import { memberPartIssueField, type ContactForm } from './contact-form';
import type { ContactMember } from './contact-household';
import { LOCAL_DATE } from './contact-time';
import { sameAnswer } from './contact-updates';
import {
  INTERIM_STAGE,
  answerFieldIds,
  disabilityUpdateForms,
  dvUpdateForms,
  latestInterimValues,
} from './interim';

/** The per-member parts W-CT6 and W-CT7 define. */
export type HealthPart = 'dv' | 'disabilities';

/** What one part asks and records. */
export interface MemberUpdatePart {
  readonly part: HealthPart;
  readonly forms: readonly FormDefinition[];
  /**
   * The questions recorded together (one CSV row's worth), the parent question first: a change
   * to any of them records the whole unit.
   */
  readonly units: readonly (readonly string[])[];
  /** The end of the message for an unanswered parent question of a changed unit. */
  readonly completeness: string;
}

/** W-CT6: 4.11, with 4.11.A and 4.11.B under it. */
export function dvPart(): MemberUpdatePart {
  const forms = dvUpdateForms();
  return {
    part: 'dv',
    forms,
    units: [answerFieldIds(forms)],
    completeness: 'an update of domestic violence records it with its follow-up questions.',
  };
}

/** W-CT7: 4.05–4.10 in the provider's variant (`federal`: formsForFunding), one unit per type. */
export function disabilitiesPart(federal: boolean): MemberUpdatePart {
  return {
    part: 'disabilities',
    forms: disabilityUpdateForms(federal),
    units: DISABILITY_FIELDS.map((d) =>
      d.indefiniteField === null ? [d.responseField] : [d.responseField, d.indefiniteField],
    ),
    completeness: 'an update of disabilities records the answer of each disability that changed.',
  };
}

/** The answers of a part the case manager touched for a member. */
export function partEdits(
  form: Pick<ContactForm, HealthPart>,
  part: HealthPart,
  enrollmentId: string,
): Readonly<Record<string, AnswerValue>> {
  return form[part]?.[enrollmentId] ?? {};
}

/** Answering one question of a part for a member. */
export function setPartAnswer(
  form: ContactForm,
  part: HealthPart,
  enrollmentId: string,
  fieldId: string,
  value: AnswerValue,
): ContactForm {
  const all = form[part] ?? {};
  return {
    ...form,
    [part]: { ...all, [enrollmentId]: { ...(all[enrollmentId] ?? {}), [fieldId]: value } },
  };
}

/** The part's answers as the screen shows them: pre-fill with the edits on top. */
export function partAnswers(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  return { ...prefill, ...edits };
}

/** A member's current answers to the part's asked questions on the contact date. */
export function partPrefill(
  part: MemberUpdatePart,
  member: ContactMember,
  date: string,
  context: FormContext,
): Record<string, AnswerValue> {
  const current = latestInterimValues(member.entry, member.updates ?? [], {
    fieldIds: answerFieldIds(part.forms),
    ...(LOCAL_DATE.test(date) ? { asOf: date } : {}),
  });
  const asked = askedAnswers(part.forms, INTERIM_STAGE, current, context);
  return Object.fromEntries(Object.entries(asked).filter(([, v]) => !isEmptyAnswer(v)));
}

function askedIds(
  part: MemberUpdatePart,
  answers: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
): Set<string> {
  return new Set(
    fieldStatuses(part.forms, INTERIM_STAGE, answers, context)
      .filter((s) => s.state === 'asked' && s.field.type !== 'note')
      .map((s) => s.field.id),
  );
}

/** The units with an asked answer the case manager touched that differs from the pre-fill. */
export function changedUnits(
  part: MemberUpdatePart,
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
): (readonly string[])[] {
  const asked = askedIds(part, partAnswers(prefill, edits), context);
  return part.units.filter((unit) =>
    unit.some(
      (id) => asked.has(id) && Object.hasOwn(edits, id) && !sameAnswer(edits[id], prefill[id]),
    ),
  );
}

/**
 * What the member's Update records for the part: for each changed unit, every asked, answered
 * question and null for each question of the unit the form does not ask now; {} when nothing
 * changed.
 */
export function partSnapshot(
  part: MemberUpdatePart,
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
): Record<string, AnswerValue> {
  const answers = partAnswers(prefill, edits);
  const asked = askedIds(part, answers, context);
  const out: Record<string, AnswerValue> = {};
  for (const unit of changedUnits(part, prefill, edits, context)) {
    for (const id of unit) {
      if (!asked.has(id)) out[id] = null;
      else if (!isEmptyAnswer(answers[id])) out[id] = answers[id]!;
    }
  }
  return out;
}

/**
 * What blocks saving a member's changed part: an unanswered parent question of a changed unit
 * (an emptied 4.11 or disability answer), an answer that is not valid, and what the form requires
 * at an update (4.11.A and 4.11.B once 4.11 is Yes; 8/9/99 are answers). Nothing when the member's
 * answers did not change. Issue fields are `<part>.<enrollmentId>.<fieldId>`.
 */
export function partIssues(
  part: MemberUpdatePart,
  enrollmentId: string,
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): ValidationIssue[] {
  const units = changedUnits(part, prefill, edits, context);
  if (units.length === 0) return [];
  const ids = new Set(units.flat());
  const snapshot = partSnapshot(part, prefill, edits, context);
  const given = Object.fromEntries(Object.entries(snapshot).filter(([, v]) => v !== null));
  const issues: ValidationIssue[] = [];
  for (const [parent] of units) {
    if (parent !== undefined && isEmptyAnswer(snapshot[parent])) {
      issues.push(
        errorIssue(
          parent,
          'form:required',
          `Answer “${fieldById(parent, part.forms)?.label ?? parent}”: ${part.completeness}`,
        ),
      );
    }
  }
  for (const i of checkAnswers(part.forms, INTERIM_STAGE, given, picklists, { context })) {
    if (ids.has(i.field)) issues.push(errorIssue(i.field, `form:${i.code}`, i.message));
  }
  return issues.map((i) => ({
    ...i,
    field: memberPartIssueField(part.part, enrollmentId, i.field),
  }));
}
