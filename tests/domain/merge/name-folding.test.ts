// M10 and search compare names through one normaliser, on the device and on the server: accents
// folded, case and everything but letters ignored. Synthetic people only.
import { describe, expect, it } from 'vitest';
import {
  MemoryReplica,
  isPossibleDuplicate,
  nameDobKey,
  normalizeName,
} from '../../../src/domain/merge';
import { foldName } from '../../../src/domain/workflow/client-match';
import { Device, T0, USER_A, USER_B, clientFields, testId } from './fixtures';

describe('normalizeName', () => {
  it('folds accents, case and everything but letters', () => {
    expect(normalizeName('José')).toBe(normalizeName('Jose'));
    expect(normalizeName('José')).toBe('jose');
    expect(normalizeName('GARCÍA')).toBe('garcia');
    expect(normalizeName("Mary-Jo O'Néil")).toBe('maryjooneil');
    expect(normalizeName('Zoë Brontë-Nuñez')).toBe('zoebrontenunez');
    // Precomposed and decomposed spellings of one name are one name.
    expect(normalizeName('Jos\u00e9')).toBe(normalizeName('Jose\u0301'));
    expect(normalizeName('İlkay')).toBe('ilkay');
    expect(normalizeName('  R2-D2 ')).toBe('rd');
    expect(normalizeName(null)).toBe('');
    expect(normalizeName(undefined)).toBe('');
    expect(normalizeName(17)).toBe('');
  });

  it('is the function the device folds names with', () => {
    expect(foldName).toBe(normalizeName);
  });

  it('gives accented and unaccented spellings one M10 key', () => {
    const dob = '1979-03-04';
    expect(nameDobKey({ firstName: 'José', lastName: 'García', dob })).toBe(
      nameDobKey({ firstName: 'Jose', lastName: 'Garcia', dob }),
    );
    expect(nameDobKey({ firstName: 'José', lastName: 'García', dob })).toBe(
      'jose|garcia|1979-03-04',
    );
  });
});

describe('M10 possible duplicates with accents', () => {
  const jose = clientFields({
    firstName: 'José',
    lastName: 'García',
    dob: '1979-03-04',
    ssn: null,
    ssnDataQuality: 99,
  });
  const plain = { ...jose, firstName: 'Jose', lastName: 'Garcia' };

  it('M10: "José García" and "Jose Garcia" with the same DOB are possible duplicates', () => {
    expect(isPossibleDuplicate(jose, plain)).toBe(true);
    expect(isPossibleDuplicate(plain, jose)).toBe(true);
    expect(isPossibleDuplicate(jose, { ...plain, dob: '1979-03-05' })).toBe(false);
  });

  it('M10: the second of the two created offline is kept and flagged, in either order', () => {
    for (const reversed of [false, true]) {
      const server = new MemoryReplica(() => T0);
      const a = new Device('dev-a', USER_A);
      const b = new Device('dev-b', USER_B);
      const one = testId('accent-1');
      const two = testId('accent-2');
      const ma = a.create('client', one, jose);
      const mb = b.create('client', two, plain);
      const results = (reversed ? [mb, ma] : [ma, mb]).map((m) => server.receive(m, USER_A));
      expect(results[1]?.notices).toContain('possible_duplicate');
      const flagged = [...server.conflicts.values()].filter((c) => c.rule === 'M10');
      expect(flagged).toHaveLength(1);
      expect([flagged[0]?.recordId, flagged[0]?.relatedRecordId].sort()).toEqual([one, two].sort());
    }
  });
});
