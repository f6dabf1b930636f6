// W-REC-1..3 (src/domain/workflow/RULES.md): the saved records of an enrollment as readable
// summaries, and a correction as a patch with the values the person saw.
import { describe, expect, it } from 'vitest';
import { correctionNotice, correctionOf } from '../../../src/domain/workflow/record-correction';
import { savedRecordSummaries } from '../../../src/domain/workflow/saved-records';

const E = 'e'.repeat(32);
const C = 'c'.repeat(32);
const assessment = (id: string, stage: number, date: string, answers: object) => ({
  id,
  enrollmentId: E,
  clientId: C,
  dataCollectionStage: stage,
  informationDate: date,
  answers,
  deleted: false,
  pending: false,
});

describe('W-REC-1 saved records as summaries', () => {
  it('lists Entry, Updates and Annual oldest first, Exit, then contacts and CLS newest first', () => {
    const summaries = savedRecordSummaries({
      entry: assessment('1'.repeat(32), 1, '2026-01-05', { domesticViolenceSurvivor: 0 }),
      updates: [
        assessment('3'.repeat(32), 5, '2027-01-05', {}),
        assessment('2'.repeat(32), 2, '2026-04-01', {}),
      ],
      exit: assessment('4'.repeat(32), 3, '2027-02-01', {}),
      contacts: [
        { id: '5'.repeat(32), enrollmentId: E, contactAt: '2026-02-01T15:00:00.000Z' },
        { id: '6'.repeat(32), enrollmentId: E, contactAt: '2026-03-01T15:00:00.000Z' },
        {
          id: '7'.repeat(32),
          enrollmentId: E,
          contactAt: '2026-03-02T15:00:00.000Z',
          deleted: true,
        },
      ],
      currentLivingSituations: [
        { id: '8'.repeat(32), enrollmentId: E, informationDate: '2026-02-01' },
      ],
    });
    expect(summaries.map((s) => [s.kind, s.id[0]])).toEqual([
      ['entry', '1'],
      ['update', '2'],
      ['annual', '3'],
      ['exit', '4'],
      ['contact', '6'],
      ['contact', '5'],
      ['livingSituation', '8'],
    ]);
    expect(summaries.map((s) => s.title).slice(0, 4)).toEqual([
      'Entry assessment',
      'Update assessment',
      'Annual assessment',
      'Exit assessment',
    ]);
  });

  it('labels each recorded answer and leaves the keys and blanks out', () => {
    const [entry] = savedRecordSummaries({
      entry: assessment('1'.repeat(32), 1, '2026-01-05', {
        domesticViolenceSurvivor: 0,
        livingSituation: null,
      }),
    });
    expect(entry!.lines.map((l) => l.path)).toEqual([
      'informationDate',
      'answers.domesticViolenceSurvivor',
    ]);
    expect(entry!.lines[1]!.label).toMatch(/domestic violence/);
    expect(entry!.lines[1]!.text).toBe('No');
  });
});

describe('W-REC-2 a correction saves what changed, with what was seen', () => {
  const original = { 'answers.a': 0, 'answers.b': 99, 'answers.c': 1, note: 'x' };

  it('keeps unchanged fields out, and sorts changes into corrected, filled and cleared', () => {
    const result = correctionOf({
      kind: 'update',
      type: 'assessment',
      id: '1'.repeat(32),
      original,
      edited: { 'answers.a': 1, 'answers.b': 0, 'answers.c': null, note: 'x' },
    });
    expect(result).toEqual({
      ok: true,
      correction: {
        change: {
          type: 'assessment',
          id: '1'.repeat(32),
          op: 'patch',
          fields: { 'answers.a': 1, 'answers.b': 0, 'answers.c': null },
        },
        seen: { 'answers.a': 0, 'answers.b': 99, 'answers.c': 1 },
        corrected: ['answers.a'],
        filled: ['answers.b'],
        cleared: ['answers.c'],
      },
    });
    if (!result.ok || !result.correction) throw new Error('expected a correction');
    expect(correctionNotice('update', result.correction)).toBe(
      'Saving corrects 1 recorded answer (an ordinary edit: it replaces what was recorded), and adds 1 answer that had none, and takes back 1 answer.',
    );
  });

  it('is nothing when nothing changed', () => {
    expect(
      correctionOf({
        kind: 'contact',
        type: 'contact',
        id: '1'.repeat(32),
        original,
        edited: { note: 'x' },
      }),
    ).toEqual({ ok: true, correction: null });
  });

  it('calls a filled Entry answer a backfill', () => {
    const result = correctionOf({
      kind: 'entry',
      type: 'assessment',
      id: '1'.repeat(32),
      original,
      edited: { 'answers.b': 0 },
    });
    if (!result.ok || !result.correction) throw new Error('expected a correction');
    expect(correctionNotice('entry', result.correction)).toBe(
      'Saving fills 1 missing project start answer (a backfill: it is kept as the answer at project start).',
    );
  });
});

describe('W-REC-3 a recorded Entry answer is not taken back to no answer', () => {
  it('refuses it with the question named, on the Entry only', () => {
    const args = {
      type: 'assessment' as const,
      id: '1'.repeat(32),
      original: { 'answers.a': 0 },
      edited: { 'answers.a': 8 },
      labels: { 'answers.a': 'Question A' },
    };
    const entry = correctionOf({ ...args, kind: 'entry' });
    expect(entry.ok).toBe(false);
    if (entry.ok) return;
    expect(entry.problems['answers.a']).toMatch(/^Question A: a recorded project start answer/);
    expect(correctionOf({ ...args, kind: 'update' }).ok).toBe(true);
  });
});
