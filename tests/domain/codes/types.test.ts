import { describe, expect, it } from 'vitest';
import {
  DATA_COLLECTION_STAGE_LIST,
  DESTINATION_LIST,
  NO_YES_MISSING,
  activeCodes,
  codeSchema,
  defineList,
  HUD_LISTS,
  hasCode,
  isMissingDataCode,
  labelOf,
} from '../../../src/domain/codes';

describe('code list helpers on the real lists', () => {
  it("codeSchema accepts the list's codes and rejects codes outside it, naming the field (the list by default) and the value", () => {
    const schema = codeSchema(NO_YES_MISSING);
    for (const c of [0, 1, 99]) expect(schema.safeParse(c).success).toBe(true);
    for (const bad of [8, 9, 2, -1, 0.5, '1', null])
      expect(schema.safeParse(bad).success).toBe(false);
    const result = schema.safeParse(8);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Choose one of the listed answers for No/Yes/Missing (8 is not one of them).',
    );
    expect(
      codeSchema(DESTINATION_LIST, 'Destination').safeParse('1').error?.issues[0]?.message,
    ).toBe('Choose one of the listed answers for Destination ("1" is not one of them).');
  });

  it("codeSchema for Destination rejects 336 (a friend's place is CLS/Prior only)", () => {
    expect(codeSchema(DESTINATION_LIST).safeParse(336).success).toBe(false);
    expect(codeSchema(DESTINATION_LIST).safeParse(313).success).toBe(true);
  });

  it('retired codes stay in the list for history, are excluded from activeCodes and refused for new data', () => {
    expect(hasCode(DATA_COLLECTION_STAGE_LIST, 6)).toBe(true);
    const refused = codeSchema(DATA_COLLECTION_STAGE_LIST, 'Data collection stage').safeParse(6);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/retired in FY2026/);
    expect(
      codeSchema(DATA_COLLECTION_STAGE_LIST, 'stage', { allowRetired: true }).safeParse(6).success,
    ).toBe(true);
    expect(activeCodes(DATA_COLLECTION_STAGE_LIST).some((c) => c.code === 6)).toBe(false);
  });

  it('only 5.03.1 stage 6 and the retired 2.06.1 funding sources are retired among the lists Fieldnote uses', () => {
    const retired = Object.values(HUD_LISTS).flatMap((l) =>
      l.codes.filter((c) => c.retired).map((c) => `${l.id}:${c.code}`),
    );
    expect(retired).toEqual(['5.03.1:6', '2.06.1:12', '2.06.1:47', '2.06.1:48', '2.06.1:49']);
  });

  it('labelOf finds labels and returns undefined for unknown codes', () => {
    expect(labelOf(NO_YES_MISSING, 99)).toBe('Data not collected');
    expect(labelOf(NO_YES_MISSING, 8)).toBeUndefined();
  });

  it('defineList refuses a repeated code', () => {
    expect(() =>
      defineList('x', 'x', [
        { code: 1, label: 'a' },
        { code: 1, label: 'b' },
      ]),
    ).toThrow(/repeats code 1/);
  });

  it('isMissingDataCode recognises 8, 9, 99 only', () => {
    expect([8, 9, 99].every(isMissingDataCode)).toBe(true);
    expect([0, 1, '99', null].some(isMissingDataCode)).toBe(false);
  });
});
