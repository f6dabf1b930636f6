// The shape of a HUD code list. Lists are data (HUD revises them every two years), so the rest of
// the domain refers to a list by its HUD number ("1.8", "3.12") and derives enums, labels and
// validation from it rather than hard-coding codes.
import { z } from 'zod';

export interface HudCode {
  readonly code: number;
  readonly label: string;
  /** Retired codes stay valid for history but are not offered for new data. */
  readonly retired?: boolean;
}

export interface HudList {
  /** HUD's list number, e.g. "1.8" or "3.12". Local (non-HUD) lists use a "local:" prefix. */
  readonly id: string;
  readonly name: string;
  readonly codes: readonly HudCode[];
}

export function defineList(id: string, name: string, codes: readonly HudCode[]): HudList {
  const seen = new Set<number>();
  for (const c of codes) {
    if (seen.has(c.code)) throw new Error(`List ${id} repeats code ${c.code}`);
    seen.add(c.code);
  }
  return Object.freeze({ id, name, codes: Object.freeze([...codes]) });
}

export function hasCode(list: HudList, code: number): boolean {
  return list.codes.some((c) => c.code === code);
}

export function labelOf(list: HudList, code: number): string | undefined {
  return list.codes.find((c) => c.code === code)?.label;
}

/** Codes that may be chosen for new data (retired ones excluded). */
export function activeCodes(list: HudList): readonly HudCode[] {
  return list.codes.filter((c) => !c.retired);
}

/**
 * A zod schema accepting exactly the list's codes. Every message is a sentence a case manager can act
 * on, naming the field (`label`, the list's name by default) and the value that is not an answer:
 * "Choose one of the listed answers for Destination (999 is not one of them)."
 */
export function codeSchema(
  list: HudList,
  label: string = list.name,
  options: { allowRetired?: boolean } = {},
): z.ZodType<number> {
  const error = (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null
      ? `Choose one of the listed answers for ${label}.`
      : `Choose one of the listed answers for ${label} (${shown(issue.input)} is not one of them).`;
  const base = z
    .number({ error })
    .int({ error })
    .refine((n) => hasCode(list, n), { error });
  if (options.allowRetired === true) return base;
  // A retired code (stage 6 "Post-exit", retired funding sources) is kept in the list so history
  // reads, but new data may not use it (conformance audit #16).
  return base.refine((n) => !isRetired(list, n), {
    error: (issue) =>
      `${shown(issue.input)} (${labelOf(list, issue.input as number) ?? ''}) is retired in FY2026 and can no longer be recorded for ${label}.`,
  });
}

export function isRetired(list: HudList, code: number): boolean {
  return list.codes.some((c) => c.code === code && c.retired === true);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

/** The HUD "missing data" answers: Client doesn't know, Client prefers not to answer, Data not collected. */
export const MISSING_DATA_CODES: readonly number[] = [8, 9, 99];

export function isMissingDataCode(value: unknown): boolean {
  return typeof value === 'number' && MISSING_DATA_CODES.includes(value);
}
