import { describe, expect, it } from 'vitest';
import {
  defaultScryptParams,
  generatePassword,
  PRODUCTION_SCRYPT_PARAMS,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  verifyDummyPassword,
  verifyPassword,
} from '../../../sync-server/src/auth/password';

describe('passwords', () => {
  it('hashes with scrypt N=2^15 r=8 p=1, a random salt, as scrypt$N$r$p$salt$hash', async () => {
    const a = await hashPassword('correct horse battery', PRODUCTION_SCRYPT_PARAMS);
    const b = await hashPassword('correct horse battery', PRODUCTION_SCRYPT_PARAMS);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('uses the production parameters unless a test run lowers them', () => {
    expect(defaultScryptParams({})).toEqual({ N: 2 ** 15, r: 8, p: 1 });
    expect(defaultScryptParams({ FIELDNOTE_TEST_SCRYPT_LOG2_N: '10' })).toEqual(
      PRODUCTION_SCRYPT_PARAMS,
    );
    expect(defaultScryptParams({ NODE_ENV: 'test', FIELDNOTE_TEST_SCRYPT_LOG2_N: '10' })).toEqual({
      N: 1024,
      r: 8,
      p: 1,
    });
    expect(defaultScryptParams({ NODE_ENV: 'test', FIELDNOTE_TEST_SCRYPT_LOG2_N: '99' })).toEqual(
      PRODUCTION_SCRYPT_PARAMS,
    );
  });

  it('verifies hashes made with other parameters', async () => {
    const cheap = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true);
  });

  it('treats malformed or hostile hashes as a non-match instead of throwing', async () => {
    const good = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
    const [, , , , salt, key] = good.split('$');
    for (const bad of [
      '',
      'plain',
      'bcrypt$10$abc',
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 24}$8$1$${salt}$${key}`, // would allocate gigabytes
      `scrypt$1024$8$1$$${key}`,
      `scrypt$1024$8$1$${salt}$`,
    ]) {
      expect(await verifyPassword('correct horse battery', bad)).toBe(false);
    }
    expect(await verifyPassword('x'.repeat(5000), good)).toBe(false);
  });

  it('spends a verification on unknown users and never matches', async () => {
    expect(await verifyDummyPassword('anything at all')).toBe(false);
  });

  it(`wants at least ${MIN_PASSWORD_LENGTH} characters for a new password`, () => {
    expect(passwordProblem('short')).toMatch(/at least 12 characters/);
    expect(passwordProblem(' '.repeat(12))).toMatch(/spaces/);
    expect(passwordProblem('x'.repeat(2000))).toMatch(/at most/);
    expect(passwordProblem('twelve chars')).toBeNull();
  });

  it('generates readable random passwords long enough to accept', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    expect(passwordProblem(a)).toBeNull();
    expect(generatePassword()).not.toBe(a);
  });
});
