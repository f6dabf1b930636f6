// HUD's generic response lists (CSV-2026 Appendix B, lists 1.6, 1.7, 1.8, 1.10).
// Three different yes/no lists exist and must be kept apart:
//   1.8  = 0/1/8/9/99  "from any source" questions, VeteranStatus, DisablingCondition, 14-day questions;
//   1.7  = 0/1/99      each individual income, benefit or insurance source;
//   1.10 = 0/1         race flags (a checkbox: selected / not selected).
import { defineList } from './types';
import type { HudCode } from './types';

export const NO = 0;
export const YES = 1;
export const CLIENT_DOESNT_KNOW = 8;
export const CLIENT_PREFERS_NOT_TO_ANSWER = 9;
export const DATA_NOT_COLLECTED = 99;

/** The three HUD "reasons for missing data", in HUD order (same codes as MISSING_DATA_CODES). */
export const MISSING_DATA_ANSWERS: readonly HudCode[] = Object.freeze([
  { code: CLIENT_DOESNT_KNOW, label: "Client doesn't know" },
  { code: CLIENT_PREFERS_NOT_TO_ANSWER, label: 'Client prefers not to answer' },
  { code: DATA_NOT_COLLECTED, label: 'Data not collected' },
]);

/** Appends 8/9/99 to a list's own answers: most HUD lists end this way. */
export function withMissingData(codes: readonly HudCode[]): readonly HudCode[] {
  return [...codes, ...MISSING_DATA_ANSWERS];
}

const NO_YES: readonly HudCode[] = [
  { code: NO, label: 'No' },
  { code: YES, label: 'Yes' },
];

/** 1.6 RaceNone: only the missing-data answers (used when no race/ethnicity box is ticked). */
export const RACE_NONE = defineList('1.6', 'RaceNone', MISSING_DATA_ANSWERS);

/** 1.7 No/Yes/Missing: each individual income, benefit or insurance source. */
export const NO_YES_MISSING = defineList('1.7', 'No/Yes/Missing', [
  ...NO_YES,
  { code: DATA_NOT_COLLECTED, label: 'Data not collected' },
]);

/** 1.8 No/Yes/Reasons for Missing Data. */
export const NO_YES_REASONS_FOR_MISSING = defineList(
  '1.8',
  'No/Yes/Reasons for Missing Data',
  withMissingData(NO_YES),
);

/** 1.10 No/Yes: flags with no missing-data answer. */
export const NO_YES_LIST = defineList('1.10', 'No/Yes', NO_YES);
