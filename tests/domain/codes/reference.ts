// Reads tests/fixtures/reference/hmis-data-standards.md (the project's source of truth for HUD
// code lists) and pulls code/label pairs out of its markdown tables and bullet lists, so the
// tests compare our lists with the reference text rather than with a second hand-typed copy.
import { readFileSync } from 'node:fs';

export const REFERENCE = readFileSync(
  new URL('../../fixtures/reference/hmis-data-standards.md', import.meta.url),
  'utf8',
);

export interface CodeLabel {
  code: number;
  label: string;
}

export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

/** The text of "### <number> ..." up to the next heading or horizontal rule. */
export function section(number: string): string {
  const lines = REFERENCE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${number} `));
  if (start < 0) throw new Error(`Reference has no section ${number}`);
  const end = lines.findIndex((l, i) => i > start && /^(#{2,3} |---)/.test(l));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/** Every markdown table in the text, header row separate, separator row dropped. */
export function tables(text: string): MarkdownTable[] {
  const result: MarkdownTable[] = [];
  let current: string[][] = [];
  const flush = () => {
    const [header, , ...rows] = current;
    if (header) result.push({ header, rows });
    current = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('|')) {
      current.push(
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    } else if (current.length > 0) flush();
  }
  if (current.length > 0) flush();
  return result;
}

/** The one table in a section (throws if there is not exactly one). */
export function onlyTable(sectionNumber: string): MarkdownTable {
  const found = tables(section(sectionNumber));
  if (found.length !== 1) {
    throw new Error(`Section ${sectionNumber} has ${found.length} tables, expected 1`);
  }
  return found[0]!;
}

/** Removes markdown emphasis and code marks from a cell. */
export function plain(cell: string): string {
  return cell.replaceAll('**', '').replaceAll('`', '').trim();
}

/** The first `backticked` word in a cell. */
export function firstCode(cell: string): string {
  const match = /`([^`]+)`/.exec(cell);
  if (!match) throw new Error(`No code span in "${cell}"`);
  return match[1]!;
}

/** The reference's own labels for 8 / 9 / 99 (list 1.6 in §1.1), used where it writes just `8`, `9`, `99`. */
export function missingDataLabels(): ReadonlyMap<number, string> {
  const row = onlyTable('1.1').rows.find((r) => r[0] === '1.6');
  if (!row) throw new Error('Reference §1.1 has no 1.6 row');
  return new Map(parseCodeLabels(row[2]!, false).map((c) => [c.code, c.label]));
}

/**
 * Parses "`0` No · `1` Yes · `99` Data not collected", "`1` Army, `2` Air Force, `8`, `9`, `99`."
 * and bullet lines "- `5` Physical disability". A label runs to the next code span, end of line or
 * end of sentence; trailing separators and source citations like "(CSV-2026)" are dropped. Codes
 * written without a label (8, 9, 99) get the reference's missing-data labels.
 */
export function parseCodeLabels(text: string, fillMissing = true): CodeLabel[] {
  const fallback = fillMissing ? missingDataLabels() : new Map<number, string>();
  const result: CodeLabel[] = [];
  for (const match of text.matchAll(/`(\d+)`([^`\n]*)/g)) {
    const code = Number(match[1]);
    let label = match[2]!.split(/\.\s/)[0]!;
    label = label.replace(/\s*\([^()]*(?:CSV-2026|GR-)[^()]*\)\s*\.?\s*$/, '');
    label = label.replace(/^[\s·,:]+|[\s·,.]+$/g, '');
    if (label === '') {
      const missing = fallback.get(code);
      if (missing === undefined) throw new Error(`Code ${code} has no label in "${text}"`);
      label = missing;
    }
    result.push({ code, label });
  }
  return result;
}

/**
 * The lines of a bold-labelled list, e.g. marker "**3.917.2 LengthOfStay:**": the marker's line
 * and, when the list is a bullet list under it, the bullets up to the next blank line.
 */
export function block(marker: string): string {
  const start = REFERENCE.indexOf(marker);
  if (start < 0) throw new Error(`Reference has no "${marker}"`);
  const end = REFERENCE.indexOf('\n\n', start);
  return REFERENCE.slice(start + marker.length, end < 0 ? undefined : end);
}

/** Code/label pairs of a bold-labelled list. */
export function listAfter(marker: string): CodeLabel[] {
  return parseCodeLabels(block(marker));
}

/** The single line that starts with the given text (for one-line bullet lists). */
export function line(prefix: string): string {
  const found = REFERENCE.split('\n').filter((l) => l.startsWith(prefix));
  if (found.length !== 1)
    throw new Error(`Expected one line starting "${prefix}", found ${found.length}`);
  return found[0]!.slice(prefix.length);
}

/** A HudList's codes as plain code/label pairs, for toEqual against the reference. */
export function pairs(list: { codes: readonly { code: number; label: string }[] }): CodeLabel[] {
  return list.codes.map(({ code, label }) => ({ code, label }));
}
