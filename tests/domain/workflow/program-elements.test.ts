// Which HUD program-specific element sets a provider's funders ask that Fieldnote does not collect
// (PATH, RHY/YHDP, HOPWA, VA): said where an administrator adds such a funder.
import { describe, expect, it } from 'vitest';
import { uncollectedProgramElements } from '../../../src/domain/workflow/federal-funder';

describe('uncollectedProgramElements', () => {
  it('names PATH, RHY, HOPWA and VA element sets, each once', () => {
    expect(
      uncollectedProgramElements({
        hudFunders: [
          { funder: 21 },
          { funder: 22 },
          { funder: 23 },
          { funder: 13 },
          { funder: 33 },
        ],
      }),
    ).toEqual([
      'PATH P1–P4 (services, referrals, PATH status, SOAR)',
      'RHY R1–R20',
      'HOPWA W1–W6',
      'VA V1–V9 (veteran information, SSVF and GPD elements)',
    ]);
  });

  it('is empty for CoC and ESG funders, local funders only, and no funders', () => {
    expect(uncollectedProgramElements({ hudFunders: [{ funder: 4 }, { funder: 8 }] })).toEqual([]);
    expect(uncollectedProgramElements({ funders: [3] })).toEqual([]);
    expect(uncollectedProgramElements({})).toEqual([]);
  });
});
