// "Income, benefits or insurance changed" at a contact (W-CT3): HUD collects 4.02 Income and
// Sources and 4.03 Non-Cash Benefits (head of household and adults) and 4.04 Health Insurance
// (every client) at an Update (stage 2) when they change. The contact shows MN Core's 4.02/4.03/
// 4.04 questions per household member with an open enrollment in the project, pre-filled with the
// member's current answers (newest Update, else the Entry); the form context hides 4.02/4.03 for
// children, so a child is asked 4.04 only.
//
// A member whose answers changed gets, on their stage-2 Update dated on the contact (the contacted
// member: the same Update as the Hennepin answers), the complete set of their asked 4.02/4.03/4.04
// answers, not only the changed ones: an IncomeBenefits.csv row describes all of a client's income,
// benefits and insurance on its InformationDate, so a stage-2 row must not be half empty. Updates
// are still read field by field (latestInterimValues), so this changes nothing for other readers.
import {
  DEFAULT_PICKLIST_REGISTRY,
  MN_CORE_FIELD_IDS,
  askedAnswers,
  checkAnswers,
  fieldById,
  fieldStatuses,
  isEmptyAnswer,
  type AnswerValue,
  type Answers,
  type FormContext,
  type PicklistRegistry,
} from '../forms';
import {
  errorIssue,
  validateHealthInsurance,
  validateIncome,
  validateNonCashBenefits,
  type ValidationIssue,
} from '../validation';
import { incomeIssueField, type ContactForm } from './contact-form';
import type { ContactMember } from './contact-household';
import { LOCAL_DATE } from './contact-time';
import { sameAnswer } from './contact-updates';
import { assessmentFormContext } from './form-context';
import { INTERIM_STAGE, incomeUpdateForms, latestInterimValues } from './interim';

/** The "from any source" questions an update of income, benefits and insurance answers. */
const ANY_SOURCE_IDS: readonly string[] = [
  MN_CORE_FIELD_IDS.incomeFromAnySource,
  MN_CORE_FIELD_IDS.benefitsFromAnySource,
  MN_CORE_FIELD_IDS.insuranceFromAnySource,
];

function incomeFieldIds(): Set<string> {
  return new Set(
    incomeUpdateForms()
      .flatMap((f) => f.sections.flatMap((s) => s.fields))
      .filter((f) => f.type !== 'note')
      .map((f) => f.id),
  );
}

/** The form context of a member on the contact date (HoH / adult decide what is asked). */
export function memberFormContext(
  member: ContactMember,
  date: string,
  projectType: number | null | undefined,
  today: string,
): FormContext {
  return assessmentFormContext({
    relationshipToHoH: member.enrollment.relationshipToHoH,
    dob: member.dob,
    on: date,
    projectType,
    today,
  });
}

/** A member's current 4.02/4.03/4.04 answers as of the contact date (what the part starts with). */
export function incomePrefill(member: ContactMember, date: string): Record<string, AnswerValue> {
  const ids = incomeFieldIds();
  const all = latestInterimValues(member.entry, member.updates ?? [], {
    includeMnCore: true,
    ...(LOCAL_DATE.test(date) ? { asOf: date } : {}),
  });
  return Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
}

/** The 4.02–4.04 answers the case manager touched for a member. */
export function incomeEdits(
  form: Pick<ContactForm, 'income'>,
  enrollmentId: string,
): Readonly<Record<string, AnswerValue>> {
  return form.income?.[enrollmentId] ?? {};
}

/** Answering one 4.02–4.04 question of a member. */
export function setIncomeAnswer(
  form: ContactForm,
  enrollmentId: string,
  fieldId: string,
  value: AnswerValue,
): ContactForm {
  const income = form.income ?? {};
  return {
    ...form,
    income: { ...income, [enrollmentId]: { ...(income[enrollmentId] ?? {}), [fieldId]: value } },
  };
}

/** The member's 4.02–4.04 answers as the part shows them: pre-fill with the edits on top. */
export function incomeAnswers(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
): Record<string, AnswerValue> {
  return { ...prefill, ...edits };
}

/** W-CT3: whether an asked 4.02–4.04 answer the case manager touched differs from the pre-fill. */
export function incomeChanged(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
): boolean {
  const answers = incomeAnswers(prefill, edits);
  return fieldStatuses(incomeUpdateForms(), INTERIM_STAGE, answers, context).some(
    ({ field, state }) =>
      state === 'asked' &&
      field.type !== 'note' &&
      Object.hasOwn(edits, field.id) &&
      !sameAnswer(edits[field.id], prefill[field.id]),
  );
}

/**
 * W-CT3: the complete 4.02–4.04 answers the member's Update records (every asked, answered
 * question); {} when nothing changed.
 */
export function incomeSnapshot(
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
): Record<string, AnswerValue> {
  if (!incomeChanged(prefill, edits, context)) return {};
  const asked = askedAnswers(
    incomeUpdateForms(),
    INTERIM_STAGE,
    incomeAnswers(prefill, edits),
    context,
  );
  return Object.fromEntries(Object.entries(asked).filter(([, v]) => !isEmptyAnswer(v)));
}

/**
 * What blocks saving a member's changed 4.02–4.04: an answer that is not valid, an amount missing
 * for a source marked Yes, an unanswered "from any source" question, a total that is not the sum
 * of the amounts (Eva 88/90), "any source" disagreeing with the sources (Eva 97, 94/95). Nothing
 * when the member's answers did not change. Issue fields are `income.<enrollmentId>.<fieldId>`.
 */
export function incomeIssues(
  enrollmentId: string,
  prefill: Readonly<Record<string, AnswerValue>>,
  edits: Readonly<Record<string, AnswerValue>>,
  context: FormContext,
  picklists: PicklistRegistry = DEFAULT_PICKLIST_REGISTRY,
): ValidationIssue[] {
  if (!incomeChanged(prefill, edits, context)) return [];
  const forms = incomeUpdateForms();
  const answers: Answers = incomeSnapshot(prefill, edits, context);
  const issues: ValidationIssue[] = checkAnswers(forms, INTERIM_STAGE, answers, picklists, {
    context,
  }).map((i) => errorIssue(i.field, `form:${i.code}`, i.message));
  const asked = new Set(
    fieldStatuses(forms, INTERIM_STAGE, answers, context)
      .filter((s) => s.state === 'asked')
      .map((s) => s.field.id),
  );
  for (const id of ANY_SOURCE_IDS) {
    if (asked.has(id) && isEmptyAnswer(answers[id])) {
      issues.push(
        errorIssue(
          id,
          'form:required',
          `Answer “${fieldById(id)?.label ?? id}”: an update of income, benefits and insurance records all of them.`,
        ),
      );
    }
  }
  issues.push(
    ...validateIncome(answers),
    ...validateNonCashBenefits(answers),
    ...validateHealthInsurance(answers),
  );
  return issues.map((i) => ({ ...i, field: incomeIssueField(enrollmentId, i.field) }));
}
