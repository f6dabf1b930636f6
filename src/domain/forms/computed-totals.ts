// Totals a form computes instead of asking: 4.02.18 Total monthly income is the sum of the
// monthly amounts of the income sources answered Yes (validation/income.ts checks the same sum, to
// the cent). The total stays an ordinary answer under its own field id (totalMonthlyIncome, HMIS
// column TotalMonthlyIncome), so the merge, the export and answers saved before read it unchanged;
// a screen shows it read-only and writes the sum into the answers whenever an amount changes.
import { INCOME_SOURCES, YES } from '../codes';
import { hudColumnToFieldId } from './fields';
import { MN_CORE_FIELD_IDS } from './mn-core';
import type { AnswerValue, Answers } from './types';

export interface ComputedTotal {
  /** The field that holds the total. */
  readonly totalId: string;
  /** Each amount and the yes/no source it belongs to: an amount counts only under a Yes. */
  readonly parts: readonly { readonly sourceId: string; readonly amountId: string }[];
}

export const COMPUTED_TOTALS: readonly ComputedTotal[] = Object.freeze([
  {
    totalId: MN_CORE_FIELD_IDS.totalMonthlyIncome,
    parts: INCOME_SOURCES.map((s) => ({
      sourceId: hudColumnToFieldId(s.column),
      amountId: hudColumnToFieldId(s.amountColumn),
    })),
  },
]);

/** The computed total held by this field, if it is one. */
export function computedTotalOf(fieldId: string): ComputedTotal | undefined {
  return COMPUTED_TOTALS.find((t) => t.totalId === fieldId);
}

/** The computed totals that read this field (an amount or its source). */
export function totalsReading(fieldId: string): ComputedTotal[] {
  return COMPUTED_TOTALS.filter((t) =>
    t.parts.some((p) => p.amountId === fieldId || p.sourceId === fieldId),
  );
}

/**
 * The sum of the amounts of the sources answered Yes, in whole cents then dollars, or null while
 * no such amount is a number yet (an amount still being typed, "12.", does not count).
 */
export function computeTotal(total: ComputedTotal, answers: Answers): number | null {
  let cents = 0;
  let any = false;
  for (const { sourceId, amountId } of total.parts) {
    if (answers[sourceId] !== YES) continue;
    const amount = answers[amountId];
    if (typeof amount !== 'number' || !Number.isFinite(amount)) continue;
    cents += Math.round(amount * 100);
    any = true;
  }
  return any ? cents / 100 : null;
}

/**
 * The totals to write after `fieldId` changed to `value`: each total that reads the field, with
 * its new sum, when that differs from the answer it holds now.
 */
export function totalsAfterChange(
  answers: Answers,
  fieldId: string,
  value: AnswerValue,
): Readonly<Record<string, AnswerValue>> {
  const next: Answers = { ...answers, [fieldId]: value };
  const out: Record<string, AnswerValue> = {};
  for (const total of totalsReading(fieldId)) {
    const sum = computeTotal(total, next);
    const held = answers[total.totalId] ?? null;
    if (sum !== held) out[total.totalId] = sum;
  }
  return out;
}
