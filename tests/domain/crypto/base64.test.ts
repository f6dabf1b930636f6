// The strict base64 of the sealed outbox (src/domain/crypto/base64.ts), checked against Node's.
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../../../src/domain/crypto/base64';

describe('base64', () => {
  it("encodes and decodes every length like Node's Buffer", () => {
    for (let length = 0; length < 70; length++) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });

  it('handles a megabyte across its chunks', () => {
    const bytes = new Uint8Array(1_000_003).map((_, i) => (i * 31) & 0xff);
    const text = encodeBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    // Buffer's compare: a deep equality of a million elements takes seconds.
    expect(Buffer.compare(Buffer.from(decodeBase64(text)!), Buffer.from(bytes))).toBe(0);
  });

  it('refuses anything that is not exactly padded base64', () => {
    for (const bad of [
      'A',
      'AAA',
      'AA=A',
      'A===',
      '====',
      'AA AA',
      'AB==',
      'AAB=',
      'AA-_',
      'AAé=',
      'AA==AA==',
    ]) {
      expect(decodeBase64(bad), bad).toBeNull();
    }
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});
