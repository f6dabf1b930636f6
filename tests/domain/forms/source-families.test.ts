import { describe, expect, it } from 'vitest';
import {
  MN_CORE,
  SOURCE_FAMILIES,
  formFields,
  noToOtherSources,
  sourceFamilyOf,
  unansweredSources,
} from '../../../src/domain/forms';

const family = (id: string) => SOURCE_FAMILIES.find((f) => f.id === id)!;

describe('source families (4.02 / 4.03 / 4.04)', () => {
  it('groups every 1.7 source of MN Core under its "from any source" question', () => {
    const fields = formFields(MN_CORE);
    for (const f of SOURCE_FAMILIES) {
      expect(fields.find((x) => x.id === f.anyId)?.type).toBe('yesno');
      for (const id of f.sourceIds) {
        const field = fields.find((x) => x.id === id);
        expect(field?.type).toBe('yesno');
        expect(field?.showWhen).toEqual({ field: f.anyId, equals: 1 });
      }
    }
    expect(family('income').sourceIds).toHaveLength(15);
    expect(family('benefits').sourceIds).toHaveLength(6);
    expect(family('insurance').sourceIds).toHaveLength(10);
    expect(sourceFamilyOf('ssdi')?.id).toBe('income');
    expect(sourceFamilyOf('medicaid')?.id).toBe('insurance');
    expect(sourceFamilyOf('incomeFromAnySource')).toBeUndefined();
  });

  it('No to all the others sets only the unanswered sources, to No', () => {
    const answers = { incomeFromAnySource: 1, earned: 1, ssi: 0, ssdi: 99, tanf: null };
    const set = noToOtherSources(family('income'), answers);
    expect(set).not.toHaveProperty('earned');
    expect(set).not.toHaveProperty('ssi');
    expect(set).not.toHaveProperty('ssdi');
    expect(set.tanf).toBe(0);
    expect(Object.keys(set)).toHaveLength(12);
    expect(Object.values(set).every((v) => v === 0)).toBe(true);
    expect(unansweredSources(family('income'), { ...answers, ...set })).toEqual([]);
    expect(noToOtherSources(family('income'), { ...answers, ...set })).toEqual({});
  });

  it('touches no other family and no other question', () => {
    const set = noToOtherSources(family('benefits'), { benefitsFromAnySource: 1, snap: 1 });
    expect(Object.keys(set)).toEqual([
      'wic',
      'tanfChildCare',
      'tanfTransportation',
      'otherTANF',
      'otherBenefitsSource',
    ]);
  });
});
