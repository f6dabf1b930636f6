// Wording shared by the rules' messages.
import { LIVING_SITUATION_GROUP_LABELS, livingSituation, livingSituationGroup } from '../codes';

const LONG_LABEL = 50;

/**
 * A HUD label short enough for a sentence: labels over 50 characters are cut at their first comma
 * or parenthesis ("Emergency shelter, including hotel or motel paid for…" → "Emergency shelter…").
 */
export function shortLabel(label: string): string {
  if (label.length <= LONG_LABEL) return label;
  const cut = label.search(/,| \(/);
  return cut > 0 ? `${label.slice(0, cut)}…` : label;
}

/** "Emergency shelter…" for a living-situation code (the code itself when unknown). */
export function situationName(code: number): string {
  const s = livingSituation(code);
  return s === undefined ? `code ${code}` : shortLabel(s.label);
}

/** "Emergency shelter…, homeless": the situation and its group. */
export function situationWithGroup(code: number): string {
  const group = livingSituationGroup(code);
  const groupWord = group === undefined ? 'unknown group' : LIVING_SITUATION_GROUP_LABELS[group];
  return `${situationName(code)}, ${groupWord}`;
}

/** "Ana and Ben", "Ana, Ben and Cy". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
