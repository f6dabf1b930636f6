// Calibration of the key-encryption key's Argon2id (src/db/crypto/kdf.ts): towards about a second
// on this device, never below the baseline, bounded. The derivation's cost is a model here (a
// fixed setup plus a share per iteration on a fake clock), so the test is exact and instant.
import { describe, expect, it } from 'vitest';
import { BASELINE_KDF, newKdfParams, type KdfParams } from '../../../src/db/crypto/kdf';

function device(setupMs: number, perIterationMs: number) {
  let clock = 0;
  const runs: number[] = [];
  return {
    runs,
    now: () => clock,
    derive: async (_password: string, params: KdfParams) => {
      runs.push(params.t);
      clock += setupMs + perIterationMs * params.t;
      return new Uint8Array(32);
    },
  };
}

describe('Argon2id calibration', () => {
  it('reaches about a second on a fast device, not fooled by the fixed setup cost', async () => {
    const d = device(100, 50);
    const { params } = await newKdfParams('a long synthetic password', d);
    // 100 + 50 t ≤ 900 → t = 16; a per-iteration estimate of (100 + 100) / 2 alone would stop at 9.
    expect(params.t).toBe(16);
    expect(params.m).toBe(BASELINE_KDF.m);
    expect(d.runs).toEqual([2, 9, 16]);
  });

  it('keeps the baseline on a slow phone', async () => {
    const d = device(300, 400);
    const { params } = await newKdfParams('a long synthetic password', d);
    expect(params.t).toBe(BASELINE_KDF.t);
    expect(d.runs).toEqual([2]);
  });

  it('is bounded on a very fast machine, and fixed tuning skips it', async () => {
    const fast = device(1, 1);
    expect((await newKdfParams('a long synthetic password', fast)).params.t).toBe(32);
    const fixed = device(1, 1);
    const { params } = await newKdfParams('a long synthetic password', {
      ...fixed,
      tuning: { m: 64, t: 1, p: 1 },
    });
    expect(params).toMatchObject({ m: 64, t: 1, p: 1 });
  });
});
