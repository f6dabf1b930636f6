import { describe, expect, it } from 'vitest';
import {
  DATA_COLLECTION_STAGE_LIST,
  ONCE_PER_ENROLLMENT_STAGES,
  STAGE_ANNUAL,
  STAGE_ENTRY,
  STAGE_EXIT,
  STAGE_UPDATE,
  activeCodes,
} from '../../../src/domain/codes';
import { onlyTable, pairs } from './reference';

// §1.2: | Code | Label |. Row 6 reads 'Post-exit (CSV-2026 labels it "Post-exit (not used in CSV)")':
// the label is the part before the citation.
const reference = onlyTable('1.2').rows.map((r) => ({
  code: Number(r[0]),
  label: r[1]!.split(' (CSV-2026')[0]!,
  note: r[1]!,
}));

describe('5.03.1 DataCollectionStage (reference §1.2)', () => {
  it('has exactly the reference codes and labels', () => {
    expect(pairs(DATA_COLLECTION_STAGE_LIST)).toEqual(
      reference.map(({ code, label }) => ({ code, label })),
    );
  });

  it('marks 6 post-exit retired ("not used in CSV" in FY2026) so it is not offered for new data', () => {
    expect(reference.find((r) => r.code === 6)?.note).toContain('not used in CSV');
    expect(DATA_COLLECTION_STAGE_LIST.codes.find((c) => c.code === 6)?.retired).toBe(true);
    expect(activeCodes(DATA_COLLECTION_STAGE_LIST).map((c) => c.code)).toEqual([1, 2, 3, 5]);
  });

  it('names the stages: entry 1, update 2, exit 3, annual 5', () => {
    expect([STAGE_ENTRY, STAGE_UPDATE, STAGE_EXIT, STAGE_ANNUAL]).toEqual([1, 2, 3, 5]);
  });

  it('allows at most one entry and one exit record per enrollment (stages 2 and 5 repeat)', () => {
    expect([...ONCE_PER_ENROLLMENT_STAGES]).toEqual([STAGE_ENTRY, STAGE_EXIT]);
  });
});
