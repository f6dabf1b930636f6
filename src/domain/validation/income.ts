// 4.02 / 4.03 / 4.04 consistency inside one Assessment's answers:
//  - the "from any source" answer agrees with the individual sources (Eva 88/90 income, 97
//    non-cash benefits, 94/95 health insurance): "No" (or 8/9/99) while a source is Yes is an
//    error, and so is "Yes" with no source marked Yes;
//  - 4.02.18 TotalMonthlyIncome equals the sum of the source amounts, to the cent.
// Nothing is checked when the "any source" question is unanswered (e.g. an update that did not
// touch income); hidden-field rules are the form schema's and dependent-fields.ts's job.
import {
  HEALTH_INSURANCE_TYPES,
  INCOME_SOURCES,
  NON_CASH_BENEFIT_SOURCES,
  NO_YES_REASONS_FOR_MISSING,
  labelOf,
} from '../codes';
import { fieldById, hudColumnToFieldId } from '../forms';
import type { Answers } from '../forms';
import { RULES, errorIssue, formatMoney, warningIssue } from './types';
import type { ValidationIssue } from './types';
import { andList } from './words';

const NO = 0;
const YES = 1;

function value(answers: Answers, id: string): unknown {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

function labelOfField(id: string): string {
  return fieldById(id)?.label ?? id;
}

interface AnySourceFamily {
  readonly anyId: string;
  /** "Income from any source", as a noun phrase. */
  readonly anyWords: string;
  readonly sourceIds: readonly string[];
  /** "income source", for "no income source is marked Yes". */
  readonly sourceWord: string;
  readonly rule: string;
}

function anySourceConflicts(answers: Answers, family: AnySourceFamily): ValidationIssue[] {
  const any = value(answers, family.anyId);
  if (typeof any !== 'number') return [];
  const yes = family.sourceIds.filter((id) => value(answers, id) === YES);
  if (any === YES && yes.length === 0) {
    return [
      errorIssue(
        family.anyId,
        family.rule,
        `${family.anyWords} is Yes, but no ${family.sourceWord} is marked Yes. Mark the ones the client has, or change the answer.`,
      ),
    ];
  }
  if (any !== YES && yes.length > 0) {
    const answer = any === NO ? 'No' : `"${labelOf(NO_YES_REASONS_FOR_MISSING, any) ?? any}"`;
    const names = andList(yes.map(labelOfField));
    return [
      errorIssue(
        family.anyId,
        family.rule,
        `${family.anyWords} is ${answer}, but ${names} ${yes.length === 1 ? 'is' : 'are'} marked Yes. Change ${family.anyWords.toLowerCase()} to Yes, or correct the ${family.sourceWord}s.`,
      ),
    ];
  }
  return [];
}

const INCOME_FAMILY: AnySourceFamily = {
  anyId: 'incomeFromAnySource',
  anyWords: 'Income from any source',
  sourceIds: INCOME_SOURCES.map((s) => hudColumnToFieldId(s.column)),
  sourceWord: 'income source',
  rule: RULES.incomeConflict,
};

const BENEFITS_FAMILY: AnySourceFamily = {
  anyId: 'benefitsFromAnySource',
  anyWords: 'Non-cash benefits from any source',
  sourceIds: NON_CASH_BENEFIT_SOURCES.map((s) => hudColumnToFieldId(s.column)),
  sourceWord: 'benefit',
  rule: RULES.benefitsConflict,
};

const INSURANCE_FAMILY: AnySourceFamily = {
  anyId: 'insuranceFromAnySource',
  anyWords: 'Covered by health insurance',
  sourceIds: HEALTH_INSURANCE_TYPES.map((s) => hudColumnToFieldId(s.column)),
  sourceWord: 'insurance type',
  rule: RULES.insuranceConflict,
};

const toCents = (n: number): number => Math.round(n * 100);

/** 4.02: "any source" vs the sources, and TotalMonthlyIncome = the sum of the amounts. */
export function validateIncome(answers: Answers): ValidationIssue[] {
  const issues = anySourceConflicts(answers, INCOME_FAMILY);
  if (typeof value(answers, INCOME_FAMILY.anyId) !== 'number') return issues;

  let sumCents = 0;
  for (const source of INCOME_SOURCES) {
    const amountId = hudColumnToFieldId(source.amountColumn);
    const amount = value(answers, amountId);
    if (typeof amount !== 'number' || !Number.isFinite(amount)) continue;
    sumCents += toCents(amount);
    const sourceId = hudColumnToFieldId(source.column);
    if (amount === 0 && value(answers, sourceId) === YES) {
      issues.push(
        warningIssue(
          amountId,
          RULES.incomeAmount,
          `${labelOfField(sourceId)} is Yes but its monthly amount is ${formatMoney(0)}. Enter the amount, or mark it No.`,
        ),
      );
    }
  }

  const total = value(answers, 'totalMonthlyIncome');
  const rule = RULES.totalMonthlyIncome;
  if (typeof total === 'number' && Number.isFinite(total)) {
    if (toCents(total) !== sumCents) {
      issues.push(
        errorIssue(
          'totalMonthlyIncome',
          rule,
          `Total monthly income (${formatMoney(total)}) does not match the sum of the income amounts (${formatMoney(sumCents / 100)}).`,
        ),
      );
    }
  } else if (value(answers, INCOME_FAMILY.anyId) === YES) {
    issues.push(
      errorIssue(
        'totalMonthlyIncome',
        rule,
        `Enter the total monthly income: the income amounts add up to ${formatMoney(sumCents / 100)}.`,
      ),
    );
  }
  return issues;
}

/** 4.03: "any source" vs the benefits (Eva 97). */
export function validateNonCashBenefits(answers: Answers): ValidationIssue[] {
  return anySourceConflicts(answers, BENEFITS_FAMILY);
}

/** 4.04: "covered by health insurance" vs the insurance types (Eva 94/95). */
export function validateHealthInsurance(answers: Answers): ValidationIssue[] {
  return anySourceConflicts(answers, INSURANCE_FAMILY);
}
