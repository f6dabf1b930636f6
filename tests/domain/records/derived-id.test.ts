// derivedId is computed on 16-bit limbs for speed (an HMIS export derives an id per Disabilities
// row); it must give exactly what 128-bit FNV-1a on BigInt gives, or stored ids would change.
import { describe, expect, it } from 'vitest';
import { derivedId } from '../../../src/domain/records';

function bigIntFnv(name: string): string {
  const prime = 0x0000000001000000000000000000013bn;
  const mask = (1n << 128n) - 1n;
  let hash = 0x6c62272e07bb014262b821756295c58dn;
  for (const byte of new TextEncoder().encode(name)) {
    hash ^= BigInt(byte);
    hash = (hash * prime) & mask;
  }
  const hex = hash.toString(16).padStart(32, '0');
  return `${hex.slice(0, 12)}8${hex.slice(13)}`;
}

describe('derivedId', () => {
  it('equals 128-bit FNV-1a with the version nibble 8, for ASCII and any other text', () => {
    const names = [
      '',
      'a',
      'disabilities:8c9a247414f088f698d1e78ca7a39f63:5',
      'José García',
      '😀 x',
      'x'.repeat(500),
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      let name = '';
      for (let j = next() % 60; j > 0; j--)
        name += String.fromCharCode(next() % (i % 2 ? 0x80 : 0x3000));
      names.push(name);
    }
    for (const name of names) expect(derivedId(name)).toBe(bigIntFnv(name));
  });

  it('keeps the ids already stored (values from the BigInt implementation)', () => {
    expect(derivedId('fieldnote-demo:provider:family-case-management')).toBe(
      'bcc8542c022c8764bc097e4613de7377',
    );
    expect(derivedId('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
  });
});
